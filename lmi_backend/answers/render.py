"""Service results -> a few plain sentences a 14-24 year old reads on a phone.

Every reply names the job the coder chose (so a wrong guess is visible), gives the figure with
its unit, says what kind of figure it is, where and when it is from, and adds the caveats the
service attached: estimate, England only, small sample, or "no reliable figure, so here is ..."
Caveats are never dropped to save words; only optional extras (ranges, means) are.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from ..onet_words import plain_element
from . import formatting as fmt
from . import phrases
from .fit import fit
from .plain import first_sentences, job_name, plain_text
from .readability import template_reading_ease, word_count

SHORT_WORDS = 60
LONG_WORDS = 160
_SHORT_TASKS = 3


class ResultLike(Protocol):
    """The fields of lmi_backend.service.Result that rendering reads."""

    kind: str
    soc: int
    soc_title: str
    values: dict[str, float | None]
    unit: str | None
    period: str | None
    geography: str
    breakdown: dict[str, str]
    source: str
    reliability: str
    estimate: bool
    method: str | None
    fallback: str | None
    requested: dict[str, str]
    items: list[dict]
    caveats: list[str]
    text: str | None


class _Reply:
    """Sentences in order; optional ones are kept only while the reply stays within budget."""

    def __init__(self, budget: int):
        self.budget = budget
        self.parts: list[tuple[str, bool]] = []

    def add(self, text: str, *, optional: bool = False) -> None:
        if text:
            self.parts.append((text, optional))

    def text(self) -> str:
        used = sum(word_count(t) for t, optional in self.parts if not optional)
        kept = []
        for t, optional in self.parts:
            if optional:
                if used + word_count(t) > self.budget:
                    continue
                used += word_count(t)
            kept.append(t)
        return _join(kept)


def _join(parts: list[str]) -> str:
    """Sentences run on with a space; a list (a part starting with a bullet) goes on new lines."""
    out = ""
    for part in parts:
        if not out:
            out = part
        elif part.startswith("•") or out.endswith(":"):
            out += "\n" + part
        else:
            out += ("\n" if out.splitlines()[-1].startswith("•") else " ") + part
    return out


def _job(result: ResultLike) -> str:
    return job_name(result.soc_title)


def _value(result: ResultLike, key: str) -> float | None:
    value = result.values.get(key)
    return None if value is None else float(value)


def _qualifiers(result: ResultLike) -> str:
    """Age and qualification the figure was worked out for, as a phrase ("at age 17")."""
    bits = []
    age = result.breakdown.get("age")
    if age:
        bits.append(f"at age {age}" if str(age).isdigit() else f"aged {age}")
    qualification = result.breakdown.get("qualification")
    if qualification:
        bits.append(f"with {fmt.qualification_phrase(qualification)}")
    return " ".join(bits)


def _subject(result: ResultLike) -> str:
    """ "Full-time plumbers and heating and ventilating engineers" / "Care workers and home carers";
    for all jobs together "All workers" / "Full-time workers"."""
    status = fmt.status_word(result.breakdown)
    if result.soc == 0:
        return f"{status.capitalize()} workers" if status else "All workers"
    job = _job(result)
    return f"{status.capitalize()} {fmt.lower_first(job)}" if status else job


# The service words its caveats for the record; a short reply says the same thing in a few
# plain words. Unknown caveats are shown as the service wrote them, never dropped.
_ROUGH_GUIDE = "Forecasts are a rough guide, not a promise."
_NOT_FORECAST = re.compile(r"\bnot (?:a )?forecasts?\b", re.IGNORECASE)
_SHORT_CAVEATS: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.IGNORECASE), t)
    for p, t in (
        (r"weekly figure is derived", "The weekly figure is worked out from the yearly one."),
        (r"hours are derived from pay", "It is worked out from pay figures."),
        (r"England only", "The job forecasts are for England only."),
        (r"projections on simple assumptions|not (?:a )?forecasts?", _ROUGH_GUIDE),
        (
            r"O\*NET describes jobs in the United States",
            "The skills come from a US job guide, so use them as a rough guide.",
        ),
        (r"Apprenticeship standards are for England", "These are for England. Check each one's details."),
        (r"Some figures are estimates", ""),  # said by the estimate sentence
        (r"wider group than asked", "Some figures are for a wider group: each line says which."),
    )
]
_ESTIMATE = "This is our estimate, not a published figure."
_FORECAST_CAVEATS = {"The job forecasts are for England only.", _ROUGH_GUIDE}
_FORECAST_CAVEAT = "Job forecasts are for England only, and a rough guide, not a promise."


def _short_caveat(caveat: str) -> str:
    for pattern, plain in _SHORT_CAVEATS:
        if pattern.search(caveat):
            return plain
    return fmt.sentence(caveat)


def _wider_job_first(result: ResultLike) -> str:
    """A figure for a wider job group than asked says so before the figure, not after it:
    "how much do footballers get paid" must not open with sports and fitness occupations'
    £9,791 and explain two sentences later. Empty when the job was not changed."""
    asked = (result.requested.get("soc") or "").split(" ", 1)[0]
    changed = asked.isdigit() and int(asked) != result.soc
    return fmt.sentence(result.fallback) if result.fallback and changed else ""


def _caveats(result: ResultLike, *, long: bool) -> list[str]:
    """Fallback (what changed and why, unless said first), small sample, estimate, then the
    service's caveats: in plain short form, or as written (with the estimate's method) when
    asked for more."""
    out = []
    if result.fallback and not _wider_job_first(result):
        out.append(fmt.sentence(result.fallback))
    if result.reliability == "small_sample":
        out.append("It comes from a small sample, so take it as a rough guide.")
    if result.estimate:
        out.append(_ESTIMATE)
        if long and result.method:
            out.append(fmt.sentence(result.method))
    method_shown = long and result.estimate and result.method
    for caveat in result.caveats:
        if method_shown and _NOT_FORECAST.search(caveat) and _NOT_FORECAST.search(result.method):
            continue  # the projection method has just said "not a forecast"
        text = fmt.sentence(caveat) if long else _short_caveat(caveat)
        if text and text not in out:
            out.append(text)
    if not long and _FORECAST_CAVEATS <= set(out):
        out = [c for c in out if c not in _FORECAST_CAVEATS] + [_FORECAST_CAVEAT]
    return out


def _where_when(result: ResultLike) -> str:
    return " ".join(p for p in (fmt.in_place(result.geography), fmt.period_phrase(result.period)) if p)


def _no_figure(result: ResultLike, what: str, *, long: bool) -> str:
    """Names the job and place asked about; of the fallback it keeps only why nothing could be
    given ("This figure is for ... instead" would contradict "I don't have a figure")."""
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    asked = (result.requested.get("soc") or "").split(" ", 1)[-1] or result.soc_title
    reply.add(
        f"Sorry, I don't have a reliable {what} figure for {fmt.lower_first(job_name(asked))} "
        f"{fmt.in_place(result.requested.get('geography') or result.geography)}."
    )
    why = re.search(r"No figure can be given.*", result.fallback or "")
    if why:
        reply.add(why.group())
    elif result.reliability == "suppressed":
        reply.add("Too few people were surveyed to give one.")
    reply.add("You could ask about the whole UK, or a similar job.", optional=True)
    return reply.text()


def _has_figure(result: ResultLike, key: str) -> bool:
    return _value(result, key) is not None and result.reliability not in ("suppressed", "no_data")


def _source_line(result: ResultLike) -> str:
    return f"Source: {result.source}." if result.source else ""


def render_pay(
    result: ResultLike, long: bool, *, by_hour: bool = False, verdict: str = "", monthly: bool = False
) -> str:
    """The median a year (a week beside it), or with `by_hour` ("what's that per hour?") the
    hourly median with the yearly figure beside it. A `verdict` ("is that good money?" answered
    against all jobs) comes first: the user asked a yes-or-no question, and the figure they have
    just been told is the evidence, not the answer. `monthly` ("how much a month?") adds a
    twelfth of the yearly figure, saying so: no source publishes monthly pay."""
    if not _has_figure(result, "median"):
        return _no_figure(result, "pay", long=long)
    median = _value(result, "median")
    hourly_unit = (result.unit or "").endswith("hour")
    hourly = None if hourly_unit else _value(result, "hourly_median")
    by_hour = by_hour and hourly is not None
    if by_hour:
        amount = f"{fmt.money(hourly, pence=True)} an hour {_where_when(result)} (about {fmt.money(median)} a year)"
    else:
        amount = f"{fmt.money(median, pence=True)} an hour" if hourly_unit else f"{fmt.money(median)} a year"
        weekly = _value(result, "weekly_median")
        monthly = monthly and not hourly_unit
        beside = ([f"about {fmt.money(median / 12)} a month"] if monthly else []) + (
            [f"{fmt.money(weekly)} a week"] if weekly is not None and not hourly_unit else []
        )
        if beside:
            amount += f" ({', '.join(beside)})"
        amount += f" {_where_when(result)}"
    who = " ".join(p for p in (_subject(result), _qualifiers(result)) if p)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(verdict)
    reply.add(_wider_job_first(result))
    reply.add(f"{who} earn about {amount}.")
    if not verdict:  # the verdict has said it is the middle figure
        reply.add("That's the middle figure: half earn more, half earn less.")
    low, high = _value(result, "p10"), _value(result, "p90")
    if low is not None and high is not None and not by_hour:
        money = (lambda v: fmt.money(v, pence=True)) if hourly_unit else fmt.money
        reply.add(f"Most earn between {money(low)} and {money(high)}.", optional=not long)
    for caveat in _caveats(result, long=long):
        if not (by_hour and "weekly figure" in caveat):  # no weekly figure in an hourly reply
            reply.add(caveat)
    if monthly and not by_hour:
        reply.add("The monthly figure is the yearly one divided by 12.")
    if long:
        mean = _value(result, "mean")
        if mean is not None and not hourly_unit and not by_hour:
            reply.add(f"The average (mean) is {fmt.money(mean)}; a few high earners pull it up.")
        if hourly is not None and not by_hour:
            reply.add(f"By the hour that's about {fmt.money(hourly, pence=True)}.")
        reply.add(_source_line(result))
    return reply.text()


def render_hourly_pay(result: ResultLike, long: bool) -> str:
    """ "What's that per hour?"; says so when only the yearly figure is known."""
    unknown = (
        _has_figure(result, "median")
        and _value(result, "hourly_median") is None
        and not (result.unit or "").endswith("hour")
    )
    reply = render_pay(result, long, by_hour=True)
    return _join(["I don't have an hourly figure for this one.", reply]) if unknown else reply


def render_hours(result: ResultLike, long: bool) -> str:
    """The median; some published group figures (ASHE Table 3) have only the mean."""
    middle = _has_figure(result, "median")
    if not (middle or _has_figure(result, "mean")):
        return _no_figure(result, "hours", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(_wider_job_first(result))
    figure = fmt.hours(_value(result, "median" if middle else "mean"))
    reply.add(f"{_subject(result)} usually work about {figure} paid hours a week {_where_when(result)}.")
    reply.add(
        "That's the middle figure: half work more, half work less."
        if middle
        else "That's the average across everyone in the job."
    )
    for caveat in _caveats(result, long=long):
        reply.add(caveat)
    if long:
        mean = _value(result, "mean")
        if mean is not None and middle:
            reply.add(f"The average (mean) is {fmt.hours(mean)} hours.")
        reply.add(_source_line(result))
    return reply.text()


def render_outlook(result: ResultLike, long: bool) -> str:
    growth = _value(result, "growth_pct")
    if growth is None or result.reliability in ("suppressed", "no_data"):
        return _no_figure(result, "future jobs", long=long)
    direction = "grow" if growth > 0 else "shrink"
    change = "stay about the same" if abs(growth) < 1 else f"{direction} by about {fmt.percent(growth)}"
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(_wider_job_first(result))
    reply.add(
        f"Jobs for {fmt.lower_first(_job(result))} {fmt.in_place(result.geography)} "
        f"are likely to {change} {fmt.period_phrase(result.period)}."
    )
    openings, replacement = _value(result, "openings"), _value(result, "replacement")
    if openings:
        reason = (
            ", mostly to replace people who retire or leave"
            if replacement is not None and replacement > openings / 2
            else ""
        )
        reply.add(f"About {fmt.count(openings)} people will be needed in that time{reason}.")
    for caveat in _caveats(result, long=long):
        reply.add(caveat)
    if long:
        now, later = _value(result, "employment_now"), _value(result, "employment_2035")
        if now is not None and later is not None:
            reply.add(f"That is about {fmt.count(now)} jobs now and {fmt.count(later)} at the end.")
        reply.add(_source_line(result))
    return reply.text()


def render_employment(result: ResultLike, long: bool) -> str:
    """How many people do the job, and how many of them work for themselves."""
    if not _has_figure(result, "employment"):
        return _no_figure(result, "head count", long=long)
    who = " ".join(p for p in (_subject(result), _qualifiers(result)) if p)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(_wider_job_first(result))
    reply.add(
        f"About {fmt.count(_value(result, 'employment'))} people work as {fmt.lower_first(who)} "
        f"{_where_when(result)}."
    )
    own = _value(result, "self_employed_pct")
    if own is not None and own >= 1:
        reply.add(f"About {fmt.percent(own)} of them work for themselves (self-employed).")
    for caveat in _caveats(result, long=long):
        reply.add(caveat)
    if long:
        reply.add(_source_line(result))
    return reply.text()


def render_vacancies(result: ResultLike, long: bool) -> str:
    if not _has_figure(result, "vacancies"):
        return _no_figure(result, "job openings", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(_wider_job_first(result))
    target = "in total" if result.soc == 0 else f"for {fmt.lower_first(_job(result))}"
    reply.add(
        f"Employers {_where_when(result)} had about {fmt.count(_value(result, 'vacancies'))} "
        f"open jobs {target}."
    )
    hard = _value(result, "hard_to_fill_pct")
    if hard is not None:
        reply.add(f"About {fmt.percent(hard)} of them were hard to fill.")
    for caveat in _caveats(result, long=long):
        reply.add(caveat)
    shortage = _value(result, "skill_shortage_pct")
    if shortage is not None:
        reply.add(
            f"About {fmt.percent(shortage)} were hard to fill because people lacked the skills.",
            optional=not long,
        )
    if long:
        reply.add(_source_line(result))
    return reply.text()


def _top(items: list[dict], kind: str, n: int) -> list[str]:
    chosen = sorted(
        (i for i in items if i.get("kind") == kind),
        key=lambda i: -(i.get("importance") or i.get("score") or 0),
    )
    names: list[str] = []
    for item in chosen:
        name = plain_element(kind, item.get("name", ""))
        if name and name not in names:
            names.append(name)
    return names[:n]


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def render_subjects(result: ResultLike) -> str:
    """ "What GCSEs should I take?" from a skills result: no source lists school subjects for a
    job, but O*NET's knowledge areas are the nearest thing."""
    knowledge = _top(result.items, "knowledge", 3)
    if not knowledge:
        return "My sources don't list school subjects for this job."
    return (
        "My sources don't list school subjects for this job, but a US job guide says it helps "
        f"to know about {_and_list(knowledge)}."
    )


def render_skills(result: ResultLike, long: bool) -> str:
    skills = _top(result.items, "skill", 8 if long else 5)
    if not skills:
        return _no_figure(result, "skills", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(f"Top skills for {fmt.lower_first(_job(result))}: {_and_list(skills)}.")
    knowledge = _top(result.items, "knowledge", 5 if long else 3)
    if knowledge:
        reply.add(f"It helps to know about {_and_list(knowledge)}.", optional=not long)
    interests = _top(result.items, "interest", 2)
    if interests:
        reply.add(f"It suits people who like {_and_list(interests)}.", optional=not long)
    for caveat in _caveats(result, long=long):
        reply.add(caveat)
    if long:
        reply.add(_source_line(result))
    return reply.text()


def _ease(result: ResultLike) -> Callable[[str], float]:
    """Reading ease of a reply about this job, the job's name counting as one plain word (the
    measure the tests hold every reply to)."""
    names = [result.soc_title, _job(result)]
    return lambda text: template_reading_ease(text, names)


def _official_text(
    result: ResultLike,
    heading: str,
    pieces: list[str],
    long: bool,
    *,
    bullets: bool = False,
    next_step: str = "",
    **choice: Any,
) -> str:
    """A reply made of ONS text (sentences, or tasks as bullets) under a heading. Asked for more:
    the text from the start, up to LONG_WORDS (every task). Otherwise as much of it as reads as
    plain English in SHORT_WORDS (see fit.fit, which `choice` tunes). When that leaves some out
    the reply says how to get the rest, so a cut is never passed off as the whole; and while it
    stays within SHORT_WORDS it ends with `next_step`, what else to ask (not counted when choosing
    the text: the ONS words must read plainly without it)."""
    caveats = _caveats(result, long=long)

    def reply(chosen: list[str], *, ending: str = "") -> str:
        parts = [heading] + [f"• {p}" if bullets else p for p in chosen] + caveats
        parts += [phrases.MORE_OFFER] if not long and chosen != pieces else []
        parts += [ending] if ending and word_count(" ".join(parts + [ending])) <= SHORT_WORDS else []
        return _join(parts)

    if long:
        return reply(pieces if bullets else first_sentences(pieces, LONG_WORDS - word_count(heading)))
    chosen = fit(pieces, reply, _ease(result), budget=SHORT_WORDS - word_count(heading), **choice)
    return reply(chosen, ending=next_step)


def render_description(result: ResultLike, long: bool) -> str:
    sentences = plain_text(result.text or "", result.soc_title)
    if not sentences:
        return _no_figure(result, "job description", long=long)
    # short: the opening sentence (what the job is), and the next if it fits
    return _official_text(
        result,
        f"What {fmt.lower_first(_job(result))} do:",
        sentences,
        long,
        next_step="Ask me how to get in, or what it pays.",
        most=2,
        lead=True,
    )


def render_tasks(result: ResultLike, long: bool) -> str:
    # ONS tasks are written about the jobholder ("examines drawings ..."), so the list follows
    # "someone in this job" rather than being rewritten verb by verb.
    tasks = [plain_text(i["task"])[0].rstrip(".") for i in result.items if i.get("task")]
    if not tasks:
        return _no_figure(result, "task", long=long)
    heading = f"What {fmt.lower_first(_job(result))} do. Day to day, someone in this job:"
    # short: the plainest few, shown in the ONS order
    return _official_text(result, heading, tasks, long, bullets=True, most=_SHORT_TASKS, plainest_first=True)


def render_entry_routes(result: ResultLike, long: bool) -> str:
    sentences = plain_text(result.text or "", result.soc_title)
    if not sentences:
        return _no_figure(result, "entry route", long=long)
    # short: the sentences, in order, that read plainly and fit, each with all its detail
    return _official_text(
        result,
        f"Getting in ({fmt.lower_first(_job(result))}):",
        sentences,
        long,
        next_step="Ask me what skills you need, too.",
        most=len(sentences),
        keep_detail=True,
    )


SHORT_APPRENTICESHIPS = 3  # the best-matched standards a short reply lists


def render_apprenticeships(result: ResultLike, long: bool) -> str:
    items = result.items[: 6 if long else SHORT_APPRENTICESHIPS]
    if not items:
        return (
            f"I couldn't find an apprenticeship linked to {fmt.lower_first(_job(result))}. "
            "Ask me how to get into it instead."
        )
    lines = []
    for item in items:
        details = ", ".join(
            p
            for p in (
                f"level {item['level']}" if item.get("level") else "",
                fmt.duration(item.get("duration_months")),
            )
            if p
        )
        lines.append(f"• {item['title']}" + (f" ({details})" if details else ""))
    parts = [f"Apprenticeships for {fmt.lower_first(_job(result))}:"] + lines + _caveats(result, long=long)
    if long:
        parts.append(_source_line(result))
    return _join(parts)


def _compare_line(item: dict) -> str:
    facts = []
    pay = item.get("pay_median")
    if pay is not None:
        facts.append(f"{fmt.money(pay)} a year" + (" (wider group)" if item.get("pay_fallback") else ""))
    hours_value = item.get("hours_median")
    if hours_value is not None:
        facts.append(f"{fmt.hours(hours_value)} hours a week")
    growth = item.get("growth_pct")
    if growth is not None:
        facts.append(
            "jobs steady"
            if abs(growth) < 1
            else f"jobs {'up' if growth > 0 else 'down'} {fmt.percent(growth)}"
        )
    summary = ", ".join(facts) if facts else "no reliable figures"
    return f"• {job_name(item.get('title', ''))}: {summary}"


def _compare_caveats(result: ResultLike, caveats: list[str]) -> list[str]:
    rough = [
        w
        for w, flag in (
            ("our estimates", result.estimate),
            ("from small samples", result.reliability == "small_sample"),
            ("for a wider group (marked)", any(i.get("pay_fallback") for i in result.items)),
        )
        if flag
    ]
    out = [f"Some figures are {_and_list(rough).replace(' and ', ' or ')}."] if rough else []
    if any("England" in c for c in caveats):
        out.append("Job forecasts are for England only.")
    known = {
        _ESTIMATE,
        _FORECAST_CAVEAT,
        *_FORECAST_CAVEATS,
        "It comes from a small sample, so take it as a rough guide.",
        "Some figures are for a wider group: each line says which.",
    }
    return out + [c for c in caveats if c not in known]


def render_compare(result: ResultLike, long: bool) -> str:
    if len(result.items) < 2:
        return _no_figure(result, "comparison", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add("How they compare (middle pay, hours, future jobs):")
    for item in result.items:
        reply.add(_compare_line(item))
    caveats = _caveats(result, long=long)
    if not long:  # one line per job already; the caveats of all of them in two short sentences
        caveats = _compare_caveats(result, caveats)
    for caveat in caveats:
        reply.add(caveat)
    reply.add("Pay isn't everything: ask me about the skills or how to get in.", optional=True)
    if long:
        reply.add(_source_line(result))
    return reply.text()


def render_similar(result: ResultLike, long: bool) -> str:
    items = result.items[: 6 if long else 4]
    if not items:
        return f"I couldn't find jobs close to {fmt.lower_first(_job(result))}."
    lines = [f"• {job_name(i['title'])}" for i in items]
    return _join(
        [f"Jobs a bit like {fmt.lower_first(_job(result))}:"] + lines + ["Ask me about any of them."]
    )


MIN_RANKED = 3  # fewer is not a list of the best-paid jobs


def render_best_paid(result: ResultLike, long: bool) -> str:
    where = fmt.in_place(result.geography)
    if len(result.items) < MIN_RANKED:
        return (
            f"Sorry, I don't have reliable enough pay figures to rank jobs {where}. "
            "Ask me about a job you like, or about the whole UK."
        )
    years = re.findall(r"\d{4}", result.period or "")
    when = f"{years[0]} to {years[-1]}" if len(set(years)) > 1 else (years[0] if years else "")
    pattern = fmt.status_word(result.breakdown)
    most_without = " where most people don't have a degree" if result.breakdown.get("degree") else ""
    lines = [
        f"The best-paid jobs {where}{most_without}, by middle {pattern + ' ' if pattern else ''}pay"
        f"{f' ({when})' if when else ''}:"
    ]
    lines += [f"• {job_name(i['title'])}: {fmt.money(i['median'])} a year" for i in result.items]
    if result.estimate:
        lines.append("Some are our estimates, not published figures.")
    lines.append("These are whole job groups, and pay grows with experience. Ask me about any of them.")
    return _join(lines)


def render_growing(result: ResultLike, long: bool) -> str:
    """Job areas set to grow most, each with how many people will be needed (new jobs and
    people replacing those who leave); the example jobs are offered as buttons by the caller."""
    if not result.items:
        return "Sorry, I don't have job projections to rank right now. Ask me about a job you like."
    lines = [
        f"The job areas set to grow most {fmt.in_place(result.geography)} {fmt.period_phrase(result.period)}:"
    ]
    lines += [
        f"• {job_name(i['title'])}: up {fmt.percent(i['growth_pct'])}, about {fmt.count(i['openings'])} "
        "people needed"
        for i in result.items
    ]
    lines.append(
        " ".join(
            ["People needed counts new jobs and people to replace those who leave."]
            + _caveats(result, long=long)
        )
    )
    if long:
        lines += [result.method or "", _source_line(result)]
    lines.append("Here's a job from each area. Pick one to find out what it's like.")
    return _join([line for line in lines if line])


def render_interest(result: ResultLike, long: bool) -> str:
    """Jobs for what someone likes. Short: each job with the titles that say what it is
    ("Other animal care services occupations (dog groomer, zookeeper)"); long: why each suits
    them, and how the list was made."""
    interest = result.breakdown.get("interest", "that")
    if not result.items:
        return f"Sorry, I couldn't find jobs for {interest}. Try another subject or a job you like."
    lines = [f"Jobs for someone who likes {interest}:"]
    for item in result.items:
        job = job_name(item["title"])
        if long:
            lines.append(f"• {job}: {item['why']}")
        else:
            lines.append(f"• {job} ({', '.join(item['examples'])})" if item["examples"] else f"• {job}")
    lines.append("Pick one to find out what it's like.")
    if long:
        lines.append(result.method or "")
    return _join([line for line in lines if line])


_RENDERERS: dict[str, Callable[[Any, bool], str]] = {
    "pay": render_pay,
    "hours": render_hours,
    "outlook": render_outlook,
    "vacancies": render_vacancies,
    "employment": render_employment,
    "skills": render_skills,
    "description": render_description,
    "tasks": render_tasks,
    "entry_routes": render_entry_routes,
    "apprenticeships": render_apprenticeships,
    "compare": render_compare,
    "similar": render_similar,
    "best_paid": render_best_paid,
    "interest": render_interest,
    "growing": render_growing,
}
KINDS = tuple(_RENDERERS)


def render(result: ResultLike, *, long: bool = False) -> str:
    """The plain-language reply for one service result (about 60 words unless `long`)."""
    try:
        renderer = _RENDERERS[result.kind]
    except KeyError:
        raise ValueError(f"No reply template for result kind {result.kind!r}") from None
    return renderer(result, long)
