"""One turn's checks: the reply against what the turn expects (spec.py) and the published
figures (sources.py). A turn is fully right when check_turn returns no failures.

Each failure has a kind (a short stable label, for counting the commonest) and a detail."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from . import markers
from .sources import Figure, Sources
from .spec import Turn

PAY_MEASURES = {"annual", "weekly", "hourly", "graduate"}
FIGURE_TOPICS = {"pay", "hours", "outlook", "employment", "vacancies", "compare", "best_paid"}
_CHOOSE = re.compile(r'"?soc"?\s*[:=]\s*"?(\d{4})')
FIRST_SOC2020_YEAR = 2022  # ASHE publishes SOC2020 only from this year
_YEAR = re.compile(r"(?<![\d£,.])(20[0-4]\d)(?!\d|,\d)")  # "in 2021, hours": a year; "2,021": not
_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d+)?)\s*(k\b|m\b|million\b|thousand\b|bn\b)?", re.IGNORECASE)
_HOURS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:paid\s+)?(?:hours|hrs)\b", re.IGNORECASE)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", re.IGNORECASE)
_COUNT = re.compile(r"(?<![£\d.,])(\d[\d,]*(?:\.\d+)?)\s*(million\b|thousand\b|k\b)?", re.IGNORECASE)
_STEADY = re.compile(r"\bstay (?:about |roughly )?(?:the same|level|steady)\b|\bsteady\b", re.IGNORECASE)
_UP = re.compile(r"\b(?:grow|rise|increase|up|more)", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:shrink|fall|decrease|decline|down|fewer|drop)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+|\n+")
_SCALE = {"k": 1000, "thousand": 1000, "m": 10**6, "million": 10**6, "bn": 10**9}


@dataclass(frozen=True)
class Failure:
    kind: str
    detail: str


@dataclass
class Reply:
    """What the assistant sent back for one message: its texts and buttons."""

    texts: list[str]
    buttons: list[dict[str, Any]]

    @classmethod
    def from_rest(cls, messages: list[dict[str, Any]]) -> Reply:
        return cls(
            [m["text"] for m in messages if m.get("text")],
            [b for m in messages for b in m.get("buttons") or []],
        )

    @property
    def text(self) -> str:
        return "\n\n".join(self.texts)

    @property
    def visible(self) -> str:
        """The text and the buttons' titles: all a user sees."""
        return "\n".join([self.text, *(str(b.get("title") or "") for b in self.buttons)])


@dataclass
class State:
    """What the checks carry from turn to turn: facts the user gave about themselves and the
    jobs the last reply offered."""

    about_me: dict[str, Any] = field(default_factory=dict)
    offered: list[int] = field(default_factory=list)
    # what the last questions asked (place, pattern, sex, age, qualification), for may_keep
    asked: dict[str, Any] = field(default_factory=dict)

    def kept(self, turn: Turn, dim: str) -> Any:
        """The value an elliptical follow-up may carry over, when the turn allows it."""
        return self.asked.get(dim) if dim in _list(turn.get("may_keep")) else None


def _list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


_QUOTED = re.compile(r"'([^'\n]{1,80})'")


def without_echo(text: str, user: str) -> str:
    """The reply without the user's own words quoted back ("I don't know the job 'maths
    graduates'"): repeating a word is not answering about it."""
    said = _norm(user)
    return _QUOTED.sub(lambda m: "''" if _norm(m[1]) in said else m[0], text)


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("–", "-").replace("—", "-").replace("’", "'").split())


class Names:
    """How a reply may name each SOC2010 unit group: its ONS title as written, in sentence case,
    with "n.e.c." as "other ...", or without its bracketed note."""

    def __init__(self, sources: Sources):
        self.titles = sources.titles
        self.variants: dict[int, list[str]] = {}
        for soc, title in self.titles.items():
            base = _norm(title)
            forms = {base, re.sub(r"\s*\([^)]*\)", "", base).strip()}
            if base.endswith(" n.e.c."):
                core = base[: -len(" n.e.c.")]
                forms |= {core, core if core.startswith("other ") else "other " + core}
            self.variants[soc] = sorted(forms, key=len, reverse=True)
        self._by_title = {v: soc for soc, forms in self.variants.items() for v in forms}

    def named(self, soc: int, text: str) -> bool:
        lowered = _norm(text)
        return any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", lowered) for v in self.variants[soc])

    def all_named(self, text: str) -> set[int]:
        return {soc for soc in self.variants if self.named(soc, text)}

    def offered(self, reply: Reply) -> list[int]:
        """The jobs a reply's buttons offer: the SOC in the payload, else the button's title."""
        out = []
        for button in reply.buttons:
            payload = str(button.get("payload") or "")
            found = _CHOOSE.search(payload)
            soc = int(found[1]) if found else self._by_title.get(_norm(str(button.get("title") or "")))
            if soc is not None and soc in self.titles and soc not in out:
                out.append(soc)
        return out


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def headline(text: str, topic: str | None) -> str:
    """The sentence that gives the figure asked for (the first with a figure of that topic's
    kind), else the first sentence. Qualifiers in it are what the figure is said to be for."""
    parts = sentences(text)
    marker = {
        "pay": markers.TOPICS["pay"],
        "hours": _HOURS,
        "outlook": _PERCENT,
        "employment": markers.TOPICS["employment"],
        "vacancies": markers.TOPICS["vacancies"],
    }.get(topic or "")
    if marker is not None:
        for part in parts:
            if marker.search(part):
                return part
    return parts[0] if parts else ""


# --- numbers as the reply writes them --------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """A number in a reply and the precision it is written to (what a published value must
    round to, to be the same figure)."""

    value: Decimal
    step: Decimal  # 0.01 for £14.52, 1 for £31,245, 1000 for £31k

    def matches(self, published: float) -> bool:
        rounded = (Decimal(str(published)) / self.step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        return rounded * self.step == self.value


def _amount(digits: str, scale_word: str | None, *, max_zero_step: int) -> Amount:
    text = digits.replace(",", "")
    scale = _SCALE.get((scale_word or "").lower(), 1)
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = Decimal(text) * scale
    if decimals:
        step = Decimal(1).scaleb(-decimals) * scale
    elif scale > 1:
        step = Decimal(scale)
    else:
        zeros = len(text) - len(text.rstrip("0")) if text.strip("0") else 0
        step = Decimal(10) ** min(zeros, max_zero_step)
    return Amount(value, step)


def amounts(text: str, measure: str) -> list[Amount]:
    if measure in PAY_MEASURES:
        return [_amount(m[1], m[2], max_zero_step=3) for m in _MONEY.finditer(text)]
    if measure == "hours":
        return [_amount(m[1], None, max_zero_step=0) for m in _HOURS.finditer(text)]
    if measure == "growth":
        found = [_amount(m[1], None, max_zero_step=0) for m in _PERCENT.finditer(text)]
        if _STEADY.search(text):
            found.append(Amount(Decimal(0), Decimal(2)))  # "stay about the same": under 1% either way
        return found
    years = {m.start(1) for m in _YEAR.finditer(text)}
    return [
        _amount(m[1], m[2], max_zero_step=9)
        for m in _COUNT.finditer(text)
        if m.start(1) not in years
        and Decimal(m[1].replace(",", "")) * _SCALE.get((m[2] or "").lower(), 1) >= 10
    ]


def stated_years(text: str) -> set[int]:
    return {int(y) for y in _YEAR.findall(text)}


# --- the checks --------------------------------------------------------------------------------


@dataclass
class FigureSpec:
    """One figure a turn's reply must give.

    measure      annual | weekly | hourly | hours (ASHE); employment; growth (outlook, %);
                 vacancies; graduate (Discover Uni medians of subject `cah`)
    stat         median (default) or a list of acceptable statistics (p10 for "starting pay")
    sex          women | men (default: the turn's, else everyone)
    status       full-time | part-time (default: the turn's pattern; with none, everyone's or
                 full-time figure is accepted)
    job          SOC2010 unit group(s) (default: the turn's job)
    place        region for this figure (default: the turn's single place, else UK)
    estimate_ok  an estimate that says so is accepted, and then only the label and the place are
                 checked, not the number (default: outside the UK; for hours, weekly pay and
                 growth, which are often derived; for a question about an age or qualification)
    none_ok      "no reliable figure" is an acceptable answer (the cell is empty or suppressed)
    """

    measure: str
    stats: list[str]
    sexes: list[str]
    statuses: list[str]
    socs: list[int]
    place: str
    estimate_ok: bool
    none_ok: bool
    cah: str | None = None
    kept_place: str | None = None  # a place an elliptical follow-up may carry over
    both_sexes: bool = False  # men's and women's pay side by side were asked for


_SEX = {None: "all", "women": "female", "men": "male"}


def figure_specs(turn: Turn, socs: list[int], state: State | None = None) -> list[FigureSpec]:
    state = state or State()
    out = []
    places = _list(turn.get("place"))
    turn_place = places[0] if len(places) == 1 else "UK"
    kept_place = state.kept(turn, "place")
    kept_pattern, kept_sex = state.kept(turn, "pattern"), state.kept(turn, "sex")
    for raw in _list(turn.get("figure")):
        spec = {"measure": raw} if isinstance(raw, str) else dict(raw)
        measure = spec["measure"]
        sex = spec.get("sex") or (turn.get("sex") if turn.get("sex") in ("women", "men") else None)
        sexes = [_SEX[sex]] + ([_SEX[kept_sex]] if kept_sex in ("women", "men") and not sex else [])
        pattern = spec.get("status") or turn.get("pattern")
        statuses = [pattern] if pattern else ["all", "full-time"] + ([kept_pattern] if kept_pattern else [])
        place = spec.get("place") or turn_place
        personal = any(turn.get(dim) or state.kept(turn, dim) for dim in ("age", "qualification"))
        derived = measure in ("hours", "weekly", "growth")  # often worked out from other figures
        estimate_ok = bool(
            spec.get("estimate_ok", place not in ("UK", "England") or derived or personal or bool(kept_place))
        )
        out.append(
            FigureSpec(
                measure=measure,
                stats=_list(spec.get("stat", "median")),
                sexes=sexes,
                statuses=statuses,
                socs=_list(spec.get("job")) or socs,
                place=place,
                estimate_ok=estimate_ok,
                none_ok=bool(spec.get("none_ok")),
                cah=spec.get("cah"),
                both_sexes=turn.get("sex") == "both",
                kept_place=kept_place,
            )
        )
    return out


def _published(sources: Sources, spec: FigureSpec, years: set[int]) -> list[Figure]:
    """The published values the reply's figure may be, for the years it states."""
    found: list[Figure] = []
    if spec.measure == "graduate":
        return sources.graduate_figures(spec.cah or "")
    for soc in spec.socs:
        if spec.measure in ("annual", "weekly", "hourly", "hours"):
            for sex in spec.sexes:
                for status in spec.statuses:
                    for stat in spec.stats:
                        found += sources.pay_figures(soc, spec.measure, sex, status, stat)
                        for place in {spec.place, spec.kept_place or "UK"} - {"UK", "England"}:
                            if status == "part-time" and sex == "all" and spec.measure == "annual":
                                regional = sources.regional_part_time_pay(soc, place)
                                found += [regional] if regional else []
        elif spec.measure == "employment":
            found += sources.employment_figures(soc, spec.place if spec.place != "England" else "UK")
        elif spec.measure == "vacancies":
            found += sources.vacancy_figures(soc)
        elif spec.measure == "growth":
            ordered = sorted(years)
            pairs = [(a, b) for a in ordered for b in ordered if a < b]
            for start, end in pairs:
                found += sources.growth_figures(soc, start, end)
    if spec.measure == "growth":
        return found
    return [f for f in found if f.year in years]


def _within_soc2020_span(sources: Sources, spec: FigureSpec, years: set[int], numbers: list) -> bool:
    """A UK figure said to be an estimate, for a year published in SOC2020 only (2022 on): the
    job's SOC2020 groups combined. It must lie between the lowest and highest value those groups
    publish for the year and cell; a figure outside can be no combination of them."""
    if spec.measure not in ("annual", "weekly", "hourly", "hours"):
        return False
    for soc in spec.socs:
        for year in (y for y in years if y >= FIRST_SOC2020_YEAR):
            for sex in spec.sexes:
                for status in spec.statuses:
                    for stat in spec.stats:
                        span = sources.soc2020_span(soc, spec.measure, year, sex, status, stat)
                        if span and any(span[0] <= a.value <= span[1] for a in numbers):
                            return True
    return False


def _check_figure(sources: Sources, spec: FigureSpec, text: str) -> Failure | None:
    numbers = amounts(text, spec.measure)
    says_none = bool(markers.NO_FIGURE.search(text) or markers.FALLBACK.search(text))
    if not numbers:
        if spec.none_ok and says_none:
            return None
        kind = "figure: said there is none" if markers.NO_FIGURE.search(text) else "figure: none given"
        return Failure(kind, f"expected a {spec.measure} figure")
    if spec.none_ok and says_none:
        # the cell is empty: the nearest true figure instead (the job's, for everyone or the
        # UK), said to be that, is fine; an invented one is not
        spec = replace(
            spec,
            # men's and women's pay asked side by side: the sex that has a figure, for the other
            sexes=["all", "female", "male"] if spec.both_sexes else ["all", *spec.sexes],
            statuses=["all", "full-time", *spec.statuses],
            socs=spec.socs + [soc // 10**k for soc in spec.socs for k in (1, 2, 3)],  # wider groups
        )
    label = markers.DERIVED if spec.measure in ("weekly", "hours") else markers.ESTIMATE
    if spec.estimate_ok and label.search(text):
        return None  # an estimate: the place and the word "estimate" are what can be checked
    years = stated_years(text)
    if label.search(text) and _within_soc2020_span(sources, spec, years, numbers):
        return None  # an estimate from the job's SOC2020 groups, inside what they publish
    if not years and spec.measure != "graduate":
        return Failure("figure: no year stated", f"{spec.measure} figure without the year it is for")
    published = _published(sources, spec, years)
    if spec.measure == "growth":
        for figure in published:
            direction = _UP if figure.value > 0 else _DOWN
            steady_ok = abs(figure.value) < 1
            if any(a.matches(abs(figure.value)) for a in numbers) and (steady_ok or direction.search(text)):
                return None
    elif any(a.matches(f.value) for f in published for a in numbers):
        if spec.place not in ("UK", "England") and not (
            markers.FALLBACK.search(text) or markers.PLACES["UK"].search(text)
        ):
            regional = [f for f in published if spec.place in f.source]  # Table 15.7a's own cells
            if not any(a.matches(f.value) for f in regional for a in numbers):
                return Failure(
                    "figure: UK figure given as the place's",
                    f"a UK figure for {spec.place} without saying it is the UK's",
                )
        return None
    shown = ", ".join(f"{f.value:g} ({f.source})" for f in published[:6]) or "none published for those years"
    said = ", ".join(str(a.value) for a in numbers[:6])
    where = "" if spec.measure == "graduate" else f" for the years stated {sorted(years)}"
    return Failure(
        "figure: not the published value",
        f"{spec.measure} {'/'.join(spec.stats)} {'/'.join(spec.sexes)} {'/'.join(spec.statuses)}"
        f"{where}: reply has {said}; published {shown}",
    )


def check_turn(turn: Turn, reply: Reply, state: State, sources: Sources, names: Names) -> list[Failure]:
    """Every check of one turn; updates `state` for the next."""
    text = without_echo(reply.text, turn.user)
    offered_now = names.offered(reply)
    failures = _never(turn, reply, text)
    expected, job_failures, asked = _job(turn, text, offered_now, state, names)
    failures += job_failures
    if not asked:  # a fair question about which job: the rest is checked once it is answered
        failures += _listed(turn, text, offered_now, names)
        failures += _topic(turn, text)
        failures += _qualifiers(turn, text, state)
        failures += [
            f for spec in figure_specs(turn, expected, state) if (f := _check_figure(sources, spec, text))
        ]
    state.offered = offered_now
    _remember(turn, state)
    return failures


def _never(turn: Turn, reply: Reply, text: str) -> list[Failure]:
    """What no reply may contain (a stack trace, "X instead of X", a crisis line for an
    ordinary message), and the turn's own required and forbidden words."""
    out = [] if text.strip() else [Failure("empty reply", "")]
    allowed = set(_list(turn.get("allow")))
    for name, pattern in markers.FORBIDDEN.items():
        found = pattern.search(text)
        if name not in allowed and found:
            out.append(Failure(f"forbidden: {name}", found[0]))
    same = markers.SAME_INSTEAD.search(text)
    if same:
        out.append(Failure("forbidden: X instead of X", same[0]))
    crisis = bool(markers.TOPICS["crisis"].search(text))
    if turn.get("crisis") and not crisis:
        out.append(Failure("crisis: no urgent help given", ""))
    elif not turn.get("crisis") and crisis:
        out.append(Failure("crisis: help line for an ordinary message", ""))
    visible = without_echo(reply.visible, turn.user)
    out += [Failure("says: missing", p) for p in _list(turn.get("says")) if not re.search(p, visible, re.I)]
    for pattern in _list(turn.get("not_says")):
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            out.append(Failure("says: forbidden words", found[0]))
    return out


def _job(
    turn: Turn, text: str, offered_now: list[int], state: State, names: Names
) -> tuple[list[int], list[Failure], bool]:
    """The job expected, failures about it, and whether the reply fairly asked which job (with
    the expected one among the choices, where the turn allows asking)."""
    job = turn.get("job")
    out = []
    if isinstance(job, dict):  # "2": the second job the last reply offered
        position = job["offered"]
        expected = [state.offered[position - 1]] if 0 < position <= len(state.offered) else []
        if not expected:
            out.append(
                Failure("job: nothing was offered to pick from", f"pick {position} of {state.offered}")
            )
    else:
        expected = _list(job)
    ask = turn.get("ask", "never")
    asked = bool(offered_now) and "?" in text and not any(names.named(s, text) for s in expected)
    offers_it = bool(set(expected) & set(offered_now))
    if expected:
        if asked and offers_it:
            if ask == "never":
                out.append(Failure("job: asked instead of answering", f"offered {offered_now}"))
        elif asked:
            out.append(
                Failure("job: choices offered miss the job", f"expected {expected}, offered {offered_now}")
            )
        elif ask == "required":
            out.append(Failure("job: did not ask which job", f"expected choices including {expected}"))
        elif not any(names.named(s, text) for s in expected):
            named = sorted(names.all_named(text))
            out.append(
                Failure(
                    "job: expected job not named",
                    f"expected {expected}, named {named}, offered {offered_now}",
                )
            )
    return expected, out, asked and offers_it and ask != "never"


def _listed(turn: Turn, text: str, offered_now: list[int], names: Names) -> list[Failure]:
    """Jobs offered or named in a list (ideas for an interest, a comparison)."""
    lists = turn.get("lists") or {}
    if not lists:
        return []
    listed = set(offered_now) | names.all_named(text)
    out = []
    if lists.get("any") and not listed & set(lists["any"]):
        out.append(
            Failure(
                "lists: none of the expected jobs", f"expected any of {lists['any']}, got {sorted(listed)}"
            )
        )
    missing = set(lists.get("all") or []) - listed
    if missing:
        out.append(Failure("lists: expected job missing", f"missing {sorted(missing)}"))
    wrong = listed & set(lists.get("none") or [])
    if wrong:
        out.append(Failure("lists: unsuitable job listed", f"{sorted(wrong)}"))
    return out


def _topic(turn: Turn, text: str) -> list[Failure]:
    """The topic asked is answered, and no other topic's answer stands in for it."""
    topic = turn.get("topic")
    if not topic:
        return []
    out = [] if markers.TOPICS[topic].search(text) else [Failure("topic: not answered", topic)]
    ok = {topic, *markers.COMPATIBLE.get(topic, set()), *_list(turn.get("also"))}
    for other in markers.EXCLUSIVE:
        if other not in ok and markers.TOPICS[other].search(text):
            out.append(Failure("topic: another topic's answer", f"{other} in a {topic} answer"))
    return out


def _qualifiers(turn: Turn, text: str, state: State) -> list[Failure]:
    """Place, sex, work pattern, age and qualification: those asked are said; the headline
    figure is qualified by nothing else; a fallback is one sentence about what was asked."""
    out: list[Failure] = []
    topic = turn.get("topic")
    head = headline(text, topic)
    asked_now = _asked_now(turn, state)
    given = asked_now | set(state.about_me) | set(turn.get("about_me") or {})
    figures = topic in FIGURE_TOPICS

    places = _list(turn.get("place")) + ([state.kept(turn, "place")] if state.kept(turn, "place") else [])
    if places:
        if not any(markers.PLACES[p].search(text) for p in places):
            out.append(Failure("place: not named", "/".join(places)))
        allowed = set(places) | set(_list(turn.get("also_place")))
        stray = [p for p in markers.REGION_NAMES if p not in allowed and markers.PLACES[p].search(head)]
        if stray:
            out.append(Failure("place: another place in the answer", f"{stray} in {head!r}"))

    sex = turn.get("sex")
    if sex:
        missing = [
            who
            for who in (("women", "men") if sex == "both" else (sex,))
            if not markers.SEX_WORDS[who].search(text)
        ]
        out += [Failure("sex: not named", who) for who in missing]
    elif figures and "sex" not in asked_now and markers.DIMENSIONS["sex"].search(head):
        out.append(Failure(_unasked("sex", given), head))
    pattern = turn.get("pattern")
    if pattern:
        if not markers.PATTERN_WORDS[pattern].search(text):
            out.append(Failure("pattern: not named", pattern))
    elif figures and "pattern" not in asked_now:
        for word in ("part-time", "self-employed"):
            if markers.PATTERN_WORDS[word].search(head):
                out.append(Failure(_unasked("pattern", given), f"{word} in {head!r}"))
    for dim in ("age", "qualification"):
        if turn.get(dim) and not markers.DIMENSIONS[dim].search(text):
            out.append(Failure(f"{dim}: not addressed", str(turn.get(dim))))
        elif figures and dim not in asked_now and markers.PERSONAL[dim].search(head):
            out.append(Failure(_unasked(dim, given), head))

    if figures:
        said = [part for part in sentences(text) if markers.FALLBACK.search(part)]
        if len(said) > 1 and markers.TOPICS["pay"].search(text) and topic != "compare":
            out.append(Failure("fallback: more than one sentence", " / ".join(said)))
        for part in said:
            about = [
                dim for dim, words in markers.DIMENSIONS.items() if dim not in given and words.search(part)
            ]
            if "place" not in given and any(markers.PLACES[p].search(part) for p in markers.REGION_NAMES):
                about.append("place")
            out += [Failure("fallback: about something not asked", f"{dim}: {part!r}") for dim in about]
    return out


def _unasked(dim: str, given: set[str]) -> str:
    """A qualifier in the headline the question did not ask: the user's own fact put before the
    general figure, or one left over from an earlier question (or never asked)."""
    return f"{dim}: personalised figure first" if dim in given else f"{dim}: stale or unasked"


def _asked_now(turn: Turn, state: State) -> set[str]:
    """The dimensions this question asks about (or, for an elliptical follow-up, may keep).
    Only these may qualify the headline figure: what users said about themselves gets a
    personalised figure beside the general one, never instead of it, so it may appear in the
    reply (and in a fallback) but not in the headline; where they live is the exception, as
    their own region's figure is a fair answer to a question about a job."""
    asked = {k for k in ("age", "qualification", "sex", "pattern") if turn.get(k)}
    places = _list(turn.get("place"))
    asked |= {"place"} if any(p not in ("UK", "England") for p in places) else set()
    asked |= {"place"} if _list(turn.get("also_place")) else set()
    asked |= {"place"} if "place" in state.about_me or "place" in (turn.get("about_me") or {}) else set()
    asked |= {dim for dim in ("place", "sex", "pattern", "age", "qualification") if state.kept(turn, dim)}
    return asked


def _remember(turn: Turn, state: State) -> None:
    """Facts about the user persist; what a question asked is remembered until a question with
    a figure asks it no more (unless the turn lets it be kept)."""
    state.about_me.update(turn.get("about_me") or {})
    places = [p for p in _list(turn.get("place")) if p != "England"]
    for dim, value in (
        ("place", places[0] if len(places) == 1 and places[0] != "UK" else None),
        ("pattern", turn.get("pattern")),
        ("sex", turn.get("sex") if turn.get("sex") in ("women", "men") else None),
        ("age", turn.get("age")),
        ("qualification", turn.get("qualification")),
    ):
        if value:
            state.asked[dim] = value
        elif dim in _list(turn.get("may_keep")):
            continue  # kept or dropped: either was accepted, and the next turn may keep it too
        elif dim == "place" and places:
            state.asked.pop(dim, None)  # "in the UK" replaces a place asked before
        elif turn.get("topic") in FIGURE_TOPICS:
            state.asked.pop(dim, None)
