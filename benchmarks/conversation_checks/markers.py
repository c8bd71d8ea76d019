"""The words by which the checks recognise what a reply does: the topic it answers, a fallback,
an estimate, a place, a sex, a work pattern, the phrases that must never appear.

Declared once, here. They are deliberately loose (a topic is recognised by what any honest
wording of its answer must contain: a pound figure for pay, "hours ... a week" for hours), so
that rewording the replies does not break the checks, while a reply that answers another topic
cannot pass.
"""

from __future__ import annotations

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# --- topics --------------------------------------------------------------------------------
# A reply answers a topic when its marker matches. Topics whose markers also show up in other
# answers (a comparison lists pay and hours) say so in COMPATIBLE.
TOPICS: dict[str, re.Pattern[str]] = {
    "pay": _any(r"£\s?\d"),
    "hours": _any(r"\b\d+(?:\.\d+)?\s*(?:paid\s+)?hours?\b[^.£]{0,30}\b(?:a|per|each) week\b"),
    "outlook": _any(
        r"\blikely to (?:grow|shrink|fall|rise|stay)",
        r"\b(?:grow|shrink|fall|rise)s? by\b",
        r"\bprojected\b",
        r"\bforecasts?\b",
        r"\bwill be needed\b",
        r"\bpeople needed\b",
        r"\bfuture jobs\b",
    ),
    "employment": _any(
        r"\b\d[\d,.]*\s*(?:thousand|million)?\s*people\b[^.£]{0,30}\b(?:work|working|employed|do (?:this|the|that) job)",
        r"\b\d[\d,.]*\s*(?:thousand|million)?\s*(?:workers|jobs) in (?:the|this) (?:UK|job)\b",
    ),
    "vacancies": _any(r"\bopen jobs\b", r"\bvacanc", r"\bjobs going\b", r"\bhard to fill\b"),
    "skills": _any(r"\bskills?\b"),
    "description": _any(r"\bday to day\b", r"\bdo:", r"\binvolves?\b", r"\bthey (?:\w+ ){0,3}(?:and|or)\b"),
    "entry_routes": _any(
        r"\bgetting in\b",
        r"\bget in(?:to)?\b",
        r"\bGCSEs?\b",
        r"\bA[- ]levels?\b",
        r"\bdegree\b",
        r"\bqualifications?\b",
        r"\bapprenticeships?\b",
        r"\btraining\b",
    ),
    "apprenticeships": _any(r"\bapprenticeships?\b"),
    "compare": _any(r"\bcompare", r"•[^\n]*\n•"),
    "best_paid": _any(
        r"\bbest[- ]paid\b", r"\bhighest[- ]paid\b", r"\bpay (?:the )?most\b", r"\btop[- ]paying\b"
    ),
    "growing": _any(r"\bgrow"),
    "similar": _any(r"\bsimilar\b", r"\ba bit like\b", r"\bclose to\b", r"\blike (?:being )?an? "),
    "interest": _any(r"\bjobs?\b"),
    "graduates": _any(r"\bgraduat"),
    "sources": _any(r"\bONS\b", r"\bsurvey\b", r"\bsource", r"\bASHE\b"),
    "adviser": _any(r"\bcareers? (?:adviser|advisor|service)\b", r"\b0800\b"),
    "crisis": _any(r"\bChildline\b", r"\bSamaritans\b", r"\b116 123\b", r"\b0800 1111\b"),
    "chitchat": _any(r"\S"),  # greetings, thanks, bye: any words; the other checks do the work
    # the data cannot answer: said plainly
    "no_data": _any(
        r"\b(?:do not|don't|doesn't|does not|can't|cannot|can not) (?:have|give|tell|say|show|measure|cover"
        r"|publish|work out|calculate|judge|answer)",
        r"\bno (?:reliable |published |official )?(?:figures?|data|source|numbers?|statistics)\b",
        r"\bnot (?:published|measured|in my (?:figures|data|sources))\b",
        r"\bno source\b",
        r"\bnobody publishes\b",
        r"\bisn't (?:published|measured)\b",
    ),
    "out_of_scope": _any(r"\bjobs?\b", r"\bcareers?\b"),  # steers back to jobs
}
# topics whose answers may also carry another topic's marker
COMPATIBLE: dict[str, set[str]] = {
    "compare": {"pay", "hours", "outlook"},
    "best_paid": {"pay"},
    "growing": {"outlook"},
    "pay": {"no_data"},  # "no figure for part-timers here, so ..." with a figure
    "graduates": {"pay"},  # graduates' pay by subject is a pay figure
}
# answers of these topics must not turn up where another topic was asked (pay figures in an
# answer about unemployment, a pay answer to "how many hours")
EXCLUSIVE = ("pay", "hours", "outlook", "employment", "vacancies")

# --- what a reply says about its figure ---------------------------------------------------
ESTIMATE = _any(r"\bestimat")
# a figure worked out from others (weekly pay from yearly pay, hours from pay), said so
DERIVED = _any(r"\bestimat", r"\bworked out\b", r"\bderived\b", r"\bcalculated\b")
# a sentence that says something was changed from what was asked
FALLBACK = _any(
    r"\binstead\b",
    r"\brather than\b",
    r"\bnot available\b",
    r"\bisn't available\b",
    r"\bso (?:here's|here is|these are|this is)\b",
    r"\bno (?:reliable )?figure\b",
    r"\btoo few\b",
    r"\bwider group\b",
    r"\bnearest\b",
    r"\bcan't (?:give|split|break)\b",
    r"\bnot (?:split|broken down)\b",
)
# no figure at all, said plainly (a figure check may accept this when the cell is empty)
NO_FIGURE = TOPICS["no_data"]

# the dimensions a fallback or a headline can be about
DIMENSIONS: dict[str, re.Pattern[str]] = {
    "age": _any(r"\bages?\b", r"\baged\b", r"\byear[- ]?olds?\b", r"\bat \d\d\b", r"\bunder[- ]\d\d"),
    "qualification": _any(
        r"\bqualifications?\b",
        r"\bdegrees?\b",
        r"\bA[- ]levels?\b",
        r"\bGCSEs?\b",
        r"\bBTECs?\b",
        r"\bNVQs?\b",
        r"\bhigher education\b",
        r"\bmaster'?s\b",
        r"\bdoctorate\b",
    ),
    "pattern": _any(r"\bpart[- ]?time(?:rs)?\b", r"\bfull[- ]?time(?:rs)?\b", r"\bself[- ]employed\b"),
    "sex": _any(r"\bwomen\b", r"\bmen\b", r"\bfemales?\b", r"\bmales?\b", r"\bgirls\b", r"\bboys\b"),
}
SEX_WORDS = {
    "women": _any(r"\bwomen\b", r"\bfemales?\b", r"\bgirls\b", r"\bwoman\b"),
    "men": _any(r"\bmen\b", r"\bmales?\b", r"\bboys\b", r"\bman\b"),
}
PATTERN_WORDS = {
    "part-time": _any(r"\bpart[- ]?time(?:rs)?\b"),
    "full-time": _any(r"\bfull[- ]?time(?:rs)?\b"),
    "self-employed": _any(r"\bself[- ]employed\b", r"\bwork for themselves\b"),
}
# the headline's qualifier of age or qualification ("at age 17", "with A levels")
PERSONAL = {
    "age": _any(r"\bat age \d", r"\baged \d", r"\b\d\d[- ]year[- ]olds?\b", r"\bat \d\d\b"),
    "qualification": _any(
        r"\bwith (?:an? )?(?:degree|master|doctorate|A[- ]levels?|GCSEs?|higher education|foundation"
        r"|no qualifications|other qualifications|BTEC|NVQ)",
        r"\bwho have (?:an? )?(?:degree|A[- ]levels?|GCSEs?)",
    ),
}

# --- places ---------------------------------------------------------------------------------
PLACES: dict[str, re.Pattern[str]] = {
    "UK": _any(r"\bUK\b", r"\bUnited Kingdom\b", r"\bBritain\b"),
    "England": _any(r"(?<!of )\bEngland\b"),
    "London": _any(r"\bLondon\b"),
    "South East": _any(r"\bSouth[- ]East\b"),
    "East of England": _any(r"\bEast of England\b", r"\bthe East\b(?! Midlands)"),
    "South West": _any(r"\bSouth[- ]West\b"),
    "West Midlands": _any(r"\bWest Midlands\b"),
    "East Midlands": _any(r"\bEast Midlands\b"),
    "Yorkshire and the Humber": _any(r"\bYorkshire\b"),
    "North West": _any(r"\bNorth[- ]West\b"),
    "North East": _any(r"\bNorth[- ]East\b"),
    "Wales": _any(r"\bWales\b"),
    "Scotland": _any(r"\bScotland\b"),
    "Northern Ireland": _any(r"\bNorthern Ireland\b"),
}
REGION_NAMES = tuple(p for p in PLACES if p not in ("UK", "England"))

# --- never in any reply ---------------------------------------------------------------------
# "people with a degree instead of people with a degree": a fallback that changed nothing
SAME_INSTEAD = re.compile(
    r"\b(\w[\w',/ -]{2,80}?)\s+(?:instead of|rather than)\s+(?:for\s+)?\1\b", re.IGNORECASE
)
FORBIDDEN: dict[str, re.Pattern[str]] = {
    "stack trace": _any(r"Traceback \(most recent call last\)", r'\bFile "[^"]+", line \d+', r"\b\w+Error:"),
    "went wrong": _any(r"\bsomething went wrong\b"),
    "not sure fallback": _any(r"\bSorry, I'?m not sure\b"),
    "did not get it": _any(r"\bI didn't get that\b", r"\bI still don't get it\b"),
    "template left": _any(
        r"\{[a-z_]+\}",
        r"\b(?:about|is|in|of|for|from|to)\s+(?:None|nan)\b",
        r"£\s?(?:None|nan)\b",
        r"\b(?:None|nan)\s+(?:a year|an hour|a week|hours|people|jobs)\b",
    ),
}
