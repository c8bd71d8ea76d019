"""Flesch reading ease, so tests can hold every reply to a reading level a 14-year-old manages.

FRE = 206.835 - 1.015 * words/sentences - 84.6 * syllables/words; 60-70 is "plain English"
(readable by 13-15 year olds). No package: a vowel-group syllable counter with the usual English
corrections is accurate enough for short replies, and numbers are counted as they are read aloud
("£31,200" is "thirty one thousand two hundred pounds"), so figures are not scored as free words.
"""

from __future__ import annotations

import re

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TOKEN = re.compile(r"£?\d[\d,]*(?:\.\d+)?%?|[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+|:\s*\n")
# endings where the vowel-group count is one too high or too low
_SUBTRACT = [
    re.compile(p)
    for p in (
        r"[^aeiouy]e$",
        r"[^aeiouy]es$",
        r"[^aeiouyt]ed$",
        r"^..?e$",
        r"[^aeiouy]e(?:ful|ly|ment|ness)$",
        # silent e inside compounds: something, homework, lifetime
        r"^(?:some|home|life|time|there|here|whole|fire|side|wide|"
        r"store|stone|base|game|note|safe|hope|love|make|take|like)"
        r"(?!(?:ful|ly|ment|ness|s|d|r|rs|st|n|ns)$)[^aeiouy][a-z]+",
    )
]
_ADD = [
    re.compile(p)
    for p in (r"[^aeiouy]le$", r"ia", r"io(?!u)", r"[aeiou]ing$", r"ism$", r"iet", r"[^aeiou]ea$")
]


def _integer_words(n: int) -> list[str]:
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (100, "hundred")):
        if n >= size:
            rest = n % size
            return _integer_words(n // size) + [name] + (_integer_words(rest) if rest else [])
    return []


def spoken(token: str) -> list[str]:
    """A number token as the words people say: "£14.50" -> fourteen pounds fifty."""
    words: list[str] = []
    digits = token.strip("£%").replace(",", "")
    whole, _, fraction = digits.partition(".")
    words += _integer_words(int(whole)) if whole else []
    if token.startswith("£"):
        words.append("pounds")
    if fraction:
        words += (
            _integer_words(int(fraction))
            if token.startswith("£")
            else ["point"] + [_ONES[int(d)] for d in fraction]
        )
    if token.endswith("%"):
        words += ["per", "cent"]
    return words


def syllables(word: str) -> int:
    word = word.lower().replace("’", "'").split("'")[0]
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    count = len(re.findall(r"[aeiouy]+", word))
    count -= sum(1 for p in _SUBTRACT if p.search(word))
    count += sum(1 for p in _ADD if p.search(word))
    return max(1, count)


def words(text: str) -> list[str]:
    """Words as read aloud (numbers spelled out)."""
    out: list[str] = []
    for token in _TOKEN.findall(text):
        out += spoken(token) if token[0] in "£0123456789" else [token]
    return out


def word_count(text: str) -> int:
    """Words as a reader sees them: a figure such as £31,200 is one word."""
    return len(_TOKEN.findall(text))


def sentence_count(text: str) -> int:
    parts = [p for p in _SENTENCE_END.split(text) if _TOKEN.search(p)]
    return max(1, len(parts))


def flesch_reading_ease(text: str) -> float:
    spoken_words = words(text)
    if not spoken_words:
        return 100.0
    n_words = len(spoken_words)
    n_syllables = sum(syllables(w) for w in spoken_words)
    return 206.835 - 1.015 * n_words / sentence_count(text) - 84.6 * n_syllables / n_words


def template_reading_ease(text: str, names: list[str]) -> float:
    """Reading ease of a reply's own wording: each name in `names` (job titles, places,
    apprenticeship titles: words the user asked about or will look up) counts as the one-syllable
    word "job", so a long official title does not hide how plain the sentence around it is."""
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        text = re.sub(re.escape(name), "job", text, flags=re.IGNORECASE)
    return flesch_reading_ease(text)
