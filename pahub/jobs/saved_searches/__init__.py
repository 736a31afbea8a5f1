"""Jobs: saved_searches feature."""
