"""build: the catalog and findings become pages, files and assets."""
