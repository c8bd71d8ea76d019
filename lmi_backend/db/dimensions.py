"""Dimension tables: the codes every fact is keyed on.

Codes follow LMI for All where it had them (regions 1-12, qualifications 1-9) and use 0 for
"all" (UK, both sexes, every status...) so fact keys never hold NULL. Coarser groupings of the
same dimension get their own code range in one table (qualification groups 101-106 and 201-203,
industry groups 101-122 and 201-206) so one foreign key serves every level.
"""

from sqlalchemy import Column, ForeignKey, Integer, Table, Text

from .metadata import metadata

soc_group = Table(
    "soc_group",
    metadata,
    Column("code", Integer, primary_key=True),
    # digits: 1 major, 2 sub-major, 3 minor, 4 unit; level 0 is code 0, "All occupations",
    # the total row published tables carry
    Column("level", Integer, nullable=False),
    Column("parent", Integer, ForeignKey("soc_group.code")),
    Column("title", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("skill_level", Integer),
    Column("entry_routes", Text),  # unit groups only
)

soc_task = Table(
    "soc_task",
    metadata,
    Column("soc", Integer, ForeignKey("soc_group.code"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("task", Text, nullable=False),
)

region = Table(
    "region",
    metadata,
    Column("code", Integer, primary_key=True),  # 0 = United Kingdom, 1-12 LMI for All codes
    Column("name", Text, nullable=False),
    Column("nation", Text, nullable=False),
)

area = Table(  # NUTS3 areas (APS 2019), each inside one region
    "area",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("region", Integer, ForeignKey("region.code")),
)

gender = Table(
    "gender",
    metadata,
    Column("code", Integer, primary_key=True),  # 0 all, 1 male, 2 female
    Column("name", Text, nullable=False),
)

status = Table(
    "status",
    metadata,
    # 0 all in employment, 1 full-time employees, 2 part-time employees, 3 self-employed,
    # 4 all employees (ASHE's "all employee jobs")
    Column("code", Integer, primary_key=True),
    Column("name", Text, nullable=False),
)

qualification = Table(
    "qualification",
    metadata,
    # scheme rqf9: 1-9 (LMI for All codes); rqf6: 101-106; band3: 201-203 (high/medium/low);
    # aps2019: 301-307 (the APS "highest qualification" categories); 0 = all
    Column("code", Integer, primary_key=True),
    Column("scheme", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("group6", Integer, ForeignKey("qualification.code")),
    Column("group3", Integer, ForeignKey("qualification.code")),
)

industry = Table(
    "industry",
    metadata,
    # level 75: codes 1-75; level 22: 101-122; level 6: 201-206 (Working Futures scheme); 0 = all
    Column("code", Integer, primary_key=True),
    Column("level", Integer, nullable=False),
    Column("parent", Integer, ForeignKey("industry.code")),
    Column("name", Text, nullable=False),
)

sic_industry = Table(  # SIC2007 4-digit classes as published in APS 2019, mapped to WF industries
    "sic_industry",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("industry", Integer, ForeignKey("industry.code")),
)

sic_section = Table(  # SIC2007 sections A-S (the APS SOC2020 x industry tables)
    "sic_section",
    metadata,
    Column("code", Text, primary_key=True),
    Column("name", Text, nullable=False),
)

age_band = Table(
    "age_band",
    metadata,
    Column("code", Integer, primary_key=True),  # 0 all ages, else APS band codes (4 = 16-19 ...)
    Column("label", Text, nullable=False),
    Column("age_min", Integer),
    Column("age_max", Integer),
)

period = Table(
    "period",
    metadata,
    Column("code", Text, primary_key=True),  # e.g. "2021", "2018Q2", "2020-2035"
    Column("label", Text, nullable=False),
    Column("year", Integer, nullable=False),
)
