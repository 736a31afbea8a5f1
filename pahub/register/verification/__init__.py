"""Staff verification of PA evidence: forms and services."""
