"""The offline spaCy pipeline that lemmatises job-title words at database-build time.

`spacy.blank("en")` with the lemmatizer in lookup mode, initialised from the spacy-lookups-data
package (a PyPI dependency, no model download). Lookup mode is a dictionary from word forms to
lemmas, so the build can export the part that matters -- every form whose lemma is a word of the
index -- and the coder answers with exactly spaCy's lemmas without importing spaCy at start-up.
The same package's English word probabilities tell a typo from a real word.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def pipeline():
    import spacy  # imported here: only the build needs it

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lemma_table(forms: Iterable[str]) -> dict[str, str]:
    """form -> lemma for each form spaCy's lookup table changes ("nurses" -> "nurse").

    Comparatives are left alone: in job titles "cleaner", "fitter" and "broker" are people, not
    "more clean", "more fit" or the past of "break", as the general-English table has them.
    The plural of an -ing noun gets its singular's lemma: the table maps "buildings" to
    "building" but "building" to "build", so "designs buildings" would not match "design
    building" (other two-step chains are wrong turns, such as "taxes" -> "taxis" -> "taxi")."""
    table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    out: dict[str, str] = {}
    for form in forms:
        lemma = table.get(form, form).lower()
        if lemma.endswith("ing") and lemma != form:
            lemma = table.get(lemma, lemma).lower()
        if lemma != form and lemma.isalnum() and not form.endswith(("er", "est")):
            out[form] = lemma
    return out


def inflections(word: str) -> list[str]:
    """Regular plural and verb forms of `word`, as candidates to look up ("fix" -> "fixes",
    "fixing", "fixed"): people write "fixes boilers" and "plumbers", the index "plumber"."""
    forms = [word + "s", word + "es", word + "ing", word + "ed", word + "d", word + "ren"]
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    if word.endswith("e"):
        forms.append(word[:-1] + "ing")
    if word.endswith("f"):
        forms.append(word[:-1] + "ves")
    if word.endswith("fe"):
        forms.append(word[:-2] + "ves")
    if word.endswith("man"):
        forms.append(word[:-3] + "men")
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms += [word + word[-1] + "ing", word + word[-1] + "ed"]
    return forms


def word_logprobs() -> dict[str, float]:
    """English word -> log probability (spacy-lookups-data's lexeme_prob table, from a large web
    corpus): how common a word is, for telling "degree" (a word) from "nurce" (a typo) and for
    preferring "soldier" to "solder" as the correction of "soilder"."""
    import srsly
    from spacy.util import registry

    path = Path(registry.lookups.get("en")["lexeme_prob"])
    gz = path.with_name(path.name + ".gz")
    return srsly.read_gzip_json(gz) if gz.exists() else srsly.read_json(path)
