"""The Rasa custom actions on the real database: Tracker.from_dict + CollectingDispatcher, as in
RasaHQ/financial-demo. Each test plays what the NLU would hand the action (intent, entities,
text) and checks what a young person would read: the job the coder chose, the right figure from
the source, context carried over, choices offered when unsure, and polite replies when not."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions import backend
from bot.actions.answer import ActionAnswer
from bot.actions.fallback import ActionDefaultAskAffirmation, ActionDefaultFallback
from bot.actions.meta import ActionDataSource, ActionHandoff
from bot.runtime import action_server
from lmi_backend.answers import phrases, words
from lmi_backend.answers.formatting import count, money, percent
from lmi_backend.answers.plain import job_name
from lmi_backend.dialogue_slots import DEGREE
from lmi_backend.interests import find_interest
from lmi_backend.service import Query

SLOTS = tuple(
    yaml.safe_load((Path(__file__).resolve().parent.parent / "bot" / "domain.yml").read_text())["slots"]
)
ASHE_2021 = "ashe_more/ashe_t14_2021p_soc2010_weekly_hourly_annual_hours_long.csv"


ASHE_SOC2020 = {
    "2025": "ashe_more/ashe_t14_2025p_soc2020_unit_groups_median_mean_percentiles.csv",
    "2024": "ashe_more/ashe_t14_2024p_soc2020_weekly_hourly_annual_hours_long.csv",
}


def ashe_soc2020(
    sources: Path, code: str, year: str = "2025", sheet: str = "All", column: str = "median"
) -> float:
    """A published ASHE annual pay figure of a SOC2020 group, read straight from the source file:
    the group whose figures stand for a SOC2010 job (plumbers 5314 -> SOC2020 5315)."""
    with open(sources / ASHE_SOC2020[year], newline="", encoding="utf-8-sig") as fh:
        return float(
            next(
                r
                for r in csv.DictReader(fh)
                if (r["measure"], r["sheet"], r["soc_code"]) == ("annual_gross_pay_gbp", sheet, code)
            )[column]
        )


def entity(name: str, value: Any, text: str | None = None) -> dict[str, Any]:
    e: dict[str, Any] = {"entity": name, "value": value}
    if text is not None and str(value) in text:
        e["start"] = text.index(str(value))
        e["end"] = e["start"] + len(str(value))
    return e


class Chat:
    """One conversation: keeps the slots the actions set, like the Rasa server would."""

    def __init__(self, **slots: Any):
        self.slots: dict[str, Any] = {s: None for s in SLOTS} | slots
        self.buttons: list[dict] = []

    def tracker(self, intent: str, text: str, entities: list[dict], ranking=None, **parse_data) -> Tracker:
        return Tracker.from_dict(
            {
                "sender_id": "test-user",
                "slots": dict(self.slots),
                "events": [],
                "paused": False,
                "followup_action": None,
                "active_loop": {},
                "latest_action_name": "action_listen",
                "latest_message": {
                    "text": text,
                    "intent": {"name": intent, "confidence": 0.95},
                    "entities": entities,
                    "intent_ranking": ranking or [],
                    **parse_data,
                },
            }
        )

    def say(
        self, intent: str, text: str, *entities: dict, action=ActionAnswer, ranking=None, **parse_data
    ) -> str:
        dispatcher = CollectingDispatcher()
        tracker = self.tracker(intent, text, list(entities), ranking, **parse_data)
        events = action().run(dispatcher, tracker, {})
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        self.buttons = [b for m in dispatcher.messages for b in m.get("buttons") or []]
        texts = [m.get("text") or "" for m in dispatcher.messages]
        assert texts and all(t.strip() for t in texts), "every turn gets a non-empty reply"
        return "\n".join(texts)


def test_pay_names_the_job_and_gives_the_published_median(db_path, sources):
    chat = Chat()
    reply = chat.say(
        "ask_pay", "how much do plumbers earn", entity("job", "plumbers", "how much do plumbers earn")
    )
    assert reply.startswith("Plumbers and heating and ventilating engineers earn about")
    assert money(ashe_soc2020(sources, "5315")) in reply  # their SOC2020 group stands for them
    assert "half earn more, half earn less" in reply
    assert "a year" in reply and "a week" in reply
    assert chat.slots["soc"] == 5314 and chat.slots["topic"] == "pay"


def test_pay_where_many_work_part_time_also_gives_full_time_pay(db_path, service):
    """Everyone's middle pay for hairdressers is pulled down by part-time work: a yearly figure
    reads as a full-time wage, so the full-time one is given too, but only when it differs."""
    chat = Chat()
    reply = chat.say("ask_pay", "how much do hairdressers earn", entity("job", "hairdressers"))
    everyone, full_time = service.pay(Query(6221)), service.pay(Query(6221, status=1))
    assert full_time.values["median"] > 1.1 * everyone.values["median"]
    assert money(everyone.values["median"]) in reply
    assert (
        f"That counts part-time workers too: full-time, it's about {money(full_time.values['median'])} a year."
        in reply
    )
    asked_full_time = chat.say("inform", "full time", entity("status", "full time"))
    assert money(full_time.values["median"]) in asked_full_time and "part-time workers" not in asked_full_time
    plumbers = Chat().say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    assert "part-time" not in plumbers  # few plumbers work part-time: full-time pay is about the same


def test_is_that_good_money_compares_with_all_jobs_in_the_same_place(db_path, service):
    chat = Chat()
    first = chat.say(
        "ask_pay",
        "how much do hairdressers earn in scotland",
        entity("job", "hairdressers"),
        entity("region", "scotland"),
    )
    assert "all jobs" not in first  # only when asked
    reply = chat.say("ask_pay", "is that good money?")
    job, all_jobs = service.pay(Query(6221, region=11)), service.pay(Query(0, region=11))
    hairdressers, everyone = job.values["median"], all_jobs.values["median"]
    assert hairdressers < 0.67 * everyone
    assert (job.period, all_jobs.period) == ("2025", "2020")  # so the year of all jobs' pay is said
    # the answer first, then the figure it rests on (not the first reply again word for word)
    assert reply.startswith(
        f"It's well below the middle pay for all jobs in Scotland, which is {money(everyone)} a "
        f"year in 2020. Hairdressers and barbers earn about {money(hairdressers)} a year ("
    )
    assert "half earn more" in first and "half earn more" not in reply
    doctors = Chat().say("ask_pay", "are doctors well paid", entity("job", "doctors"))
    assert doctors.startswith("Yes, it's well above the middle pay for all jobs across the UK")


def test_the_best_paid_jobs_are_the_highest_reliable_full_time_medians(db_path, service):
    chat = Chat()
    reply = chat.say("ask_best_paid", "what jobs pay the most")
    assert reply.startswith("The best-paid jobs across the UK, by middle full-time pay")
    released = [
        r
        for r in (
            service.pay(Query(soc, status=1)) for soc, group in service.store.soc.items() if group.level == 4
        )
        if not r.changes and r.reliability == "reliable" and r.values.get("median")
    ]
    top = sorted(released, key=lambda r: -r.values["median"])[:5]
    lines = [line for line in reply.splitlines() if line.startswith("• ")]
    assert lines == [f"• {job_name(r.soc_title)}: {money(r.values['median'])} a year" for r in top]
    assert chat.slots["soc"] is None and chat.slots["topic"] == "best_paid"  # no job was named

    scotland = chat.say("inform", "what about in scotland", entity("region", "scotland"))
    assert scotland.startswith("The best-paid jobs in Scotland") and "our estimates" in scotland
    uk = chat.say("inform", "and across the uk", entity("region", "uk"))
    assert uk.startswith("The best-paid jobs across the UK")
    pilot = chat.say("inform", "pilots", entity("job", "pilots"))
    pilots = service.pay(Query(3512, status=1))  # full-time, as in the list
    pay = pilots.values["median"]
    assert pilot.startswith(f"Full-time aircraft pilots and flight engineers earn about {money(pay)} a year")
    assert f"• Aircraft pilots and flight engineers: {money(pay)} a year" in uk
    assert chat.slots["soc"] == 3512 and chat.slots["topic"] == "pay" and chat.slots["work_pattern"] == 1
    judged = chat.say("ask_pay", "is that good money")  # still the figure from the list
    everyone_full_time = service.pay(Query(0, status=1))  # ASHE 2025 has no all-jobs row: 2024
    assert (pilots.period, everyone_full_time.period) == ("2025", "2024")
    assert judged.startswith(
        f"Yes, it's well above the middle pay for all jobs across the UK, which is "
        f"{money(everyone_full_time.values['median'])} a year in 2024. Full-time aircraft pilots and "
        f"flight engineers earn about {money(pay)} a year"
    )


def test_too_few_reliable_figures_are_not_ranked(db_path):
    reply = Chat().say(
        "ask_best_paid",
        "best paid part time jobs in northern ireland",
        entity("work_pattern", "part time"),
        entity("region", "northern ireland"),
    )
    assert reply.startswith(
        "Sorry, I don't have reliable enough pay figures to rank jobs in Northern Ireland."
    )


def test_follow_ups_reuse_the_job_and_the_place(db_path, service):
    chat = Chat()
    chat.say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    reply = chat.say("inform", "what about in Scotland?", entity("region", "Scotland"))
    scotland = service.pay(Query(5314, region=11))
    assert "in Scotland" in reply and money(scotland.values["median"]) in reply
    assert "Plumbers" in reply

    hours = chat.say("ask_hours", "and the hours?")
    assert "hours a week" in hours and "Scotland" in hours and "plumbers" in hours.lower()

    routes = chat.say("ask_entry_routes", "how do i get into it")
    assert routes.startswith("Getting in (plumbers and heating and ventilating engineers)")

    compared = chat.say(
        "compare_jobs", "is it better than being an electrician?", entity("job", "electrician")
    )
    assert "Plumbers and heating and ventilating engineers:" in compared
    assert "Electricians and electrical fitters:" in compared
    assert chat.slots["compare_socs"] == [5314, 5241]

    similar = chat.say("similar_jobs", "any jobs like that?")
    assert similar.startswith("Jobs a bit like plumbers")
    assert chat.slots["soc"] == 5314  # comparing did not change the job being talked about


def test_per_hour_is_pay_by_the_hour_and_stays_so_for_the_next_place(db_path, service):
    chat = Chat()
    chat.say("ask_pay", "how much do nurses earn", entity("job", "nurses"))
    reply = chat.say("ask_hours", "what about per hour")  # the NLU hears "hour"
    hourly = service.pay(Query(2231)).values["hourly_median"]
    assert reply.startswith(f"Nurses earn about {money(hourly, pence=True)} an hour across the UK")
    reply = chat.say("inform", "and in scotland", entity("region", "scotland"))
    scotland = service.pay(Query(2231, region=11)).values
    assert f"{money(scotland['hourly_median'], pence=True)} an hour in Scotland" in reply
    assert "weekly" not in reply
    assert "paid hours a week" in chat.say("ask_hours", "how many hours do they work")


def test_a_job_picked_from_the_similar_jobs_is_described(db_path):
    chat = Chat()
    assert "Midwives" in chat.say("similar_jobs", "what jobs are like being a nurse", entity("job", "nurse"))
    reply = chat.say("inform", "midwife?", entity("job", "midwife"))
    assert reply.startswith("What midwives do") and chat.slots["topic"] == "description"


def _offered_socs(chat: Chat) -> list[int]:
    return [int(re.search(r'"soc": (\d+)', b["payload"]).group(1)) for b in chat.buttons]


def test_a_subject_someone_is_good_at_gets_the_mapped_jobs_then_a_pick_is_described(db_path, service):
    chat = Chat()
    reply = chat.say("ask_jobs_for_interest", "im good at maths what jobs could i do")  # maths untagged
    assert reply.startswith("Jobs for someone who likes maths:")
    listed = service.jobs_for_interest(find_interest("maths")).items
    assert _offered_socs(chat) == [i["soc"] for i in listed] and 2425 in _offered_socs(chat)
    assert all(f"• {job_name(i['title'])}" in reply for i in listed)
    assert phrases.NONE_OF_THESE not in [b["title"] for b in chat.buttons]  # not guesses at a job
    assert chat.slots["soc"] is None
    reply = chat.say("choose_job", '/choose_job{"soc": 2425}', entity("soc", 2425))
    assert chat.slots["soc"] == 2425 and chat.slots["topic"] == "description"
    assert reply.startswith("What actuaries, economists and statisticians do")


@pytest.mark.parametrize(
    "text, tagged, first",
    [
        ("I like baking", "baking", 5432),  # bakers
        ("i'm into gaming", "gaming", 2136),  # programmers, not betting or debt collection
        ("i love football", "football", 3441),  # sports players
        ("i go to the gym a lot", "gym", 3443),  # fitness instructors
        ("i like doing make-up", "make-up", 6222),  # beauticians
        ("something with animals", "animals", 6139),  # animal care
        ("i like being outside", None, 5113),  # gardeners, with nothing tagged
    ],
)
def test_what_young_people_say_they_like_gets_jobs_to_pick(db_path, text, tagged, first):
    chat = Chat()
    reply = chat.say("ask_jobs_for_interest", text, *([entity("job", tagged)] if tagged else []))
    assert reply.startswith("Jobs for someone who likes") and _offered_socs(chat)[0] == first
    assert chat.slots["candidates"] == _offered_socs(chat) and chat.slots["pending_topic"] == "ideas"


def test_an_interest_the_map_does_not_know_asks_what_else_they_enjoy_never_jobs_by_title(db_path):
    chat = Chat()
    reply = chat.say("ask_jobs_for_interest", "i like knitting", entity("job", "knitting"))
    assert reply == phrases.INTEREST_NOT_FOUND.format(interest="knitting") and chat.buttons == []
    assert chat.slots["pending_topic"] == "interest"
    music = chat.say("inform", "music", entity("job", "music"))
    assert music.startswith("Jobs for someone who likes music")
    assert chat.say("deny", "none of them") == phrases.ASK_OTHER_INTEREST  # not "which job did you mean?"
    assert chat.slots["pending_topic"] == "interest" and chat.slots["candidates"] is None


def test_no_idea_what_job_asks_what_they_enjoy_and_the_answer_gets_jobs(db_path):
    chat = Chat()
    assert chat.say("ask_jobs_for_interest", "what job should i do") == phrases.ASK_INTEREST
    assert chat.slots["pending_topic"] == "interest"
    reply = chat.say("inform", "art", entity("job", "art"))
    assert reply.startswith("Jobs for someone who likes drawing and art:") and 3411 in _offered_socs(chat)


def test_qualifications_in_a_pay_question_are_used_when_the_nlu_misses_them(db_path):
    # "gcses" untagged: the action reads the whole message of a pay question
    chat = Chat()
    reply = chat.say(
        "ask_pay", "im 17 and got my gcses whats the pay like for mechanics", entity("job", "mechanics")
    )
    # said about themselves: the general figure first, theirs beside it
    assert chat.slots["my_qualification"] == 7 and chat.slots["my_age"] == 17
    assert reply.startswith("Vehicle technicians, mechanics and electricians earn about")
    assert (
        "For vehicle technicians, mechanics and electricians with GCSEs (grades 4 to 9), it's about" in reply
    )
    chat = Chat()
    chat.say("ask_entry_routes", "do i need gcses to be a mechanic", entity("job", "mechanic"))
    # asking what is needed says nothing about the user
    assert chat.slots["qualification"] is None and chat.slots["my_qualification"] is None


def test_place_age_and_work_pattern_persist_until_changed(db_path, service):
    chat = Chat()
    chat.say(
        "ask_pay",
        "how much do bus drivers earn in glasgow",
        entity("job", "bus drivers"),
        entity("region", "glasgow"),
    )
    reply = chat.say("inform", "and train drivers?", entity("job", "train drivers"))
    assert chat.slots["region"] == 11 and "Scotland" in reply and "Train and tram drivers" in reply
    chat.say("inform", "what about part time", entity("work_pattern", "part time"))
    assert chat.slots["work_pattern"] == 2 and chat.slots["region"] == 11
    reply = chat.say("inform", "what about across the whole uk", entity("region", "the whole uk"))
    assert chat.slots["region"] == 0 and "in Scotland" not in reply


def test_unsure_coding_offers_up_to_four_choices_then_answers_the_waiting_question(db_path, service):
    chat = Chat()
    reply = chat.say("ask_hours", "what hours do teachers work", entity("job", "teachers"))
    assert "Which of these is it?" in reply
    choices = [b for b in chat.buttons if b["payload"].startswith("/choose_job")]
    assert 2 <= len(choices) <= 4
    assert chat.buttons[-1] == {"title": phrases.NONE_OF_THESE, "payload": "/deny"}
    assert chat.slots["pending_topic"] == "hours"
    socs = [int(re.search(r'"soc": (\d+)', b["payload"]).group(1)) for b in choices]
    assert 2314 in socs  # secondary school teaching is among the choices

    reply = chat.say("choose_job", '/choose_job{"soc": 2314}', entity("soc", 2314))
    assert reply.startswith("Secondary education teaching professionals usually work about")
    assert chat.slots["soc"] == 2314 and chat.slots["pending_topic"] is None


def test_a_question_instead_of_a_choice_offers_the_same_jobs_again_for_it(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do teachers earn", entity("job", "teachers"))
    offered = list(chat.buttons)
    reply = chat.say("ask_hours", "how many hours do they work")
    assert reply == phrases.PICK_A_BUTTON and chat.buttons == offered  # not "which job?" afresh
    assert chat.slots["pending_topic"] == "hours"
    chosen = chat.slots["candidates"][0]
    reply = chat.say("choose_job", f'/choose_job{{"soc": {chosen}}}', entity("soc", chosen))
    assert "hours a week" in reply and chat.slots["soc"] == chosen


def test_a_choice_with_nothing_offered_asks_to_rephrase(db_path):
    assert Chat().say("choose_job", "1", entity("choice", "1")) == phrases.ASK_REPHRASE


def test_a_typed_choice_picks_from_the_offered_jobs(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do teachers earn", entity("job", "teachers"))
    second = chat.slots["candidates"][1]
    chat.say("choose_job", "the second one", entity("choice", "second"))
    assert chat.slots["soc"] == second


def test_no_i_meant_recodes_the_job_and_keeps_the_question(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do nurses get", entity("job", "nurses"))
    assert chat.slots["soc"] == 2231
    reply = chat.say("inform", "no i meant dental nurse", entity("job", "dental nurse"))
    assert chat.slots["soc"] == 6143 and reply.startswith("Dental nurses earn about")


def test_a_bare_no_asks_for_the_job_then_answers_the_same_question(db_path):
    chat = Chat()
    chat.say("ask_skills", "what skills do mechanics need", entity("job", "mechanics"))
    assert chat.say("deny", "nope wrong job") == phrases.ASK_CORRECT_JOB
    reply = chat.say("inform", "car mechanic", entity("job", "car mechanic"))
    assert reply.startswith("Top skills for vehicle technicians")


def test_suppressed_cell_answers_for_the_wider_group_and_says_so(db_path, service):
    """Fewer than 1,000 chartered architectural technologists work full-time in Scotland: no
    figure for that cell; the reply gives the wider group's and says what changed and why."""
    chat = Chat()
    reply = chat.say(
        "ask_pay",
        "full time chartered architectural technologists pay in scotland",
        entity("job", "chartered architectural technologists"),
        entity("work_pattern", "full time"),
        entity("region", "scotland"),
    )
    result = service.pay(Query(2435, region=11, status=1))
    assert {c.dimension for c in result.changes} == {"status", "region", "soc"}
    # one sentence: what changed and why, then the wider group's figure
    assert reply.startswith(
        "There's no reliable figure for full-time chartered architectural technologists in Scotland, "
        "because too few of them were in the survey. Architects, town planners and surveyors as a whole "
        f"earn about {money(result.values['median'])}"
    )


def test_a_wider_job_groups_pay_says_so_in_its_own_sentence(db_path, service):
    """No pay is published for sports players: the reply must not open with sports and fitness
    occupations' £9,791 as if it were footballers' pay."""
    reply = Chat().say("ask_pay", "how much do footballers get paid", entity("job", "footballers"))
    result = service.pay(Query(3441))
    assert result.soc == 344 and reply.startswith(
        "There's no reliable figure for sports players alone, because it isn't published. Sports and fitness "
        f"occupations as a whole earn about {money(result.values['median'])} a year"
    )


def test_estimates_and_small_samples_are_flagged(db_path):
    reply = Chat().say(
        "ask_pay",
        "how much do full time plumbers earn in northern ireland",
        entity("job", "plumbers"),
        entity("work_pattern", "full time"),
        entity("region", "northern ireland"),
    )
    assert "small sample" in reply and "our estimate" in reply and "Northern Ireland" in reply


def test_england_only_forecasts_say_so(db_path):
    reply = Chat().say("ask_outlook", "will there be jobs for hgv drivers", entity("job", "hgv drivers"))
    assert "England only" in reply and "rough guide" in reply


def test_age_is_kept_and_the_reply_says_when_it_could_not_be_used(db_path):
    chat = Chat()
    assert chat.say("inform", "im 17", entity("age", "17")) == phrases.NOTED
    reply = chat.say("ask_pay", "how much would i earn as a hairdresser", entity("job", "hairdresser"))
    assert chat.slots["my_age"] == 17 and chat.slots["age"] is None
    assert reply.startswith("Hairdressers and barbers earn about")  # everyone's, then why not theirs
    assert reply.endswith(
        "I can't narrow it down to your age, because pay by age is only worked out for ages 20 to 65."
    )


def test_context_that_does_not_change_the_answer_is_acknowledged(db_path):
    chat = Chat()
    chat.say("ask_job_description", "what does a paramedic do", entity("job", "paramedic"))
    assert (
        chat.say("inform", "i've got a levels", entity("qualification", "a levels")) == phrases.NOTED_CONTEXT
    )
    assert chat.slots["my_qualification"] == 6
    assert "with A levels" in chat.say("ask_pay", "how much would i earn")


def test_place_first_then_job(db_path):
    chat = Chat()
    assert chat.say("inform", "i live in leeds", entity("region", "leeds")) == phrases.NOTED_PLACE.format(
        place="Yorkshire and the Humber"
    )
    reply = chat.say("inform", "chef", entity("job", "chef"))
    assert "Yorkshire and the Humber" in reply and "earn about" in reply


def test_the_midlands_asks_which_region_then_answers_the_waiting_question(db_path, service):
    chat = Chat()
    reply = chat.say(
        "ask_pay",
        "how much do plumbers get in the midlands",
        entity("job", "plumbers"),
        entity("region", "the midlands"),
    )
    assert reply == phrases.WHICH_PART.format(place="the midlands")
    assert [b["title"] for b in chat.buttons] == ["West Midlands", "East Midlands"]
    assert chat.slots["soc"] == 5314 and chat.slots["pending_topic"] == "pay"

    payload = chat.buttons[1]["payload"]  # what the button sends back
    region = re.search(r'"region": "([^"]+)"', payload).group(1)
    reply = chat.say("inform", payload, entity("region", region))
    east_midlands = service.pay(Query(5314, region=6))
    assert "in the East Midlands" in reply and money(east_midlands.values["median"]) in reply


def test_a_typed_number_picks_from_the_offered_regions(db_path, service):
    # SMS shows the region buttons as "1: West Midlands / 2: East Midlands"
    chat = Chat()
    chat.say(
        "ask_hours",
        "how many hours do plumbers do in the midlands",
        entity("job", "plumbers"),
        entity("region", "the midlands"),
    )
    reply = chat.say("choose_job", "2", entity("choice", "2"))
    assert chat.slots["region"] == 6 and "in the East Midlands" in reply
    assert chat.slots["region_choices"] is None
    assert chat.say("choose_job", "1", entity("choice", "1")) == phrases.ASK_REPHRASE


def test_england_gets_the_uk_figure_and_says_so(db_path, service):
    chat = Chat(region=11.0)
    reply = chat.say("ask_pay", "what do chefs earn in england", entity("job", "chefs"))
    assert reply.startswith(phrases.ENGLAND_AS_UK)
    assert money(service.pay(Query(5434)).values["median"]) in reply and chat.slots["region"] == 0


def test_unknown_job_and_missing_job_get_a_question_back(db_path):
    assert Chat().say(
        "ask_pay", "how much do asdfgh earn", entity("job", "asdfgh")
    ) == phrases.JOB_NOT_FOUND.format(job="asdfgh")
    chat = Chat()
    assert chat.say("ask_pay", "how much do they earn") == phrases.ASK_JOB_FOR_TOPIC
    assert chat.slots["pending_topic"] == "pay"
    assert "earn about" in chat.say("inform", "welder", entity("job", "welder"))


def test_a_job_the_nlu_missed_is_found_from_the_leftover_words(db_path):
    chat = Chat()
    reply = chat.say("ask_pay", "how much does a tree surgeon earn")
    assert chat.slots["soc"] is not None and "earn about" in reply


def test_two_jobs_in_one_message_are_compared(db_path):
    chat = Chat()
    reply = chat.say("compare_jobs", "nurse vs midwife", entity("job", "nurse"), entity("job", "midwife"))
    assert "Nurses:" in reply and "Midwives:" in reply and "£" in reply


def test_compare_without_a_second_job_asks_for_it(db_path):
    chat = Chat()
    assert chat.say("compare_jobs", "compare it with teaching", entity("job", "teaching")) in (
        phrases.ASK_COMPARE_WITH,
        phrases.CHOOSE_JOB.format(job="teaching"),
    )


def test_compare_them_compares_the_last_two_jobs_talked_about(db_path):
    chat = Chat()
    chat.say(
        "ask_pay",
        "how much do nurses earn in scotland",
        entity("job", "nurses"),
        entity("region", "scotland"),
    )
    chat.say("inform", "and doctors?", entity("job", "doctors"))
    reply = chat.say("compare_jobs", "compare them")
    assert (
        reply.startswith("How they compare") and "• Nurses:" in reply and "• Medical practitioners:" in reply
    )
    assert chat.slots["compare_socs"] == [2231, 2211]


def test_tell_me_more_gives_the_long_answer_with_its_source(db_path):
    chat = Chat()
    short = chat.say("ask_pay", "how much do electricians earn", entity("job", "electricians"))
    long = chat.say("more_detail", "tell me more")
    assert "Source: Office for National Statistics" in long and len(long) > len(short)


def test_data_source_cites_the_last_answer(db_path):
    chat = Chat()
    chat.say("ask_vacancies", "any vacancies for care workers", entity("job", "care workers"))
    source = chat.say("ask_data_source", "where do the numbers come from", action=ActionDataSource)
    assert source.startswith("That comes from the Employer Skills Survey (2022).")
    chat.say(
        "ask_pay", "what do nurses earn in scotland", entity("job", "nurses"), entity("region", "scotland")
    )
    source = chat.say("ask_data_source", "where did u get that", action=ActionDataSource)
    assert source == (
        "That comes from the ONS pay survey (2025) and the ONS survey of people in work "
        "(2017-2021). It's our estimate: the UK figure for this job, adjusted for how pay in "
        "Scotland compares with the whole UK. " + phrases.MORE_OFFER
    )
    assert "Table 3" in chat.say("more_detail", "tell me more")  # the full references
    assert Chat().say("ask_data_source", "source?", action=ActionDataSource) == phrases.SOURCES_GENERAL


def test_adviser_handoff_is_for_the_users_nation(db_path):
    assert "Careers Wales" in Chat(region=10.0).say("talk_to_adviser", "adviser", action=ActionHandoff)
    everyone = Chat().say("talk_to_adviser", "adviser", action=ActionHandoff)
    assert all(
        s in everyone
        for s in (
            "National Careers Service, 0800 100 900",
            "Careers Wales",
            "My World of Work",
            "Northern Ireland",
        )
    )


def test_hostile_huge_and_markup_messages_get_polite_replies(db_path):
    assert Chat().say("ask_pay", "a" * 100_000) == phrases.TOO_LONG
    # what the action sees after the NLU's message guard cut a 100 kB paste to its first words
    assert (
        Chat().say(
            "ask_pay", "how much do plumbers earn " * 20, entity("job", "plumbers"), guard_cut_from=100_000
        )
        == phrases.TOO_LONG
    )
    reply = Chat().say("ask_pay", "<script>alert(1)</script>", entity("job", "<script>alert(1)</script>"))
    assert "<" not in reply and ">" not in reply


def test_backend_failures_never_reach_the_user(db_path, monkeypatch):
    def broken():
        raise RuntimeError("database is locked")

    monkeypatch.setattr(backend, "service", broken)
    assert Chat().say("ask_pay", "how much do plumbers earn", entity("job", "plumbers")) == phrases.WENT_WRONG


def test_two_stage_fallback_offers_plain_guesses_and_something_else(db_path):
    ranking = [
        {"name": "nlu_fallback", "confidence": 1.0},
        {"name": "ask_pay", "confidence": 0.3},
        {"name": "ask_hours", "confidence": 0.25},
        {"name": "out_of_scope", "confidence": 0.1},
    ]
    chat = Chat()
    reply = chat.say(
        "nlu_fallback",
        "plumbr munny",
        entity("job", "plumbr"),
        action=ActionDefaultAskAffirmation,
        ranking=ranking,
    )
    assert reply == phrases.AFFIRM_PROMPT
    assert chat.buttons == [
        {"title": "What a job pays", "payload": '/ask_pay{"job": "plumbr"}'},
        {"title": "The hours", "payload": '/ask_hours{"job": "plumbr"}'},
        {"title": "Something else", "payload": "/out_of_scope"},
    ]
    assert Chat().say("nlu_fallback", "???", action=ActionDefaultFallback) == phrases.GIVE_UP


def test_keyboard_mashing_is_asked_to_rephrase_not_offered_guesses(db_path):
    """Guesses the NLU rates below 'not a question for me' are no guesses ("Say hello" for
    "jjjjjjjj")."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.35},
        {"name": "out_of_scope", "confidence": 0.25},
        {"name": "inform", "confidence": 0.2},
        {"name": "greet", "confidence": 0.1},
    ]
    chat = Chat()
    reply = chat.say("nlu_fallback", "jjjjjjjjjjjj", action=ActionDefaultAskAffirmation, ranking=ranking)
    assert reply == phrases.ASK_REPHRASE and not chat.buttons


def test_an_answer_ends_the_bots_turn(db_path):
    """The action tells Rasa to wait for the user, so Rasa skips asking its policies again."""
    tracker = Chat().tracker("ask_pay", "how much do plumbers earn", [entity("job", "plumbers")])
    events = ActionAnswer().run(CollectingDispatcher(), tracker, {})
    assert events[-1] == {"event": "followup", "timestamp": None, "name": "action_listen"}
    assert sum(e["event"] == "followup" for e in events) == 1


def test_the_action_servers_warm_up_questions_get_real_answers(db_path, service):
    """bot/runtime/action_server.py answers these before its workers start so that their first
    real questions find everything loaded: each must go all the way to an answer (a sample that
    stopped at an apology or a question would leave the answer code cold)."""
    replies = {}
    for turn in action_server.SAMPLE_TURNS:
        dispatcher = CollectingDispatcher()
        ActionAnswer().run(dispatcher, action_server._sample_tracker(*turn), {})
        replies[turn[1]] = dispatcher.messages
        assert phrases.WENT_WRONG not in [m.get("text") for m in dispatcher.messages]
    pay = replies["how much do plumbers earn in Wales?"]
    assert "in Wales" in pay[0]["text"] and any(m.get("custom") for m in pay)  # with its chart
    wales = service.hours(Query(2231, region=10)).values["median"]  # the published UK 37.4, for Wales
    assert (
        f"{wales:g} paid hours a week in Wales"
        in replies["how many hours do nurses work in Cardiff?"][0]["text"]
    )
    compared = replies["compare electricians with carpenters"][0]["text"]
    assert "Electricians" in compared and "Carpenters" in compared
    assert replies["what jobs pay the most?"][0]["text"].startswith("The best-paid jobs across the UK")
    assert replies["how much does an engineer earn?"][0]["buttons"]  # a choice of engineers


def _aps_degree_share(sources: Path, soc: int) -> float:
    """Degree holders among people in the job, straight from the APS 2019 file ("don't know"
    left out, as the estimate spreads it pro rata)."""
    with open(
        sources / "pay/aps2019_soc4/aps2019_soc4_by_highest_qual.csv", newline="", encoding="utf-8"
    ) as fh:
        row = next(r for r in csv.DictReader(fh) if r["soc2010"] == str(soc))
    groups = [float(v) if v.replace(".", "").isdigit() else 0.0 for k, v in row.items() if k[:1] in "123456"]
    return groups[0] / sum(groups)


def test_do_i_need_a_degree_says_how_many_in_the_job_have_one_then_the_entry_routes(db_path, sources):
    chat = Chat()
    chat.say("ask_entry_routes", "how do i become a police officer", entity("job", "police officer"))
    reply = chat.say("ask_entry_routes", "do i need a degree")
    share = round(100 * _aps_degree_share(sources, 3312))  # 38
    assert reply.startswith(
        f"In 2019, about {share}% of people in this job had a degree or higher, by our "
        f"estimate. {phrases.PEOPLE_IN_THE_JOB}"
    )
    assert "\n\nGetting in (police officers" in reply
    assert chat.slots["qualification"] is None  # asking is not saying the user has one
    nurses = Chat().say("ask_entry_routes", "do you have to go to uni to be a nurse", entity("job", "nurse"))
    assert nurses.startswith("In 2019, about 61% of people in this job had a degree or higher")


def test_a_qualification_share_from_few_people_is_flagged_or_not_given(db_path):
    plumbers = Chat().say("ask_entry_routes", "do plumbers need a degree", entity("job", "plumbers"))
    assert phrases.SMALL_SAMPLE_SHARE in plumbers  # ~4,000 degree holders: 1,000-10,000
    smiths_chat = Chat()
    smiths = smiths_chat.say(
        "ask_entry_routes", "do you need a degree to be a blacksmith", entity("job", "blacksmith")
    )
    assert "of people in this job" not in smiths and smiths.startswith("Getting in")  # 573 < 1,000
    assert smiths_chat.slots["soc"] == 5211


def test_starting_pay_is_said_to_be_missing_and_the_lower_end_given(db_path, sources, service):
    chat = Chat()
    chat.say("ask_apprenticeships", "are there apprenticeships for plumbing", entity("job", "plumbing"))
    chat.say("ask_pay", "how much do they earn")
    reply = chat.say("ask_pay", "what about when they start")
    # the full-time lower end: everyone's is mostly part-timers
    low = ashe_soc2020(sources, "5315", sheet="Full-Time", column="p10")
    median = ashe_soc2020(sources, "5315")
    assert reply.startswith(
        f"{phrases.NO_STARTING_PAY} Pay usually grows with experience, so new starters are more "
        f"likely to be near the lower end: a tenth of full-time workers in this job earn less "
        f"than {money(low)} a year."
    )
    assert f"Plumbers and heating and ventilating engineers earn about {money(median)} a year" in reply
    nurses = Chat().say("ask_pay", "whats the starting salary for a nurse", entity("job", "nurse"))
    assert nurses.startswith(phrases.NO_STARTING_PAY)
    nurses_low = service.pay(Query(2231, status=1)).values["p10"]  # nurses' SOC2020 groups combined
    assert f"less than {money(nurses_low)} a year" in nurses
    part_time = Chat().say(
        "ask_pay",
        "starting pay for part time nurses",
        entity("job", "nurses"),
        entity("work_pattern", "part time"),
    )
    # part-time nurses: their SOC2020 groups publish too few part-time 10th percentiles for the
    # combined estimate to have one, so no lower end is made up
    assert service.pay(Query(2231, status=2)).values["p10"] is None
    assert part_time.startswith(phrases.NO_STARTING_PAY) and "a tenth" not in part_time
    apprentices = chat.say(
        "ask_pay", "how much do apprentices get paid"
    )  # not the lower end of qualified pay
    assert apprentices.startswith(
        phrases.NO_APPRENTICE_PAY + " Plumbers and heating and ventilating engineers earn"
    )


def test_when_hours_fall_and_how_a_job_feels_are_said_to_be_beyond_the_figures(db_path, sources):
    chat = Chat()
    weekends = chat.say("ask_hours", "do nurses work weekends", entity("job", "nurses"))
    with open(sources / ASHE_2021, newline="", encoding="utf-8-sig") as fh:
        hours = next(
            r["median"]
            for r in csv.DictReader(fh)
            if (r["measure"], r["sheet"], r["soc_code"]) == ("paid_hours_total_per_week", "All", "2231")
        )
    assert hours == "37.4"  # published by ONS (ASHE Table 14.9a, 2021)
    assert weekends.startswith(
        "My figures count hours, not when they're worked, so I can't tell you about weekends. "
        f"Nurses usually work about {hours} paid hours a week"
    )
    stressful = chat.say("ask_job_description", "is it stressful")
    assert stressful.startswith(
        "I can't say how stressful it is: my figures cover pay, hours, jobs and skills"
    )
    assert "\n\nWhat nurses do" in stressful
    plain = Chat().say("ask_job_description", "what do nurses do", entity("job", "nurses"))
    assert plain.startswith("What nurses do") and stressful.endswith(plain)


def _si2035_growth(sources: Path) -> list[tuple[float, str, float]]:
    """(growth %, title, total requirement) of every SOC2020 sub-major group, all people,
    straight from the Skills Imperative 2035 file, fastest growing first."""
    path = (
        sources
        / "pay/skills_imperative_2035/si2035_england_soc2020_submajor_levels_change_replacement_demand.csv"
    )
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["gender"] == "All"]
    return sorted(
        (
            (
                100 * (float(r["emp_2035_000s"]) / float(r["emp_2020_000s"]) - 1),
                r["title"],
                1000 * float(r["total_requirement_2020_2035_000s"]),
            )
            for r in rows
        ),
        reverse=True,
    )


def test_which_jobs_are_growing_lists_job_areas_with_a_job_from_each_to_pick(db_path, sources):
    chat = Chat()
    reply = chat.say("ask_growing_jobs", "which jobs are growing")
    top = _si2035_growth(sources)[:5]
    assert reply.startswith(
        "The job areas set to grow most in England from 2020 to 2035:\n• Customer service"
    )
    bullets = [line for line in reply.splitlines() if line.startswith("• ")]
    assert len(bullets) == 5
    for line, (growth, title, needed) in zip(bullets, top):
        assert line == f"• {job_name(title)}: up {percent(growth)}, about {count(needed)} people needed"
    assert "a rough guide, not a promise" in reply
    # a job from each area to pick (the biggest unit group mostly in it), then what it's like
    assert [b["title"] for b in chat.buttons][2:3] == ["Police officers (sergeant and below)"]
    assert chat.slots["candidates"] and chat.slots["soc"] is None
    source = chat.say("ask_data_source", "where is that from", action=ActionDataSource)
    assert "Skills Imperative 2035" in source  # the list's own source, though no job was named
    picked = chat.say("choose_job", "/choose_job", entity("soc", chat.slots["candidates"][4]))
    assert picked.startswith("What care workers and home carers do")
    general = Chat().say("ask_outlook", "what careers will be needed in 10 years")  # no job at all
    assert general.startswith("The job areas set to grow most in England")


def test_what_about_a_word_too_vague_alone_is_read_with_the_job_in_context(db_path):
    """ "What about primary?" after secondary teachers: "primary" alone could be a teaching
    assistant, "primary teachers" is not, so it is no longer the secondary figure again."""
    chat = Chat()
    chat.say("ask_pay", "how much do secondary teachers earn", entity("job", "secondary teachers"))
    primary = chat.say("inform", "what about primary")
    assert primary.startswith("Primary and nursery education teaching professionals earn about")
    assert chat.slots["soc"] == 2315 and chat.slots["job"] == "primary teachers"
    chefs = Chat()
    chefs.say("ask_hours", "what hours do chefs work", entity("job", "chefs"))
    chefs.say("inform", "what about in london")  # an untagged place is not a job
    assert chefs.slots["soc"] == 5434 and chefs.slots["region"] == 1


def test_best_paid_without_a_degree_leaves_out_jobs_where_most_have_one(db_path, sources, service):
    chat = Chat()
    reply = chat.say(
        "ask_best_paid", "what jobs pay well without a degree", entity("qualification", "degree")
    )
    assert reply.startswith(
        "The best-paid jobs across the UK where most people don't have a degree, by middle full-time pay"
    )
    listed = [line for line in reply.splitlines() if line.startswith("• ")]
    socs = [
        soc
        for soc in service.store.soc
        if any(line.startswith(f"• {job_name(service.soc_title(soc))}:") for line in listed)
        and service.store.soc[soc].level == 4
    ]
    assert len(listed) == 5 and len(socs) == 5
    assert all(_aps_degree_share(sources, soc) < 0.5 for soc in socs)  # checked against the APS file
    assert "Chief executives" not in reply  # top of the full list, but most have a degree
    assert chat.slots["qualification"] is None  # "without a degree" is not the user's degree


def test_how_long_to_train_gives_the_apprenticeships_length_or_says_the_sources_do_not(db_path, service):
    vet = Chat().say("ask_entry_routes", "how long does it take to become a vet", entity("job", "vet"))
    assert vet.startswith(phrases.NO_TRAINING_TIME + "\n\nGetting in (veterinarians)")
    chat = Chat()
    listed = chat.say(
        "ask_apprenticeships", "are there apprenticeships for plumbing", entity("job", "plumbing")
    )
    years = sorted(int(y) for y in re.findall(r"about (\d+) years", listed))
    assert len(years) == 3  # the three listed
    plumbers = chat.say("ask_entry_routes", "how long does the training take")
    assert plumbers.startswith(
        f"The apprenticeships linked to this job take about {years[0]} to {years[-1]} years in England."
    )
    hairdressers = Chat().say(
        "ask_entry_routes", "how long does it take to train as a hairdresser", entity("job", "hairdresser")
    )
    assert hairdressers.startswith("Training is provided at work and on courses and lasts up to three years")


def test_a_place_no_region_matches_is_said_not_silently_dropped(db_path):
    chat = Chat()
    reply = chat.say(
        "ask_pay",
        "how much do plumbers earn in narnia",
        entity("job", "plumbers"),
        entity("region", "narnia"),
    )
    assert reply.startswith(
        "I don't know 'narnia' as a place in the UK, so these figures are for the whole UK.\n"
        "Plumbers and heating and ventilating engineers earn about"
    )
    assert "across the UK" in reply and chat.slots["region"] is None
    chat.say("inform", "what about wales", entity("region", "wales"))
    kept = chat.say("inform", "and in hogwarts", entity("region", "hogwarts"))
    assert (
        kept.startswith(
            "I don't know 'hogwarts' as a place in the UK, so these figures are for the place you "
            "gave before."
        )
        and "in Wales" in kept
    )


def _aps_total(sources: Path, soc: int) -> float:
    """People in the job in 2019, straight from the APS file (by sex; both added up)."""
    with open(
        sources / "pay/aps2019_soc4/aps2019_soc4_by_highest_qual.csv", newline="", encoding="utf-8"
    ) as fh:
        row = next(r for r in csv.DictReader(fh) if r["soc2010"] == str(soc))
    return sum(float(v) for k, v in row.items() if k[:1] in "123456" and v.replace(".", "").isdigit())


def test_how_many_people_do_a_job_gives_the_aps_count_and_the_self_employed(db_path, service, sources):
    chat = Chat()
    reply = chat.say("ask_employment", "how many people work as plumbers", entity("job", "plumbers"))
    people = service.employment(Query(5314)).values["employment"]
    assert abs(people - _aps_total(sources, 5314)) / people < 0.05  # the APS total, "don't know" aside
    assert reply.startswith(
        f"About {count(people)} people work as plumbers and heating and ventilating engineers "
        "across the UK in 2019. About 48% of them work for themselves (self-employed)."
    )
    assert "our estimate" in reply and chat.slots["topic"] == "employment"
    smiths = Chat().say(
        "ask_employment",
        "how many blacksmiths are there in wales",
        entity("job", "blacksmiths"),
        entity("region", "wales"),
    )
    # the rule, as for any cell
    assert (
        "There's no reliable figure for smiths and forge workers in Wales, because too few of them" in smiths
    )
    own = Chat()
    mostly = own.say(
        "ask_employment",
        "are most plumbers self employed",
        entity("job", "plumbers"),
        entity("work_pattern", "self employed"),
    )
    assert "About 48% of them work for themselves" in mostly and own.slots["work_pattern"] is None


def test_is_that_good_money_says_the_year_of_all_jobs_pay_when_it_differs(db_path, service):
    pilots, everyone = service.pay(Query(3512)), service.pay(Query(0))
    assert (pilots.period, everyone.period) == ("2025", "2024")  # 2025 has no all-jobs row
    reply = Chat().say("ask_pay", "do pilots get good money", entity("job", "pilots"))
    assert reply.startswith(
        f"Yes, it's well above the middle pay for all jobs across the UK, which is "
        f"{money(everyone.values['median'])} a year in {everyone.period}."
    )


def test_of_two_jobs_the_one_the_user_wants_is_answered(db_path):
    chat = Chat()
    text = "my mum says i should be an accountant but i want to be a chef"
    reply = chat.say("ask_pay", text, entity("job", "accountant", text), entity("job", "chef", text))
    assert reply.startswith("Chefs earn about") and chat.slots["soc"] == 5434
    chat = Chat()
    text = "i love animals and ive always wanted to be a vet, how much do they earn"
    chat.say("ask_pay", text, entity("job", "animals", text), entity("job", "vet", text))
    assert chat.slots["soc"] == 2216


def test_the_average_salary_in_the_uk_is_all_jobs_middle_pay(db_path, sources):
    chat = Chat()
    chat.say("ask_pay", "how much do footballers earn", entity("job", "footballers"))
    reply = chat.say("ask_pay", "whats the average salary in the uk", entity("region", "the uk"))
    everyone = ashe_soc2020(sources, "ALL", year="2024")  # the newest all-employees figure
    assert reply.startswith(f"All workers earn about {money(everyone)} a year")
    assert chat.slots["topic"] == "all_jobs_pay"
    wales = chat.say("inform", "and in wales", entity("region", "wales"))
    assert wales.startswith("All workers earn about") and "in Wales" in wales
    full_time = chat.say("inform", "full time", entity("work_pattern", "full time"))
    assert full_time.startswith("Full-time workers earn about")
    nurses = Chat()
    nurses.say("ask_pay", "how much do nurses earn", entity("job", "nurses"))
    assert "Nurses earn about" in nurses.say("ask_pay", "whats the average wage")  # the job in context
    assert nurses.slots["soc"] == 2231 and nurses.slots["topic"] == "pay"


def test_jobs_listed_without_commas_are_all_compared(db_path):
    chat = Chat()
    reply = chat.say(
        "compare_jobs",
        "compare nurses doctors and paramedics",
        entity("job", "nurses doctors"),
        entity("job", "paramedics"),
    )
    assert [line.split(":")[0] for line in reply.splitlines() if line.startswith("• ")] == [
        "• Nurses",
        "• Medical practitioners",
        "• Paramedics",
    ]
    vet_nurses = Chat()
    vet_nurses.say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    both = vet_nurses.say("compare_jobs", "compare with vet nurses", entity("job", "vet nurses"))
    assert "• Veterinary nurses" in both and "• Plumbers" in both  # one job, with the one in context


def test_which_subjects_to_take_gives_what_it_helps_to_know_then_the_way_in(db_path, service):
    chat = Chat()
    reply = chat.say(
        "ask_entry_routes",
        "what a levels do i need to be a vet",
        entity("job", "vet"),
        entity("qualification", "a levels"),
    )
    knowledge = [i["plain_name"] for i in service.skills(2216).items if i["kind"] == "knowledge"][:3]
    assert reply.startswith(
        "My sources don't list school subjects for this job, but a US job guide says it helps "
        f"to know about {knowledge[0]}, {knowledge[1]} and {knowledge[2]}.\n\nGetting in (veterinarians)"
    )
    assert "of people in this job had" not in reply  # which subjects, not how many have A levels


def test_pay_a_month_and_after_tax_are_answered_as_far_as_the_figures_go(db_path, sources):
    yearly = ashe_soc2020(sources, "5241")  # SOC2020 5241 stands for electricians
    monthly = Chat().say("ask_pay", "what does an electrician earn per month", entity("job", "electrician"))
    assert monthly.startswith(
        f"Electricians and electrical fitters earn about {money(yearly)} a year "
        f"(about {money(yearly / 12)} a month, "
    )
    assert "The monthly figure is the yearly one divided by 12." in monthly
    taxed = Chat().say("ask_pay", "how much do nurses take home after tax", entity("job", "nurses"))
    assert taxed.endswith(phrases.BEFORE_TAX) and "a month" not in taxed


# --- the dialogue-state policy (docs/dialogue-state.md) ------------------------------------------


def test_a_follow_up_keeps_the_questions_qualifiers_and_a_new_question_drops_them(db_path, service):
    """Class 1 of issue 19: "and part time?" about one job must not stick to a later, different
    job asked about in a full question."""
    chat = Chat()
    chat.say(
        "ask_pay", "how much do plumbers earn in wales", entity("job", "plumbers"), entity("region", "wales")
    )
    part = chat.say("inform", "and part time?", entity("work_pattern", "part time"))
    assert chat.slots["work_pattern"] == 2 and chat.slots["region"] == 10
    assert "part-time plumbers" in part.lower()  # asked now, so named if it could not be kept
    electricians = chat.say("inform", "what about electricians", entity("job", "electricians"))
    assert chat.slots["work_pattern"] == 2 and "Wales" in electricians  # still a follow-up
    solicitors = chat.say("ask_pay", "how much do solicitors earn", entity("job", "solicitors"))
    expected = service.pay(Query(2413)).values["median"]
    assert (
        solicitors.startswith(f"Solicitors earn about {money(expected)} a year (")
        and "across the UK" in solicitors
    )
    assert "part-time" not in solicitors.lower() and "Wales" not in solicitors
    assert chat.slots["work_pattern"] is None and chat.slots["region"] is None
    chat.say("inform", "and in scotland?", entity("region", "scotland"))
    vet = chat.say("inform", "i want to be a vet", entity("job", "vet"))  # their own job: a new question
    assert "Scotland" not in vet and chat.slots["region"] is None and chat.slots["soc"] == 2216


def test_a_topic_that_cannot_use_a_qualifier_ends_it(db_path, service):
    chat = Chat()
    chat.say(
        "ask_pay",
        "how much do part time chefs earn",
        entity("job", "chefs"),
        entity("work_pattern", "part time"),
    )
    chat.say("ask_skills", "what skills do they need")
    again = chat.say("ask_pay", "and how much do they earn")
    assert again.startswith(f"Chefs earn about {money(service.pay(Query(5434)).values['median'])} a year")
    assert chat.slots["work_pattern"] is None


def test_a_fallback_is_one_sentence_naming_only_what_changed(db_path):
    """Class 2: no "X instead of X", no paragraph of fallbacks about what the user never said."""
    chat = Chat()
    reply = chat.say(
        "ask_pay",
        "how much do nurses with a degree earn",
        entity("job", "nurses"),
        entity("qualification", "a degree"),
    )
    assert "instead of" not in reply and reply.count("There's no reliable figure") <= 1
    place = chat.say("ask_outlook", "will there be jobs in wales", entity("region", "wales"))
    assert place.count("There's no reliable figure") == 1 and "qualification" not in place
    assert (
        "There's no reliable figure for nurses in Wales, because the job forecasts only cover England."
        in place
    )


def test_facts_about_the_user_last_and_give_a_figure_beside_the_general_one(db_path, service):
    chat = Chat()
    chat.say("inform", "i live in leeds and im 25", entity("region", "leeds"), entity("age", "25"))
    assert chat.slots["my_region"] == 7 and chat.slots["my_age"] == 25 and chat.slots["region"] is None
    reply = chat.say("ask_pay", "how much do electricians earn", entity("job", "electricians"))
    yorkshire = service.pay(Query(5241, region=7)).values["median"]
    at_25 = service.pay(Query(5241, region=7, age=25)).values["median"]
    assert reply.startswith(f"Electricians and electrical fitters earn about {money(yorkshire)} a year")
    assert f"For electricians and electrical fitters aged 25, it's about {money(at_25)} a year" in reply
    nurses = chat.say("ask_pay", "and nurses?", entity("job", "nurses"))  # facts last, job changes
    assert "Yorkshire and the Humber" in nurses and "aged 25" in nurses


# --- sex (issue 19 item 4) ------------------------------------------------------------------------


def test_pay_for_women_gives_both_sexes_side_by_side_with_the_year(db_path, service):
    chat = Chat()
    reply = chat.say(
        "ask_pay", "what do women nurses earn", entity("gender", "women"), entity("job", "nurses")
    )
    women, men = (service.pay(Query(2231, gender=g, status=1)) for g in (2, 1))
    assert reply.startswith(
        f"Women working full-time as nurses earn about {money(women.values['median'])} a year and men about "
        f"{money(men.values['median'])}, across the UK in {women.period}."
    )
    assert chat.slots["gender"] == 2
    hours = chat.say("ask_hours", "and the hours?")  # the qualifier carries: women's hours
    women_hours = service.hours(Query(2231, gender=2)).values["median"]
    assert hours.startswith(f"Female nurses usually work about {women_hours:g} paid hours a week")


def test_a_pay_gap_question_compares_men_and_women_for_the_job_asked(db_path, service):
    reply = Chat().say(
        "ask_pay",
        "do men or women get paid more as pharmacists",
        entity("gender", "men"),
        entity("gender", "women"),
        entity("job", "pharmacists"),
    )
    men, women = (service.pay(Query(2213, gender=g, status=1)).values["median"] for g in (1, 2))
    assert reply.startswith(
        f"Men working full-time as pharmacists earn about {money(men)} a year and women about"
    )
    more = "Men" if men > women else "Women"
    assert f"{more} earn about" in reply


def test_an_estimate_beside_a_published_figure_is_labelled(db_path, service):
    """Part-time women nurses: 2024 combines two SOC2020 groups (our estimate), men's part-time
    figure is 2021's: the years differ and the estimate is said."""
    women = service.pay(Query(2231, gender=2, status=2))
    assert women.estimate and women.period == "2024"
    reply = Chat().say(
        "ask_pay",
        "how much do women nurses earn part time",
        entity("gender", "women"),
        entity("job", "nurses"),
        entity("work_pattern", "part time"),
    )
    assert reply.startswith(f"Women working part-time as nurses earn about {money(women.values['median'])}")
    assert "The years differ" in reply and "estimate" in reply


def test_where_a_job_pays_most_ranks_the_regions_on_one_years_figures(db_path, service):
    ranked = service.pay_by_region(Query(5241))
    assert len({i["region"] for i in ranked.items}) == len(ranked.items) >= 3
    medians = [i["median"] for i in ranked.items]
    assert medians == sorted(medians, reverse=True)
    for item in ranked.items:  # each the published full-time figure of that region, that year
        alone = service.pay(Query(5241, region=item["region"], status=1))
        assert (alone.values["median"], alone.period) == (item["median"], ranked.period)
    chat = Chat()
    reply = chat.say(
        "ask_pay",
        "where in the uk do electricians earn the most",
        entity("job", "electricians"),
        entity("region", "the uk"),
    )
    top, lowest = ranked.items[0], ranked.items[-1]
    assert reply.startswith(
        f"Where full-time electricians and electrical fitters earn most, by middle pay ({ranked.period}):"
    )
    assert f"• London: {money(top['median'])} a year" in reply and top["region"] == 1
    assert f"{money(lowest['median'])} a year (lowest)" in reply
    assert phrases.REGION_ESTIMATES in reply  # regional figures are the UK's, adjusted
    wales = chat.say("inform", "and in wales?", entity("region", "wales"))  # the pay there, not the list
    assert wales.startswith("Electricians and electrical fitters earn about") and "in Wales" in wales


def test_where_a_job_pays_most_without_regional_figures_says_so_and_gives_the_uks(db_path, service):
    assert len(service.pay_by_region(Query(3213)).items) < 3
    reply = Chat().say("ask_pay", "which part of the uk pays paramedics best", entity("job", "paramedics"))
    assert reply.startswith("I don't have reliable pay figures for full-time paramedics region by region")
    uk = service.pay(Query(3213)).values["median"]
    assert f"Paramedics earn about {money(uk)} a year" in reply


def test_pay_and_hours_asked_together_are_both_answered_pay_first(db_path, service):
    chat = Chat()
    reply = chat.say(
        "ask_hours",
        "how much do bus drivers earn and how many hours do they work",
        entity("job", "bus drivers"),
    )
    pay, hours = service.pay(Query(8213)), service.hours(Query(8213))
    first, second = reply.split("\n\n")
    assert first.startswith(f"Bus and coach drivers earn about {money(pay.values['median'])} a year")
    assert second.startswith(
        f"Bus and coach drivers usually work about {hours.values['median']:g} paid hours"
    )
    assert reply.count(words.NEWER_JOB_LIST) == 1  # one caveat said once
    wales = chat.say("inform", "and in wales?", entity("region", "wales"))  # both again, for Wales
    assert "a year" in wales and "paid hours a week in Wales" in wales


def test_one_sex_with_something_else_unavailable_keeps_the_sex_and_says_what_changed_once(db_path, service):
    """Self-employed women plumbers: the pay survey has no self-employed, but has women and men
    employees: both side by side, and one sentence about self-employment (not "no figures for
    women")."""
    reply = Chat().say(
        "ask_pay",
        "how much do female self employed plumbers make",
        entity("gender", "female"),
        entity("work_pattern", "self employed"),
        entity("job", "plumbers"),
    )
    women, men = (service.pay(Query(5314, gender=g)).values["median"] for g in (2, 1))
    assert reply.startswith(
        f"Women working as plumbers and heating and ventilating engineers earn about {money(women)} a year "
        f"and men about {money(men)}"
    )
    assert reply.count("There's no reliable figure") == 1 and "self-employed plumbers" in reply
    assert "on their own" not in reply  # the women's figure exists


def test_a_job_named_with_a_subjects_word_is_not_that_subjects_graduates(db_path, service):
    """ "Teaching assistants with a degree" are teaching assistants, not teacher-training graduates."""
    reply = Chat().say(
        "ask_graduate_pay",
        "what do teaching assistants with a degree earn",
        entity("job", "teaching assistants"),
        entity("qualification", "degree"),
    )
    degree = service.pay(Query(6125, qualification=DEGREE)).values["median"]
    assert reply.startswith(f"Teaching assistants with a degree earn about {money(degree)} a year")
    assert "Graduates" not in reply


def test_a_sector_the_nlu_did_not_tag_asks_which_job_even_with_a_job_in_context(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    reply = chat.say("ask_pay", "how much do you earn in the nhs")  # no job tagged
    assert "Plumbers" not in reply and [b["title"] for b in chat.buttons][:2] == [
        "Nurses",
        "Medical practitioners",
    ]
    assert chat.say("inform", "1").startswith("Nurses earn about")
    growing = chat.say("ask_outlook", "is it growing")  # a stray word with a job in context is no job
    assert growing.startswith("Jobs for nurses")


def test_the_minimum_wage_is_said_to_be_set_by_law_never_answered_with_a_jobs_pay(db_path, service):
    chat = Chat()
    chat.say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    reply = chat.say("ask_pay", "whats the minimum wage for a 17 year old", entity("age", "17"))
    assert reply == phrases.NO_MINIMUM_WAGE and "£" not in reply  # not the plumbers' pay
    carers = Chat().say("ask_pay", "do carers get paid minimum wage", entity("job", "carers"))
    pay = service.pay(Query(6145)).values["median"]
    assert carers.startswith(
        phrases.NO_MINIMUM_WAGE + f" Care workers and home carers earn about {money(pay)}"
    )


def test_an_apprentice_with_no_trade_is_asked_which_job_not_coded(db_path, service):
    chat = Chat()
    reply = chat.say("ask_pay", "how much does a 16 year old apprentice get", entity("job", "apprentice"))
    assert "don't know the job" not in reply and chat.slots["pending_topic"] == "apprentice_pay"
    plumber = chat.say("inform", "plumber", entity("job", "plumber"))
    assert plumber.startswith(phrases.NO_APPRENTICE_PAY + " Plumbers and heating")


def test_growing_jobs_asked_for_scotland_say_the_forecasts_are_englands(db_path, service):
    reply = Chat().say(
        "ask_growing_jobs", "which jobs are in demand in scotland", entity("region", "scotland")
    )
    assert reply.startswith("The job areas set to grow most in England")
    assert "in Scotland, because the job forecasts only cover England" in reply
    assert reply.count("England") == 2  # said once in the list's heading and once in the change
    lives = Chat()
    lives.say("inform", "i live in leeds", entity("region", "leeds"))
    leeds = lives.say("ask_growing_jobs", "what jobs are growing")  # where they live, a fact
    assert "Yorkshire and the Humber, because the job forecasts are for England as a whole" in leeds


def test_a_comparison_names_who_and_where_it_is_for(db_path, service):
    chat = Chat()
    wales = chat.say(
        "compare_jobs",
        "compare nurses and paramedics in wales",
        entity("job", "nurses"),
        entity("job", "paramedics"),
        entity("region", "wales"),
    )
    assert wales.startswith("How they compare in Wales (")
    women = chat.say("inform", "and for women?", entity("gender", "women"))
    assert women.startswith("How they compare for women in Wales (")
    paramedics = service.pay(Query(3213, region=10, gender=2))
    assert any(c.dimension == "region" for c in paramedics.changes)  # not published for Wales
    assert f"• Paramedics: {money(paramedics.values['median'])} a year (the UK's)" in women
    which = chat.say("ask_growing_jobs", "which one has more jobs in the future")  # not the growing list
    assert which.startswith("How they compare for women in Wales (") and "• Nurses:" in which


def test_tell_me_more_after_the_growing_areas_is_more_of_them_not_the_last_job(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do nurses earn", entity("job", "nurses"))
    chat.say("ask_growing_jobs", "what jobs are growing")
    more = chat.say("more_detail", "tell me more")
    assert more.startswith("The job areas set to grow most in England") and "What nurses do" not in more
    assert chat.say("inform", "2").startswith("What ")  # a pick from the list is still described


def test_people_taken_for_a_job_are_not_coded(db_path, service):
    """The NLU may tag "guys" as a job in a pay gap question: the job is the other phrase."""
    reply = Chat().say(
        "compare_jobs",
        "do guys earn more than girls in hairdressing",
        entity("job", "guys"),
        entity("job", "hairdressing"),
    )
    assert reply.startswith("Men working full-time as hairdressers and barbers earn about")
    assert "women about" in reply


def test_and_for_women_follows_up_the_last_question(db_path, service):
    chat = Chat()
    chat.say("ask_pay", "how much do accountants earn", entity("job", "accountants"))
    reply = chat.say("inform", "and for women?", entity("gender", "women"))
    assert reply.startswith("Women working full-time as chartered and certified accountants earn about")


def test_the_best_paid_jobs_for_women_are_ranked_on_womens_pay(db_path, service):
    reply = Chat().say("ask_best_paid", "best paid jobs for women", entity("gender", "women"))
    assert reply.startswith("The best-paid jobs for women across the UK, by women's middle full-time pay")
    top = service.best_paid(gender=2).items[0]
    assert f"• {job_name(top['title'])}: {money(top['median'])} a year" in reply


# --- topics the data cannot answer (issue 19 item 5) ------------------------------------------------


def test_unemployment_for_a_job_is_said_to_be_missing_never_answered_with_pay(db_path, service):
    reply = Chat().say("ask_pay", "whats the unemployment rate for nurses", entity("job", "nurses"))
    assert reply.startswith(phrases.NO_UNEMPLOYMENT)
    assert "earn" not in reply and "a year" not in reply  # not the pay answer
    vacancies = service.vacancies(Query(2231)).values["vacancies"]
    assert f"about {count(vacancies)} open jobs for nurses" in reply


# --- clarifications (issue 19 item 7) ----------------------------------------------------------------


def test_a_typed_answer_to_which_job_picks_it(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do teachers earn", entity("job", "teachers"))
    offered = chat.slots["candidates"]
    assert 2314 in offered
    reply = chat.say("inform", "secondary", entity("job", "secondary"))
    assert chat.slots["soc"] == 2314 and reply.startswith("Secondary education teaching professionals earn")
    chat = Chat()
    chat.say("ask_pay", "how much do teachers earn", entity("job", "teachers"))
    chat.say("inform", "2")  # a number typed with no entity (SMS shows buttons as a list)
    assert chat.slots["soc"] == offered[1]


def test_a_kind_the_choices_left_out_is_understood(db_path):
    """Four kinds of engineer are offered; "the electrical kind" names a fifth."""
    chat = Chat()
    chat.say("ask_job_description", "what do engineers actually do", entity("job", "engineers"))
    assert 2123 not in chat.slots["candidates"]
    reply = chat.say("choose_job", "the electrical kind")
    assert chat.slots["soc"] == 2123 and reply.startswith("What electrical engineers do")


def test_a_reply_the_nlu_cannot_read_while_jobs_are_offered_is_read_as_a_choice(db_path):
    """The rules bring nlu_fallback and out_of_scope here while jobs are on offer."""
    chat = Chat()
    chat.say("ask_pay", "how much do teachers get paid", entity("job", "teachers"))
    offered = list(chat.buttons)
    assert chat.say("nlu_fallback", "what") == phrases.PICK_A_BUTTON and chat.buttons == offered
    reply = chat.say("nlu_fallback", "college")
    assert chat.slots["soc"] == 2312 and reply.startswith("Further education teaching professionals earn")
    chat = Chat()
    chat.say("ask_hours", "how many hours do assistants work", entity("job", "assistants"))
    chat.say("out_of_scope", "in a shop")
    assert chat.slots["soc"] == 7111


def test_an_untagged_word_that_could_be_several_jobs_offers_them(db_path):
    chat = Chat()
    reply = chat.say("ask_hours", "how many hours do assistants work")  # the NLU tagged no job
    assert "Which of these is it?" in reply and 7111 in chat.slots["candidates"]
    assert chat.slots["pending_topic"] == "hours"


def test_a_job_named_instead_of_a_choice_is_that_job_not_a_kind_of_the_one_asked(db_path):
    chat = Chat()
    chat.say("ask_pay", "how much do engineers earn", entity("job", "engineers"))
    chat.say("inform", "nurses", entity("job", "nurses"))
    assert chat.slots["soc"] == 2231


def test_a_bare_word_of_the_job_in_context_keeps_it(db_path):
    chat = Chat()
    chat.say("ask_pay", "police officer pay", entity("job", "police officer"))
    assert chat.slots["soc"] == 3312
    reply = chat.say(
        "ask_pay", "how about female officers", entity("job", "officers"), entity("gender", "female")
    )
    assert chat.slots["soc"] == 3312 and "Which of these" not in reply and "women" in reply.lower()


def test_a_pension_question_says_there_is_no_figure_even_before_asking_which_job(db_path):
    chat = Chat()
    reply = chat.say("ask_pay", "do teachers get a good pension", entity("job", "teachers"))
    assert reply.startswith(phrases.NO_PERK_DATA.format(perk="pensions")) and "Which of these" in reply
    reply = chat.say("ask_pay", "do nurses get bonuses", entity("job", "nurses"))  # in ASHE's pay, not apart
    assert reply.startswith(phrases.PERK_IN_PAY.format(perk="bonuses") + " Nurses earn about")
    reply = chat.say("ask_pay", "how much do waiters make in tips", entity("job", "waiters"))
    assert reply.startswith(phrases.CASH_TIPS + " Waiters and waitresses earn about")


# --- graduates' pay by degree subject (issue 19 item 5) --------------------------------------------

GRADUATES = "misc/hesa_discover_uni"


def graduate_figure(
    sources: Path, subject: str, file: str = "GOSECSAL.csv", column: str = "GOSECMED_UK"
) -> float:
    """A full-time first degree's published figure, read straight from the Discover Uni file."""
    with open(sources / GRADUATES / file, newline="", encoding="utf-8-sig") as fh:
        row = next(
            r
            for r in csv.DictReader(fh)
            if r[next(iter(r))] == subject and r["KISMODE"] == "01" and r["KISLEVEL"] == "03"
        )
    return float(row[column])


@pytest.mark.parametrize(
    "intent, text, entities, subject",
    [
        ("ask_graduate_pay", "what do history graduates earn", (), "CAH20-01-01"),
        # the NLU took it for a job's pay and tagged "history graduates" as the job
        ("ask_pay", "what do history graduates earn", (entity("job", "history graduates"),), "CAH20-01-01"),
        ("ask_graduate_pay", "how much do you earn with a psychology degree", (), "CAH04-01"),
        (
            "ask_pay",
            "how much do you earn with a psychology degree",
            (entity("job", "psychology"),),
            "CAH04-01",
        ),
        ("ask_graduate_pay", "is a law degree worth it money wise", (), "CAH16-01-01"),
        (
            "ask_graduate_pay",
            "graduate salary for computer science",
            (entity("job", "computer science"),),
            "CAH11-01-01",
        ),
        (
            "ask_pay",
            "graduate salary for computer science",
            (entity("job", "computer science"),),
            "CAH11-01-01",
        ),
    ],
)
def test_graduates_pay_comes_from_discover_uni_never_from_a_job(
    db_path, sources, intent, text, entities, subject
):
    chat = Chat()
    reply = chat.say(intent, text, *entities)
    assert reply.startswith("Graduates in ")
    assert money(graduate_figure(sources, subject)) in reply  # 15 months on
    assert money(graduate_figure(sources, subject, "LEO5SEC.csv", "LEO5MED_UK")) in reply  # 5 years on
    assert "the Graduate Outcomes survey, Discover Uni 2025" in reply
    assert chat.slots["soc"] is None and chat.slots["job"] is None  # no job was coded
    assert chat.slots["topic"] == "graduate_pay" and chat.slots["subject"] == subject
    assert not re.search(r"historian|psychologist|solicitor|programmer", reply, re.IGNORECASE)


def test_history_graduates_are_not_historians_and_follow_ups_stay_on_the_subject(db_path, sources):
    chat = Chat()
    chat.say("ask_pay", "what do history graduates earn", entity("job", "history graduates"))
    scotland = chat.say("inform", "and in scotland?", entity("region", "scotland"))
    assert money(graduate_figure(sources, "CAH20-01-01", column="GOSECMED_S")) in scotland
    assert "in Scotland" in scotland
    more = chat.say("more_detail", "tell me more")
    assert money(graduate_figure(sources, "CAH20-01-01", "LEO3SEC.csv", "LEO3MED_S")) in more  # 3 years on
    assert "tax records" in more and "Source:" in more
    maths = chat.say("inform", "what about maths?", entity("job", "maths"))
    assert money(graduate_figure(sources, "CAH09-01-01", column="GOSECMED_S")) in maths
    assert chat.slots["subject"] == "CAH09-01-01" and chat.slots["soc"] is None
    source = chat.say("ask_data_source", "where is that from", action=ActionDataSource)
    assert "Discover Uni's figures on graduates' pay (2025)" in source
    plumbers = chat.say("ask_pay", "how much do plumbers earn", entity("job", "plumbers"))
    assert (
        plumbers.startswith("Plumbers and heating and ventilating engineers earn")
        and chat.slots["soc"] == 5314
    )


def test_a_subject_without_figures_is_said_plainly_with_what_there_is(db_path):
    chat = Chat()
    reply = chat.say(
        "ask_graduate_pay", "what do astrology graduates earn", entity("job", "astrology graduates")
    )
    assert reply == phrases.NO_SUBJECT_FIGURES.format(subject="astrology")
    assert chat.slots["soc"] is None and chat.slots["subject"] is None
    assert Chat().say("ask_graduate_pay", "what do graduates earn") == phrases.ASK_SUBJECT
    few = Chat().say("ask_graduate_pay", "what do dental nursing graduates earn")
    assert few.startswith("Sorry, I don't have a reliable pay figure for graduates in dental nursing")
    assert "too few graduates" in few and "nursing and midwifery" in few


def test_the_same_broad_job_asked_again_offers_the_choices_again(db_path):
    """After picking mechanical engineers, "how much does an engineer earn?" is a new question:
    its one word is the chosen job's, but nothing else about the question changes."""
    chat = Chat()
    chat.say("ask_pay", "how much does an engineer earn?", entity("job", "engineer"))
    soc = next(
        int(b["payload"].split(": ")[1].rstrip("}")) for b in chat.buttons if "choose_job" in b["payload"]
    )
    chat.say("choose_job", f'/choose_job{{"soc": {soc}}}', entity("soc", soc))
    assert chat.slots["soc"] == soc
    reply = chat.say("ask_pay", "how much does an engineer earn?", entity("job", "engineer"))
    assert "Which of these" in reply


def test_a_job_word_no_group_fits_is_said_to_be_unknown_and_the_topic_waits(db_path):
    """ "Astronauts" (untagged) is no SOC2010 unit group: saying so beats "which job?"."""
    chat = Chat()
    reply = chat.say("ask_pay", "how much do astronauts get paid lol")
    assert reply == phrases.JOB_NOT_FOUND.format(job="astronauts")
    assert chat.slots["pending_topic"] == "pay"
    assert Chat().say("ask_pay", "what do people earn") == phrases.ASK_JOB_FOR_TOPIC
    reply = Chat().say("ask_pay", "do you get a pension")
    assert reply == f"{phrases.NO_PERK_DATA.format(perk='pensions')} {phrases.ASK_JOB_FOR_TOPIC}"
