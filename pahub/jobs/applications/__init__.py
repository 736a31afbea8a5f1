"""Jobs: applications feature."""
