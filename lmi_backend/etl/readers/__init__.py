"""One reader per source family; each is a `load(ctx)` function listed in etl/steps.py."""
