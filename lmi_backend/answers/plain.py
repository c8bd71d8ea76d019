"""Official wording made plain: ONS entry-route and job-description text, O*NET element names.

The ONS texts were written for coders ("Entrants usually possess GCSEs/S grades"); a 15-year-old
needs "Most people starting out have GCSEs". The rewrite is conservative: it swaps known phrases
(official_words.py) and splits long sentences, never adds a fact, and keeps qualification names
(NVQ, BTEC) and other capitalised names as written because young people search for exactly those
names. How much of the result a short reply shows is fit.py's job.
"""

from __future__ import annotations

import re
from functools import partial

from ..jobtitles import sentence_case
from .official_words import PHRASES, SENTENCES

# Notes for coders, not for readers: "Licensed aircraft engineers are coded to UNIT GROUP 3113."
_CODING_NOTE = re.compile(r"\b(?:classified|coded) (?:in|to) (?:this )?unit group\b", re.IGNORECASE)

# whole words only, except the few phrases that start with their own space
_COMPILED = [
    (re.compile(p if p[0] == " " else rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE), r) for p, r in PHRASES
]
# Clauses: at semicolons, except "...; and translate ..." and a list after a colon ("in respect
# of: buildings; weights, measures ..."). A clause that goes on with the verb ("They serve as
# officers ...; plan military operations ...") gets its "They" back.
_SEMICOLON = re.compile(r";\s+(?!and\b|or\b)")
_GOES_ON_WITH_VERB = re.compile(
    r"(?!(?:they|the|a|an|this|these|those|it|its|their|there|both|each|some|"
    r"most|many|all|which|but|although|while)\b)[a-z]"
)
# sentence breaks inside a clause: "..., although ...", and a dash outside brackets ("PGCE –
# Postgraduate Certificate ..." inside brackets is a name being spelled out)
_SPLIT = re.compile(
    r",\s+(?=(?:although|though|but|whilst|while|which)\b)|\s+(?=although\b)"
    r"|\s+–\s+(?![^(]*\))"
)
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z(])")


def _swap(match: re.Match, replacement: str) -> str:
    """The plain words for a match, capitalised like it at the start of a sentence. A capitalised
    word inside a sentence is part of a name ("NVQs in Engineering Maintenance", "Engineering
    Construction") and stays; an acronym there ("will require CRB clearance") is not a reason
    to capitalise its plain words ("will need a police check")."""
    found = match.group(0)
    if match.start() > 0 and found[:1].isupper() and found[1:2].islower():
        return found
    plain = match.expand(replacement)
    return plain[:1].upper() + plain[1:] if found[:1].isupper() and match.start() == 0 else plain


# "NVQs in X are available at levels 2 and 3": what you can do. Not "... are available to those
# with ...", which says who may have them.
_AVAILABLE = re.compile(
    r"^(?P<what>[A-Z](?:(?! (?:are|is) )[^;])*?) (?:are|is) (?:also |now |widely )?"
    r"available\b(?!,? (?:to|together)\b)(?P<rest>.*)$"
)


def _can_do(body: str) -> str:
    available = _AVAILABLE.match(body)
    if not available:  # "There are many courses available": they are there
        return re.sub(r"^(There (?:are|is) [^;]+?) available\b", r"\1", body)
    what = available["what"]
    what = what if what[1:2].isupper() else what[:1].lower() + what[1:]
    # "... available for plumbing and lead to an NVQ": what they lead to is a sentence of its own
    rest = re.sub(r",? and (?=(?:may|are|can|lead|often|will)\b)", ". They ", available["rest"], count=1)
    return f"You can do {what}{rest}"


_GROUP_NOUN = re.compile(r"\s+(?:occupations|professionals|workers|operatives|trades|staff)$", re.IGNORECASE)


def _as_they(body: str, job: str | None) -> str:
    """A sentence about the job in hand starts "They": the reply's heading already names the job,
    and the title then can't be half-rewritten by the phrase swaps. Brackets in the title or the
    text ("Secondary (and middle school deemed secondary) education ...") don't stop the match,
    nor does the text naming the people where the title names the group ("Further education
    lecturers" for "Further education teaching professionals", "... related workers" for
    "... related occupations")."""
    if not job:
        return body
    core = re.sub(r"\s*\([^)]*\)|\s+n\.e\.c\.$", "", job)
    bracket = r"(?:\s+\([^)]*\))?"

    def words(title: str) -> str:
        return (bracket + r"\s+").join(map(re.escape, title.split())) + bracket

    subjects = [words(core) + r"(?:\s+workers)?", "People in this job"]
    group = _GROUP_NOUN.search(core)
    if group:  # the title without its group noun, or without the word before it too
        for lead in (core[: group.start()], core[: group.start()].rpartition(" ")[0]):
            subjects += [words(lead) + r"\s+[a-z]+s"] if lead else []
    # "Paramedics working in the NHS must ..." -> "Those working ...", not "They working ..."
    return re.sub(
        rf"^(?:{'|'.join(subjects)})(?!\w)(?=(\s+(?:working|employed|based|who)\b)?)",
        lambda m: "Those" if m.group(1) else "They",
        body,
        flags=re.IGNORECASE,
    )


_REPEAT = re.compile(r"\b(\w{3,}(?:[ -]\w+)?)(?:, | and | or )\1\b", re.IGNORECASE)


def _say_once(body: str, original: str) -> str:
    """Two official words swapped for the same plain one ("administrative and clerical" ->
    "office and office", "legal, statutory" -> "legal, legal") are said once. Repeats the ONS
    itself wrote ("metal and metal products") stay."""
    written = {m.group(0).lower() for m in _REPEAT.finditer(original)}
    return _REPEAT.sub(lambda m: m.group(0) if m.group(0).lower() in written else m.group(1), body)


def _tidy(body: str) -> str:
    """Spacing, commas and articles left behind by phrases swapped for others or dropped."""
    body = re.sub(r"\s{2,}", " ", body)
    body = re.sub(r"\s+([,.;:)])", r"\1", body)
    body = re.sub(r"\ban (?=[bcdfgjklmnpqrstvwxyz])", "a ", body)  # "an equivalent" -> "a similar"
    body = re.sub(r"\bfor for\b", "for", body)  # "in respect of e.g." -> "for for example"
    return re.sub(r"\ba lot of,", "a lot of", body)


def _rewrite_sentence(sentence: str, job: str | None) -> list[str]:
    """One ONS sentence as one or more plain ones (none for a note to coders)."""
    body = sentence.strip().rstrip(".")
    if _CODING_NOTE.search(body):
        return []
    known = SENTENCES.get(body.lower())
    if known:
        return [known + "."]
    original = body
    body = _as_they(body, job)
    for pattern, replacement in _COMPILED:
        body = pattern.sub(partial(_swap, replacement=replacement), body)
    body = _can_do(_as_they(_say_once(_tidy(body), original), job))
    body = re.sub(r"\bLevels?\b", lambda m: m.group(0).lower(), body)
    clauses = [body] if ":" in body else _SEMICOLON.split(body)
    clauses[1:] = [
        "They " + c if body.startswith("They ") and _GOES_ON_WITH_VERB.match(c) else c for c in clauses[1:]
    ]
    out = []
    for part in (p for clause in clauses for p in _SPLIT.split(clause)):
        part = re.sub(r"\s+(?:and|or)$", "", part.strip(" ,"))  # "... Officer) and | although ..."
        if not part:
            continue
        part = re.sub(r"^(although|though|whilst|while)\b", "But", part, flags=re.IGNORECASE)
        out.append(part[:1].upper() + part[1:] + ".")
    return out


def plain_text(text: str, job: str | None = None) -> list[str]:
    """ONS prose as plain sentences, in the original order. With `job` (the unit group's title),
    sentences about that job start "They"."""
    sentences: list[str] = []
    for sentence in _SENTENCE.split(" ".join(text.split()).lstrip("·• ")):
        sentences += _rewrite_sentence(sentence, job)
    return sentences


def first_sentences(sentences: list[str], max_words: int) -> list[str]:
    """The leading sentences that fit in max_words (always at least one)."""
    kept: list[str] = []
    used = 0
    for s in sentences:
        n = len(s.split())
        if kept and used + n > max_words:
            break
        kept.append(s)
        used += n
    return kept


def job_name(soc_title: str) -> str:
    """ONS title as said in a sentence: group titles in sentence case, and "n.e.c." (not
    elsewhere classified) becomes "other ...", which is what it means."""
    title = sentence_case(soc_title.strip())
    if title == "All occupations":  # the fallback when a job has no figure of its own
        return "All jobs"
    if title.lower().endswith(" n.e.c."):
        title = title[: -len(" n.e.c.")]
        title = title if title.lower().startswith("other ") else "Other " + title.lower()
    return title
