"""Fact tables as published: employment, pay, hours, projections, vacancies.

Facts are stored long (one number per row) so each cell can carry its own missing reason and
provenance. Estimates computed from these live in their own tables, never mixed with them.
"""

from sqlalchemy import Column, ForeignKey, Index, Integer, Table, Text

from .metadata import fact_columns, metadata


def _fk(name: str, target: str, **kw) -> Column:
    return Column(name, Integer, ForeignKey(target), nullable=False, **kw)


employment = Table(
    "fact_employment",
    metadata,
    *fact_columns(),
    _fk("soc", "soc_group.code"),
    _fk("region", "region.code", default=0),
    Column("area", Text, ForeignKey("area.code")),  # NUTS3 cells; NULL = the whole region
    _fk("gender", "gender.code", default=0),
    _fk("status", "status.code", default=0),
    _fk("qualification", "qualification.code", default=0),
    _fk("age_band", "age_band.code", default=0),
    _fk("industry", "industry.code", default=0),
    Column("sic", Text, ForeignKey("sic_industry.code")),  # SIC4 cells; NULL = all industries
    Column("period", Text, ForeignKey("period.code"), nullable=False),
)
Index(
    "ix_employment_cell",
    employment.c.soc,
    employment.c.period,
    employment.c.region,
    employment.c.gender,
    employment.c.status,
)


def _ashe_table(name: str) -> Table:
    """ASHE tables share one shape: a measure (annual/weekly/hourly pay, paid hours) and a
    statistic (median, mean, p10..p90, jobs in thousands) for a SOC group in a cell."""
    table = Table(
        name,
        metadata,
        *fact_columns(),
        _fk("soc", "soc_group.code"),  # 0 = all occupations ("All employees")
        _fk("region", "region.code", default=0),
        _fk("gender", "gender.code", default=0),
        _fk("status", "status.code", default=4),
        Column("period", Text, ForeignKey("period.code"), nullable=False),
        Column("measure", Text, nullable=False),
        Column("stat", Text, nullable=False),
        Column("quality", Text),  # ONS quality band of the estimate, where published
    )
    Index(
        f"ix_{name}_cell",
        table.c.soc,
        table.c.measure,
        table.c.period,
        table.c.gender,
        table.c.status,
        table.c.region,
    )
    return table


pay = _ashe_table("fact_pay")  # measures: annual, weekly, hourly (gross, GBP)
hours = _ashe_table("fact_hours")  # measures: paid_hours_total (per week)

# Skills Imperative 2035 publishes SOC2020 sub-major groups; kept in that classification and
# mapped to SOC2010 by the estimation step through the ONS dual-coding crosswalk.
soc2020_group = Table(
    "soc2020_group",
    metadata,
    Column("code", Integer, primary_key=True),
    Column("level", Integer, nullable=False),
    Column("parent", Integer, ForeignKey("soc2020_group.code")),
    Column("title", Text, nullable=False),
)

soc2010_soc2020 = Table(  # share of each SOC2010 unit group's jobs coded to each SOC2020 group
    "soc2010_soc2020",
    metadata,
    *fact_columns(),  # value = proportion 0-1
    _fk("soc2010", "soc_group.code"),
    Column("soc2020", Integer, nullable=False),  # SOC2020 unit group (4-digit)
    Column("sample", Integer),  # dual-coded jobs (LFS + Census, men + women) behind the proportion
)

projection = Table(
    "fact_projection",
    metadata,
    *fact_columns(),  # thousands of people, England
    _fk("soc2020", "soc2020_group.code"),  # 0 = all occupations
    _fk("gender", "gender.code", default=0),
    Column("period", Text, ForeignKey("period.code"), nullable=False),
    Column("measure", Text, nullable=False),  # employment, net_change, replacement_demand, total_requirement
)

industry_projection = Table(
    "fact_industry_projection",
    metadata,
    *fact_columns(),  # thousands of people, England
    _fk("industry", "industry.code"),
    Column("period", Text, ForeignKey("period.code"), nullable=False),
    Column("measure", Text, nullable=False),
)

vacancy = Table(
    "fact_vacancy",
    metadata,
    *fact_columns(),
    _fk("soc", "soc_group.code"),
    _fk("region", "region.code", default=0),
    Column("period", Text, ForeignKey("period.code"), nullable=False),
    # vacancies, hard_to_fill, skill_shortage, hard_to_fill_pct, skill_shortage_pct,
    # establishments_sampled (unweighted establishments reporting a vacancy)
    Column("measure", Text, nullable=False),
)
Index("ix_vacancy_soc", vacancy.c.soc, vacancy.c.measure)
