"""action_answer: every question about a job, and every follow-up that changes it.

The conversation state lives in slots: the job (words, SOC code, title), the dialogue state (the
user's own place, sex, work pattern, qualification and age, and the qualifiers of the question
being followed up: lmi_backend/dialogue_state.py, docs/dialogue-state.md), the last topic, and a
question waiting for the user to pick a job. Each turn: read the new words, update that state,
code the job through the SOC coder (asking when it is unsure), then let lmi_backend.answers reply.
"""

from __future__ import annotations

import dataclasses
import logging
import traceback
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.interfaces import ACTION_LISTEN_NAME

from lmi_backend.answers import phrases, topics
from lmi_backend.answers.plain import job_name
from lmi_backend.charts import chart_for
from lmi_backend.coder.choices import kind_phrase, pick
from lmi_backend.coder.lists import split_listed_jobs
from lmi_backend.dialogue_slots import FULL_TIME, guess_job_phrase
from lmi_backend.dialogue_state import Said
from lmi_backend.disclosure import ALL_JOBS
from lmi_backend.places import REGION_NAMES

from . import backend
from .turn import Turn, dialogue_state, echo, read_turn, state_slots

logger = logging.getLogger(__name__)

DEFAULT_TOPIC = "pay"
# the intents besides the topics' own that this action answers: a follow-up with a new job, place
# or sex ("and in Wales?"), a pick from offered jobs, a correction, "tell me more", and job ideas
FOLLOW_UP_INTENTS = ("inform", "choose_job", "deny", "more_detail", "ask_jobs_for_interest")
# the NLU could not read the reply; while jobs are offered, the rules still bring it here, since
# "college" or "in a shop" after "which of these is it?" is a choice in words the NLU never saw
UNCLEAR_INTENTS = ("nlu_fallback", "out_of_scope")
IDEAS = "ideas"  # pending_topic while job ideas (for an interest, or growing areas) are on offer
MAX_MESSAGE_CHARS = 2000
MAX_CHOICES = 4
MAX_COMPARED = 3
# channels whose clients draw chart payloads (docs/payloads.md): the web page and REST clients;
# messaging platforms would turn custom JSON into API calls of their own
CHART_CHANNELS = ("socketio", "rest")


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _job_buttons(jobs: list[tuple[int, str]], none_of_these: bool = True) -> list[dict[str, str]]:
    """A button per (SOC code, title), then "None of these" (when the jobs are guesses)."""
    buttons = [{"title": job_name(title), "payload": f'/choose_job{{"soc": {soc}}}'} for soc, title in jobs]
    return buttons + ([{"title": phrases.NONE_OF_THESE, "payload": "/deny"}] if none_of_these else [])


class Conversation:
    """One turn's work: the tracker's state plus what the user just said, and the replies and
    slot events it produces."""

    def __init__(self, dispatcher: CollectingDispatcher, tracker: Tracker, turn: Turn):
        self.dispatcher = dispatcher
        self.turn = turn
        self.draws_charts = tracker.get_latest_input_channel() in CHART_CHANNELS
        self.events: list[dict[str, Any]] = []
        # what each slot holds as this turn's events stand; a slot is only set when it changes,
        # since every event makes each later message of the conversation a little slower
        self._slots: dict[str, Any] = dict(tracker.slots)
        slot = tracker.get_slot
        self.soc = _int(slot("soc"))
        self.previous = _int(slot("previous_soc"))
        self.topic = slot("topic")
        # jobs offered as ideas are described when picked, and "none of them" asks for more ideas
        self.offered_ideas = slot("pending_topic") == IDEAS
        self.pending = "description" if self.offered_ideas else slot("pending_topic")
        self.candidates = [int(c) for c in slot("candidates") or []]
        self.region_choices = [int(r) for r in slot("region_choices") or []]
        self.compared = [int(c) for c in slot("compare_socs") or []]
        self.state = dialogue_state(slot)
        self.context = topics.Context.of(self.state)

    def say(self, text: str, buttons: list[dict[str, str]] | None = None) -> None:
        self.dispatcher.utter_message(text=text, buttons=buttons or [])

    def set(self, name: str, value: Any) -> None:
        if name in self._slots and self._slots[name] == value:
            return
        self._slots[name] = value
        self.events.append(SlotSet(name, value))

    # --- the dialogue state ---------------------------------------------------------------

    def advance(self, topic: str) -> None:
        """This turn's place, sex, work pattern, qualification and age, applied by the written
        policy (docs/dialogue-state.md): a new full question starts from the user's own facts, a
        follow-up keeps the question's qualifiers, and a topic that cannot use one ends it."""
        turn, asked = self.turn, topics.BY_NAME.get(topic)
        new_question = turn.wants_job or (
            turn.topic is not None and (bool(turn.jobs) or (asked is not None and not asked.needs_job))
        )
        uses = asked.uses if asked is not None else topics.FIGURES
        self.update(self.state.advance(Said(turn.values, turn.about_me, new_question, uses)))

    def update(self, state) -> None:
        self.state = state
        for name, value in state_slots(state).items():
            self.set(name, value)
        self.context = topics.Context.of(state)

    def qualify(self, dimension: str, value: int) -> None:
        """One qualifier set for the question (a region picked from a list, full-time pay after
        the best-paid list)."""
        self.update(dataclasses.replace(self.state, qualifiers={**self.state.qualifiers, dimension: value}))

    # --- coding job phrases -------------------------------------------------------------

    def code(self, phrase: str, topic: str) -> int | None:
        """SOC code for the user's words, or None after asking the user (unknown or unsure)."""
        result = backend.coder().code(phrase, limit=MAX_CHOICES)
        if not result.candidates or result.ambiguous:
            self.ask_about(phrase, result, topic)
            return None
        return result.candidates[0].soc

    def ask_about(self, phrase: str, result, topic: str) -> None:
        """ "I don't know that job" or "which of these is it?", the question waiting meanwhile."""
        if not result.candidates:
            self.say(phrases.JOB_NOT_FOUND.format(job=echo(phrase)))
        else:
            if first := topics.unanswerable(self.turn.asked):  # "do teachers get a good pension?"
                self.say(first)
            self.offer(phrase, result.candidates)
        self.set("pending_topic", topic)

    def offer(self, phrase: str, candidates: list) -> None:
        offered = [(c.soc, c.title) for c in candidates[:MAX_CHOICES]]
        self.say(phrases.CHOOSE_JOB.format(job=echo(phrase)), _job_buttons(offered))
        self.set("candidates", [soc for soc, _ in offered])
        self.set("job", echo(phrase))

    def typed_choice(self) -> int | None:
        """One of the offered jobs, picked by typing part of its title ("secondary", "the
        primary one") or another name for it that the coder reads as one of them ("high
        school"); None when the words point to none of them."""
        chosen = pick(self.turn.text, self.offered())
        if chosen is not None or self.turn.topic or self.turn.intent == "deny":
            return chosen
        if self.turn.jobs:
            found = backend.coder().code(self.turn.jobs[0], limit=MAX_CHOICES).candidates
            if found and found[0].soc in self.candidates:
                return found[0].soc
        return self.kind_not_offered()

    def kind_not_offered(self) -> int | None:
        """A kind the choices left out, typed as the answer: "the electrical kind" after
        mechanical, civil and electronics engineers were offered means electrical engineers,
        which the coder is sure of once the word asked about is added back. Words naming
        another job on their own ("nurses") are a new job, not a kind of the one asked about."""
        if self.offered_ideas:  # ideas for an interest: no job was asked about
            return None
        phrase = kind_phrase(self.turn.text, str(self._slots.get("job") or ""))
        kind = self._sure(phrase) if phrase else None
        alone = self._sure(" ".join(self.turn.jobs)) if self.turn.jobs else None
        return kind if alone is None or alone == kind else None

    @staticmethod
    def _sure(phrase: str) -> int | None:
        result = backend.coder().code(phrase, limit=MAX_CHOICES)
        return result.candidates[0].soc if result.candidates and not result.ambiguous else None

    def offered(self) -> list[tuple[int, str]]:
        service = backend.service()
        return [(soc, service.soc_title(soc) or "") for soc in self.candidates]

    def offer_again(self, topic: str) -> None:
        """A question asked instead of picking one of the jobs offered ("how much do they earn"
        after "which of these is it?"): the same choices again, now for this question, rather
        than "which job?" as if none had been offered."""
        self.say(phrases.PICK_A_BUTTON, _job_buttons(self.offered()))
        self.set("pending_topic", topic)

    def suggest_jobs(self) -> None:
        """What someone likes or is good at -> jobs to pick from, from the reviewed map of
        interests (read in the whole message, tagged or not); words it does not know get asked
        what else they enjoy. A pick is described: "what's that like?" comes before the pay for
        a job someone has not heard of."""
        answer = topics.jobs_for_interest(backend.service(), self.turn.text)
        if answer is None:
            self.say(
                phrases.INTEREST_NOT_FOUND.format(interest=echo(self.turn.jobs[0]))
                if self.turn.jobs
                else phrases.ASK_INTEREST
            )
            self.set("pending_topic", "interest")
            return
        self.say(answer.text, _job_buttons(answer.choices, none_of_these=False))
        self.set("candidates", [soc for soc, _ in answer.choices])
        self.set("pending_topic", IDEAS)

    def guessed_soc(self) -> int | None:
        """A job the NLU did not tag ("how much do dog groomers earn"): the leftover words, but
        only when the coder is confident, so a stray word never becomes a job."""
        phrase = guess_job_phrase(self.turn.text, drop=self.turn.entity_words | self.turn.place_words)
        sure = self.sure_reading(phrase) if phrase else None
        if sure is None:
            return None
        self.set("job", echo(sure[0]))
        return sure[1]

    def sure_reading(self, phrase: str) -> tuple[str, int] | None:
        """The words and the code the coder is sure of, trying them alone and, for a follow-up
        about the job in context, with its last word: "what about primary?" after secondary
        teachers is too vague alone ("primary" could be a teaching assistant), and "and civil?"
        after mechanical engineers means civil engineers."""
        tries = [phrase]
        known = str(self._slots.get("job") or "").split()
        if (
            self.soc is not None
            and self.turn.intent == "inform"
            and known
            and known[-1] not in phrase.split()
        ):
            tries.append(f"{phrase} {known[-1]}")
        for words in tries:
            soc = self._sure(words)
            if soc is not None:
                return words, soc
        return None

    def names_job_in_context(self, phrase: str) -> bool:
        """ "How about female officers?" after police officers: the words are all the job's own
        ("officers" alone would get "which officers?") and the turn changes something else about
        the question, so it is that job again. "How much does an engineer earn?" changes nothing
        else: a new question, answered as if nothing came before."""
        known = {w.rstrip("s") for w in str(self._slots.get("job") or "").split()}
        typed = [w.rstrip("s") for w in phrase.split()]
        return (
            self.soc is not None and bool(self.turn.values) and bool(typed) and all(w in known for w in typed)
        )

    def use_job(self, soc: int, phrase: str | None = None) -> None:
        if self.soc is not None and self.soc != soc:  # "compare them" compares the last two
            self.previous = self.soc
            self.set("previous_soc", float(self.soc))
        self.soc = soc
        self.set("soc", float(soc))
        self.set("soc_title", backend.service().soc_title(soc))
        if phrase:
            self.set("job", echo(phrase))

    # --- replying -------------------------------------------------------------------------

    def ask_which_region(self, topic: str) -> None:
        """ "The Midlands" covers two regions in the data: ask which, with a button for each."""
        place = self.turn.wide_place
        assert place is not None
        buttons = [
            {
                "title": REGION_NAMES[r].removeprefix("the "),
                "payload": f'/inform{{"region": "{REGION_NAMES[r]}"}}',
            }
            for r in place.regions
        ]
        self.say(phrases.WHICH_PART.format(place=echo(place.name)), buttons)
        self.set("pending_topic", topic)
        # SMS and WhatsApp show the buttons as a numbered list, so "2" must pick a region too
        self.set("region_choices", list(place.regions))
        self.set("candidates", None)

    def reply(self, topic: str, *, long: bool = False, compare_with: tuple[int, ...] = ()) -> None:
        if self.turn.wide_place is not None and self.turn.wide_place.is_england:
            self.say(phrases.ENGLAND_AS_UK)
        elif self.turn.unknown_place and self.turn.region is None and topic in topics.CONTEXT_TOPICS:
            where = phrases.IN_PLACE_KEPT if self.context.region else phrases.IN_UK
            self.say(phrases.UNKNOWN_PLACE.format(place=echo(self.turn.unknown_place), where=where))
        ask = topics.Ask(
            backend.service(),
            self.soc if self.soc is not None else ALL_JOBS,
            self.context,
            long=long,
            asked=self.turn.asked,
            compare_with=compare_with,
            words=self.turn.text,
            subject=self._slots.get("subject"),
        )
        answer = topics.answer(topic, ask)
        self.say(answer.text, _job_buttons(answer.choices, none_of_these=False) if answer.choices else None)
        self.show_charts(answer.results)
        self.set("topic", topic)
        # a list with jobs to pick ("which jobs are growing?"): a pick is described, like a job idea
        self.set("pending_topic", IDEAS if answer.choices else None)
        self.set("candidates", [soc for soc, _ in answer.choices] or None)
        self.set("region_choices", None)

    def reply_about_subject(self, topic: str, *, long: bool) -> None:
        """A question about a degree subject: the subject its words name (lmi_backend.subjects),
        else, for a follow-up ("and in Scotland?", "tell me more"), the one being talked about.
        A new question naming none (or one without figures) forgets the last one. The words are
        never coded as a job: "history graduates" are not historians."""
        turn = self.turn
        if turn.asked.subject or turn.topic is not None or turn.asked.graduates:
            self.set("subject", turn.asked.subject)
        self.reply(topic, long=long)

    def show_charts(self, results: list) -> None:
        """The pay spread or outlook as a chart, after the text (docs/payloads.md)."""
        charts = [chart_for(result) for result in results] if self.draws_charts else []
        for chart in filter(None, charts):
            self.dispatcher.utter_message(json_message={"chart": chart})

    def ask_for_job(self, topic: str) -> None:
        """ "Which job?", unless the question's leftover words could be one of a few jobs
        ("how many hours do assistants work", untagged): then which of those; or are one word
        that names no job we know ("how much do astronauts get paid"): then we say so."""
        if self.turn.topic and not self.turn.jobs and not self.turn.asked.perk:  # not "pension"
            phrase = guess_job_phrase(self.turn.text, drop=self.turn.entity_words | self.turn.place_words)
            found = backend.coder().code(phrase, limit=MAX_CHOICES) if phrase else None
            if found is not None and (found.candidates or " " not in (phrase or " ")):
                self.ask_about(phrase or "", found, topic)
                return None
        if self.turn.region is not None and self.turn.intent == "inform":
            self.say(phrases.NOTED_PLACE.format(place=REGION_NAMES[self.turn.region]))
        elif self.turn.intent == "inform":
            self.say(phrases.NOTED)
        else:
            first = topics.unanswerable(self.turn.asked)  # "do you get a pension?"
            self.say(f"{first} {phrases.ASK_JOB_FOR_TOPIC}" if first else phrases.ASK_JOB_FOR_TOPIC)
        self.set("pending_topic", topic)

    def compare(self) -> None:
        """Compare the job in context with one named now, or two or three named jobs. An unsure
        job pauses the comparison for a choice; the jobs already settled wait in compare_socs."""
        turn = self.turn
        listed = [job for phrase in turn.jobs for job in split_listed_jobs(backend.coder(), phrase)]
        if listed:
            if self.pending == "compare" and self.compared:
                socs = list(self.compared)
            else:  # "compare that with doctors and dentists": the job in context too
                with_this = len(listed) < 2 or turn.asked.this_job
                socs = [self.soc] if self.soc and with_this and len(listed) < MAX_COMPARED else []
        else:  # "compare them" after nurses, then doctors: those two
            socs = list(self.compared) or [s for s in (self.previous, self.soc) if s]
        unsure = []
        for phrase in listed:  # every sure job is kept while the user picks an unsure one
            result = backend.coder().code(phrase, limit=MAX_CHOICES)
            if result.candidates and not result.ambiguous:
                socs.append(result.candidates[0].soc)
            else:
                unsure.append((phrase, result))
        if unsure:
            self.set("compare_socs", socs)
            self.ask_about(*unsure[0], "compare")
            return
        self.finish_compare(socs)

    def finish_compare(self, socs: list[int]) -> None:
        socs = list(dict.fromkeys(socs))[:MAX_COMPARED]
        if len(socs) < 2:
            self.say(phrases.COMPARE_SAME_JOB if self.turn.jobs and socs else phrases.ASK_COMPARE_WITH)
            self.set("pending_topic", "compare")
            self.set("compare_socs", socs)
            return
        if self.soc is None:
            self.use_job(socs[0])
        self.soc = socs[0]
        self.reply("compare", compare_with=tuple(socs[1:]))
        self.set("compare_socs", socs)
        self.set("candidates", None)

    def choose_region(self, region: int | None = None) -> None:
        """A typed number or name answering "which part of the Midlands?"."""
        choice = self.turn.choice
        if region is None and choice is not None and choice < len(self.region_choices):
            region = self.region_choices[choice]
        if region is None:
            self.say(phrases.PICK_A_BUTTON)
            return
        self.qualify("region", region)
        topic = self.pending or self.topic or DEFAULT_TOPIC
        if self.soc is None and topic not in topics.ANY_JOB_TOPICS:
            return self.ask_for_job(topic)
        self.reply(topic)

    def choose(self, chosen: int | None = None) -> None:
        turn = self.turn
        if chosen is None and turn.chosen_soc is None and turn.choice is not None and self.region_choices:
            return self.choose_region()
        chosen = chosen or turn.chosen_soc
        if chosen is None and turn.choice is not None and self.candidates:
            index = turn.choice if turn.choice < len(self.candidates) else None
            chosen = self.candidates[index] if index is not None else None
        if chosen is None and self.candidates:  # "the medical ones", "the electrical kind"
            chosen = pick(turn.text, self.offered()) or self.kind_not_offered()
        if chosen is None and not self.candidates:  # "2" or "the first one" with nothing offered
            self.say(phrases.ASK_REPHRASE)
            return
        if chosen is None or backend.service().soc_title(chosen) is None:
            self.say(phrases.PICK_A_BUTTON, _job_buttons(self.offered()) if self.candidates else None)
            return
        if self.pending == "compare":
            self.finish_compare(self.compared + [chosen])
            return
        self.use_job(chosen)
        # "the first one, how much do they earn": the question asked now, else the one waiting
        self.reply(self.topic_asked() if turn.topic else self.pending or self.topic or DEFAULT_TOPIC)

    def deny(self) -> None:
        """ "No" with no new job: other ideas after job ideas ("none of them"), else which job."""
        if self.offered_ideas:
            self.say(phrases.ASK_OTHER_INTEREST)
            self.set("pending_topic", "interest")
            self.set("candidates", None)
            return
        self.say(phrases.ASK_CORRECT_JOB)
        self.set("pending_topic", self.pending or self.topic or DEFAULT_TOPIC)

    def topic_asked(self) -> str:
        """The question this turn asks: its intent's topic, else the one waiting for a job,
        else the last one, refined by what the words ask (the topic registry's rules: "per
        hour", starting pay, "the average salary in the UK") and for a job named after a list."""
        turn = self.turn
        pending = self.pending
        if turn.intent == "more_detail" and self.offered_ideas and self.topic in topics.ANY_JOB_TOPICS:
            pending = None  # "tell me more" after the growing areas: more of them, not a job's
        topic = turn.topic or pending or self.topic
        topic = DEFAULT_TOPIC if topic in (None, "compare") else topic
        if topic == "similar" and not turn.topic and turn.jobs:
            topic = "description"  # "midwife?" after a list of similar jobs: tell me about it
        if topic == "hourly_pay" and turn.topic == "pay":  # "how much a year?"
            topic = "pay"
        if topic == "pay_by_region" and "region" in turn.values and not turn.asked.where_most:
            topic = "pay"  # "and in Wales?" after where a job pays most: the pay there"
        about_subject = topic in topics.SUBJECT_TOPICS and turn.asked.subject  # "and maths?" after history
        if (
            topic in topics.ANY_JOB_TOPICS
            and topic != "unemployment"
            and turn.jobs
            and not turn.topic
            and not about_subject
        ):
            topic = DEFAULT_TOPIC  # "brokers?" after the best-paid jobs: about that job now
        if topic == "best_paid" and self.soc is not None and not turn.asked.jobs_in_general:
            topic = DEFAULT_TOPIC  # "what does the job pay in the North East?" is about the job
        return topics.refine(
            topic, turn.asked, job_named=bool(turn.jobs), job_in_context=self.soc is not None
        )

    def run(self) -> None:
        turn = self.turn
        if turn.intent == "choose_job" or (
            turn.choice is not None and (self.candidates or self.region_choices)
        ):
            return self.choose()
        typed = self.typed_choice() if self.candidates and turn.chosen_soc is None else None
        if typed is not None:  # "secondary" or "high school" after teachers were offered
            return self.choose(typed)
        if turn.intent in UNCLEAR_INTENTS and self.candidates:  # "what?" while a choice waits
            return self.say(phrases.PICK_A_BUTTON, _job_buttons(self.offered(), not self.offered_ideas))
        regions = [(r, REGION_NAMES[r]) for r in self.region_choices]
        typed_region = pick(turn.text, regions) if regions and turn.region is None else None
        if typed_region is not None:  # "east" after "which part of the Midlands?"
            turn.unknown_place = None  # it named a part of the place asked about
            return self.choose_region(typed_region)
        if turn.intent == "deny" and not turn.jobs:
            return self.deny()
        if turn.intent == "ask_jobs_for_interest" or (self.pending == "interest" and turn.intent == "inform"):
            return self.suggest_jobs()
        long = turn.intent == "more_detail"
        if self._is_comparison():
            self.advance("compare")
            return self.compare()
        came_from_list = self.topic in topics.ANY_JOB_TOPICS and bool(turn.jobs) and not turn.topic
        topic = self.topic_asked()
        self.advance(topic)
        if topic in topics.SUBJECT_TOPICS:
            return self.reply_about_subject(topic, long=long)
        if came_from_list and topic == DEFAULT_TOPIC and self.context.status is None:
            # full-time from here on, like the list, so the figures match it and "is that good
            # money?" next is about the same figure
            self.qualify("status", FULL_TIME)
        any_job = topic in topics.ANY_JOB_TOPICS
        if turn.jobs and not self.names_job_in_context(turn.jobs[0]):
            sure = self.sure_reading(turn.jobs[0])
            phrase, soc = sure if sure else (turn.jobs[0], self.code(turn.jobs[0], topic))
            if soc is None:
                return None
            self.use_job(soc, phrase)
        elif (
            not turn.jobs
            and not any_job
            and ((turn.topic and self.soc is None) or (turn.intent == "inform" and not turn.entity_words))
        ):
            # a question with no job in context, or a bare "what about dog groomers": the words
            # left over may name the job the NLU missed; with a job in context "is it growing?"
            # must not turn "growing" into a job
            guessed = self.guessed_soc()
            if guessed is not None:
                self.use_job(guessed)
        elif not turn.jobs and turn.topic and not any_job:
            # "how much do you earn in the NHS?" after plumbers, the NLU tagging no job: a sector
            # left over is never a stray word, so which of its jobs, not the plumbers
            leftover = guess_job_phrase(turn.text, drop=turn.entity_words | turn.place_words)
            if leftover and backend.coder().names_sector(leftover):
                self.ask_about(leftover, backend.coder().code(leftover, limit=MAX_CHOICES), topic)
                return None
        if turn.wide_place is not None and not turn.wide_place.is_england:
            return self.ask_which_region(topic)
        if any_job:
            return self.reply(topic, long=long)
        if self.soc is None and topic == "outlook" and not self.candidates:
            return self.reply("growing")  # "what careers will be needed?" with no job yet: in general
        if self.soc is None:
            return self.offer_again(topic) if self.candidates else self.ask_for_job(topic)
        if turn.intent == "inform" and not turn.jobs and topic not in topics.CONTEXT_TOPICS:
            self.say(phrases.NOTED_CONTEXT)  # "I've got A levels" does not change what a job involves
            return None
        self.reply(topic, long=long)
        return None

    def _is_comparison(self) -> bool:
        """A comparison is asked for, answered ("which job to compare with?"), re-asked with a
        new place or work pattern ("what about in Scotland?" straight after comparing), or asked
        about ("which one pays more?")."""
        turn = self.turn
        if turn.intent == "compare_jobs":
            # "do boys earn more than girls as vets?" compares sexes, "which part of the UK pays
            # vets best?" regions
            return not (turn.asked.pay_gap or turn.asked.where_most and len(turn.jobs) < 2)
        if self.pending == "compare" and turn.intent in ("inform", "deny") and turn.jobs:
            return True
        if self.topic == "compare" and turn.asked.which_of_them and not turn.jobs:
            return True  # "which one has more jobs in the future?" straight after comparing
        return self.topic == "compare" and turn.intent in ("inform", "more_detail") and not turn.jobs


class ActionAnswer(Action):
    def name(self) -> str:
        return "action_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        """Every answer ends the bot's turn (the rules say so too). Saying it here spares Rasa a
        second pass through its policies for each question, a tenth of its time per message."""
        return [*self._answer(dispatcher, tracker), FollowupAction(ACTION_LISTEN_NAME)]

    @staticmethod
    def _answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        # the NLU's message guard cuts huge pastes and notes their length under this key
        length = max(len(message.get("text") or ""), int(message.get("guard_cut_from") or 0))
        if length > MAX_MESSAGE_CHARS:
            dispatcher.utter_message(text=phrases.TOO_LONG)
            return []
        try:
            conversation = Conversation(dispatcher, tracker, read_turn(tracker))
            conversation.run()
            return conversation.events
        except Exception as exc:  # never a stack trace to the user; no message text in the log
            where = traceback.extract_tb(exc.__traceback__)[-1]
            logger.error(
                "action_answer failed: %s in %s:%s", type(exc).__name__, where.filename, where.lineno
            )
            dispatcher.utter_message(text=phrases.WENT_WRONG)
            return []
