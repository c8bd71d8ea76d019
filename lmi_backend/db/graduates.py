"""Graduates' pay by degree subject (Discover Uni sector files): the subjects, named from the
HESA CAH lookup, and their pay figures as published, one number per row like the other facts."""

from sqlalchemy import Column, ForeignKey, Index, Integer, Table, Text

from .metadata import fact_columns, metadata

graduate_subject = Table(
    "graduate_subject",
    metadata,
    Column("code", Text, primary_key=True),  # HESA CAH v1.3 code, "CAH20-01-01"
    Column("name", Text, nullable=False),  # HESA's name, "History"
    Column("say", Text, nullable=False),  # as the chat names it, "history"
    Column("parent", Text),  # the wider CAH group, "CAH20-01"; NULL at the top level
)

graduate_pay = Table(
    "fact_graduate_pay",
    metadata,
    *fact_columns(),  # GBP a year; for stat "graduates", people
    Column("subject", Text, nullable=False),  # CAH code as the file gives it
    Column("mode", Integer, nullable=False),  # KISMODE: 1 full-time study, 2 part-time
    Column("level", Integer, nullable=False),  # KISLEVEL: 3 first degree, 4 other undergraduate
    Column("nation", Text, nullable=False),  # UK, England, Wales, Scotland, Northern Ireland
    # after_15_months (Graduate Outcomes survey); after_3_years, after_5_years (LEO tax records)
    Column("measure", Text, nullable=False),
    Column("stat", Text, nullable=False),  # lower_quartile, median, upper_quartile, graduates
    Column("period", Text, ForeignKey("period.code"), nullable=False),
)
Index("ix_graduate_pay_subject", graduate_pay.c.subject, graduate_pay.c.measure)
