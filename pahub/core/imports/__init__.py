"""Bulk import of a council's lists (a PA register, a job list) from CSV or XLSX.

The generic half lives here: reading a file, mapping its columns, the run with its row
results, and the chunked runner that resumes after a crash. What a row *means* belongs to the
app that owns the records: each app registers a kind in an `imports` module of its own
(`pahub/register/imports.py`, `pahub/jobs/imports.py`), found with `autodiscover_modules`, so
core never imports an app above it. docs/imports.md explains the choices.
"""
