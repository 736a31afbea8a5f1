"""The PA profile: forms, services, views and URLs."""
