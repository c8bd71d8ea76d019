"""Local authorities and postcode districts, and the Census 2011 figures kept by local authority.

A place someone names (a town, a postcode, a position) is resolved to a 2020 local authority
district (LAD) through these tables; census figures are keyed on the same LAD codes.
"""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, Table, Text

from .metadata import fact_columns, metadata

local_authority = Table(  # the 379 UK local authority districts of April 2020
    "local_authority",
    metadata,
    Column("code", Text, primary_key=True),  # E08000035
    Column("name", Text, nullable=False),  # Leeds
    Column("region", Integer, ForeignKey("region.code"), nullable=False),  # LMI for All code 1-12
    Column("country", Text, nullable=False),
    Column("in_census2011", Boolean, nullable=False),  # England and Wales: census rows exist
)

postcode_district = Table(  # outward codes (LS6, SW1A) -> the authority holding most postcodes
    "postcode_district",
    metadata,
    Column("district", Text, primary_key=True),
    Column("area", Text, nullable=False),  # the leading letters: LS, SW
    Column("lad", Text, ForeignKey("local_authority.code"), nullable=False),
    Column("lad_share", Float, nullable=False),  # % of the district's postcodes in `lad`
    Column("second_lad", Text, ForeignKey("local_authority.code")),
    Column("second_share", Float),
    Column("postcodes", Integer, nullable=False),
    Column("latitude", Float, nullable=False),  # unweighted postcode centroid, WGS84
    Column("longitude", Float, nullable=False),
    Column("provenance_id", Integer, ForeignKey("provenance.id"), nullable=False),
)

census_occupation = Table(  # Census 2011 QS606EW: usual residents 16-74 in employment, persons
    "fact_census_occupation",
    metadata,
    *fact_columns(),
    Column("lad", Text, ForeignKey("local_authority.code"), nullable=False),
    Column("soc", Integer, ForeignKey("soc_group.code"), nullable=False),  # 0 = everyone in work
    Column("period", Text, ForeignKey("period.code"), nullable=False),
)
Index("ix_census_occupation", census_occupation.c.lad, census_occupation.c.soc)
