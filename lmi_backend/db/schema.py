"""Imports every table module so `metadata` holds the whole schema, and creates it."""

from sqlalchemy import Index, Table
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateTable

from . import coder, dimensions, estimates, facts, graduates, occupations, places, provenance  # noqa: F401  (registers tables)
from .metadata import metadata

__all__ = ["create_schema", "indexes_in_order", "metadata"]


def indexes_in_order(table: Table) -> list[Index]:
    """A table's indexes by name: SQLAlchemy keeps them in a set, and creating them in set order
    made two builds of the same sources differ in sqlite_master's order (and in any dump)."""
    return sorted(table.indexes, key=lambda index: str(index.name))


def create_schema(conn: Connection) -> None:
    """Every table, then its indexes in name order, so the same sources give the same file."""
    for table in metadata.sorted_tables:
        conn.execute(CreateTable(table))
        for index in indexes_in_order(table):
            index.create(conn)
