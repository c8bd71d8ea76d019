"""ETL: reads the published source files, validates them and builds the database atomically."""
