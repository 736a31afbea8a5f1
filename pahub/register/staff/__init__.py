"""Staff pages and API for the register."""
