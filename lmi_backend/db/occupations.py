"""What a job is: job titles, O*NET descriptors linked through a weighted crosswalk, and
apprenticeship standards.
"""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, Table, Text

from .metadata import fact_columns, metadata

job_title = Table(
    "job_title",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("soc", Integer, ForeignKey("soc_group.code"), nullable=False),
    Column("title", Text, nullable=False),  # as published ("Engineer, heating")
    Column("natural_title", Text, nullable=False),  # natural order ("heating engineer")
    Column("qualifier", Text),  # industry/additional qualifiers, if any
    Column("source", Text, nullable=False),  # coding_index, coding_tool, related, unit_title
    Column("provenance_id", Integer, ForeignKey("provenance.id"), nullable=False),
)
Index("ix_job_title_soc", job_title.c.soc)

onet_occupation = Table(
    "onet_occupation",
    metadata,
    Column("code", Text, primary_key=True),  # O*NET-SOC 2019, e.g. 47-2152.00
    Column("title", Text, nullable=False),
    Column("description", Text),
    Column("job_zone", Integer),
)

onet_element = Table(
    "onet_element",
    metadata,
    Column("element_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    # skills, knowledge, abilities, interests, work_styles, work_values
    Column("domain", Text, nullable=False),
)

onet_value = Table(
    "fact_onet",
    metadata,
    *fact_columns(),
    Column("onet_code", Text, nullable=False),  # not a foreign key: abilities use 2010 codes
    Column("element_id", Text, ForeignKey("onet_element.element_id"), nullable=False),
    Column("scale", Text, nullable=False),  # IM importance 1-5, LV level 0-7, OI interest 1-7 ...
    Column("n", Integer),
    Column("recommend_suppress", Boolean),
    Column("not_relevant", Boolean),
)
Index("ix_onet_code", onet_value.c.onet_code, onet_value.c.scale)

onet_job_zone = Table(
    "onet_job_zone",
    metadata,
    Column("zone", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("experience", Text),
    Column("education", Text),
    Column("training", Text),
    Column("examples", Text),
)

soc_onet = Table(  # weighted UK SOC2010 -> O*NET-SOC links; weights of one SOC sum to 1
    "soc_onet",
    metadata,
    Column("soc", Integer, ForeignKey("soc_group.code"), primary_key=True),
    Column("onet_code", Text, primary_key=True),
    Column("weight", Float, nullable=False),
    Column("route", Text, nullable=False),
    Column("provenance_id", Integer, ForeignKey("provenance.id"), nullable=False),
)

apprenticeship_standard = Table(
    "apprenticeship_standard",
    metadata,
    Column("reference", Text, primary_key=True),  # ST0xxx
    Column("lars_code", Integer),
    Column("title", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("route", Text),
    Column("duration_months", Integer),
    Column("max_funding", Integer),
    Column("overview", Text),
    Column("status", Text),
    Column("provenance_id", Integer, ForeignKey("provenance.id"), nullable=False),
)

apprenticeship_job_title = Table(
    "apprenticeship_job_title",
    metadata,
    Column("reference", Text, ForeignKey("apprenticeship_standard.reference"), primary_key=True),
    Column("title", Text, primary_key=True),
)

apprenticeship_soc = Table(  # standard <-> occupation links made by coding job titles
    "apprenticeship_soc",
    metadata,
    Column("reference", Text, ForeignKey("apprenticeship_standard.reference"), primary_key=True),
    Column("soc", Integer, ForeignKey("soc_group.code"), primary_key=True),
    Column("score", Float, nullable=False),
    Column("method", Text, nullable=False),  # coder or override
)
Index("ix_apprenticeship_soc_soc", apprenticeship_soc.c.soc)
