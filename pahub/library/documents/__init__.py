"""Templates that fill themselves from PA Hub's data (see placeholders for the one syntax)."""
