"""Free text -> ranked SOC2010 unit groups, from the index the build wrote into the database.

How a phrase is scored:
1. normalise it (normalise.py) to lemma tokens; a word the index does not know is split into two
   known words if it can be ("souschef") and read as its closest index words by rapidfuzz
   ("nurce" -> "nurse", weighted by how close), unless it is a common English word ("degree"),
   in which case it is left unknown and only dilutes the match;
2. candidate keys are the index keys sharing a word with the query (for very common words, only
   the shortest such keys), plus the key spelt exactly like the query, also with two adjacent
   words joined ("hair dresser" -> "hairdresser");
3. a key's similarity is the IDF-weighted share of the query it covers times the square root of
   the share of the key the query covers (extra query words hurt more than extra title words),
   lowered when the query lacks the title's last word, which names the job in English titles
   (rare modifiers such as "urban" weigh more by IDF than the job word "driver" they qualify),
   and lowered when it is a workplace's title (data/workplaces.csv) without the job the query
   ends with ("care home COOK", "premier inn RECEPTIONIST": a job word ends most titles that
   contain it), so a job at a place is not the place's staff or manager; then blended with
   rapidfuzz's token_sort_ratio on the surface text, which prices typos and word-order
   differences;
4. a code's raw score is the best key similarity times the square root of that code's share of
   the key's weight (see index.py), so a bare "teacher" spreads over several codes and asks;
5. calibration.py turns raw scores into confidences and decides when to ask.
"""

from __future__ import annotations

import gc
import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from ..config import Location
from ..db.coder import coder_entry, coder_lemma, coder_word
from ..db.dimensions import soc_group
from ..db.engine import readonly_engine
from . import calibration
from .index import MIN_TYPO_LEN, RARE_LOGPROB, REVIEWED_SOURCES, W_TITLE, sectors
from .normalise import MAX_CHARS, Normaliser
from .result import NO_MATCH, Candidate, CodingResult

MAX_TOKENS = 12  # content words considered (a long message is mostly not the job title)
POSTINGS_PER_WORD = 100  # for a common word, only its shortest keys are candidates
FUZZY_KEYS = 20  # keys re-scored with rapidfuzz
RATIO_SHARE = 0.2  # part of a key's similarity that comes from rapidfuzz's string ratio
UNKNOWN_IDF = 1.5  # an unknown query word dilutes the match a little
COUNT_BONUS = 0.3  # weight per doubling of the titles giving the same key and code
FAMILY_BONUS = 0.2  # weight per doubling of the code's titles that contain the key's words
CHANNEL_WEIGHT = 15.0  # log-probability points a perfect string match is worth
INDEX_PRIOR = 3.0  # a job-title word is likelier than its English frequency suggests
HEAD_MISSING = 0.85  # a title whose last word (the job: "urban PLANNER") the query lacks
JOB_ELSEWHERE = 0.6  # a workplace's title without the job asked about ("care home" for "care home cook")
JOB_WORD_SHARE = 0.5  # a job word ends at least this share of the titles containing it
CORRECTIONS = 3  # readings tried for a word the index does not know
MAX_VARIANTS = 8  # combinations of readings tried per phrase

Token = tuple[str, float]  # lemma, confidence that it is what the user meant (0 = unknown)


def _fetch(conn: Connection, query: Select) -> list[tuple]:
    """All rows of `query` as plain tuples, straight from the DBAPI cursor."""
    compiled = query.compile(conn.engine)
    params = (  # SQLite's driver takes parameters by position, PostgreSQL's by name
        [compiled.params[name] for name in compiled.positiontup] if compiled.positiontup else compiled.params
    )
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        return cursor.fetchall()
    finally:
        cursor.close()


@dataclass(frozen=True)
class Scored:
    """A code's raw score for a query, the title that earned it, whether that title is spelt
    like the query (after typo correction), whether the index gives the code for that title
    only with a qualifier the query lacks ("Teacher (secondary school)" for "teacher"), how much
    the title resembles the query before a workplace's title is marked down for not naming the
    job asked about (the words are still known: no reason to find nothing), and whether the
    title lacks the job word the query ends with ("General" for "general labourer"), which
    makes it less likely to be right."""

    soc: int
    score: float
    phrase: str
    exact: bool
    needs_qualifier: bool
    resemblance: float
    lacks_job_word: bool

    @property
    def rank(self) -> tuple[bool, float]:
        return (self.exact, self.score)


def strength(weight: float, key_total: float) -> float:
    """How strongly a key means a code: the square root of the code's share of the key's weight
    (a bare "teacher" spreads over several codes), damped when even the best evidence is weak
    (a key known only from qualified titles, such as "site supervisor (educational
    establishments)", is not a confident "site supervisor")."""
    return math.sqrt(weight / key_total) * math.sqrt(min(1.0, weight / W_TITLE))


class SocCoder:
    """Loaded once per database (see get_coder); `code` is thread-safe apart from a shared
    cache of typo corrections, where a race only repeats work."""

    def __init__(
        self,
        rows: Iterable[tuple[str, int, str, float, int, int, bool, bool]],
        lemmas: dict[str, str],
        titles: dict[int, str],
        logprob: dict[str, float],
    ) -> None:
        # (key, soc) -> [weight, phrase, titles, family, needs qualifier]
        merged: dict[tuple[str, int], list] = {}
        workplaces: set[str] = set()  # keys from the workplace list ("care home", "pub manager")
        for key, soc, phrase, weight, n_titles, family, open_, workplace in rows:  # reviewed and published
            if workplace:
                workplaces.add(key)
            slot = merged.get((key, soc))
            if slot is None:
                merged[key, soc] = [weight, phrase, n_titles, family, bool(open_)]
            else:
                if weight > slot[0]:
                    slot[0], slot[1] = weight, phrase
                slot[2] += n_titles
                slot[4] = slot[4] and bool(open_)
        by_key: dict[str, list[tuple[int, str, float, bool]]] = defaultdict(list)
        for (key, soc), (weight, phrase, n_titles, family, open_) in merged.items():
            bonus = COUNT_BONUS * math.log2(n_titles) + FAMILY_BONUS * math.log2(family)
            by_key[key].append((soc, phrase, weight + bonus, open_))
        self.titles = titles
        self.logprob = logprob
        self.keys: list[str] = list(by_key)
        self.exact = {key: i for i, key in enumerate(self.keys)}
        self.workplace_keys = frozenset(self.exact[key] for key in workplaces)
        self.key_tokens = [frozenset(key.split()) for key in self.keys]
        self.heads = [key.rsplit(" ", 1)[-1] for key in self.keys]
        # (soc, strength, phrase, needs a qualifier the key lacks?), strongest first
        self.codes: list[list[tuple[int, float, str, bool]]] = []
        for entries in by_key.values():
            total = sum(c[2] for c in entries)
            codes = [
                (soc, strength(w, total), phrase, needs_qualifier)
                for soc, phrase, w, needs_qualifier in entries
            ]
            if len(codes) > 1:
                codes.sort(key=lambda c: -c[1])
            self.codes.append(codes)
        postings: dict[str, list[int]] = defaultdict(list)
        self.sorted_keys: dict[str, int] = {}
        for i, tokens in enumerate(self.key_tokens):
            for t in tokens:
                postings[t].append(i)
            if len(tokens) > 1:
                self.sorted_keys.setdefault(" ".join(sorted(tokens)), i)
        n = len(self.keys)
        self.idf = {t: math.log(n / len(ids)) + 1.0 for t, ids in postings.items()}
        ending = Counter(self.heads)
        self.job_words = frozenset(t for t, ids in postings.items() if ending[t] >= JOB_WORD_SHARE * len(ids))
        idf = self.idf
        self.mass = [sum(idf[t] for t in tokens) for tokens in self.key_tokens]
        self.common_words = {t for t, ids in postings.items() if len(ids) > POSTINGS_PER_WORD}
        self.postings = {
            t: sorted(ids, key=self.mass.__getitem__)[:POSTINGS_PER_WORD] if t in self.common_words else ids
            for t, ids in postings.items()
        }
        self.normaliser = Normaliser(lemmas, set(postings))
        self.sectors = sectors(set(titles), self.normaliser.tokens)
        self.corrections: dict[str, list[list[Token]]] = {}
        self._near_length: dict[int, list[str]] | None = None  # built at the first typo

    def near_length(self, n: int) -> list[str]:
        """Known word forms within two letters of length `n`: where a typo's correction is."""
        if self._near_length is None:
            vocab = self.normaliser.vocab
            forms = vocab | {form for form, lemma in self.normaliser.lemmas.items() if lemma in vocab}
            by_length: dict[int, list[str]] = defaultdict(list)
            for form in sorted(forms):  # sorted: ties between corrections resolve the same way every run
                by_length[len(form)].append(form)
            self._near_length = {
                m: [f for k in range(m - 2, m + 3) for f in by_length.get(k, ())]
                for m in range(MIN_TYPO_LEN, max(by_length) + 3)
            }
        return self._near_length.get(n, [])

    @classmethod
    def from_db(cls, db_path: Location, without_synonyms: bool = False) -> SocCoder:
        engine = readonly_engine(db_path)
        try:
            with engine.connect() as conn:
                return cls.from_connection(conn, without_synonyms)
        finally:
            engine.dispose()

    @classmethod
    def from_connection(cls, conn: Connection, without_synonyms: bool = False) -> SocCoder:
        """Also used during the build, on the staging database. `without_synonyms` leaves out
        the team's lists (synonyms and workplaces), to measure what the ONS titles alone
        achieve (benchmarks/coder_eval.py --no-synonyms). Rows are read through the DBAPI cursor
        and built with the garbage collector paused: start-up is most of the bot's first answer,
        and this halves it."""
        entries = select(
            coder_entry.c.key,
            coder_entry.c.soc,
            coder_entry.c.phrase,
            coder_entry.c.weight,
            coder_entry.c.titles,
            coder_entry.c.family,
            coder_entry.c.needs_qualifier,
            coder_entry.c.source == "workplace",
        )
        if without_synonyms:
            entries = entries.where(*(coder_entry.c.source != s for s in sorted(REVIEWED_SOURCES)))
        lemmas = select(coder_lemma.c.form, coder_lemma.c.lemma)
        titles = select(soc_group.c.code, soc_group.c.title).where(soc_group.c.level == 4)
        logprobs = select(coder_word.c.word, coder_word.c.logprob)
        gc.disable()
        try:
            rows, lemma_rows, title_rows, word_rows = (
                _fetch(conn, q) for q in (entries, lemmas, titles, logprobs)
            )
            if not rows:
                raise RuntimeError("The database has no coder index: rebuild it with `lmi build`.")
            coder = cls(rows, dict(lemma_rows), dict(title_rows), dict(word_rows))
            if without_synonyms:
                coder.sectors = {}  # a team's list too
            return coder
        finally:
            gc.enable()

    # -- public ---------------------------------------------------------------------------

    def code(self, text: str, limit: int = 4) -> CodingResult:
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS or limit < 1:
            return NO_MATCH
        choices = self.sectors.get(tuple(self.normaliser.tokens(text)))
        if choices:  # "the NHS": a sector of many jobs asks which (index.sectors)
            share = 1 / (len(choices) + 1)
            return CodingResult(
                [Candidate(soc, self.titles[soc], share, text) for soc in choices[:limit]], True
            )
        ranked = self.raw_scores(text)
        return calibration.decide(ranked, self.titles, limit)

    def names_sector(self, text: str) -> bool:
        """Whether the words are only a sector of many jobs ("the NHS"): index.sectors."""
        return tuple(self.normaliser.tokens(text)) in self.sectors

    def raw_scores(self, text: str) -> list[Scored]:
        """Codes with their raw scores, best first; the calibration's input. Codes of a title
        spelt like the query come before codes of titles that only share words with it, so a
        bare "teacher" offers the kinds of teacher, not "teaching assistant"."""
        surface = self.normaliser.tokens(text)[:MAX_TOKENS]
        if not surface:
            return []
        # soc -> (exact, score, phrase, open, resemblance, lacks the job word)
        best: dict[int, tuple[bool, float, str, bool, float, bool]] = {}
        for variant in self._variants(surface):
            for key_id, sim, exact, resemblance, lacks in self._similar_keys(variant, surface):
                for soc, code_strength, phrase, needs_qualifier in self.codes[key_id]:
                    found = (
                        exact,
                        sim * code_strength,
                        phrase,
                        exact and needs_qualifier,
                        resemblance * code_strength,
                        lacks,
                    )
                    held = best.get(soc)
                    if held is None or found[:2] > held[:2]:
                        best[soc] = found
        ranked = sorted(best.items(), key=lambda item: item[1][:2], reverse=True)
        return [
            Scored(soc, score, phrase, exact, open_, resemblance, lacks)
            for soc, (exact, score, phrase, open_, resemblance, lacks) in ranked
        ]

    # -- steps ----------------------------------------------------------------------------

    def _known(self, word: str) -> bool:
        return self.normaliser.lemma(word) in self.normaliser.vocab

    def _resolve(self, word: str) -> list[list[Token]]:
        """A query word -> what it may stand for: itself if known, else its split into two known
        words and its closest known words (each weighted by closeness), else nothing known."""
        if word in self.normaliser.vocab:
            return [[(word, 1.0)]]
        found = self.corrections.get(word)
        if found is None:
            found = self._split(word) + self._closest(word) or [[(word, 0.0)]]
            if len(self.corrections) > 100_000:
                self.corrections.clear()
            self.corrections[word] = found
        return found

    def _split(self, word: str) -> list[list[Token]]:
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if self._known(head) and self._known(tail):
                return [[(self.normaliser.lemma(head), 1.0), (self.normaliser.lemma(tail), 1.0)]]
        return []

    def _closest(self, word: str) -> list[list[Token]]:
        """Up to CORRECTIONS index words close to `word`, best first by a noisy-channel score:
        closeness plus how common the word is in English ("soilder" -> "soldier", not "solder").
        A common English word outside the index ("degree") is kept as it is unless a correction
        beats it on the same score. The phrase around the word picks among the corrections
        ("polise officer" -> "police officer")."""
        if len(word) < MIN_TYPO_LEN or not word.isalpha():
            return []
        cutoff = 80 if len(word) <= 5 else 75
        found = process.extract(
            word, self.near_length(len(word)), scorer=fuzz.ratio, score_cutoff=cutoff, limit=10
        )
        as_is = self.logprob.get(word)
        floor = -math.inf if as_is is None else CHANNEL_WEIGHT + as_is
        channel = {
            form: CHANNEL_WEIGHT * score / 100 + self.logprob.get(form, RARE_LOGPROB) + INDEX_PRIOR
            for form, score, _ in found
        }
        # The closest spelling always gets a reading; the channel score picks the others.
        closest = max(found, key=lambda f: (f[1], channel[f[0]]), default=None)
        ranked = ([closest] if closest else []) + sorted(found, key=lambda f: -channel[f[0]])
        out: list[list[Token]] = []
        for form, score, _ in ranked:
            lemma = self.normaliser.lemma(form)
            if channel[form] > floor and lemma not in (alt[0][0] for alt in out):
                out.append([(lemma, score / 100)])
            if len(out) == CORRECTIONS:
                break
        return out

    def _variants(self, surface: list[str]) -> list[list[Token]]:
        """Every combination of the words' readings (at most MAX_VARIANTS), each also with any
        pair of neighbours that forms a known word joined ("hair dresser" -> "hairdresser")."""
        readings: list[list[Token]] = [[]]
        for word in surface:
            readings = [r + alt for r in readings for alt in self._resolve(word)][:MAX_VARIANTS]
        variants = list(readings)
        for tokens in readings:
            for i in range(len(tokens) - 1):
                pair = tokens[i][0] + tokens[i + 1][0]
                if self._known(pair):
                    conf = min(tokens[i][1], tokens[i + 1][1]) or 1.0
                    variants.append(tokens[:i] + [(self.normaliser.lemma(pair), conf)] + tokens[i + 2 :])
        return variants

    def _similar_keys(
        self, tokens: Sequence[Token], surface: list[str]
    ) -> list[tuple[int, float, bool, float, bool]]:
        """(key, similarity, spelt like the query?, similarity before the workplace rule, lacks
        the query's job word?) for the keys most similar to `tokens`."""
        weights: dict[str, float] = {}
        for t, conf in tokens:
            if conf > 0:
                weights[t] = max(weights.get(t, 0.0), self.idf[t] * conf)
        if not weights:
            return []
        unknown = sum(1 for _, conf in tokens if conf == 0)
        query_mass = sum(self.idf[t] for t in weights) + UNKNOWN_IDF * unknown
        last = tokens[-1][0]
        job_word = last if len(weights) > 1 and last in self.job_words else None
        # Overlap by walking postings: a word in few titles adds its weight to each of them; a
        # common word (postings cut to the shortest titles) adds candidates, and its weight is
        # then added to every candidate that contains it.
        overlap: dict[int, float] = defaultdict(float)
        common = [(t, w) for t, w in weights.items() if t in self.common_words]
        for t, w in weights.items():
            if t not in self.common_words:
                for k in self.postings[t]:
                    overlap[k] += w
        for t, _ in common:
            for k in self.postings[t]:
                overlap[k] += 0.0
        exact = {
            lookup[text]
            for lookup, text in (
                (self.exact, " ".join(weights)),
                (self.sorted_keys, " ".join(sorted(weights))),
            )
            if text in lookup
        }
        for k in exact:
            overlap[k] += 0.0
        for t, w in common:
            for k in overlap:
                if t in self.key_tokens[k]:
                    overlap[k] += w
        mass, heads, key_tokens = self.mass, self.heads, self.key_tokens
        scored = []
        for k, shared in overlap.items():
            coverage = shared / mass[k]
            sim = (shared / query_mass) * (math.sqrt(coverage) if coverage < 1.0 else 1.0)
            scored.append((k, sim if heads[k] in weights else sim * HEAD_MISSING))
        query_text = " ".join(surface)
        ratio = fuzz.token_sort_ratio
        found = []
        for k, sim in heapq.nlargest(FUZZY_KEYS, scored, key=lambda s: s[1]):
            if k in self.workplace_keys and not key_tokens[k] - {"manager"} <= weights.keys():
                continue  # part of a workplace's name is not the workplace: "king" is not Burger King
            sim *= 1 - RATIO_SHARE + RATIO_SHARE * ratio(query_text, self.keys[k]) / 100
            lacks = job_word is not None and job_word not in key_tokens[k]
            elsewhere = lacks and k in self.workplace_keys
            found.append((k, sim * JOB_ELSEWHERE if elsewhere else sim, k in exact, sim, lacks))
        return found
