"""Every topic a user can ask about, declared once (TOPICS): the NLU intents that ask it, the
service calls and rendering that answer it, whether it needs a job, which dimensions of the
question it uses, and the button text that names it. The bot's dispatch, the intents' buttons,
the help and the tests all derive from this registry (README: "Adding a topic").

The Rasa action, the CLI and the adviser demo all ask "pay for this job, here, at this age":
this is where a topic name turns into service calls, so none of them repeats the mapping.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..dialogue_slots import FEMALE, FULL_TIME, MALE, PART_TIME
from ..dialogue_state import State
from ..disclosure import ALL_JOBS, SMALL_SAMPLE, TOO_FEW
from ..interests import find_interest
from ..question_asks import Asked
from ..subjects import subject_words
from . import caveats, groups, phrases, words
from .formatting import duration_span, money, percent
from .plain import plain_text
from .render import (
    MIN_REGIONS,
    SHORT_APPRENTICESHIPS,
    render,
    render_hourly_pay,
    render_pay,
    render_subjects,
)

if TYPE_CHECKING:  # the service imports the database layer; rendering must not need it
    from lmi_backend.service import LmiService, Query, Result

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
# the dimensions of a figure's cell a question can name (lmi_backend/dialogue_state.py)
FIGURES = frozenset({"region", "gender", "status", "qualification", "age"})


@dataclass
class Answer:
    text: str
    results: list[Result] = field(default_factory=list)
    choices: list[tuple[int, str]] = field(default_factory=list)  # jobs offered to pick: (SOC, title)


@dataclass(frozen=True)
class Context:
    """The question's codes (None: not said, so all / the UK), and what the user told us about
    themselves that the question does not fix (`mine`: a figure for them goes beside the
    general one). lmi_backend.dialogue_state decides which is which."""

    region: int | None = None
    gender: int | None = None
    status: int | None = None
    qualification: int | None = None
    age: int | None = None
    mine: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, state: State) -> Context:
        """The context the dialogue state gives a question (lmi_backend/dialogue_state.py)."""
        return cls(**state.question(), mine=state.personal())

    def query(self, soc: int) -> Query:
        from lmi_backend.service import Query

        region = self.region if self.region else None  # 0 = the whole UK
        return Query(
            soc=soc,
            region=region,
            gender=self.gender,
            status=self.status,
            qualification=self.qualification,
            age=self.age,
        )


@dataclass(frozen=True)
class Ask:
    """One question to answer: the job (ALL_JOBS for topics about jobs in general), its context,
    what its words ask beyond the topic, and the other jobs of a comparison."""

    service: LmiService
    soc: int
    context: Context = Context()
    long: bool = False
    asked: Asked = Asked()
    compare_with: tuple[int, ...] = ()
    words: str = ""  # the user's words, for topics read from them (an interest, a degree subject)
    subject: str | None = None  # the degree subject being talked about (HESA CAH code)

    @property
    def query(self) -> Query:
        return self.context.query(self.soc)


@dataclass(frozen=True)
class Topic:
    name: str
    intents: tuple[str, ...]  # the NLU intents that ask it (the first is its button's)
    reply: Callable[[Ask], Answer]
    button: str  # the "did you mean ...?" button text of its intents
    needs_job: bool = True
    uses: frozenset[str] = frozenset()  # dimensions of the question the answer depends on
    about_subject: bool = False  # about a degree subject, not a job: job words are never coded


def _one(call: Callable[[Ask], Result], renderer: Callable[[Result, bool], str] | None = None):
    """A topic answered by one service call and its renderer."""

    def reply(ask: Ask) -> Answer:
        result = call(ask)
        return Answer(renderer(result, ask.long) if renderer else render(result, long=ask.long), [result])

    return reply


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


# --- pay ------------------------------------------------------------------------------------


def _pay(ask: Ask) -> Answer:
    """Pay for everyone in a job counts part-time workers' smaller pay: hairdressers "earn about
    £10,620 a year" in Yorkshire, full-timers about £14,910. Someone choosing a career reads a
    yearly figure as a full-time wage, so when the work pattern was not asked about and
    full-time pay for the same job and place is clearly higher, the reply says so. That and the
    verdict of "is that good money?" compare like with like only: neither when the figure itself
    is for a wider group. A question about one sex gives both side by side."""
    if ask.context.gender:
        return _pay_by_sex(ask)
    service, query, asked = ask.service, ask.query, ask.asked
    result = service.pay(query)
    median = result.values.get("median")
    comparable = bool(median) and not result.changes
    full_time = service.pay(replace(query, status=FULL_TIME)) if query.status is None and comparable else None
    verdict = _against_all_jobs(service, query, result) if asked.judges_pay and comparable else ""
    text = render_pay(result, ask.long, monthly=asked.monthly, verdict=verdict)
    if full_time is not None and median:
        full_median = full_time.values.get("median")
        if not full_time.changes and full_median and full_median >= PART_TIME_GAP * median:
            text += " " + phrases.INCLUDES_PART_TIME.format(money(full_median))
    text = _joined(unanswerable(asked), text, phrases.BEFORE_TAX if asked.tax else "")
    return _personal(ask, Answer(text, [result]))


def _pay_by_region(ask: Ask) -> Answer:
    """ "Where do electricians earn the most?": the regions ranked on one year's figures; where
    fewer than three regions have reliable figures, says so and gives the UK's pay."""
    result = ask.service.pay_by_region(ask.query)
    if len(result.items) >= MIN_REGIONS:
        return Answer(render(result, long=ask.long), [result])
    uk = _pay(replace(ask, context=replace(ask.context, region=None)))
    return Answer(_joined(render(result), uk.text), [result, *uk.results])


def unanswerable(asked: Asked) -> str:
    """What a question asks that no source covers for any job (a pension, weekends), said
    first: also before asking which job is meant, since no choice would change it."""
    if asked.minimum_wage:
        return phrases.NO_MINIMUM_WAGE
    if asked.perk in ("bonuses", "commission"):
        return phrases.PERK_IN_PAY.format(perk=asked.perk)
    if asked.perk == "tips":
        return phrases.CASH_TIPS
    if asked.perk:
        return phrases.NO_PERK_DATA.format(perk=asked.perk)
    if asked.schedule:
        return phrases.NO_SCHEDULE_DATA.format(schedule=asked.schedule)
    return ""


def _personal(ask: Ask, answer: Answer) -> Answer:
    """Beside the general figure, the user's own ("I'm 17 and I've got A levels"): our
    estimate for their sex, work pattern, age and qualification, where the data allows."""
    mine = {d: v for d, v in ask.context.mine.items() if d in ("gender", "status", "qualification", "age")}
    if not mine or not answer.results or not answer.results[0].values.get("median"):
        return answer
    result = ask.service.pay(replace(ask.query, **mine))
    kept = {d for d in mine if d not in {c.dimension for c in result.changes if caveats.worth_saying(c)}}
    median = result.values.get("median")
    if not kept or not median or result.changed_job:
        why = list(
            dict.fromkeys(
                words.REASONS[c.reason]
                for c in result.changes
                if c.dimension in mine and caveats.worth_saying(c)
            )
        )
        line = phrases.NO_PERSONAL_FIGURE.format(what=_yours(list(mine)), why=" and ".join(why))
        return replace(answer, text=answer.text + " " + line)
    who = groups.asked_group(result, kept, result.soc_title)
    estimate = phrases.BY_OUR_ESTIMATE if result.estimate else ""
    line = phrases.PERSONAL_FIGURE.format(who=who, pay=money(median), estimate=estimate)
    return replace(answer, text=answer.text + " " + line, results=[*answer.results, result])


def _yours(dimensions: list[str]) -> str:
    names = {"gender": "sex", "status": "work pattern", "qualification": "qualifications", "age": "age"}
    said = [names[d] for d in dimensions]
    return "your " + (said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1])


def _pay_by_sex(ask: Ask) -> Answer:
    """Men's and women's pay side by side, the sex asked about first, with the year, and how much
    more one earns. Full-time where the data has both, as ONS compares them (more women work
    part-time, and everyone's pay would mostly show that), else all employees. Each figure
    passes the disclosure rules on its own; where the two cannot be set side by side for the
    job asked, the reply says so and gives everyone's pay. Where something else asked has no
    figure (self-employed, a region too small), both sexes are still set side by side without
    it, with one sentence saying what changed."""
    first = ask.context.gender or MALE
    other = FEMALE if first == MALE else MALE
    statuses = [ask.query.status] if ask.query.status else [FULL_TIME, None]
    pairs = [
        [ask.service.pay(replace(ask.query, status=status, gender=g)) for g in (first, other)]
        for status in statuses
    ]
    chosen = frozenset() if ask.query.status else frozenset({"status"})  # full-time was our choice
    for exact in (True, False):  # the group asked first, then the nearest both sexes have
        for pair in pairs:
            a, b = (r.values.get("median") for r in pair)
            if a and b and _sexes_comparable(pair, exact):
                said = _side_by_side(pair, first, other, a, b)
                return Answer(said if exact else _joined(said, caveats.fallback(pair[0], chosen)), pair)
    # a pay-gap question where one sex's figure is published: that one, and why not the other's
    one = next(
        ((r, o) for pair in pairs for r, o in (pair, pair[::-1]) if r.values.get("median") and not r.changes),
        None,
    )
    if one is not None and not ask.context.gender:
        shown, missing = one
        return Answer(
            _joined(render_pay(shown, ask.long), caveats.fallback(missing, chosen)), [shown, missing]
        )
    sex = ask.context.gender
    # one sex asked about, its figure there without something else asked (self-employed): that
    # figure, with the one sentence saying what changed (everyone of that sex, not full-timers)
    alone = next((p[0] for p in pairs[::-1] if p[0].values.get("median") and _kept_sex_and_job(p[0])), None)
    if sex and alone is not None:
        return Answer(render_pay(alone, ask.long), [alone])
    everyone = _pay(
        replace(ask, context=replace(ask.context, gender=None), asked=replace(ask.asked, pay_gap=False))
    )
    if everyone.results and everyone.results[0].changed_job:  # its opening says the job has none
        return Answer(_joined(everyone.text, phrases.NO_COMPARING_SEXES), everyone.results)
    everyones = everyone.results[0] if everyone.results else None
    if sex and everyones is not None and caveats.fallback(everyones):
        # something else asked has no figure either: one sentence names the sex beside it
        reason = next((c.reason for c in pairs[-1][0].changes if c.dimension == "gender"), TOO_FEW)
        sex_changed = replace(  # a Changed like the service's (rendering does not import the service)
            everyones.changes[0],
            dimension="gender",
            asked=sex,
            given=None,
            reason=reason,
            asked_name="",
            given_name="",
        )
        noted = replace(
            everyones, asked={**everyones.asked, "gender": sex}, changes=[sex_changed, *everyones.changes]
        )
        return Answer(render_pay(noted, ask.long), everyone.results)
    who = words.GENDER_WORDS[first] if sex else "men and women"
    job = groups.people({"soc": ask.soc}, ask.service.soc_title(ask.soc) or "")
    return Answer(_joined(phrases.NO_PAY_BY_SEX.format(who=who, job=job), everyone.text), everyone.results)


def _kept_sex_and_job(result: Result) -> bool:
    return all(c.dimension not in ("gender", "soc") for c in result.changes)


def _sexes_comparable(pair: list[Result], exact: bool) -> bool:
    """Men's and women's figures can be set side by side: for the group asked (`exact`), or for
    the same other group, the sex and the job kept."""
    if exact:
        return not pair[0].changes and not pair[1].changes
    kept = all(map(_kept_sex_and_job, pair))
    cells = [{d: v for d, v in r.cell.items() if d != "gender"} for r in pair]
    return kept and cells[0] == cells[1]


def _word_and_space(word: str) -> str:
    return f"{word} " if word else ""


def _side_by_side(pair: list[Result], first: int, other: int, a: float, b: float) -> str:
    """Both figures with their year; how much more one earns only when they are for the same
    year (the latest published for each sex can differ)."""
    asked_for, beside = pair
    said = {
        "first": words.GENDER_WORDS[first].capitalize(),
        "pattern": _word_and_space(words.STATUS_WORDS.get(asked_for.cell.get("status") or 0, "")),
        "job": groups.people({"soc": asked_for.soc}, asked_for.soc_title),
        "first_pay": money(a),
        "other": words.GENDER_WORDS[other],
        "other_pay": money(b),
        "where": words.in_place(asked_for.cell.get("region")),
    }
    # an estimate or a small sample is said whichever of the two it is; no weekly figure is shown
    rough = next((r for r in pair if r.estimate or r.reliability == "small_sample"), None)
    rough_caveat = caveats.short_caveat(replace(rough, caveats=[])) if rough else ""
    if asked_for.period != beside.period:
        years = phrases.PAY_BY_SEX_YEARS.format(**said, first_year=asked_for.period, other_year=beside.period)
        return _joined(years, rough_caveat)
    gap = (max(a, b) / min(a, b) - 1) * 100
    more = words.GENDER_WORDS[first if a > b else other]
    return _joined(
        phrases.PAY_BY_SEX.format(**said, year=asked_for.period),
        phrases.PAY_GAP_SMALL if gap < 2 else phrases.PAY_GAP.format(who=more.capitalize(), gap=percent(gap)),
        rough_caveat or caveats.short_caveat(replace(asked_for, caveats=[])),
    )


def _spread_end_then_pay(ask: Ask, stat: str, no_figure: str, end: str) -> Answer:
    """What no source has (pay by time in the job), then the end of the spread (`stat`) where
    such people are more likely to be, then the pay. Full-time where the work pattern was not
    asked, as everyone's lower end is mostly part-timers (nurses: £13,046 for everyone, a
    full-time starter earns about twice that)."""
    query = ask.query
    spread = ask.service.pay(replace(query, status=query.status or FULL_TIME))
    value = spread.values.get(stat) if not spread.changes else None
    who = {FULL_TIME: phrases.FULL_TIMERS_IN_THIS_JOB, PART_TIME: phrases.PART_TIMERS_IN_THIS_JOB}.get(
        query.status or FULL_TIME, phrases.PEOPLE_IN_THIS_JOB
    )
    first = f"{no_figure} {end.format(who=who, pay=money(value))}" if value else no_figure
    pay = _pay(replace(ask, asked=replace(ask.asked, judges_pay=False)))
    return Answer(_joined(first, pay.text), [*pay.results, spread])


def _starting_pay(ask: Ask) -> Answer:
    """No source has starting pay. Pay grows with experience, so new starters are more likely
    to be at the lower end (the 10th percentile)."""
    return _spread_end_then_pay(ask, "p10", phrases.NO_STARTING_PAY, phrases.LOWER_END)


def _experienced_pay(ask: Ask) -> Answer:
    """ "How much after 5 years?": no source has pay by years in the job, so the upper quarter
    (the 75th percentile), where experienced people are more likely to be."""
    return _spread_end_then_pay(ask, "p75", phrases.NO_EXPERIENCE_PAY, phrases.UPPER_END)


def _minimum_wage(ask: Ask) -> Answer:
    """ "What's the minimum wage?": set by law each year, in no source here: where to find it.
    Asked of a job ("do carers get minimum wage?") it is the job's pay, this said first."""
    return Answer(phrases.NO_MINIMUM_WAGE, [])


def _apprentice_pay(ask: Ask) -> Answer:
    pay = _pay(ask)
    return Answer(_joined(phrases.NO_APPRENTICE_PAY, pay.text), pay.results)


def _all_jobs_pay(ask: Ask) -> Answer:
    """ "What's the average salary?": all workers' middle pay; "the average" is the figure
    itself here, not a judgement of one."""
    return _pay(replace(ask, soc=ALL_JOBS, asked=replace(ask.asked, judges_pay=False)))


def _against_all_jobs(service: LmiService, query: Query, result: Result) -> str:
    """ "Is that good money?" answered by the middle pay of all jobs for the same place and
    people (work pattern, age, qualification), where the data has it for that group. The
    year is said when it differs from the job's (pilots' latest figure is 2019's)."""
    everyone = service.pay(replace(query, soc=ALL_JOBS))
    typical = everyone.values.get("median")
    median = result.values.get("median")
    if everyone.changes or not typical or not median:
        return ""
    how = next(words for limit, words in _PAY_AGAINST_ALL if median / typical >= limit)
    when = f" in {everyone.period}" if everyone.period and everyone.period != result.period else ""
    return phrases.AGAINST_ALL_JOBS.format(
        how=how, place=words.in_place(everyone.cell.get("region")), pay=money(typical), when=when
    )


def _unemployment(ask: Ask) -> Answer:
    """No source here counts unemployment by job (LMI for All's LFS tables are not among the
    sources). The nearest true thing is how many jobs employers had going."""
    if ask.soc == ALL_JOBS:
        return Answer(phrases.NO_UNEMPLOYMENT + " " + phrases.ASK_JOB_FOR_OPENINGS)
    result = ask.service.vacancies(ask.query)
    return Answer(
        _joined(phrases.NO_UNEMPLOYMENT, phrases.NEAREST_OPENINGS, render(result, long=ask.long)), [result]
    )


def _graduate_pay(ask: Ask) -> Answer:
    """What graduates of a degree subject earn (Discover Uni), never a job's pay: most history
    graduates are not historians. A subject the lookup has no figures for gets a plain "I don't
    have figures for that subject" and the subjects it can answer; no subject, the question back.
    Graduate pay is published for the UK and its nations, so an English region gets England's,
    saying so. "What can I do with a history degree?" is told first that no source says which
    jobs graduates go into."""
    if ask.subject is None:
        said = subject_words(ask.words)
        return Answer(phrases.NO_SUBJECT_FIGURES.format(subject=said) if said else phrases.ASK_SUBJECT)
    region = ask.context.region
    nation = ask.service.nation_of(region) if region else None
    result = ask.service.graduate_pay(ask.subject, nation)
    text = render(result, long=ask.long)
    if nation is not None and words.place(region) != nation:
        text = phrases.GRADUATES_BY_NATION.format(place=words.place(region), nation=nation) + " " + text
    if ask.asked.graduate_jobs:
        text = phrases.NO_GRADUATE_JOBS + " " + text
    return Answer(text, [result])


# --- what the job is and how to get in ---------------------------------------------------


def _entry_routes(ask: Ask) -> Answer:
    """How to get in; "do I need a degree?" also gets how many people in the job have one.
    The entry routes say what new starters need, the share says who does the job now: nurses'
    share of degrees is 61% though new nurses need one, so the reply says which is which.
    "How long does it take?" gets how long the job's apprenticeships take, or that the sources
    do not say, before the routes (which sometimes name a course length)."""
    service, soc, asked = ask.service, ask.soc, ask.asked
    routes = service.entry_routes(soc)
    text = render(routes, long=ask.long)
    if asked.duration:
        text = _training_time(service, soc, routes) + "\n\n" + text
    if asked.subjects:  # "what A levels do I need?" asks which, not how many people have them
        skills = service.skills(soc)
        return Answer(render_subjects(skills) + "\n\n" + text, [routes, skills])
    if asked.qualification not in _AT_LEAST:
        return Answer(text, [routes])
    groups_asked, level = _AT_LEAST[asked.qualification]
    share = service.qualification_share(soc, groups_asked)
    if not share.values:
        return Answer(text, [routes])
    first = [
        phrases.QUALIFICATION_SHARE.format(share=percent(100 * (share.values["share"] or 0)), level=level),
        phrases.SMALL_SAMPLE_SHARE if share.reliability == SMALL_SAMPLE else "",
        phrases.PEOPLE_IN_THE_JOB,
    ]
    return Answer(" ".join(filter(None, first)) + "\n\n" + text, [routes, share])


# a length of time in the routes text ("courses last three years", "a 12-18 month course"), not
# an age limit ("17 years 6 months"); read from ONS's text, not from the service's words
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


def _description(ask: Ask) -> Answer:
    """Short: what someone in the job does day to day (tasks read more plainly than the ONS
    description). Long: the description and every task. "Is it stressful?" is said plainly to
    be beyond the data first: what the job involves is the nearest thing it has."""
    service, soc, feeling = ask.service, ask.soc, ask.asked.feeling
    tasks = service.tasks(soc)
    first = [phrases.NO_FEELING_DATA.format(feeling=feeling)] if feeling else []
    if not ask.long and tasks.items:
        return Answer("\n\n".join([*first, render(tasks)]), [tasks])
    description = service.job_description(soc)
    parts = [*first, render(description, long=ask.long)] + ([render(tasks, long=True)] if tasks.items else [])
    return Answer("\n\n".join(parts), [description, tasks])


def _hours(ask: Ask) -> Answer:
    """ "Do they work weekends?": the figures count hours, not when they fall, so the reply says
    that before the hours it has."""
    result = ask.service.hours(ask.query)
    return Answer(_joined(unanswerable(ask.asked), render(result, long=ask.long)), [result])


def _pay_and_hours(ask: Ask) -> Answer:
    """ "How much do bus drivers earn and how many hours do they work?": each answer, pay first."""
    pay, hours = _pay(ask), _hours(ask)
    text = hours.text
    said = {caveats.short_caveat(r) for r in pay.results} - {""}
    for caveat in said & {caveats.short_caveat(r) for r in hours.results}:
        text = " ".join(text.replace(caveat, "").split())  # the same caveat once is enough
    return Answer(f"{pay.text}\n\n{text}", [*pay.results, *hours.results])


# --- jobs in general ---------------------------------------------------------------------


def _growing(ask: Ask) -> Answer:
    """The job areas growing most, with a job from each to pick."""
    result = ask.service.growing_areas(region=ask.context.region)
    choices = [(item["soc"], item["example_title"]) for item in result.items if item["soc"]]
    return Answer(render(result, long=ask.long), [result], choices)


def _best_paid(ask: Ask) -> Answer:
    context = ask.context
    result = ask.service.best_paid(
        context.region or None, context.status, gender=context.gender, without_degree=ask.asked.without_degree
    )
    return Answer(render(result, long=ask.long), [result])


def jobs_for_interest(service: LmiService, words: str) -> Answer | None:
    """ "I like baking": the jobs the reviewed map of interests lists for it, to pick from; None
    when the words name no interest in the map (the caller asks what else they enjoy)."""
    interest = find_interest(words)
    if interest is None:
        return None
    result = service.jobs_for_interest(interest)
    return Answer(render(result), [result], [(item["soc"], item["title"]) for item in result.items])


def _compare(ask: Ask) -> Answer:
    result = ask.service.compare([ask.soc, *ask.compare_with], ask.query)
    return Answer(render(result, long=ask.long), [result])


# The registry. `uses`: the dimensions of the question the answer depends on; a qualifier the
# topic asked cannot use ends there (lmi_backend/dialogue_state.py).
TOPICS: tuple[Topic, ...] = (
    Topic("pay", ("ask_pay",), _pay, "What a job pays", uses=FIGURES),
    Topic(
        "hourly_pay",
        (),
        _one(lambda a: a.service.pay(a.query), render_hourly_pay),
        "Pay by the hour",
        uses=FIGURES,
    ),
    Topic("pay_gap", (), _pay_by_sex, "Men's and women's pay", uses=FIGURES),
    Topic("pay_by_region", (), _pay_by_region, "Where it pays most", uses=frozenset({"status"})),
    Topic("starting_pay", (), _starting_pay, "Starting pay", uses=FIGURES),
    Topic("experienced_pay", (), _experienced_pay, "Pay with experience", uses=FIGURES),
    Topic("apprentice_pay", (), _apprentice_pay, "Apprentices' pay", uses=FIGURES),
    Topic("minimum_wage", (), _minimum_wage, "The minimum wage", needs_job=False, uses=frozenset()),
    Topic("hours", ("ask_hours",), _hours, "The hours", uses=FIGURES),
    Topic("pay_and_hours", (), _pay_and_hours, "Pay and hours", uses=FIGURES),
    Topic(
        "outlook",
        ("ask_outlook",),
        _one(lambda a: a.service.outlook(a.query)),
        "A job's future",
        uses=frozenset({"region", "gender"}),
    ),
    Topic(
        "vacancies",
        ("ask_vacancies",),
        _one(lambda a: a.service.vacancies(a.query)),
        "Jobs going now",
        uses=frozenset(),
    ),
    Topic(
        "unemployment",
        ("ask_unemployment",),
        _unemployment,
        "Unemployment",
        needs_job=False,
        uses=frozenset(),
    ),
    Topic(
        "employment",
        ("ask_employment",),
        _one(lambda a: a.service.employment(a.query)),
        "How many do the job",
        uses=FIGURES,
    ),
    Topic("skills", ("ask_skills",), _one(lambda a: a.service.skills(a.soc)), "Skills you need"),
    Topic("description", ("ask_job_description",), _description, "What the job is like"),
    Topic("entry_routes", ("ask_entry_routes",), _entry_routes, "How to get in"),
    Topic(
        "apprenticeships",
        ("ask_apprenticeships",),
        _one(lambda a: a.service.apprenticeships(a.soc)),
        "Apprenticeships",
    ),
    Topic(
        "compare", ("compare_jobs",), _compare, "Compare jobs", uses=frozenset({"region", "status", "gender"})
    ),
    Topic("similar", ("similar_jobs",), _one(lambda a: a.service.similar_jobs(a.soc)), "Similar jobs"),
    Topic(
        "best_paid",
        ("ask_best_paid",),
        _best_paid,
        "Best-paid jobs",
        needs_job=False,
        uses=frozenset({"region", "status", "gender"}),
    ),
    Topic(
        "growing",
        ("ask_growing_jobs",),
        _growing,
        "Jobs that are growing",
        needs_job=False,
        uses=frozenset({"region"}),
    ),
    Topic("all_jobs_pay", (), _all_jobs_pay, "Average pay", needs_job=False, uses=FIGURES),
    Topic(
        "graduate_pay",
        ("ask_graduate_pay",),
        _graduate_pay,
        "Graduates' pay by subject",
        needs_job=False,
        uses=frozenset({"region"}),
        about_subject=True,
    ),
)
BY_NAME: dict[str, Topic] = {t.name: t for t in TOPICS}
INTENT_TOPICS: dict[str, str] = {intent: t.name for t in TOPICS for intent in t.intents}
INTENT_BUTTONS: dict[str, str] = {
    **{t.intents[0]: t.button for t in TOPICS if t.intents},
    **phrases.CHAT_INTENT_BUTTONS,
}
CONTEXT_TOPICS = tuple(t.name for t in TOPICS if t.uses)
ANY_JOB_TOPICS = tuple(t.name for t in TOPICS if not t.needs_job)
SUBJECT_TOPICS = tuple(t.name for t in TOPICS if t.about_subject)
# a pay question whose words ask about a subject's graduates is graduate pay, not a job's pay
_GRADUATE_PAY_FROM = ("pay", "hourly_pay", "starting_pay", "all_jobs_pay")


def refine(topic: str, asked: Asked, *, job_named: bool, job_in_context: bool) -> str:
    """The topic a question's words make of its intent's: a pay question about starting pay,
    apprentices or unemployment is that question, and one about a subject's graduates ("what do
    history graduates earn") is graduates' pay; "what's the average salary (in the UK)?" is
    all jobs' pay when no job is meant; "what about per hour" is pay by the hour. Graduates' pay
    asked of a job with no subject or graduates in the words is the job's pay."""
    if asked.unemployment:
        return "unemployment"
    if asked.minimum_wage and not job_named and topic in ("pay", "all_jobs_pay", "hourly_pay", "best_paid"):
        return "minimum_wage"  # set by law, not measured: said so, not the last job's pay
    if asked.pay_gap and topic in ("pay", "compare", "pay_gap"):
        return "pay_gap"  # "do boys earn more than girls as vets?" compares sexes, not jobs
    if asked.where_most and (topic in ("pay", "compare") or topic == "best_paid" and job_named):
        return "pay_by_region"  # "where do electricians earn the most?": regions, not jobs
    if asked.pay_and_hours and topic in ("pay", "hours"):
        return "pay_and_hours"
    if asked.graduates and topic in _GRADUATE_PAY_FROM:
        return "graduate_pay"
    if topic == "graduate_pay" and job_named and not (asked.graduates or asked.subject):
        return "pay"
    if topic in ("pay", "hours") and asked.hourly:
        return "hourly_pay"
    if topic != "pay":
        return topic
    if asked.apprentice_pay:
        return "apprentice_pay"
    if asked.starting_pay:
        return "starting_pay"
    if asked.experienced_pay:
        return "experienced_pay"
    if not job_named and asked.all_jobs_pay and (not job_in_context or asked.everyone):
        return "all_jobs_pay"
    return topic


def answer(topic: str, ask: Ask) -> Answer:
    """The reply for `topic` about `ask.soc` (any for ANY_JOB_TOPICS)."""
    if topic not in BY_NAME:
        raise ValueError(f"Unknown topic {topic!r}; expected one of {tuple(BY_NAME)}")
    return BY_NAME[topic].reply(ask)
