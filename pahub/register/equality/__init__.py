"""Equality monitoring: an optional, separate questionnaire a PA may answer or decline.

Special-category data (UK GDPR Article 9). The answers are read only by the PA and, as counts
of 5 or more, by councils. Matching, jobs, cover, employers, messaging and the register's
employer-facing pages may not import this package (import-linter contract in pyproject.toml),
so nothing an employer sees or any match can depend on them (docs/equality-monitoring.md).
"""
