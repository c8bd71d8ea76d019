"""Service results -> a few plain sentences a 14-24 year old reads on a phone.

The figure asked for comes first, in the first sentence, naming the job the coder chose (so a
wrong guess is visible), who and where it is for and its year. Then, in a short reply, at most
one plain sentence on what changed from the question and why, and at most one short caveat
(answers/caveats.py); "tell me more" (long) gives the rest: ranges, means, every caveat, how an
estimate was made and the sources. Everything here is read from a Result's data and keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ..notes import WEEKLY_DERIVED
from ..onet_words import plain_element
from . import caveats, groups, phrases, words
from . import formatting as fmt
from .fit import fit
from .plain import first_sentences, job_name, plain_text
from .readability import template_reading_ease, word_count

SHORT_WORDS = 60
LONG_WORDS = 160
_SHORT_TASKS = 3


class ResultLike(caveats.Noted, Protocol):
    """The fields of lmi_backend.service.Result that rendering reads."""

    kind: str
    unit: str | None
    period: str | None
    breakdown: dict[str, str]
    source: str
    items: list[dict]
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


def _where_when(result: ResultLike) -> str:
    """ "in Wales in 2021", "across the UK from 2020 to 2035"."""
    where = words.in_place(result.cell.get("region"), groups.whole_area(result))
    return " ".join(p for p in (where, fmt.period_phrase(result.period)) if p)


def _opening(result: ResultLike, subject: str, rest: str) -> str:
    """The figure's sentence: `subject` (who) then `rest` ("earn about £31,460 a year ...").
    A figure for a wider job group than asked starts with why, so "how much do footballers get
    paid" never reads the wider group's pay as footballers'."""
    if not result.changed_job:
        return f"{subject} {rest}."
    return f"{caveats.fallback(result)} {subject} as a whole {rest}."


def _caveats(result: ResultLike, *, long: bool, opened: bool = True) -> list[str]:
    """Short: what changed (one sentence, unless the `opened` opening said it) and at most one
    caveat. Long: everything."""
    said = [] if result.changed_job and opened else [caveats.fallback(result)]
    said += caveats.long_caveats(result) if long else [caveats.short_caveat(result)]
    return [s for s in said if s]


def _no_figure(result: ResultLike, what: str, *, long: bool) -> str:
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(caveats.missing(result, what))
    reply.add("You could ask about the whole UK, or a similar job.", optional=True)
    return reply.text()


def _figure(result: ResultLike, key: str) -> float | None:
    """A value the disclosure layer released, or None."""
    return None if result.reliability in ("suppressed", "no_data") else _value(result, key)


def _has_figure(result: ResultLike, key: str) -> bool:
    return _figure(result, key) is not None


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
    median = _figure(result, "median")
    if median is None:
        return _no_figure(result, "pay", long=long)
    hourly_unit = (result.unit or "").endswith("hour")
    hourly = None if hourly_unit else _value(result, "hourly_median")
    by_hour = by_hour and hourly is not None
    if by_hour and hourly is not None:
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
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(verdict)
    reply.add(_opening(result, groups.subject(result), f"earn about {amount}"))
    if not verdict:  # the verdict has said it is the middle figure
        reply.add("That's the middle figure: half earn more, half earn less.")
    low, high = _value(result, "p10"), _value(result, "p90")
    if low is not None and high is not None and not by_hour:
        money = (lambda v: fmt.money(v, pence=True)) if hourly_unit else fmt.money
        reply.add(f"Most earn between {money(low)} and {money(high)}.", optional=not long)
    weekly_caveats = (words.CAVEATS_SHORT[WEEKLY_DERIVED], words.CAVEATS_LONG[WEEKLY_DERIVED])
    for caveat in _caveats(result, long=long):
        if not (by_hour and caveat in weekly_caveats):  # no weekly figure in an hourly reply
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
    median = _figure(result, "median")
    value = median if median is not None else _figure(result, "mean")
    if value is None:
        return _no_figure(result, "hours", long=long)
    middle = median is not None
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    figure = fmt.hours(value)
    reply.add(
        _opening(
            result,
            groups.subject(result),
            f"usually work about {figure} paid hours a week {_where_when(result)}",
        )
    )
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
    reply.add(
        _opening(
            result,
            f"Jobs for {fmt.lower_first(_job(result))}",
            f"{_where_when(result)} are likely to {change}",
        )
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
    people = _figure(result, "employment")
    if people is None:
        return _no_figure(result, "head count", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    reply.add(
        _opening(
            result,
            f"About {fmt.count(people)} people work as {fmt.lower_first(groups.subject(result))}",
            _where_when(result),
        )
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
    vacancies = _figure(result, "vacancies")
    if vacancies is None:
        return _no_figure(result, "job openings", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    target = "in total" if result.soc == 0 else f"for {fmt.lower_first(_job(result))}"
    reply.add(f"Employers {_where_when(result)} had about {fmt.count(vacancies)} open jobs {target}.")
    hard = _value(result, "hard_to_fill_pct")
    if hard is not None:
        reply.add(f"About {fmt.percent(hard)} of them were hard to fill.")
    for caveat in _caveats(result, long=long, opened=False):  # the opening names the total only
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


# a job's pay in a comparison that could not be given for the group asked: what it is for instead
_NOT_AS_ASKED = {"region": "the UK's", "gender": "men and women", "status": "all work patterns"}


def _compare_line(item: dict, pay_year: str | None) -> str:
    """One job's line; its pay year when the jobs' pay years differ (`pay_year` None)."""
    facts = []
    pay = item.get("pay_median")
    if pay is not None:
        notes = [
            n
            for n in (
                "wider group" if item.get("pay_wider_group") else "",
                *(_NOT_AS_ASKED[d] for d in item.get("pay_changes") or [] if d in _NOT_AS_ASKED),
                "" if pay_year else item.get("pay_period"),
            )
            if n
        ]
        facts.append(f"{fmt.money(pay)} a year" + (f" ({', '.join(notes)})" if notes else ""))
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


def _compare_caveat(result: ResultLike) -> str:
    """All the jobs' caveats in one sentence: how rough some figures are, and the forecasts'."""
    rough = [
        w
        for w, flag in (
            ("our estimates", result.estimate),
            ("from small samples", result.reliability == "small_sample"),
            ("for a wider group (marked)", "some_wider_group" in result.caveats),
        )
        if flag
    ]
    forecasts = "job forecasts are for England only" if "england_only" in result.caveats else ""
    if rough:
        some = f"Some figures are {_and_list(rough).replace(' and ', ' or ')}"
        return f"{some}, and {forecasts}." if forecasts else f"{some}."
    return fmt.sentence(forecasts) if forecasts else ""


def _compared_group(result: ResultLike) -> str:
    """ " for part-time women in Wales": who and where the comparison was asked for, so a
    follow-up ("and for women?") is seen to have been applied."""
    asked = result.asked
    codes = {"soc": groups.ALL_JOBS, "status": asked.get("status"), "gender": asked.get("gender")}
    who = f" for {groups.people(codes, '')}" if codes["status"] or codes["gender"] else ""
    region = asked.get("region")
    return who + (f" {words.in_place(region)}" if region else "")


def render_compare(result: ResultLike, long: bool) -> str:
    if len(result.items) < 2:
        return _no_figure(result, "comparison", long=long)
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    years = {item.get("pay_period") for item in result.items if item.get("pay_median") is not None}
    pay_year = years.pop() if len(years) == 1 else None
    reply.add(
        f"How they compare{_compared_group(result)} (middle pay{f' in {pay_year}' if pay_year else ''}, hours, "
        "jobs from 2020 to 2035):"
    )
    for item in result.items:
        reply.add(_compare_line(item, pay_year))
    if long:
        for caveat in caveats.long_caveats(result):
            reply.add(caveat)
    else:
        reply.add(_compare_caveat(result))
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
    where = words.in_place(result.cell.get("region"))
    gender = words.GENDER_WORDS.get(result.cell.get("gender") or 0)
    for_whom = f" for {gender}" if gender else ""
    if len(result.items) < MIN_RANKED:
        return (
            f"Sorry, I don't have reliable enough pay figures to rank jobs{for_whom} {where}. "
            "Ask me about a job you like, or about the whole UK."
        )
    years = fmt.years(result.period)
    when = f"{years[0]} to {years[-1]}" if len(years) > 1 else (years[0] if years else "")
    pattern = words.STATUS_WORDS.get(result.cell.get("status") or 0, "")
    pay_of = f"{gender}'s " if gender else ""
    most_without = " where most people don't have a degree" if result.breakdown.get("degree") else ""
    lines = [
        f"The best-paid jobs{for_whom} {where}{most_without}, by {pay_of}middle {pattern + ' ' if pattern else ''}pay"
        f"{f' ({when})' if when else ''}:"
    ]
    lines += [f"• {job_name(i['title'])}: {fmt.money(i['median'])} a year" for i in result.items]
    if result.estimate:
        lines.append("Some are our estimates, not published figures.")
    lines.append("These are whole job groups, and pay grows with experience. Ask me about any of them.")
    return _join(lines)


MIN_REGIONS = 3  # fewer is not an answer to where a job pays most
SHOWN_REGIONS = 3  # the top of the list in a short reply; the lowest is always shown


def render_pay_by_region(result: ResultLike, long: bool) -> str:
    """Where a job pays most: the regions with reliable figures for one year, highest first,
    the top three and the lowest (all of them when `long`)."""
    who = groups.subject(result)
    if len(result.items) < MIN_REGIONS:
        return phrases.NO_PAY_BY_REGION.format(who=fmt.lower_first(who))
    items = result.items
    shown = items if long or len(items) <= SHOWN_REGIONS + 1 else [*items[:SHOWN_REGIONS], items[-1]]
    lines = [f"Where {fmt.lower_first(who)} earn most, by middle pay ({result.period}):"]
    for item in shown:
        lowest = " (lowest)" if item is items[-1] else ""
        if item is items[-1] and len(shown) < len(items):
            lines.append("• ...")
        place = words.place(item["region"])
        lines.append(f"• {place[:1].upper() + place[1:]}: {fmt.money(item['median'])} a year{lowest}")
    regions = len(words.REGION_NAMES) - 1  # not the UK
    if len(items) < regions:
        lines.append(phrases.REGIONS_WITH_FIGURES.format(n=len(items), of=regions))
    if long or not result.estimate:
        lines += _caveats(result, long=long)
    else:  # the ranking is that of the job's kind of work: say so, not only "an estimate"
        lines.append(phrases.REGION_ESTIMATES)
    return _join(lines)


def render_growing(result: ResultLike, long: bool) -> str:
    """Job areas set to grow most, each with how many people will be needed (new jobs and
    people replacing those who leave); the example jobs are offered as buttons by the caller."""
    if not result.items:
        return "Sorry, I don't have job projections to rank right now. Ask me about a job you like."
    lines = [f"The job areas set to grow most {_where_when(result)}:"]
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


_LATER = {"after_3_years": "Three years on", "after_5_years": "Five years on"}


def _in_nation(geography: str) -> str:
    return "across the UK" if geography == "United Kingdom" else f"in {geography}"


def render_graduate_pay(result: ResultLike, long: bool) -> str:
    """What graduates of a degree subject earn: 15 months on (the Graduate Outcomes survey), with
    the year and the survey named, then years on (tax records) with what makes those different.
    Short: the 5-year figure, the one someone choosing a degree most wants (the 3-year one
    when 5 is missing); long: every figure with its range and how many graduates it is from."""
    subject = result.breakdown.get("subject_name", "")
    where = _in_nation(result.geography)
    items = {i["measure"]: i for i in result.items}
    first = items.get("after_15_months", {})
    later = [
        items[m] for m in ("after_3_years", "after_5_years") if items.get(m, {}).get("median") is not None
    ]
    reply = _Reply(LONG_WORDS if long else SHORT_WORDS)
    if first.get("median") is None:
        reason = words.REASONS.get(result.unavailable or "", "")
        because = f", because {reason}" if reason else ""
        reply.add(f"Sorry, I don't have a reliable pay figure for graduates in {subject} {where}{because}.")
    else:
        reply.add(
            f"Graduates in {subject} earn about {fmt.money(first['median'])} a year 15 months after finishing a "
            f"full-time degree {where} (the Graduate Outcomes survey, Discover Uni {result.period})."
        )
        reply.add("That's the middle figure: half earn more, half earn less.")
        range_ = f"The middle half earn between {fmt.money(first['lower_quartile'])} and {fmt.money(first['upper_quartile'])}."
        reply.add(range_, optional=not long)
        if first.get("reliability") == "small_sample":
            reply.add(words.SMALL_SAMPLE)
    for item in later if long else later[-1:]:
        said = f"{_LATER[item['measure']]}, it's about {fmt.money(item['median'])}"
        if long:
            said += f" (the middle half: {fmt.money(item['lower_quartile'])} to {fmt.money(item['upper_quartile'])})"
        reply.add(said + ".")
        if long and item.get("reliability") == "small_sample":
            reply.add(words.SMALL_SAMPLE)
    for key in result.caveats:
        reply.add((words.CAVEATS_LONG if long else words.CAVEATS_SHORT)[key])
    if first.get("median") is None:
        wider = result.breakdown.get("wider_subject_name")
        reply.add(f"Ask me about {wider} instead." if wider else "Ask me about another subject.")
    if long:
        counted = [
            f"{fmt.count(i['graduates'])} ({_LATER.get(i['measure'], '15 months on').lower()})"
            for i in [first, *later]
            if i.get("graduates")
        ]
        if counted:
            reply.add(f"Graduates counted: {', '.join(counted)}.")
        reply.add(_source_line(result))
    return reply.text()


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
    "pay_by_region": render_pay_by_region,
    "interest": render_interest,
    "growing": render_growing,
    "graduate_pay": render_graduate_pay,
}
KINDS = tuple(_RENDERERS)


def render(result: ResultLike, *, long: bool = False) -> str:
    """The plain-language reply for one service result (about 60 words unless `long`)."""
    try:
        renderer = _RENDERERS[result.kind]
    except KeyError:
        raise ValueError(f"No reply template for result kind {result.kind!r}") from None
    return renderer(result, long)
