"""The conversation-level evaluation (benchmarks/conversation_eval.py): its checker, on replies
written here, and the 95% gate on the running assistant.

The checker's tests are fast (source files only). The gate plays every scripted conversation
through the real assistant (about a minute) and fails below 95% of turns fully right, overall,
on the tuning part and on the held-out part (never tuned on: 93.8% when the gate was switched
on, 95.2% since the comparison names its place). Training is deterministic (a model trained
again from an empty cache parses all 773 scripted messages identically), so the gate does not
flake; a change that makes the assistant generalise worse fails it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from benchmarks.conversation_checks.checks import Names, Reply, State, check_turn, figure_specs
from benchmarks.conversation_checks.sources import Sources
from benchmarks.conversation_checks.spec import AFTER_SPLIT, SpecError, Turn, load

GATE = 0.95


@pytest.fixture(scope="module")
def published() -> Sources:
    return Sources()


@pytest.fixture(scope="module")
def names(published: Sources) -> Names:
    return Names(published)


def _turn(**raw) -> Turn:
    return Turn(raw["user"], raw.pop("cls", "basics"), raw)


def _kinds(turn: Turn, text: str, published: Sources, names: Names, state: State | None = None, **reply):
    failures = check_turn(turn, Reply([text], reply.get("buttons", [])), state or State(), published, names)
    return {f.kind for f in failures}


# --- the figures, read from the source files ----------------------------------------------------


@pytest.mark.parametrize(
    ("soc", "sex", "status", "year", "value", "where"),
    [
        (2231, "all", "all", 2021, 31093, "ASHE 2021p Table 14.7a, nurses, all employees"),
        (2136, "all", "all", 2021, 42841, "ASHE 2021p Table 14.7a (sample in pay/README.txt)"),
        (5434, "all", "all", 2017, 18709, "ASHE 2017 Table 14.7a, chefs (sample in pay/README.txt)"),
        (6145, "all", "all", 2017, 13701, "ASHE 2017 Table 14.7a, care workers (pay/README.txt)"),
        (2136, "all", "all", 2025, 55587, "ASHE 2025p SOC2020 2134 (sample in ashe_more/README.txt)"),
    ],
)
def test_reads_the_published_median_annual_pay(published, soc, sex, status, year, value, where):
    found = {(f.year, f.value) for f in published.pay_figures(soc, "annual", sex, status)}
    assert (year, value) in found, where


def test_women_and_part_time_cells_come_from_their_own_sheets(published):
    everyone = {f.year: f.value for f in published.pay_figures(2231, "annual") if "SOC2010" in f.source}
    women = {
        f.year: f.value for f in published.pay_figures(2231, "annual", "female") if "SOC2010" in f.source
    }
    part_time = {
        f.year: f.value
        for f in published.pay_figures(2231, "annual", status="part-time")
        if "SOC2010" in f.source
    }
    assert set(women) == set(everyone) - {2011} and set(part_time) == set(women)
    assert all(women[y] != everyone[y] and part_time[y] < everyone[y] for y in women)


def test_a_soc2020_year_counts_only_groups_the_crosswalk_links_to_the_job(published):
    """Nurses (SOC2010 2231) went mostly to SOC2020 2237 'other registered nursing professionals';
    SOC2020 2231 is midwifery nurses, a different job under the same number."""
    sources = {f.source.split()[3] for f in published.pay_figures(2231, "annual") if f.year == 2024}
    assert "2237" in sources and "2231" not in sources


def test_suppressed_cells_are_missing_not_zero(published):
    dentists = published.pay_figures(2215, "annual")
    assert all(f.value > 0 for f in dentists) and not [f for f in dentists if "SOC2010" in f.source]


# --- the checks on synthetic replies ------------------------------------------------------------

NURSES = "Nurses earn about £31,093 a year across the UK in 2021. That's the middle figure."


def test_a_right_reply_passes(published, names):
    turn = _turn(user="how much do nurses earn", job=2231, topic="pay", place="UK", figure="annual")
    assert _kinds(turn, NURSES, published, names) == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (NURSES.replace("2021", "2019"), "figure: not the published value"),
        (NURSES.replace("31,093", "31,039"), "figure: not the published value"),
        (NURSES.replace(" in 2021", ""), "figure: no year stated"),
        (NURSES.replace("Nurses", "Midwives"), "job: expected job not named"),
        (NURSES.replace("across the UK", "in Wales"), "place: not named"),
        ("Nurses usually work about 37.5 paid hours a week across the UK in 2021.", "topic: not answered"),
    ],
)
def test_a_wrong_reply_fails(published, names, text, kind):
    turn = _turn(user="how much do nurses earn", job=2231, topic="pay", place="UK", figure="annual")
    assert kind in _kinds(turn, text, published, names)


def test_a_figure_rounded_as_written_matches(published, names):
    turn = _turn(user="nurse pay", job=2231, topic="pay", place="UK", figure="annual")
    rounded = NURSES.replace("£31,093", "£31,100")
    assert _kinds(turn, rounded, published, names) == set()
    assert "figure: not the published value" in _kinds(
        turn, NURSES.replace("£31,093", "£32k"), published, names
    )


def test_x_instead_of_x_is_caught(published, names):
    turn = _turn(user="how much do nurses with a degree earn", job=2231, topic="pay", qualification="degree")
    garbled = (
        "Nurses with a degree earn about £32,650 a year across the UK in 2021. This figure is for people "
        "with a degree instead of people with a degree, because the surveys group that level with others."
    )
    plain = garbled.replace("people with a degree instead of people with a degree", "the UK instead of Wales")
    assert "forbidden: X instead of X" in _kinds(turn, garbled, published, names)
    assert "forbidden: X instead of X" not in _kinds(turn, plain, published, names)


def test_a_stale_part_time_figure_fails_and_an_asked_one_passes(published, names):
    stale = "Part-time solicitors earn about £28,710 a year across the UK in 2020."
    asked = _turn(user="and part time?", job=2413, topic="pay", pattern="part-time")
    unasked = _turn(user="how much do solicitors earn", job=2413, topic="pay", place="UK", figure="annual")
    assert "pattern: stale or unasked" in _kinds(unasked, stale, published, names)
    assert "pattern: stale or unasked" not in _kinds(asked, stale, published, names)


def test_a_fallback_about_what_was_not_asked_fails(published, names):
    turn = _turn(user="how much do electricians earn", job=5241, topic="pay", place="UK")
    text = (
        "Electricians and electrical fitters earn about £32,356 a year across the UK in 2021. "
        "This figure is for all ages instead of age 18, because pay by age is estimated only for ages 20 to 65."
    )
    assert "fallback: about something not asked" in _kinds(turn, text, published, names)
    told = State(about_me={"age": 18})
    assert "fallback: about something not asked" not in _kinds(turn, text, published, names, told)


def test_another_topics_answer_fails(published, names):
    turn = _turn(user="whats the unemployment rate for chefs", topic="no_data", says="unemploy")
    pay = "Chefs earn about £17,906 a year across the UK in 2021."
    honest = (
        "I don't have unemployment figures for single jobs. Employers had about 34,000 open jobs for chefs."
    )
    assert {"topic: another topic's answer", "topic: not answered"} <= _kinds(turn, pay, published, names)
    assert _kinds(_turn(**{**turn.raw, "also": ["vacancies"]}), honest, published, names) == set()


def test_a_typed_number_picks_the_offered_job(published, names):
    buttons = [
        {"title": t, "payload": f'/choose_job{{"soc": {s}}}'} for s, t in ((2315, "Primary"), (2314, "Sec"))
    ]
    ask = _turn(user="how much do teachers earn", job=[2314, 2315], ask="required")
    state = State()
    assert _kinds(ask, "Which of these is it?", published, names, state, buttons=buttons) == set()
    pick = _turn(user="2", job={"offered": 2}, topic="pay", place="UK", figure="annual")
    reply = "Secondary education teaching professionals earn about £39,419 a year across the UK in 2021."
    assert _kinds(pick, reply, published, names, state) == set()


def test_an_estimate_is_checked_for_its_label_and_place_not_its_number(published, names):
    turn = _turn(user="plumbers pay in wales", job=5314, topic="pay", place="Wales", figure="annual")
    estimate = "Plumbers and heating and ventilating engineers earn about £30,430 a year in Wales in 2021."
    assert "figure: not the published value" in _kinds(turn, estimate, published, names)
    assert _kinds(turn, estimate + " This is our estimate.", published, names) == set()


def test_a_uk_estimate_from_soc2020_groups_must_lie_within_what_they_publish(published, names):
    """Nurses' 2025 pay combined from the SOC2020 nursing groups: an estimate said to be one passes
    only inside the span of those groups' published 2025 medians."""
    turn = _turn(user="nurses pay", job=2231, topic="pay", place="UK", figure="annual")
    low, high = published.soc2020_span(2231, "annual", 2025)
    inside = (
        f"Nurses earn about £{round((low + high) / 2):,} a year across the UK in 2025. This is our estimate."
    )
    outside = f"Nurses earn about £{round(high * 1.2):,} a year across the UK in 2025. This is our estimate."
    assert _kinds(turn, inside, published, names) == set()
    assert "figure: not the published value" in _kinds(turn, outside, published, names)
    unlabelled = inside.replace(" This is our estimate.", "")
    assert "figure: not the published value" in _kinds(turn, unlabelled, published, names)


def test_one_sex_side_by_side_with_no_figure_for_the_other_passes(published, names):
    """ "Do men or women earn more as dentists?": ONS publishes women's full-time median for
    2025 but not men's, so the women's figure and "none for men" is right; a figure published for
    neither is not."""
    turn = _turn(
        user="do men or women earn more as dentists",
        job=2215,
        topic="pay",
        place="UK",
        sex="both",
        figure=[
            {"measure": "annual", "sex": "women", "none_ok": True},
            {"measure": "annual", "sex": "men", "none_ok": True},
        ],
    )
    women = "Full-time female dental practitioners earn about £{:,} a year across the UK in 2025."
    rest = " There's no reliable figure for male dental practitioners, because it isn't published."
    assert not [f for f in published.pay_figures(2215, "annual", "male", "full-time") if f.year == 2025]
    assert _kinds(turn, women.format(65310) + rest, published, names) == set()
    assert "figure: not the published value" in _kinds(turn, women.format(91000) + rest, published, names)


def test_a_paragraph_of_fallbacks_fails(published, names):
    turn = _turn(user="how much do electricians earn", job=5241, topic="pay", place="UK", figure="annual")
    one = "Electricians and electrical fitters earn about £32,356 a year across the UK in 2021."
    two = (
        one + " This figure is for all ages instead of age 17. It is for the UK instead of the South West, "
        "because too few people are in that group."
    )
    told = State(about_me={"age": 17, "place": "South West"})
    assert "fallback: more than one sentence" in _kinds(turn, two, published, names, told)
    assert _kinds(turn, one, published, names, State(about_me={"age": 17})) == set()


def test_growth_is_the_published_projection_in_the_right_direction(published, names):
    """Plumbers' SOC2020 sub-major group 53 (skilled construction trades) in England: -5.7% from
    2025 to 2035 in Skills Imperative 2035."""
    turn = _turn(
        user="will there be jobs for plumbers", job=5314, topic="outlook", place="England", figure="growth"
    )
    shrink = "Jobs for plumbers and heating and ventilating engineers in England are likely to shrink by about 5.7% from 2025 to 2035."
    assert _kinds(turn, shrink, published, names) == set()
    assert "figure: not the published value" in _kinds(
        turn, shrink.replace("shrink", "grow"), published, names
    )
    assert "figure: not the published value" in _kinds(turn, shrink.replace("5.7%", "7.5%"), published, names)


def test_enthusiasm_given_a_crisis_line_fails(published, names):
    turn = _turn(user="i go to the gym every day")
    crisis = "I'm sorry you're going through this. Samaritans: call 116 123 for free, any time."
    assert "crisis: help line for an ordinary message" in _kinds(turn, crisis, published, names)


# --- the conversations themselves -------------------------------------------------------------


@pytest.fixture(scope="module")
def conversations(published):
    return load(set(published.titles))


def test_enough_conversations_and_a_held_out_third_of_each_theme(conversations):
    turns = [t for c in conversations for t in c.turns]
    assert len(conversations) >= 150 and len(turns) >= 400
    drawn = [c for c in conversations if c.path.name != AFTER_SPLIT]
    themes = Counter(c.theme for c in drawn)
    held = Counter(c.theme for c in drawn if c.heldout)
    assert all(abs(held[theme] - n / 3) <= 1 for theme, n in themes.items()), (themes, held)


@pytest.mark.parametrize(
    "turn, complaint",
    [
        ({"user": "nurse pay", "topc": "pay"}, "unknown key"),
        ({"user": "is it hard to find work", "topic": ["no_data", "outlook"]}, "one topic"),
        ({"user": "nurse pay", "topic": "wages"}, "unknown topic"),
    ],
)
def test_a_turn_that_would_switch_a_check_off_is_refused(tmp_path: Path, published, turn, complaint):
    conversation = {"id": "spec-probe", "class": "basics", "turns": [turn]}
    (tmp_path / "probe.yml").write_text(yaml.safe_dump({"conversations": [conversation]}))
    with pytest.raises(SpecError, match=complaint):
        load(set(published.titles), tmp_path)


def test_every_figure_check_can_be_met_by_a_published_figure(conversations, published):
    """A figure check with no published value behind it could never pass: the cell must exist in
    some year (SOC2010, or a linked SOC2020 group), or the turn says that no figure is fine."""
    impossible = []
    for conversation in conversations:
        for number, turn in enumerate(conversation.turns, start=1):
            job = turn.get("job")
            socs = [] if isinstance(job, dict) else job if isinstance(job, list) else [job]
            for spec in figure_specs(turn, socs) if not isinstance(job, dict) else []:
                if spec.none_ok or spec.measure == "graduate":
                    continue
                found = [
                    f
                    for soc in spec.socs
                    for f in (
                        published.growth_figures(soc, 2020, 2035) + published.growth_figures(soc, 2025, 2035)
                        if spec.measure == "growth"
                        else published.vacancy_figures(soc)
                        if spec.measure == "vacancies"
                        else published.employment_figures(
                            soc, "UK" if spec.place == "England" else spec.place
                        )
                        if spec.measure == "employment"
                        else [
                            f
                            for sex in spec.sexes
                            for status in spec.statuses
                            for stat in spec.stats
                            for f in published.pay_figures(soc, spec.measure, sex, status, stat)
                        ]
                    )
                ]
                if not found:
                    impossible.append(f"{conversation.id} turn {number}: {spec}")
    assert not impossible, "\n".join(impossible)


# --- the gate on the running assistant ------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.conversation_eval
def test_at_least_95_percent_of_turns_fully_right(tmp_path: Path, published):
    from benchmarks.conversation_checks.runner import evaluate
    from tests.assistant_stack import running_assistant

    with running_assistant(tmp_path) as stack:
        evaluation = evaluate(stack.rest, published)
    shares = {part: evaluation.share_right(part) for part in ("all", "tuning", "held-out")}
    assert all(share >= GATE for share in shares.values()), evaluation.report()
