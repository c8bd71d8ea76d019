"""What callers send (Query) and get back (Result): the contract between the service and the bot,
CLI or any HTTP API. A Result carries everything an answer needs to be honest, as data: the
figure, what it describes, where it came from, how reliable it is, and what changed from the
question and why. Nothing in it is a sentence for a reader: reasons, caveats, estimate methods
and datasets are keys (lmi_backend/notes.py, service/datasets.py) that a front end words in its
own way (lmi_backend/answers/words.py for the chat), so no layer parses another's English."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# dimensions of a cell, in the order a question names them
DIMENSIONS = ("soc", "region", "gender", "status", "qualification", "age")


@dataclass(frozen=True)
class Query:
    soc: int
    region: int | None = None  # LMI for All region code 1..12; None = UK
    gender: int | None = None  # 1 male, 2 female; None = all
    status: int | None = None  # 1 full-time, 2 part-time, 3 self-employed; None = all
    qualification: int | None = None  # RQF9 code 1..9 (LMI for All qualification codes); None = all
    age: int | None = None  # years


@dataclass(frozen=True)
class Changed:
    """One way the figure differs from the question: on `dimension`, the code asked and the code
    the figure is for (0 or None: all), why (a reason key: disclosure.TOO_FEW,
    notes.PROJECTIONS_ENGLAND_ONLY, ...), and the official names of both codes."""

    dimension: str
    asked: int | None
    given: int | None
    reason: str
    asked_name: str
    given_name: str


@dataclass(frozen=True)
class Citation:
    """One table a result rests on. `dataset` is a key (datasets.py) a front end can name in
    its own words; `year` is the period as plain years ("2021", "2010-2035")."""

    dataset: str
    publisher: str
    title: str
    table: str | None
    period: str | None
    year: str | None

    def text(self) -> str:
        """ "Office for National Statistics, Annual Survey of Hours and Earnings (ASHE), Table 14
        ..., 2021p": the table cited in full, for the record."""
        return ", ".join(x for x in (self.publisher, self.title, self.table, self.period) if x)


@dataclass
class Result:
    """`period` is "YYYY" or "YYYY-YYYY". `cell` holds the codes the figure describes
    (DIMENSIONS; 0 or None = all), `asked` the codes of the question; `breakdown` and
    `requested` name them for readers of the JSON. `unavailable` is the reason key when no
    figure could be given at all; `changes` what was changed to give one."""

    kind: str
    soc: int
    soc_title: str
    values: dict[str, float | None] = field(default_factory=dict)
    unit: str | None = None
    period: str | None = None
    geography: str = "United Kingdom"
    breakdown: dict[str, str] = field(default_factory=dict)
    source: str = ""
    provenance_ids: list[int] = field(default_factory=list)
    reliability: str = "no_data"  # reliable | small_sample | suppressed | no_data
    estimate: bool = False
    method: str | None = None  # how an estimate was made, for the record (estimate_method rows)
    method_keys: list[str] = field(default_factory=list)
    changes: list[Changed] = field(default_factory=list)
    unavailable: str | None = None
    requested: dict[str, str] = field(default_factory=dict)
    cell: dict[str, int | None] = field(default_factory=dict)
    asked: dict[str, int | None] = field(default_factory=dict)
    items: list[dict] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)  # keys: notes.CAVEATS
    citations: list[Citation] = field(default_factory=list)
    text: str | None = None
    # The occupation classification a figure was published in: ASHE is SOC2010 to 2021 and
    # SOC2020 from 2022. For SOC2020 the groups used, as data: [{"code", "title", "share"}]
    # (share = the share of the job's workers coded to the group, ONS dual coding).
    classification: str = "SOC2010"
    soc2020: list[dict] = field(default_factory=list)
    dataset: str | None = None  # a key naming the source where answers choose between two (outlook)

    @property
    def changed_job(self) -> bool:
        """The figure is for a wider job group than the one asked about."""
        return any(c.dimension == "soc" for c in self.changes)

    def to_dict(self) -> dict:
        return asdict(self)
