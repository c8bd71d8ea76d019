"""Estimate tables: detail computed at build time from the published facts (lmi_backend/estimates/).

They are kept apart from the fact tables so a published figure and an estimate can never be
confused. Every row names its method (`estimate_method`: plain words plus the provenance rows it
was computed from), and `est_fit` records how closely each fit reproduces the published totals.

What a cell means:
- est_employment: people in employment, 2019 (APS Jan-Dec 2019 level), in one SOC group (any
  level, 0 = all) x region (0 UK, 1-12) x sex (0 all) x status (0 all in employment, 1 full-time
  employees, 2 part-time employees, 3 self-employed, 4 all employees). Fitted by IPF; margins
  (region 0, gender 0, status 0/4) are sums of the fitted interior, so they add up exactly.
- est_employment_qualification / _age / _industry: people in employment, UK 2019, in a SOC group
  x one more dimension, fitted separately (the full cube would be mostly empty cells). A cell
  combining them with region/sex/status is the product of the cube cell and the SOC's share in
  that category: independence *within* an occupation, stated wherever such a figure is used.
- est_pay_relativity: multiplies a published UK pay figure of the same SOC to give the figure for
  a region (per pay measure), a qualification group or an age (any pay measure: measure NULL).
  Factors are normalised so the employment-weighted average over the dimension is 1, which
  makes employment-weighted estimates reproduce the published UK figure.
- est_hours: paid hours a week of a unit group, derived from published pay.
- est_outlook: England projection of a SOC group to 2035 spread from SOC2020 sub-major groups.
- soc_descriptor: O*NET ratings of a unit group: the soc_onet-weighted average over its linked
  O*NET occupations that have an unsuppressed rating (weights renormalised over those).
- soc_similarity: the nearest occupations to each unit group by skills and SOC neighbourhood.
- est_soc2020_link: how each unit group may use figures published in SOC2020 (ASHE 2022-2025,
  APS 2021-2024): its main SOC2020 group, the forward and reverse shares, the 2021 bridge, and
  the decision (pay: direct / combined / none; industries: direct / combined); the rule is in
  lmi_backend/estimates/soc2020_link.py, the figures are linked at query time.
- est_wf_share: a group's fixed share of the Working Futures group it is projected from.
"""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, Table, Text

from .metadata import metadata

estimate_method = Table(
    "estimate_method",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),
    Column("description", Text, nullable=False),  # plain words, shown to users with the figure
    Column("provenance_ids", Text, nullable=False),  # space-separated provenance.id values
)

est_fit = Table(  # how each fit met its published margins: the audit trail for every estimate
    "est_fit",
    metadata,
    Column("estimate", Text, primary_key=True),
    Column("margin", Text, primary_key=True),
    Column("cells", Integer, nullable=False),
    Column("max_rel_error", Float, nullable=False),
    Column("iterations", Integer, nullable=False),
    Column("converged", Boolean, nullable=False),
)


def _fk(name: str, target: str) -> Column:
    return Column(name, Integer, ForeignKey(target), nullable=False)


def _method() -> Column:
    return Column("method_id", Integer, ForeignKey("estimate_method.id"), nullable=False)


est_employment = Table(
    "est_employment",
    metadata,
    _fk("soc", "soc_group.code"),
    _fk("region", "region.code"),
    _fk("gender", "gender.code"),
    _fk("status", "status.code"),
    Column("value", Float, nullable=False),
    _method(),
)
Index(
    "ix_est_employment_cell",
    est_employment.c.soc,
    est_employment.c.region,
    est_employment.c.gender,
    est_employment.c.status,
    unique=True,
)


def _breakdown(name: str, column: str, target: str) -> Table:
    table = Table(
        name,
        metadata,
        _fk("soc", "soc_group.code"),
        _fk(column, target),
        Column("value", Float, nullable=False),
        _method(),
    )
    Index(f"ix_{name}", table.c.soc, table.c[column], unique=True)
    return table


est_employment_qualification = _breakdown(
    "est_employment_qualification", "qualification", "qualification.code"
)
est_employment_age = _breakdown("est_employment_age", "age_band", "age_band.code")
est_employment_industry = _breakdown("est_employment_industry", "industry", "industry.code")

est_pay_relativity = Table(
    "est_pay_relativity",
    metadata,
    _fk("soc", "soc_group.code"),
    Column("dimension", Text, nullable=False),  # region, qualification, age
    Column("code", Integer, nullable=False),  # region code, qualification code, age in years
    Column("measure", Text),  # annual/weekly/hourly/paid_hours_total; NULL = any pay
    Column("factor", Float, nullable=False),
    _method(),
)
Index(
    "ix_est_pay_relativity",
    est_pay_relativity.c.soc,
    est_pay_relativity.c.dimension,
    est_pay_relativity.c.code,
    est_pay_relativity.c.measure,
)

est_hours = Table(
    "est_hours",
    metadata,
    _fk("soc", "soc_group.code"),
    _fk("status", "status.code"),  # 1 full-time, 4 all employees
    Column("period", Text, ForeignKey("period.code"), nullable=False),
    Column("stat", Text, nullable=False),  # mean, median
    Column("value", Float, nullable=False),  # paid hours a week
    _method(),
)
Index("ix_est_hours", est_hours.c.soc, est_hours.c.status, est_hours.c.stat, unique=True)

est_outlook = Table(
    "est_outlook",
    metadata,
    _fk("soc", "soc_group.code"),
    _fk("gender", "gender.code"),
    Column("employment_base", Float, nullable=False),  # England, 2020 (thousands -> people)
    Column("employment_2035", Float, nullable=False),
    Column("net_change", Float, nullable=False),
    Column("replacement_demand", Float, nullable=False),
    Column("openings", Float, nullable=False),  # net change + replacement demand, 2020-2035
    _method(),
)
Index("ix_est_outlook", est_outlook.c.soc, est_outlook.c.gender, unique=True)

soc_descriptor = Table(
    "soc_descriptor",
    metadata,
    _fk("soc", "soc_group.code"),
    Column("element_id", Text, ForeignKey("onet_element.element_id"), nullable=False),
    Column("scale", Text, nullable=False),  # IM importance 1-5, LV level 0-7, OI interest 1-7
    Column("value", Float, nullable=False),
    Column("links", Integer, nullable=False),  # O*NET occupations averaged
)
Index("ix_soc_descriptor", soc_descriptor.c.soc, soc_descriptor.c.scale)

soc_similarity = Table(
    "soc_similarity",
    metadata,
    _fk("soc", "soc_group.code"),
    _fk("other", "soc_group.code"),
    Column("rank", Integer, nullable=False),
    Column("similarity", Float, nullable=False),  # blended score 0-1
    Column("skills_similarity", Float),  # cosine of O*NET skill profiles
    Column("same_minor_group", Boolean, nullable=False),
)
Index("ix_soc_similarity", soc_similarity.c.soc, soc_similarity.c.rank, unique=True)

est_soc2020_link = Table(  # how each SOC2010 unit group may use figures published in SOC2020
    "est_soc2020_link",
    metadata,
    Column("soc", Integer, ForeignKey("soc_group.code"), primary_key=True),
    Column("main_soc2020", Integer, ForeignKey("soc2020_group.code"), nullable=False),
    Column("forward_share", Float, nullable=False),  # share of the job's workers in main_soc2020
    Column("reverse_share", Float, nullable=False),  # share of main_soc2020's workers from the job
    Column("bridge_measure", Text),  # the pay measure the 2021 bridge compared (None: no figures)
    Column("bridge_ratio", Float),  # SOC2020 2021 figure (implied) / published SOC2010 2021 figure
    Column("combined_bridge_ratio", Float),  # the same for the share-weighted combination
    # direct: the main group's figures stand for the job; combined: a share-weighted estimate;
    # none: the job's figures stay in SOC2010 (2021 and before)
    Column("pay_link", Text, nullable=False),
    Column("industry_link", Text, nullable=False),  # direct | combined
    _method(),
)

est_wf_share = Table(  # fixed share of a unit group in the Working Futures group it is projected from
    "est_wf_share",
    metadata,
    _fk("soc", "soc_group.code"),
    _fk("group_soc", "soc_group.code"),  # its sub-major (or major) group
    Column("share", Float, nullable=False),
    _method(),
)
Index("ix_est_wf_share", est_wf_share.c.soc, est_wf_share.c.group_soc, unique=True)
