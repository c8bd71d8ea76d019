"""Jobs listed without commas ("compare nurses doctors and paramedics"): the NLU tags
"nurses doctors" as one job, which codes to one of them and loses the other."""

from __future__ import annotations

from .matcher import SocCoder


def split_listed_jobs(coder: SocCoder, phrase: str) -> list[str]:
    """The phrase's words as separate jobs when each word alone is a job title the coder is sure
    of (its matched title is the word itself: "Nurse", "Doctor"), the titles differ, and the
    whole phrase names nothing more than one of them; otherwise the phrase as it is. "Vet
    nurses" stays whole (veterinary nurses), "police officers" too ("officers" alone is unsure),
    and "pastry chefs" ("pastry" alone is unsure)."""
    words = phrase.split()
    if len(words) < 2:
        return [phrase]
    socs = []
    for word in words:
        result = coder.code(word, limit=1)
        best = result.candidates[0] if result.candidates else None
        if (
            best is None
            or result.ambiguous
            or best.matched.lower() not in (word.lower(), word.lower().rstrip("s"))
        ):
            return [phrase]
        socs.append(best.soc)
    whole = coder.code(phrase, limit=1).candidates
    if len(set(socs)) < len(words) or (whole and whole[0].soc not in socs):
        return [phrase]
    return words
