"""The embedded LMI database: a star schema of dimensions, facts and provenance."""
