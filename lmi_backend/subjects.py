"""Degree subjects as young people name them ("history", "comp sci", "psych", "PE") -> the HESA
CAH codes the Discover Uni graduate figures are keyed on.

The names and everyday words are in etl/data/cah_subjects.csv, a reviewed lookup the build also
loads (and checks against the source files), so the chat, the CLI and any API match subjects the
same way. Matching is by whole words, longest phrase first ("history of art" before "history");
when a message names several subjects, the one next to "graduates" or "degree" is the one asked
about ("I'm planning to study law, what do law graduates earn").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_FILE = "data/cah_subjects.csv"  # in lmi_backend/etl
CODE = re.compile(r"CAH\d\d(?:-\d\d){0,2}")
_WORD = re.compile(r"[a-z0-9']+")
# words that mark the subject of a degree: "history graduates", "a law degree", "degree in maths"
_CUES = {"graduate", "graduates", "grad", "grads", "degree", "degrees"}
_AFTER_CUE = {"in", "of"}  # "a degree in history", "graduates of law"
# a question about graduates' pay, rather than a job's: plural graduates, or graduate pay named
# ("when I graduate as a nurse" is about the nurse's pay, unless a subject is named)
_GRADUATES = re.compile(r"\bgrad(?:uate)?s\b|\bgraduate (?:salary|salaries|pay|earnings|wages?|income)\b")
_PAY = re.compile(r"\b(?:earn\w*|salary|salaries|pays?|paid|wages?|money|income|worth|make|how much)\b")
# which jobs a degree leads to: "what can I do with a history degree", "what jobs can law grads get"
_JOBS = re.compile(
    r"\b(?:what|which) (?:jobs?|careers?|work)\b|\bwhat (?:can|could) (?:i|you|u) (?:do|get|become)\b|"
    r"\bjobs? (?:can|could|for|with)\b"
)
# words around a subject's name that are not part of it ("what do astrology graduates earn")
_NOT_SUBJECT = set(
    """
a an the i im i'm me my u you ur your we they it its is are was be do does did to of in on at for
with about as by what whats what's how much many who which can could would should will get earn
earns earning make makes paid pay salary money do doing done study studying studied studies
after when if good bad best worst top average typical uni university college first pays paying
well worth it
""".split()
)


@dataclass(frozen=True)
class Subject:
    code: str  # CAH code, "CAH20-01-01"
    name: str  # HESA's name, "History"
    say: str  # as the chat says it, "history"
    words: tuple[str, ...]  # what young people call it

    @property
    def parent(self) -> str | None:
        """The wider CAH group ("CAH20-01" for "CAH20-01-01"); None at the top level."""
        return self.code.rsplit("-", 1)[0] if "-" in self.code else None


@lru_cache(maxsize=1)
def load_subjects() -> dict[str, Subject]:
    """Every subject in the lookup by CAH code. A malformed lookup is a coding error, so it
    raises naming the row; the build checks the codes against the source files."""
    text = resources.files("lmi_backend.etl").joinpath(DATA_FILE).read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    subjects: dict[str, Subject] = {}
    owner: dict[str, str] = {}
    for n, row in enumerate(csv.DictReader(lines), start=2):
        code = row["code"].strip()
        if not CODE.fullmatch(code) or code in subjects or not row["name"] or not row["say"]:
            raise ValueError(f"{DATA_FILE}: row {n}: a new CAH code with a name and a say is needed")
        words = tuple(w.strip() for w in row["words"].split("|") if w.strip())
        for word in words:
            key = " ".join(_tokens(word))
            if key in owner:
                raise ValueError(f"{DATA_FILE}: row {n}: '{word}' already names {owner[key]}")
            owner[key] = code
        subjects[code] = Subject(code, row["name"].strip(), row["say"].strip(), words)
    return subjects


@lru_cache(maxsize=1)
def _index() -> tuple[dict[tuple[str, ...], str], int]:
    phrases = {tuple(_tokens(w)): s.code for s in load_subjects().values() for w in s.words}
    return phrases, max(map(len, phrases))


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    code: str


def _matches(tokens: list[str]) -> list[_Match]:
    """The longest phrase starting at each word; phrases inside a longer one are dropped."""
    phrases, longest = _index()
    found = []
    for i in range(len(tokens)):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            code = phrases.get(tuple(tokens[i : i + n]))
            if code is not None:
                found.append(_Match(i, i + n, code))
                break
    return [m for m in found if not any(o.start <= m.start and m.end <= o.end and o != m for o in found)]


def _next_to_cue(match: _Match, tokens: list[str]) -> bool:
    """ "history graduates", "a law degree", "degree in maths", "graduates of law"."""
    before = match.end < len(tokens) and tokens[match.end] in _CUES
    after = match.start >= 2 and tokens[match.start - 1] in _AFTER_CUE and tokens[match.start - 2] in _CUES
    return before or after


def find_subject(text: str) -> Subject | None:
    """The degree subject the words name, or None."""
    tokens = _tokens(text)
    found = _matches(tokens)
    if not found:
        return None
    best = max(found, key=lambda m: (_next_to_cue(m, tokens), m.end - m.start, -m.start))
    return load_subjects()[best.code]


def names_a_subject_only(phrase: str) -> bool:
    """Whether a phrase the NLU took for a job is a degree subject ("maths") or its graduates
    ("history graduates", "law grads"), rather than a job whose name has a subject's word in it
    ("teaching assistants")."""
    tokens = _tokens(phrase)
    whole = any(m.start == 0 and m.end == len(tokens) for m in _matches(tokens))
    return whole or bool(_GRADUATES.search(" ".join(tokens)))


def asks_graduate_pay(text: str) -> bool:
    """Whether the words ask what graduates earn: "what do history graduates earn", "graduate
    salary for computer science", "how much can you earn with a psychology degree". A degree
    alone is not enough ("do I need a nursing degree?", "I've got a degree"): it must name a
    subject and the words must ask about money."""
    lowered = " ".join(_tokens(text))
    if _GRADUATES.search(lowered):
        return True
    tokens = _tokens(text)
    named = any(_next_to_cue(m, tokens) for m in _matches(tokens))
    return named and bool(_PAY.search(lowered))


def asks_graduate_jobs(text: str) -> bool:
    """ "What can I do with a history degree?": which jobs a subject's graduates go into, which
    no source here has (Discover Uni's job lists by course are not among them)."""
    return bool(_JOBS.search(" ".join(_tokens(text))))


def subject_words(text: str) -> str | None:
    """The words naming the subject of a question about graduates, matched or not: "astrology"
    in "what do astrology graduates earn", so a reply can say which subject it has no figures
    for. None when no words sit next to "graduates" or "degree"."""
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        if token not in _CUES:
            continue
        before: list[str] = []
        for word in reversed(tokens[max(0, i - 3) : i]):
            if word in _NOT_SUBJECT:
                break
            before.insert(0, word)
        if before:
            return " ".join(before)
        if i + 2 < len(tokens) and tokens[i + 1] in _AFTER_CUE:
            after = []
            for word in tokens[i + 2 : i + 5]:
                if word in _NOT_SUBJECT:
                    break
                after.append(word)
            if after:
                return " ".join(after)
    return None
