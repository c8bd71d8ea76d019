"""The one MetaData every table module registers on, so `schema.create_schema` builds the whole schema."""

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, Text

metadata = MetaData()


def fact_columns() -> list[Column]:
    """Columns every fact table carries.

    A published cell is either a number or a documented reason it is missing ('x', '*', '..',
    ':', 'n/a', '-'); suppressed cells are never stored as zero. Every row points at the source
    file it came from.
    """
    return [
        Column("id", Integer, primary_key=True),
        Column("value", Float),
        Column("missing_reason", Text),
        Column("provenance_id", Integer, ForeignKey("provenance.id"), nullable=False),
    ]
