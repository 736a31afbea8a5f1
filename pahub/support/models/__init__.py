"""Support's data: safeguarding concerns and requests for help (docs/support.md)."""

from pahub.support.models.concerns import Concern, ConcernNote

__all__ = ["Concern", "ConcernNote"]
