"""Staff pages and API for bulk imports (/staff/imports/, /api/v1/imports/).

They live in accounts because an import belongs to an organisation and is run by its staff;
the import itself (pahub.core.imports) and what each kind of row means (the register's and
jobs' `imports` modules) are elsewhere.
"""
