"""Support's data: safeguarding concerns and requests for help (docs/support.md)."""
