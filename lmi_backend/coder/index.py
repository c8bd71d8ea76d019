"""Build step: turn every coded job title into the coder's index (coder_entry, coder_lemma,
coder_word).

Sources, each weighted by how much it says about the code a bare phrase should get:
- the team's synonym list (data/synonyms.csv: slang, abbreviations, new jobs, everyday senses)
  and its list of workplaces (data/workplaces.csv: "pub", "tesco", "care home" with the code of
  working there and the code of managing one), reviewed by hand, so they outrank everything else;
- the ONS related job titles (the few titles ONS lists as typical of each group, so they decide
  between an index's trade and professional senses: "Gas engineer" is listed under 5314,
  "Civil engineer (professional)" under 2121) and the unit-group titles;
- the ONS coding index: an entry without qualifiers is the code a bare title gets; an entry with
  a qualifier ("Teacher (primary school)") gives the qualified phrase ("primary school teacher")
  and only weak evidence for the bare title, so "teacher" alone stays ambiguous. Qualifiers that
  only state status ("professional", "qualified") give the bare title full weight (the careers
  sense: "Engineer, civil (professional)"), but a bare query still gets asked about them;
- the ONS coding tool's title list (the same titles with qualifiers appended, plus a few newer
  ones).
A few bare titles the ONS codes to one default mean several jobs to a young person ("driver":
lorry, bus, taxi or van); the team's list of them (data/broad_titles.csv) makes a bare one ask.
A sector ("the NHS", "hospitality") is in the ONS index only inside one job's title or qualifier
("Manager, hospitality"), which coded a bare sector to that job with a confidence of 0.9 and
more; the team's list of sectors (data/sectors.csv) asks instead, offering the sector's
commonest jobs (`sectors`).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..db.coder import coder_entry, coder_lemma, coder_word
from ..db.occupations import job_title
from ..etl.context import BuildContext
from ..etl.errors import SourceError
from . import nlp
from .normalise import FILLER_WORDS, STOPWORDS, Normaliser, words

SYNONYMS = "synonyms.csv"
WORKPLACES = "workplaces.csv"
BROAD_TITLES = "broad_titles.csv"
SECTORS = "sectors.csv"
REVIEWED = f"lmi_backend/coder/data/{SYNONYMS} or {WORKPLACES}"  # where a reviewed phrase comes from
REVIEWED_SOURCES = frozenset({"synonym", "workplace"})  # the team's lists, not ONS titles

W_SYNONYM = 8.0  # reviewed by the team: wins over any published default
W_RELATED = 3.0  # ONS related job titles: the titles ONS lists as typical of the group
W_STATUS = 2.5  # qualified only by status ("professional"): the careers sense of the title
W_TITLE = 2.0  # unit titles, unqualified coding-index titles
W_QUALIFIED = 1.5  # a title with its qualifier ("primary school teacher")
W_TOOL = 1.0  # coding-tool titles (qualifiers already inside the title)
W_BARE = 0.3  # a qualified title without its qualifier: one of several possible codes

RARE_LOGPROB = -20.0  # an index word the corpus lacks
COMMON_LOGPROB = -14.5  # English words more common than this are words, not typos (~24k)
MIN_TYPO_LEN = 4  # shorter words are never typo-corrected

_PARENTHESIS = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*$")
# Words in unit-group titles that name no job: "Customer service occupations n.e.c."
_UNIT_FILLER = re.compile(r"\bn\.e\.c\.?|\b(?:other|related|occupations)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    """One title before normalisation: the words to match, what to show, its code and weight,
    and whether the index gives this code for these words only with a qualifier the words lack
    ("Teacher (secondary school)" for "teacher", "Engineer (professional)" for "engineer")."""

    text: str
    display: str
    soc: int
    source: str
    weight: float
    needs_qualifier: bool = False


def load(ctx: BuildContext) -> None:
    broad = {rec["title"] for _, _, rec in _reviewed_rows(BROAD_TITLES)}
    titles = [
        replace(t, needs_qualifier=True) if t.text.lower() in broad else t for t in published_titles(ctx.conn)
    ]
    titles += list(synonym_titles(ctx.soc_units)) + list(workplace_titles(ctx.soc_units))
    normaliser = build_normaliser(t.text for t in titles)
    sectors(ctx.soc_units, normaliser.tokens)  # a bad row stops the build, naming it
    entries = aggregate(titles, normaliser)
    vocab = {token for key, _, _ in entries for token in key.split()}
    families = family_sizes(entries)
    ctx.insert(
        coder_entry,
        (
            {
                "key": key,
                "soc": soc,
                "phrase": e.display,
                "source": e.source,
                "weight": e.weight,
                "titles": n,
                "family": families.get((key, soc), 1),
                "needs_qualifier": e.needs_qualifier,
            }
            for (key, soc, _), (e, n) in entries.items()
        ),
    )
    ctx.insert(
        coder_lemma,
        (
            {"form": form, "lemma": lemma}
            for form, lemma in sorted(normaliser.lemmas.items())
            if lemma in vocab
        ),
    )
    ctx.insert(coder_word, word_rows(vocab, normaliser.lemmas))
    ctx.progress(f"coder index: {len(entries)} entries, {len(vocab)} words")


def published_titles(conn: Connection) -> Iterator[Title]:
    rows = conn.execute(
        select(
            job_title.c.soc,
            job_title.c.title,
            job_title.c.natural_title,
            job_title.c.qualifier,
            job_title.c.source,
        )
    )
    for soc, title, natural, qualifier, source in rows:
        if any(w.isupper() and w.lower() in STOPWORDS for w in natural.split()):
            continue  # an acronym spelt like a stopword ("IN engineer") would leave a bare "engineer"
        if source == "unit_title":
            bare = _UNIT_FILLER.sub(" ", _PARENTHESIS.sub(r"\1", title))  # drop "(sergeant and below)"
            yield Title(bare, title, soc, source, W_TITLE)
        elif source == "coding_tool":
            yield Title(natural, natural, soc, source, W_TOOL)
        elif source == "related":  # related titles keep their qualifier in the title text
            match = _PARENTHESIS.match(title)
            yield from qualified_titles(
                natural, f"({match.group(2)})" if match else None, soc, source, W_RELATED
            )
        else:
            yield from qualified_titles(natural, qualifier, soc, source, W_TITLE)


def qualified_titles(
    natural: str, qualifier: str | None, soc: int, source: str, weight: float
) -> Iterator[Title]:
    """`weight` for the title unqualified; a qualified title gives the qualified phrase and weak
    evidence for the bare title, unless the qualifier is only a status."""
    qualifier_text = (qualifier or "").strip("() ")
    content = [w for w in words(qualifier_text) if w not in STOPWORDS]
    if not qualifier_text:
        yield Title(natural, natural, soc, source, weight)
    elif not content:
        # ONS's own typical titles (related) state the careers sense; an index entry for
        # "Engineer (professional)" still leaves a bare "engineer" open.
        yield Title(
            natural,
            f"{natural} ({qualifier_text})",
            soc,
            source,
            max(weight, W_STATUS),
            needs_qualifier=source != "related",
        )
    else:
        display = f"{natural} ({qualifier_text})"
        yield Title(f"{' '.join(content)} {natural}", display, soc, source, W_QUALIFIED)
        yield Title(natural, display, soc, source, W_BARE, needs_qualifier=True)


def _reviewed_rows(name: str) -> Iterator[tuple[str, int, dict[str, str]]]:
    """(path, line number, record) for each row of one of the team's data files."""
    text = resources.files("lmi_backend.coder").joinpath("data").joinpath(name).read_text("utf-8")
    for line, rec in enumerate(csv.DictReader(text.splitlines()), start=2):
        yield f"lmi_backend/coder/data/{name}", line, {k: (v or "").strip() for k, v in rec.items()}


def sectors(units: set[int], tokens: Callable[[str], list[str]]) -> dict[tuple[str, ...], tuple[int, ...]]:
    """The team's sectors as the normaliser's tokens of the words ("the NHS" -> ("nhs",)), each
    with the jobs to offer, commonest first. Read by the build (to stop on a bad row) and by
    the coder."""
    out: dict[tuple[str, ...], tuple[int, ...]] = {}
    for path, line, rec in _reviewed_rows(SECTORS):
        key = tuple(tokens(rec["sector"]))
        codes = rec["socs"].split()
        if not key or key in out:
            raise SourceError(path, line, "sector must be words not listed before", rec["sector"])
        bad = [c for c in codes if not c.isdigit() or int(c) not in units]
        if len(codes) < 2 or bad:
            raise SourceError(path, line, "socs must be two or more SOC2010 unit groups", rec["socs"])
        out[key] = tuple(int(c) for c in codes)
    return out


def _reviewed(text: str, soc: str, units: set[int], where: tuple[str, int], source: str) -> Title:
    if not text:
        raise SourceError(*where, "phrase must not be empty")
    if not soc.isdigit() or int(soc) not in units:
        raise SourceError(*where, "code must be a SOC2010 unit group", soc)
    return Title(text, text[:1].upper() + text[1:], int(soc), source, W_SYNONYM)


def synonym_titles(units: set[int]) -> Iterator[Title]:
    for path, line, rec in _reviewed_rows(SYNONYMS):
        yield _reviewed(rec["phrase"], rec["soc"], units, (path, line), "synonym")


def workplace_titles(units: set[int]) -> Iterator[Title]:
    """Each workplace once: alone it is the job of working there ("work in a pub": bar staff;
    left out when the staff do many jobs, as in a hotel), and "<workplace> manager" is the job
    of running it ("pub manager": publicans 1224, "tesco manager": retail managers 1190). So
    "kfc manager" is a restaurant manager, not the fast-food crew "kfc" alone would give. Their
    source is "workplace": the matcher marks them down for a query naming another job at the
    place ("care home cook" is a cook, not a care worker)."""
    for path, line, rec in _reviewed_rows(WORKPLACES):
        place, where = rec["workplace"], (path, line)
        if rec["staff_soc"]:
            yield _reviewed(place, rec["staff_soc"], units, where, "workplace")
        yield _reviewed(f"{place} manager" if place else "", rec["manager_soc"], units, where, "workplace")


def build_normaliser(texts: Iterable[str]) -> Normaliser:
    """The normaliser for these titles, with spaCy's lemmas for every word in them and for the
    plural and verb forms of those words (the forms a query may use)."""
    surface = {w for text in texts for w in words(text)} - (STOPWORDS - FILLER_WORDS)
    first = nlp.lemma_table(surface)
    lemmas = {first.get(w, w) for w in surface}
    forms = surface | {f for word in lemmas | surface if word.isalpha() for f in nlp.inflections(word)}
    table = nlp.lemma_table(forms)
    return Normaliser(table, lemmas)


def word_rows(vocab: set[str], lemmas: Mapping[str, str]) -> Iterator[dict]:
    """The frequency of every index word form (typo corrections prefer common words) and of the
    common English words outside the index (which are real words, not typos to correct)."""
    logprobs = nlp.word_logprobs()
    forms = vocab | {form for form, lemma in lemmas.items() if lemma in vocab}
    for word in sorted(forms):
        yield {"word": word, "logprob": logprobs.get(word, RARE_LOGPROB)}
    common = [w for w, logprob in logprobs.items() if logprob > COMMON_LOGPROB]
    for word in sorted(common):
        if len(word) >= MIN_TYPO_LEN and word.isalpha() and word.islower() and word not in forms:
            yield {"word": word, "logprob": logprobs[word]}


def family_sizes(entries: dict[tuple[str, int, bool], tuple[Title, int]]) -> dict[tuple[str, int], int]:
    """(key, soc) -> how many published keys of that code contain all the key's words."""
    socs_of: dict[str, set[int]] = defaultdict(set)
    for key, soc, synonym in entries:
        if not synonym:
            socs_of[key].add(soc)
    keys_with: dict[str, set[str]] = defaultdict(set)
    for key in socs_of:
        for token in key.split():
            keys_with[token].add(key)
    sizes: dict[tuple[str, int], int] = {}
    for key in {k for k, _, _ in entries}:
        postings = sorted((keys_with.get(t, set()) for t in set(key.split())), key=len)
        family = set.intersection(*postings) if postings else set()
        counts: dict[int, int] = defaultdict(int)
        for member in family:
            for soc in socs_of[member]:
                counts[soc] += 1
        sizes.update(((key, soc), n) for soc, n in counts.items())
    return sizes


def aggregate(titles: list[Title], normaliser: Normaliser) -> dict[tuple[str, int, bool], tuple[Title, int]]:
    """(key, soc, from the team's lists?) -> the heaviest title giving it, and how many titles
    gave it. The team's phrases are kept apart from published titles so the coder can be
    measured without them. A title normalised to nothing (all stopwords) is dropped; a reviewed
    phrase that does so is an error, and so is one declared twice (in both lists, or with two
    codes)."""
    best: dict[tuple[str, int, bool], Title] = {}
    count: dict[tuple[str, int, bool], int] = defaultdict(int)
    open_only: dict[tuple[str, int, bool], bool] = {}  # every title giving the slot needs a qualifier
    reviewed_keys: dict[str, Title] = {}
    for t in titles:
        reviewed = t.source in REVIEWED_SOURCES
        key = " ".join(normaliser.tokens(t.text, title=not reviewed))
        if not key:
            if reviewed:
                raise SourceError(REVIEWED, None, "synonym has no content words", t.text)
            continue
        if reviewed:
            first = reviewed_keys.setdefault(key, t)
            if first.soc != t.soc or first.source != t.source:
                raise SourceError(
                    REVIEWED,
                    None,
                    "two reviewed phrases with the same words give different codes or come from both lists",
                    f"{first.text!r} ({first.source}, {first.soc}) and {t.text!r} ({t.source}, {t.soc})",
                )
        slot = (key, t.soc, reviewed)
        count[slot] += 1
        open_only[slot] = open_only.get(slot, True) and t.needs_qualifier
        if slot not in best or t.weight > best[slot].weight:
            best[slot] = t
    return {slot: (replace(t, needs_qualifier=open_only[slot]), count[slot]) for slot, t in best.items()}
