"""One question about one job -> the service calls it needs -> the reply text.

The Rasa action, the CLI and the adviser demo all ask "pay for this job, here, at this age":
this is where a topic name turns into service calls, so none of them repeats the mapping.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..dialogue_slots import FULL_TIME, PART_TIME
from ..disclosure import ALL_JOBS, SMALL_SAMPLE
from ..interests import find_interest
from . import phrases
from .formatting import duration_span, in_place, money, percent
from .plain import plain_text
from .render import SHORT_APPRENTICESHIPS, render, render_hourly_pay, render_pay, render_subjects

if TYPE_CHECKING:  # the service imports the database layer; rendering must not need it
    from lmi_backend.service import LmiService, Query, Result

TOPICS = (
    "pay",
    "hourly_pay",
    "hours",
    "outlook",
    "vacancies",
    "employment",
    "skills",
    "description",
    "entry_routes",
    "apprenticeships",
    "compare",
    "similar",
    "best_paid",
    "growing",
    "all_jobs_pay",
)
# topics whose figures depend on the place, work pattern, age or qualification asked about
CONTEXT_TOPICS = (
    "pay",
    "hourly_pay",
    "hours",
    "outlook",
    "vacancies",
    "employment",
    "compare",
    "best_paid",
    "all_jobs_pay",
)
# topics about jobs in general, asked without naming one
ANY_JOB_TOPICS = ("best_paid", "growing", "all_jobs_pay")
PART_TIME_GAP = 1.1  # full-time pay this much above everyone's is worth a sentence
# a job's middle pay over all jobs' -> how the reply puts it (first limit it reaches)
_PAY_AGAINST_ALL = (
    (1.5, "Yes, it's well above"),
    (1.1, "Yes, it's above"),
    (0.9, "It's about the same as"),
    (0.67, "It's below"),
    (0.0, "It's well below"),
)


# "do I need a degree?" (RQF9 code asked) -> the APS highest-qualification groups at that level
# or above, and how the reply names them (the survey's degree group includes masters and PhDs)
_AT_LEAST: dict[int, tuple[tuple[int, ...], str]] = {
    **dict.fromkeys((1, 2, 3), ((301,), "a degree or higher")),
    **dict.fromkeys((4, 5), ((301, 302), "a degree or other higher education")),
    6: ((301, 302, 303), "A levels or higher"),
    7: ((301, 302, 303, 304), "GCSEs (grades 4 to 9) or higher"),
}


@dataclass
class Answer:
    text: str
    results: list[Result] = field(default_factory=list)
    choices: list[tuple[int, str]] = field(default_factory=list)  # jobs offered to pick: (SOC, title)


@dataclass(frozen=True)
class Context:
    """What the user told us about themselves; None = not said (the service uses all/UK)."""

    region: int | None = None
    status: int | None = None
    qualification: int | None = None
    age: int | None = None

    def query(self, soc: int) -> Query:
        from lmi_backend.service import Query

        region = self.region if self.region else None  # 0 = the whole UK
        return Query(
            soc=soc, region=region, status=self.status, qualification=self.qualification, age=self.age
        )


@dataclass(frozen=True)
class Asked:
    """What a question asks beyond its topic, read from its words (lmi_backend.dialogue_slots).
    Most of it the sources cannot answer directly; the reply says so before what they can say,
    rather than answering a different question as if it were the one asked."""

    judges_pay: bool = False  # "is that good money?": against all jobs' pay
    qualification: int | None = None  # "do I need a degree?": RQF9 code
    starting_pay: bool = False  # "what do they earn when they start?"
    apprentice_pay: bool = False  # "how much do apprentices get paid?" (with a pay topic)
    schedule: str | None = None  # "do they work weekends?"
    feeling: str | None = None  # "is it stressful?"
    without_degree: bool = False  # "what jobs pay well without a degree?"
    duration: bool = False  # "how long does it take to become a vet?"
    subjects: bool = False  # "what GCSEs should I take?"
    monthly: bool = False  # "how much a month?"
    tax: bool = False  # "how much is that after tax?"


def _single(
    call: Callable[[], Result], long: bool, renderer: Callable[[Result, bool], str] | None = None
) -> Answer:
    result = call()
    return Answer(renderer(result, long) if renderer else render(result, long=long), [result])


def _pay(service: LmiService, query: Query, long: bool, asked: Asked) -> Answer:
    """Pay for everyone in a job counts part-time workers' smaller pay: hairdressers "earn about
    £10,620 a year" in Yorkshire, full-timers about £14,910. Someone choosing a career reads a
    yearly figure as a full-time wage, so when the work pattern was not asked about and
    full-time pay for the same job and place is clearly higher, the reply says so. That and the
    verdict of "is that good money?" compare like with like only: neither when the figure itself
    is for a wider group."""
    result = service.pay(query)
    median = result.values.get("median")
    comparable = bool(median) and result.fallback is None
    # full-time pay when no work pattern was asked: for starting pay and the part-time sentence
    full_time = (
        service.pay(replace(query, status=FULL_TIME))
        if query.status is None and (asked.starting_pay or comparable)
        else None
    )
    first = (
        phrases.NO_APPRENTICE_PAY
        if asked.apprentice_pay
        else _starting_pay(query, result, full_time)
        if asked.starting_pay
        else ""
    )
    last = phrases.BEFORE_TAX if asked.tax else ""
    if not comparable:
        return Answer(_joined(first, render_pay(result, long, monthly=asked.monthly), last), [result])
    text = _joined(
        first,
        render_pay(
            result,
            long,
            monthly=asked.monthly,
            verdict=_against_all_jobs(service, query, result) if asked.judges_pay else "",
        ),
    )
    if full_time is not None:
        full_median = full_time.values.get("median")
        if full_time.fallback is None and full_median and full_median >= PART_TIME_GAP * median:
            text += " " + phrases.INCLUDES_PART_TIME.format(money(full_median))
    return Answer(_joined(text, last), [result])


def _starting_pay(query: Query, result: Result, full_time: Result | None) -> str:
    """No source has starting pay. Pay grows with experience, so the spread's lower end (the
    10th percentile) is where new starters are more likely to be: full-time where the work
    pattern was not asked (`full_time`), as everyone's lower end is mostly part-timers (nurses:
    £13,046 for everyone, a full-time starter earns about twice that)."""
    if query.status is None:
        result = full_time if full_time is not None and full_time.fallback is None else None
    who = {
        None: phrases.FULL_TIMERS_IN_THIS_JOB,
        FULL_TIME: phrases.FULL_TIMERS_IN_THIS_JOB,
        PART_TIME: phrases.PART_TIMERS_IN_THIS_JOB,
    }.get(query.status, phrases.PEOPLE_IN_THIS_JOB)
    low = result.values.get("p10") if result is not None else None
    if not low or (result.unit or "").endswith("hour"):
        return phrases.NO_STARTING_PAY
    return phrases.NO_STARTING_PAY + " " + phrases.LOWER_END.format(who=who, pay=money(low))


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _against_all_jobs(service: LmiService, query: Query, result: Result) -> str:
    """ "Is that good money?" answered by the middle pay of all jobs for the same place and
    people (work pattern, age, qualification), where the data has it without a fallback. The
    year is said when it differs from the job's (pilots' latest figure is 2019's)."""
    everyone = service.pay(replace(query, soc=ALL_JOBS))
    typical = everyone.values.get("median")
    if everyone.fallback is not None or not typical:
        return ""
    ratio = result.values["median"] / typical
    how = next(words for limit, words in _PAY_AGAINST_ALL if ratio >= limit)
    when = f" in {everyone.period}" if everyone.period and everyone.period != result.period else ""
    return phrases.AGAINST_ALL_JOBS.format(
        how=how, place=in_place(everyone.geography), pay=money(typical), when=when
    )


def _entry_routes(service: LmiService, soc: int, long: bool, asked: Asked) -> Answer:
    """How to get in; "do I need a degree?" also gets how many people in the job have one.
    The entry routes say what new starters need, the share says who does the job now: nurses'
    share of degrees is 61% though new nurses need one, so the reply says which is which.
    "How long does it take?" gets how long the job's apprenticeships take, or that the sources
    do not say, before the routes (which sometimes name a course length)."""
    routes = service.entry_routes(soc)
    text = render(routes, long=long)
    if asked.duration:
        text = _training_time(service, soc, routes) + "\n\n" + text
    if asked.subjects:  # "what A levels do I need?" asks which, not how many people have them
        skills = service.skills(soc)
        return Answer(render_subjects(skills) + "\n\n" + text, [routes, skills])
    if asked.qualification not in _AT_LEAST:
        return Answer(text, [routes])
    groups, level = _AT_LEAST[asked.qualification]
    share = service.qualification_share(soc, groups)
    if not share.values:
        return Answer(text, [routes])
    first = [
        phrases.QUALIFICATION_SHARE.format(share=percent(100 * share.values["share"]), level=level),
        phrases.SMALL_SAMPLE_SHARE if share.reliability == SMALL_SAMPLE else "",
        phrases.PEOPLE_IN_THE_JOB,
    ]
    return Answer(" ".join(filter(None, first)) + "\n\n" + text, [routes, share])


# a length of time in the routes text ("courses last three years", "a 12-18 month course"), not
# an age limit ("17 years 6 months")
_LENGTH = re.compile(
    r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)(?:\s*[-–]\s*\d+)?"
    r"[\s-]+(?:years?|months?)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"\bage\b|\baged\b|\bold\b", re.IGNORECASE)


def _training_time(service: LmiService, soc: int, routes: Result) -> str:
    """What the sources say about how long getting in takes: the routes' own sentences about it,
    then how long the apprenticeships listed for the job take; or that they say nothing."""
    said = [
        s for s in plain_text(routes.text or "", routes.soc_title) if _LENGTH.search(s) and not _AGE.search(s)
    ]
    listed = service.apprenticeships(soc).items[:SHORT_APPRENTICESHIPS]  # those "any apprenticeships?" lists
    months = sorted(i["duration_months"] for i in listed if i.get("duration_months"))
    if not said and not months:
        return phrases.NO_TRAINING_TIME
    parts = said[:2]
    if months:
        parts.append(phrases.APPRENTICESHIP_TIME.format(span=duration_span(months[0], months[-1])))
    return " ".join(parts + [phrases.WAY_IN])


def _description(service: LmiService, soc: int, long: bool, feeling: str | None) -> Answer:
    """Short: what someone in the job does day to day (tasks read more plainly than the ONS
    description). Long: the description and every task. "Is it stressful?" is said plainly to
    be beyond the data first: what the job involves is the nearest thing it has."""
    tasks = service.tasks(soc)
    first = [phrases.NO_FEELING_DATA.format(feeling=feeling)] if feeling else []
    if not long and tasks.items:
        return Answer("\n\n".join(first + [render(tasks)]), [tasks])
    description = service.job_description(soc)
    parts = first + [render(description, long=long)] + ([render(tasks, long=True)] if tasks.items else [])
    return Answer("\n\n".join(parts), [description, tasks])


def _hours(service: LmiService, query: Query, long: bool, schedule: str | None) -> Answer:
    """ "Do they work weekends?": the figures count hours, not when they fall, so the reply says
    that before the hours it has."""
    result = service.hours(query)
    first = phrases.NO_SCHEDULE_DATA.format(schedule=schedule) if schedule else ""
    return Answer(_joined(first, render(result, long=long)), [result])


def _growing(service: LmiService, long: bool) -> Answer:
    """The job areas growing most, with a job from each to pick."""
    result = service.growing_areas()
    choices = [(item["soc"], item["example_title"]) for item in result.items if item["soc"]]
    return Answer(render(result, long=long), [result], choices)


def jobs_for_interest(service: LmiService, words: str) -> Answer | None:
    """ "I like baking": the jobs the reviewed map of interests lists for it, to pick from; None
    when the words name no interest in the map (the caller asks what else they enjoy)."""
    interest = find_interest(words)
    if interest is None:
        return None
    result = service.jobs_for_interest(interest)
    return Answer(render(result), [result], [(item["soc"], item["title"]) for item in result.items])


def answer(
    service: LmiService,
    topic: str,
    soc: int,
    context: Context = Context(),
    *,
    long: bool = False,
    compare_with: list[int] | None = None,
    asked: Asked = Asked(),
) -> Answer:
    """The reply for `topic` about SOC unit group `soc` (any for ANY_JOB_TOPICS). For
    "compare", `compare_with` holds the other unit groups (soc is the first); `asked`: what the
    question asked beyond the topic."""
    query = context.query(soc)
    calls: dict[str, Callable[[], Answer]] = {
        "pay": lambda: _pay(service, query, long, asked),
        "hourly_pay": lambda: _single(lambda: service.pay(query), long, render_hourly_pay),
        "hours": lambda: _hours(service, query, long, asked.schedule),
        "outlook": lambda: _single(lambda: service.outlook(query), long),
        "vacancies": lambda: _single(lambda: service.vacancies(query), long),
        "employment": lambda: _single(lambda: service.employment(query), long),
        "skills": lambda: _single(lambda: service.skills(soc), long),
        "description": lambda: _description(service, soc, long, asked.feeling),
        "entry_routes": lambda: _entry_routes(service, soc, long, asked),
        "apprenticeships": lambda: _single(lambda: service.apprenticeships(soc), long),
        "compare": lambda: _single(lambda: service.compare([soc, *(compare_with or [])], query), long),
        "similar": lambda: _single(lambda: service.similar_jobs(soc), long),
        "best_paid": lambda: _single(
            lambda: service.best_paid(
                context.region or None, context.status, without_degree=asked.without_degree
            ),
            long,
        ),
        "growing": lambda: _growing(service, long),
        # "the average salary" is the figure itself here, not a judgement of one
        "all_jobs_pay": lambda: _pay(
            service, context.query(ALL_JOBS), long, replace(asked, judges_pay=False)
        ),
    }
    if topic not in calls:
        raise ValueError(f"Unknown topic {topic!r}; expected one of {TOPICS}")
    return calls[topic]()
