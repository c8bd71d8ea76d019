"""How much of an official text a short reply shows: the parts that read as plain English.

ONS descriptions, tasks and entry routes are long and list-like ("operate, calibrate and maintain
cardiographic and encephalographic testing equipment, assist in the conduct of post mortems, give
simple dental treatments, ..."). A short reply can't say all of it, so it says part of it plainly:
whole sentences where they read well, otherwise a sentence ended early after a complete clause, or
a list of one-word items said by its first and last. That only ever leaves things out, and only
where what is left is still true: never inside a list of choices ("GCSEs, A levels or BTEC" is
not "GCSEs"), of levels, or of words that share a noun ("domestic TV, video and audio appliances"
is not "domestic TV"). The renderer says when something was left out; the long answer has it all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .readability import word_count

PLAIN_ENGLISH = 60  # Flesch reading ease: plain English, fine for 13-15 year olds
_CLAUSE_WORDS = 4  # a cut sentence keeps at least this many words: "They make funeral arrangements."
_SUBJECT_WORDS = 8  # ... or this many before "in", "which" ... when it doesn't start "They"/"You"
_RELATIVE_WORDS = 3  # "people | who are ill" are not just "people"; "a qualification in architecture" is

# Where a sentence may end: at a comma or semicolon (see _closes_a_clause) ...
_COMMA = re.compile(r"[,;]\s+")
# ... before an example, exception, contrast or further step ...
_ASIDE = (
    r"including|such as|while|although|but|excluding|for example|as well as|in addition to|"
    r"together with|followed by|before|after"
)
# ... before more about a thing already named (see _RELATIVE_WORDS) ...
_RELATIVE = r"that|which|who|whose|where"
# ... and, in descriptions and tasks, before where, for whom and how: detail an entry route keeps
# ("a degree in pharmacy" is not "a degree")
_DETAIL = r"within|in|for|to|by|from|on behalf of|mainly|using|through|across|under|with|at|on|of"
_BREAK = re.compile(rf"\s+(?=(?:{_ASIDE}|{_RELATIVE})\b)")
_BREAK_OR_DETAIL = re.compile(rf"\s+(?=(?:{_ASIDE}|{_RELATIVE}|{_DETAIL})\b)")
_STARTS_ASIDE = re.compile(rf"(?:{_ASIDE})\b")
_STARTS_RELATIVE = re.compile(rf"(?:{_RELATIVE})\b")

# Describing words ("genetic, physical and social factors", "similar to", "used in"): a cut after
# one leaves it without its noun or what it is about. Before a comma, "-ing" words describe too
# ("moulding, extruding, ... machines"); before "in", "for" ... they are things ("town planning").
_DESCRIBING = re.compile(
    r"(?:al|ic|ive|ous|ary|(?<!need)ed|ful|less|able|ible)$|"  # "resources needed." ends
    r"^(?:new|old|other|own|main|major|minor)$",
    re.IGNORECASE,
)
# Words a sentence can't end on: "... and", "... mainly", "... help" (with what?), "... in charge".
_LOOSE_END = re.compile(
    r"\b(?:and|or|but|yet|nor|either|whether|if|the|a|an|of|to|in|on|for|with|by|from|at|as|between|up|"
    r"due|next|close|similar|than|more|less|so|sure|such|shortly|soon|just|long|mainly|mostly|usually|"
    r"often|largely|chiefly|partly|directly|also|only|especially|generally|normally|help|assist|"
    r"take part|deal|engage|participate|specialise|specialize|result|belong|relate|refer|respond|"
    r"contribute|depend|arranges?|allows?|cares?|applies|apply|pays?|looks?|asks?|caters?|waits?|"
    r"remains?|likely|able|unable|willing|liable|expected|those|these|them|belonging|relating|leading|"
    r"resulting|depending|according|dealing|referring|responding|contributing|"
    r"in (?:connection|line|accordance|charge|conjunction|relation|respect|addition|order|terms|touch|"
    r"contact))$",
    re.IGNORECASE,
)
# "the purchasing tasks | of ..." can end at "tasks"; "groups of", "the running of" can't
_WHOLE_BEFORE_OF = re.compile(r"[a-z]{3,}[^siu]s$")
_PART_OF = re.compile(
    r"\b(?:kinds|types|sorts|levels|parts|members|groups|numbers|pieces|items|areas|units|"
    r"forms|sets|lots|aspects|records)$"
)

_LIST_BREAK = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
# words that don't make a list item more than one word: "They", "the nature", "(below Principal Officer)"
_FILLER = re.compile(r"\([^)]*\)|\b(?:They|the|a|an|their|its)\b")
# a list of three or more one-word items: "assemble, install, maintain and repair"
_WORD_LIST = re.compile(r"\b([A-Za-z][\w'-]*)(?:, [A-Za-z][\w'-]*)+,? (and|or) ([A-Za-z][\w'-]*)\b")
# the rest of a list of one-word items ending in a longer one: "video and audio appliances"
_SHARED_HEAD = re.compile(r"(?:[\w'-]+,\s+)*[\w'-]+,?\s+(?:and|or)\s+[\w'-]+\s+[\w'-]+")
# how the list a comma is in goes on: "and" or "or" (choices)
_LIST_END = re.compile(r"[^;]*?\s(and|or)\s")
# "... or, in Scotland, ...": an aside between commas, not an item
_ASIDE_OPENED = re.compile(r"\b(?:and|or),[^,]*$")


def _top_level(text: str, pattern: re.Pattern) -> list[re.Match]:
    """Matches of `pattern` outside brackets."""
    return [m for m in pattern.finditer(text) if text[: m.start()].count("(") == text[: m.start()].count(")")]


def _last_item(text: str) -> list[str]:
    return _FILLER.sub("", _LIST_BREAK.split(text)[-1]).split()


def _ends_at_comma(prefix: str, rest: str, last: list[str]) -> bool:
    """Whether a sentence can end at a comma: not after a one-word item ("plan,", "calendering,"
    share the words after them), not inside a list of one-word items ending in a longer one
    ("television, video and audio appliances": the appliances are all three), of choices or of
    numbers ("levels 2, 3 and 4")."""
    one_word_item = len(last) < 2 and not re.search(r"\s(?:and|or)\s+\S+$", prefix)  # "... and guidance,"
    end = _LIST_END.match(_WORD_LIST.sub("", rest))  # the list the comma is in, not "x, y or z" inside it
    return not (
        one_word_item
        or last[-1].endswith("ing")
        or re.search(r"\d$", prefix)
        or _SHARED_HEAD.match(rest)
        or (end and end[1] == "or")
    )


def _ends_before_phrase(prefix: str, rest: str, last: list[str]) -> bool:
    """Whether a sentence can end before "in", "to", "which" ...: not inside a subject we can't see
    the end of ("Production managers and directors | in mining ..."), an infinitive ("used to help |
    in ..."), "from X | to Y", a list item (", content | for other media"), a noun that needs its
    "of" ("the running | of ...") or a one-word thing a "who", "which", "that" says which of."""
    if _STARTS_ASIDE.match(rest):  # what comes before "including", "but", "followed by" is whole
        return True
    if not prefix.startswith(("They ", "You ")) and len(prefix.split()) < _SUBJECT_WORDS:
        return False
    if re.search(r"\bto \S+$|,\s+\S+$", prefix) or (
        rest.startswith("to ") and re.search(r"\bfrom \S+$", prefix)
    ):
        return False
    if _STARTS_RELATIVE.match(rest) and len(last) < _RELATIVE_WORDS:
        return False
    return not rest.startswith("of ") or bool(_WHOLE_BEFORE_OF.search(prefix) and not _PART_OF.search(prefix))


def _closes_a_clause(prefix: str, rest: str, at_comma: bool) -> bool:
    """Whether a sentence can end between `prefix` and `rest`: long enough, not on a word that
    needs what follows, nor on a describing word, and not inside a list (see the two above)."""
    if len(prefix.split()) < _CLAUSE_WORDS or _LOOSE_END.search(prefix) or _ASIDE_OPENED.search(prefix):
        return False
    last = _last_item(prefix)
    if not last or _DESCRIBING.search(last[-1]) or "between" in last:
        return False
    return (_ends_at_comma if at_comma else _ends_before_phrase)(prefix, rest, last)


def cuts(sentence: str, *, keep_detail: bool = False) -> list[str]:
    """The sentence and its shorter forms, each ending after a complete clause, longest first.
    With `keep_detail`, no form ends before an "in ...", "for ..." phrase."""
    end = "." if sentence.endswith(".") else ""
    body = sentence.rstrip(".")
    breaks = _BREAK if keep_detail else _BREAK_OR_DETAIL
    points = [(m, True) for m in _top_level(body, _COMMA)] + [(m, False) for m in _top_level(body, breaks)]
    forms = {body} | {
        body[: m.start()].rstrip(" ,;")
        for m, at_comma in points
        if _closes_a_clause(body[: m.start()].rstrip(" ,;"), body[m.end() :], at_comma)
    }
    return [f + end for f in sorted(forms, key=len, reverse=True)]


def shortened(sentence: str, *, keep_detail: bool = False) -> list[str]:
    """cuts(), and unless `keep_detail` also the cuts of the sentence with each list of one-word
    items said by its first and last ("assemble and repair plumbing fixtures"): both are things
    the ONS says, and the last keeps any words that follow it for the whole list."""
    forms = cuts(sentence, keep_detail=keep_detail)
    trimmed = _WORD_LIST.sub(r"\1 \2 \3", sentence)
    if not keep_detail and trimmed != sentence:
        forms += [f for f in cuts(trimmed) if f not in forms]
    return sorted(forms, key=len, reverse=True)


def fit(
    pieces: list[str],
    reply: Callable[[list[str]], str],
    ease: Callable[[str], float],
    *,
    budget: int,
    most: int,
    plainest_first: bool = False,
    lead: bool = False,
    keep_detail: bool = False,
) -> list[str]:
    """Up to `most` of `pieces`, shown in their own order, each in its longest form (see
    shortened) that keeps the whole `reply(chosen)` plain English with the pieces within `budget`
    words. Pieces are tried in order (the first sentences of a text say the most) or, for a list
    of tasks, plainest first. With `lead`, the first piece is always shown (a description's
    opening sentence says what the job is). A piece that can't be said plainly is left out; if
    none can, the reply shows the plainest form within budget."""
    forms = [shortened(p, keep_detail=keep_detail) for p in pieces]

    def fits(chosen: dict[int, str]) -> bool:
        shown = [f for _, f in sorted(chosen.items())]
        return word_count(" ".join(shown)) <= budget and ease(reply(shown)) >= PLAIN_ENGLISH

    def plainest(candidates: list[str]) -> str:
        short = [f for f in candidates if word_count(f) <= budget] or [min(candidates, key=word_count)]
        return max(short, key=lambda f: ease(reply([f])))

    order = (
        sorted(range(len(pieces)), key=lambda i: -ease(reply([pieces[i]])))
        if plainest_first
        else range(len(pieces))
    )
    chosen: dict[int, str] = {}
    if lead and pieces:
        chosen[0] = next((f for f in forms[0] if fits({0: f})), plainest(forms[0]))
    for i in order:
        if len(chosen) >= most:
            break
        form = next((f for f in forms[i] if i not in chosen and fits({**chosen, i: f})), None)
        if form:
            chosen[i] = form
    return [f for _, f in sorted(chosen.items())] or [plainest([f for fs in forms for f in fs])]
