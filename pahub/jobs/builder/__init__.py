"""Jobs: builder feature."""
