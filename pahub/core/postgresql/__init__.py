"""PA Hub's PostgreSQL backend: Django's own, binding parameters on the server, with integer
parameters never narrower than their values (`base.DatabaseOperations`)."""
