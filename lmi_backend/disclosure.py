"""The disclosure layer: LMI for All's checking algorithm, in one place.

Every figure the service returns is decided here (DESIGN.md section 2):
- a cell is defined by occupation, region, sex, employment status, qualification and age;
- employment in the cell below 1,000 -> no figure; the answer says what was asked, why it cannot
  be given, and gives the nearest reliable figure one rung at a time up the ladder below;
- employment 1,000-10,000 -> the figure, flagged "small_sample";
- pay and hours are checked against the employment of the same cell;
- Employer Skills Survey figures from fewer than 50 establishments are not reported;
- graduates' pay by degree subject from fewer than 50 graduates is not reported, and from 50-199
  is flagged "small_sample" (GRADUATES below says why).
- Working Futures projections follow the workbook's own warning: figures should rest on at
  least 10,000 people in the cell (flagged below that) and never on fewer than 1,000;
- Census 2011 counts are full counts with ONS's disclosure control already applied: released;
- a table of cells (a series, a breakdown) is released cell by cell (`release`).

The ladder relaxes the question in a fixed order, changing what matters least to the asker
first: qualification (nine RQF levels -> six survey groups -> three bands -> all), age (-> all
ages), region (-> UK), status (-> all), sex (-> all), and the occupation last (4-digit -> 3 ->
2-digit), because the job is the heart of the question. The six qualification groups are the
Annual Population Survey's (codes 301-306), since the employment behind every check is published
in them; they match the old NQF levels the design refers to.

How far a figure may move from the question is the caller's choice (`Fallback`): the whole ladder
(the chatbot, which says in words what changed); only up the occupation hierarchy (the API's
`coarse=true`, whose answer can say which group it describes only by its SOC code); or not at all
(`coarse=false`: the cell asked for, or no figure). The last two give no figure either when a
source does not cover a dimension asked for, since the answer could not say so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from typing import Generic, TypeVar

SUPPRESS_BELOW = 1_000
SMALL_SAMPLE_BELOW = 10_000
ESS_MIN_ESTABLISHMENTS = 50
# Graduates' pay by subject (Discover Uni) counts the graduates behind each figure. The middle
# of n salaries varies from sample to sample by about 1.25 x sigma / sqrt(n) (its coefficient of
# variation), sigma being the spread of log salaries (interquartile range / 1.35). For 9 in 10
# of the published cells sigma is at most 0.38 (15 months on) and 0.58 (LEO, 3 and 5 years on),
# so 50 graduates keep the median's CV at about 10% or less, the edge of ONS's "reasonably
# precise" band for ASHE (above 10%: "use with caution"), and 200 at about 5% or less ("precise").
# So the same two tiers as the employment rule: below 50 no figure, 50-199 a small sample. The
# files themselves publish medians of as few as 10 graduates: their rounding protects people's
# privacy, not a figure's reliability, which is what a young person choosing a degree needs.
GRADUATES_SUPPRESS_BELOW = 50
GRADUATES_SMALL_SAMPLE_BELOW = 200

RELIABLE, SMALL_SAMPLE, SUPPRESSED, NO_DATA = "reliable", "small_sample", "suppressed", "no_data"
RELEASED = (RELIABLE, SMALL_SAMPLE)

# Qualification ladder. RQF levels with an exact survey equivalent are mapped to it before the
# check (EXACT); the others step to the survey group containing them, then to a three-way band.
QUAL_EXACT = {6: 303, 7: 304, 9: 306}
QUAL_PARENT = {
    1: 301,
    2: 301,
    3: 301,
    4: 302,
    5: 302,
    8: 305,
    301: 201,
    302: 201,
    303: 202,
    304: 202,
    305: 202,
    306: 0,  # 306 is band 203
    201: 0,
    202: 0,
    203: 0,
}
SOC_TOP_DIGITS = 2  # never fall back further than a sub-major group
ALL_JOBS = 0  # the SOC code of all occupations together
LADDER_ORDER = ("qualification", "age", "region", "status", "gender", "soc")


class Fallback(str, Enum):
    LADDER = "ladder"  # any rung up the ladder
    OCCUPATION = "occupation"  # only a wider SOC group, every other dimension as asked
    EXACT = "exact"  # the cell asked for or nothing


# why a cell gave no figure: keys, worded by each front end (lmi_backend/answers/words.py)
TOO_FEW = "too_few_people"  # fewer than 1,000 people in the cell
TOO_FEW_ESTABLISHMENTS = "too_few_employers"  # fewer than 50 establishments answered
NOT_PUBLISHED = "not_published"  # the sources give no figure for the cell
TOO_FEW_GRADUATES = "too_few_graduates"  # fewer than 50 graduates behind a subject's figure


def _tiered(size: float | None, suppress_below: float, small_sample_below: float) -> str:
    if size is None:
        return NO_DATA
    if size < suppress_below:
        return SUPPRESSED
    return SMALL_SAMPLE if size < small_sample_below else RELIABLE


TOO_FEW_PROJECTED = "too_few_projected"  # a projection resting on fewer than 1,000 people
# Working Futures 2017-2027, Warning sheet: published figures should rest on at least 10,000
# people per cell, and even unpublished analysis on at least 1,000.
PROJECTION_FLAG_BELOW = 10_000
PROJECTION_MIN = 1_000


def employment_reliability(employment: float | None) -> str:
    return _tiered(employment, SUPPRESS_BELOW, SMALL_SAMPLE_BELOW)


def establishments_reliability(establishments: float | None) -> str:
    if establishments is None:
        return NO_DATA
    return SUPPRESSED if establishments < ESS_MIN_ESTABLISHMENTS else RELIABLE


def graduates_reliability(graduates: float | None) -> str:
    return _tiered(graduates, GRADUATES_SUPPRESS_BELOW, GRADUATES_SMALL_SAMPLE_BELOW)


def projection_reliability(people: float | None) -> str:
    """A projected cell judged by its own projected employment (the workbook's warning)."""
    return _tiered(people, PROJECTION_MIN, PROJECTION_FLAG_BELOW)


def count_reliability(count: float | None) -> str:
    """Census counts are not sample estimates: every published count is released as it is."""
    return NO_DATA if count is None else RELIABLE


@dataclass(frozen=True)
class Cell:
    """The group a figure describes; 0 (None for age) means "all" on that dimension."""

    soc: int
    region: int = 0
    gender: int = 0
    status: int = 0
    qualification: int = 0
    age: int | None = None  # years


@dataclass(frozen=True)
class Change:
    """A dimension of the question changed to give a figure: the code asked, the code given and
    the reason key."""

    dimension: str
    asked: int | None
    given: int | None
    reason: str


@dataclass(frozen=True)
class Rule:
    """How a cell's size is judged: employment (people) or ESS establishments."""

    classify: Callable[[float | None], str]
    too_small: str


EMPLOYMENT = Rule(employment_reliability, TOO_FEW)
ESTABLISHMENTS = Rule(establishments_reliability, TOO_FEW_ESTABLISHMENTS)
GRADUATES = Rule(graduates_reliability, TOO_FEW_GRADUATES)
PROJECTION = Rule(projection_reliability, TOO_FEW_PROJECTED)
CENSUS = Rule(count_reliability, NOT_PUBLISHED)

T = TypeVar("T")


def worst(reliabilities: Iterable[str]) -> str:
    """A table's reliability: its least reliable released cell; no_data when none was released."""
    given = [r for r in reliabilities if r in RELEASED]
    if not given:
        return NO_DATA
    return SMALL_SAMPLE if SMALL_SAMPLE in given else RELIABLE


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What may leave the service for one requested cell."""

    requested: Cell
    used: Cell | None  # the cell the figure describes; None when nothing can be given
    figure: T | None  # None unless reliability is reliable or small_sample
    size: float | None  # employment (or establishments) of the cell used
    reliability: str
    changes: tuple[Change, ...]
    reason: str | None = None  # why the requested cell itself could not be given

    @property
    def released(self) -> bool:
        return self.reliability in RELEASED


def coarser(cell: Cell, dimension: str, all_status: int = 0) -> Cell | None:
    """One rung up the ladder on one dimension, or None when it is already at the top."""
    value = getattr(cell, dimension)
    if dimension == "qualification":
        return None if value == 0 else replace(cell, qualification=QUAL_PARENT[value])
    if dimension == "age":
        return None if value is None else replace(cell, age=None)
    if dimension == "status":
        return None if value == all_status else replace(cell, status=all_status)
    if dimension == "soc":
        return None if len(str(value)) <= SOC_TOP_DIGITS else replace(cell, soc=value // 10)
    return None if value == 0 else replace(cell, **{dimension: 0})


Rung = tuple[Cell, tuple[str, ...]]  # a cell and the dimensions changed to reach it


def ladder(cell: Cell, all_status: int = 0) -> Iterator[Rung]:
    """The requested cell, then each rung up in LADDER_ORDER."""
    yield cell, ()
    current, changed = cell, []
    for dimension in LADDER_ORDER:
        while (nxt := coarser(current, dimension, all_status)) is not None:
            if dimension not in changed:
                changed.append(dimension)
            current = nxt
            yield current, tuple(changed)


def occupation_ladder(cell: Cell) -> Iterator[Rung]:
    """The requested cell, then its wider SOC groups (4 -> 3 -> 2 digits), nothing else changed."""
    yield cell, ()
    current = cell
    while (nxt := coarser(current, "soc")) is not None:
        current = nxt
        yield current, ("soc",)


def _rungs(cell: Cell, all_status: int, steps: Iterable[Rung] | None, fallback: Fallback) -> Iterable[Rung]:
    if fallback is Fallback.EXACT:
        return [(cell, ())]
    if fallback is Fallback.OCCUPATION:
        if steps is None:
            return occupation_ladder(cell)
        return [(rung, changed) for rung, changed in steps if set(changed) <= {"soc"}]
    return ladder(cell, all_status) if steps is None else steps


def step_up(cell: Cell, dimension: str, reason: str, all_status: int = 0) -> tuple[Cell, tuple[Change, ...]]:
    """One rung up on one dimension before the check, saying why (e.g. a qualification level
    the surveys do not separate)."""
    nxt = coarser(cell, dimension, all_status)
    if nxt is None:
        return cell, ()
    return nxt, (Change(dimension, getattr(cell, dimension), getattr(nxt, dimension), reason),)


def drop(
    cell: Cell, dimensions: Iterable[str], reason: str, all_status: int = 0
) -> tuple[Cell, tuple[Change, ...]]:
    """Set dimensions a source does not cover to "all" before the check, saying so."""
    changes = []
    for dimension in dimensions:
        top = cell
        while (nxt := coarser(top, dimension, all_status)) is not None:
            top = nxt
        if top != cell:
            changes.append(Change(dimension, getattr(cell, dimension), getattr(top, dimension), reason))
            cell = top
    return cell, tuple(changes)


def resolve(
    cell: Cell,
    size: Callable[[Cell], float | None],
    figure: Callable[[Cell], T | None],
    *,
    rule: Rule = EMPLOYMENT,
    all_status: int = 0,
    prior: tuple[Change, ...] = (),
    steps: Iterable[Rung] | None = None,
    fallback: Fallback = Fallback.LADDER,
) -> Outcome[T]:
    """The figure for `cell` if its size passes `rule`, else the first rung up the ladder (or
    the given `steps`) that passes and has a figure, as far as `fallback` allows. `prior` are
    changes already made (dimensions a source lacks), reported with the rest."""
    if prior and fallback is not Fallback.LADDER:
        return Outcome(cell, None, None, None, NO_DATA, prior, prior[0].reason)
    first_reason: str | None = None
    worst = NO_DATA
    for rung, changed in _rungs(cell, all_status, steps, fallback):
        n = size(rung)
        reliability = rule.classify(n)
        if reliability not in RELEASED:
            worst = SUPPRESSED if reliability == SUPPRESSED else worst
            first_reason = first_reason or (rule.too_small if reliability == SUPPRESSED else NOT_PUBLISHED)
            continue
        value = figure(rung)
        if value is None:
            first_reason = first_reason or NOT_PUBLISHED
            continue
        reason = first_reason or NOT_PUBLISHED
        changes = prior + tuple(Change(d, getattr(cell, d), getattr(rung, d), reason) for d in changed)
        return Outcome(cell, rung, value, n, reliability, changes, first_reason)
    return Outcome(cell, None, None, None, worst, prior, first_reason or NOT_PUBLISHED)


@dataclass(frozen=True)
class Released(Generic[T]):
    """What may leave the service for one published cell with no ladder to climb (a degree
    subject's pay: the answer offers the wider subject by name instead of a figure for it)."""

    figure: T | None  # None unless reliability is reliable or small_sample
    size: float | None
    reliability: str
    reason: str | None  # why no figure: rule.too_small or NOT_PUBLISHED


def release(size: float | None, figure: T | None, rule: Rule = EMPLOYMENT) -> Released[T]:
    reliability = rule.classify(size)
    if reliability == SUPPRESSED:
        return Released(None, size, SUPPRESSED, rule.too_small)
    if reliability not in RELEASED or figure is None:
        return Released(None, size, NO_DATA, NOT_PUBLISHED)
    return Released(figure, size, reliability, None)
