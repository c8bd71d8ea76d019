"""Job-title text to matching keys: the one normaliser used for the index and for queries.

Index phrases and user text go through the same steps, so anything removed or rewritten here is
removed or rewritten on both sides and can never make a phrase unmatchable. The lemma table and
vocabulary are parameters: at build time they come from the spaCy pipeline (nlp.py), at run time
from the database, which keeps spaCy's 1.5 s import out of the bot's start-up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Mapping
from functools import lru_cache

# Longer than any job description a person types into a chat box: not worth coding.
MAX_CHARS = 300

# Words that carry no occupation, removed from queries and index phrases alike so titles
# containing them still match. Three kinds, because the index treats them differently:
# function words; the status words the ONS index puts in qualifiers ("Engineer (professional,
# civil)") and training status ("apprentice plumber" is a plumber); and chat filler around a job
# ("i want to be a ...", "how much does a ... earn"), which is removed from queries only: in a
# published title it carries meaning ("Wages clerk" is not a "clerk").
FUNCTION_WORDS = frozenset(
    """
a an the and or of in at on for to with from by as into about than then so
""".split()
)
STATUS_WORDS = frozenset(
    """
professional qualified chartered certified registered
apprentice apprentices apprenticeship apprenticeships trainee trainees
""".split()
)
FILLER_WORDS = frozenset(
    """
i im id ive me my mine we you your u ur he she they them their his her its is are was were be
been being become becoming became get getting got do does did doing done can could would should
will shall might may must wanna gonna gotta want wanted wants like love dont not no yes
really actually maybe probably just also very quite pretty too lol pls please thanks thank hi
hello hey ok okay um erm innit
what whats how who whom which where when why that this these those there here some any
someone somebody something person people one
job jobs role roles position
earn earns earning paid pay salary salaries wage wages money much many
grow older dream ambition future famous good best great successful rich stuff things
thinking think interested interest considering consider
""".split()
)
STOPWORDS = FUNCTION_WORDS | STATUS_WORDS | FILLER_WORDS

# One spelling for words written several ways (US/UK, old/new, common alternates), applied to
# single tokens after lower-casing.
SPELLINGS = {
    "advisor": "adviser",
    "advisors": "advisers",
    "center": "centre",
    "centers": "centres",
    "labor": "labour",
    "laborer": "labourer",
    "laborers": "labourers",
    "color": "colour",
    "organization": "organisation",
    "organizer": "organiser",
    "organizers": "organisers",
    "pediatrician": "paediatrician",
    "pediatric": "paediatric",
    "anesthetist": "anaesthetist",
    "anesthesiologist": "anaesthetist",
    "orthopedic": "orthopaedic",
    "gynecologist": "gynaecologist",
    "jewelry": "jewellery",
    "jeweler": "jeweller",
    "jewelers": "jewellers",
    "counselor": "counsellor",
    "counselors": "counsellors",
    "dietician": "dietitian",
    "theater": "theatre",
    "defense": "defence",
    "traveler": "traveller",
    "modeling": "modelling",
    "tire": "tyre",
    "tires": "tyres",
    "aluminum": "aluminium",
    "esthetician": "aesthetician",
    "math": "maths",
    "fiber": "fibre",
    "mailman": "postman",
    "catalog": "catalogue",
    "program": "programme",
    "programs": "programmes",
    "gray": "grey",
    "mold": "mould",
    "molder": "moulder",
    "plow": "plough",
    "harbor": "harbour",
    "armor": "armour",
    "behavior": "behaviour",
    "mfr": "manufacturing",
}

# Clipped words and initialisms people type, expanded to the words the ONS titles use ("lab
# tech" -> "laboratory technician", "PE teacher" -> "physical education teacher"). Only
# expansions that cannot be mistaken: SEN and ENG are also old nursing grades in the index.
ABBREVIATIONS = {
    "lab": "laboratory",
    "tech": "technician",
    "techs": "technicians",
    "exec": "executive",
    "execs": "executives",
    "rep": "representative",
    "reps": "representatives",
    "uni": "university",
    "asst": "assistant",
    "mgr": "manager",
    "govt": "government",
    "dept": "department",
    "dev": "developer",
    "devs": "developers",
    "physio": "physiotherapist",
    "physios": "physiotherapists",
    "hr": "human resources",
    "pr": "public relations",
    "pe": "physical education",
    "ta": "teaching assistant",
    "tas": "teaching assistants",
    "pt": "personal trainer",
    "kp": "kitchen porter",
    "ot": "occupational therapist",
    "qs": "quantity surveyor",
    "hca": "healthcare assistant",
    "mua": "makeup artist",
    "ceo": "chief executive",
    "raf": "royal air force",
}

# Phrases rewritten before tokenising: "work in/at/as ..." and "career in ..." say where or what,
# not a job title ("working in a shop" -> "shop"); running, owning or being in charge of a place
# is managing it ("someone who runs a pub" -> "pub manager", the workplace list's manager); and
# "&" joins words ("A&E", "R&D").
_REWRITES = [
    (
        re.compile(
            r"\b(?:(?:run|runs|running|manage|manages|managing|own|owns|owning)\s+"
            r"(?:(?:a|an|the|my|your|his|her|their|our)(?:\s+own)?|own)|in\s+charge\s+of)\b"
        ),
        " manager ",
    ),
    (
        re.compile(
            r"\b(?:work|works|worked|working|careers?)\s+"
            r"(?=(?:in|at|as|for|with|on|from|the|a|an)\b)"
        ),
        " ",
    ),
    (re.compile(r"\b(?:level|lvl|nvq|rqf)\s*[0-9]+\b"), " "),  # "level 3 plumber" is a plumber
    (re.compile(r"&"), " and "),
    (re.compile(r"['\u2019`-]"), ""),  # builder's -> builders, make-up -> makeup
    (re.compile(r"[^a-z0-9]+"), " "),  # other punctuation and symbols separate words
]
_NOT_WORD = re.compile(r"[^\w\s'\u2019`&-]")


def clean(text: str) -> str:
    """Lower-case ASCII text with punctuation turned into spaces. Hyphenated compounds are
    written as one word, as people type them ("fork-lift" -> "forklift", "make-up" -> "makeup");
    accents are folded so "creche" matches "crèche"."""
    spaced = _NOT_WORD.sub(" ", text)  # emoji, dashes and symbols separate words
    folded = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii").lower()
    for pattern, replacement in _REWRITES:
        folded = pattern.sub(replacement, folded)
    return folded.strip()


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """Surface words with spelling variants unified and abbreviations expanded; stopwords are
    kept (see `Normaliser`). Cached: the index repeats titles and people repeat phrases."""
    out: list[str] = []
    for w in clean(text).split():
        w = SPELLINGS.get(w, w)
        expanded = ABBREVIATIONS.get(w)
        if expanded:
            out.extend(expanded.split())
        else:
            out.append(w)
    return tuple(out)


def plural_stem(word: str, vocab: Container[str]) -> str | None:
    """A plural the lemma table does not know ("youtubers", "sparkies") -> its singular, when that
    singular is a known word."""
    for suffix, repl in (("ies", "y"), ("ies", "ie"), ("ves", "f"), ("ves", "fe"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)] + repl
            if stem in vocab:
                return stem
    return None


class Normaliser:
    """Text -> lemma keys, given a form->lemma table and the vocabulary of index lemmas."""

    def __init__(self, lemmas: Mapping[str, str], vocab: set[str]) -> None:
        self.lemmas = lemmas
        self.vocab = vocab

    def lemma(self, word: str) -> str:
        found = self.lemmas.get(word)
        if found is not None:
            return found
        if word in self.vocab:
            return word
        return plural_stem(word, self.vocab) or word

    def tokens(self, text: str, title: bool = False) -> list[str]:
        """Lemmas of the content words of `text`, in order. A published `title` keeps the chat
        filler words."""
        drop = STOPWORDS - FILLER_WORDS if title else STOPWORDS
        return [self.lemma(w) for w in words(text) if w not in drop]
