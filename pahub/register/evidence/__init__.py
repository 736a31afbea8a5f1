"""Evidence a PA uploads (DBS, right to work, training): forms, services, views and URLs."""
