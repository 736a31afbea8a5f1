"""The cover API: `schemas` (what each call accepts and returns) and `endpoints` (thin: parse,
check permission, call a service, query or presenter). `pahub.api` mounts `router`."""

from pahub.cover.api.endpoints import router

__all__ = ["router"]
