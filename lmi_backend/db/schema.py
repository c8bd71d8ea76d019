"""Imports every table module so `metadata` holds the whole schema."""

from . import coder, dimensions, estimates, facts, graduates, occupations, places, provenance  # noqa: F401  (registers tables)
from .metadata import metadata

__all__ = ["metadata"]
