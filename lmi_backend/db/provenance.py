"""Provenance: every fact row points here, so every figure can name its source, year and table."""

from sqlalchemy import Column, Integer, Table, Text

from .metadata import metadata

provenance = Table(
    "provenance",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_file", Text, nullable=False),  # path relative to the sources directory
    Column("sha256", Text, nullable=False),
    Column("publisher", Text, nullable=False),
    Column("dataset", Text, nullable=False),
    Column("table_ref", Text),
    Column("period", Text),
    Column("licence", Text, nullable=False),
    Column("attribution", Text, nullable=False),
    Column("url", Text),
    Column("rows_read", Integer, nullable=False, default=0),
    Column("rows_loaded", Integer, nullable=False, default=0),
)

build_info = Table(
    "build_info",
    metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)
