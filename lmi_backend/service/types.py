"""What callers send (Query) and get back (Result): the contract between the service and the bot,
CLI or any HTTP API (see the helpers' interface notes). A Result carries everything an answer
needs to be honest: the figure, what it describes, where it came from, how reliable it is and
what changed from the question."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Query:
    soc: int
    region: int | None = None  # LMI for All region code 1..12; None = UK
    gender: int | None = None  # 1 male, 2 female; None = all
    status: int | None = None  # 1 full-time, 2 part-time, 3 self-employed; None = all
    qualification: int | None = None  # RQF9 code 1..9 (LMI for All qualification codes); None = all
    age: int | None = None  # years


@dataclass
class Result:
    kind: str
    soc: int
    soc_title: str
    values: dict[str, float | None]
    unit: str | None
    period: str | None
    geography: str
    breakdown: dict[str, str]
    source: str
    provenance_ids: list[int]
    reliability: str  # reliable | small_sample | suppressed | no_data
    estimate: bool
    method: str | None
    fallback: str | None
    requested: dict[str, str]
    items: list[dict] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    text: str | None = None
    # The occupation classification a figure was published in: ASHE is SOC2010 to 2021 and
    # SOC2020 from 2022. For SOC2020 the groups used, as data: [{"code", "title", "share"}]
    # (share = the share of the job's workers coded to the group, ONS dual coding).
    classification: str = "SOC2010"
    soc2020: list[dict] = field(default_factory=list)
    dataset: str | None = None  # a key naming the source where answers choose between two (outlook)
    reason: str | None = None  # why there is no figure, as a code, where the data has none by design

    def to_dict(self) -> dict:
        return asdict(self)
