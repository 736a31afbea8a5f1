"""A PA's self-assessment and learning plan: forms, services, queries, views, URLs and API."""
