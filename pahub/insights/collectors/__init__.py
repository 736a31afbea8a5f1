"""One module per subject; each registers its collectors with `summaries.collector`."""
