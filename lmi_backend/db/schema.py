"""Imports every table module so `metadata` holds the whole schema."""
from . import dimensions, facts, occupations, provenance  # noqa: F401  (registers tables)
from .metadata import metadata

__all__ = ["metadata"]
