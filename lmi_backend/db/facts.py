"""Fact tables as published: employment, pay, hours, projections, vacancies.

Facts are stored long (one number per row) so each cell can carry its own missing reason and
provenance. Estimates computed from these live in their own tables, never mixed with them.
"""

from sqlalchemy import Column, ForeignKey, Index, Integer, PrimaryKeyConstraint, Table, Text

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


def _ashe_table(name: str, soc_target: str = "soc_group.code", keyed: bool = False) -> Table:
    """ASHE tables share one shape: a measure (annual/weekly/hourly pay, paid hours) and a
    statistic (median, mean, p10..p90, jobs in thousands, ONS's % changes on the year before)
    for a SOC group in a cell. `keyed`: stored in the order of the cell key (SQLite WITHOUT
    ROWID) instead of rows plus an index, which for a table of a million rows halves its size;
    the key starts with what a published table is laid out by (measure, sheet), so a file's rows
    arrive nearly in key order, and ends with the period, which lookups take a range of."""
    key = ("soc", "measure", "period", "gender", "status", "region")
    keyed_order = ("measure", "gender", "status", "soc", "region", "period", "stat")
    columns = [c for c in fact_columns() if not (keyed and c.name == "id")]
    table = Table(
        name,
        metadata,
        *columns,
        _fk("soc", soc_target),  # 0 = all occupations ("All employees")
        _fk("region", "region.code", default=0),
        _fk("gender", "gender.code", default=0),
        _fk("status", "status.code", default=4),
        Column("period", Text, ForeignKey("period.code"), nullable=False),
        Column("measure", Text, nullable=False),
        Column("stat", Text, nullable=False),
        Column("quality", Text),  # ONS quality band of the estimate, where published
        *([PrimaryKeyConstraint(*keyed_order)] if keyed else []),
        sqlite_with_rowid=not keyed,
    )
    if not keyed:
        Index(f"ix_{name}_cell", *(table.c[k] for k in key))
    return table


pay = _ashe_table("fact_pay")  # measures: annual, weekly, hourly (gross, GBP)
hours = _ashe_table("fact_hours")  # measures: paid_hours_total (per week)

# SOC2020, the classification of Skills Imperative 2035 (major and sub-major groups) and of
# ASHE from 2022 and the APS from 2021 (down to unit groups). Figures published in SOC2020 are
# kept in it and linked to SOC2010 unit groups through the ONS dual-coding crosswalk.
soc2020_group = Table(
    "soc2020_group",
    metadata,
    Column("code", Integer, primary_key=True),  # 0 = all occupations
    Column("level", Integer, nullable=False),  # 1 major ... 4 unit group
    Column("parent", Integer, ForeignKey("soc2020_group.code")),
    Column("title", Text, nullable=False),
)

# ASHE Table 14, 2022-2025 provisional, as published in SOC2020 (UK: region is always 0).
pay_soc2020 = _ashe_table("fact_pay_soc2020", "soc2020_group.code", keyed=True)
hours_soc2020 = _ashe_table("fact_hours_soc2020", "soc2020_group.code", keyed=True)

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

# Working Futures 2017-2027 (UK, SOC2010 major and sub-major groups, thousands of jobs): yearly
# employment 2007-2027, and levels, net change and replacement demand by sex, qualification,
# status and industry. A breakdown the workbook does not give is 0 ("all") on that dimension.
wf_projection = Table(
    "fact_wf_projection",
    metadata,
    *fact_columns(),
    _fk("soc", "soc_group.code"),  # 0 = all occupations
    _fk("gender", "gender.code", default=0),
    _fk("status", "status.code", default=0),
    _fk("qualification", "qualification.code", default=0),
    _fk("industry", "industry.code", default=0),
    Column("period", Text, ForeignKey("period.code"), nullable=False),
    Column("measure", Text, nullable=False),  # employment, net_change, replacement_demand, total_requirement
)
Index("ix_wf_projection", wf_projection.c.soc, wf_projection.c.measure)

# APS 2021-2024 employment (persons) by SOC2020 unit group x SIC2007 section, UK.
employment_soc2020_industry = Table(
    "fact_employment_soc2020_industry",
    metadata,
    *fact_columns(),
    _fk("soc2020", "soc2020_group.code"),  # 0 = all occupations (the sheet's Total row)
    Column("section", Text, ForeignKey("sic_section.code"), nullable=False),
    Column("period", Text, ForeignKey("period.code"), nullable=False),
)
Index("ix_employment_soc2020_industry", employment_soc2020_industry.c.soc2020)
