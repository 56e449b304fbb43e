"""load: read the repository once into a frozen Catalog; a parse failure is a finding."""
