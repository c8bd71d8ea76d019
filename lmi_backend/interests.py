"""What a young person likes or is good at ("I'm good at maths", "jobs with computers") -> the
O*NET ratings that measure it, so jobs can be ranked by how much they use it.

O*NET rates every occupation on 33 knowledge areas, by how important each is (1-5) and the level
needed (0-7); lmi_backend/estimates/profiles.py has turned the ratings into UK unit-group
profiles. Jobs are ranked by importance x level: how much and how deeply a job uses it. The
words below are ours, the ratings are O*NET's. Only areas whose rankings read right to an
adviser are listed: "foreign language" ranks security guards first, and O*NET's "realistic"
interest type (hands-on work) coal mine operatives, so neither is here. Things O*NET does not
rate (animals, sport, cars) are not here either: the SOC coder finds jobs for them by title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Interest:
    name: str  # as the reply says it: "Jobs for someone who likes {name}"
    elements: tuple[str, ...]  # O*NET knowledge element ids, averaged when more than one
    words: str  # a regular expression over the user's lower-case words


INTERESTS = (
    Interest("maths", ("2.C.4.a",), r"maths?|mathematics|numbers|algebra|statistics"),
    Interest("science", ("2.C.4.b", "2.C.4.c", "2.C.4.d"), r"science|sciences|scientific"),
    Interest("biology", ("2.C.4.d",), r"biology"),
    Interest("chemistry", ("2.C.4.c",), r"chemistry"),
    Interest("physics", ("2.C.4.b",), r"physics"),
    Interest(
        "computers", ("2.C.3.a",), r"computers?|computing|coding|programming|tech|technology|electronics"
    ),
    Interest(
        "art and design", ("2.C.7.c", "2.C.3.c"), r"art|arts|drawing|painting|design|designing|creative"
    ),
    Interest(
        "music and performing", ("2.C.7.c",), r"music|singing|drama|acting|dance|dancing|theatre|performing"
    ),
    Interest("English and writing", ("2.C.7.a",), r"english|writing|reading|books|literature"),
    Interest("history", ("2.C.7.d",), r"history"),
    Interest("geography", ("2.C.4.g",), r"geography"),
    Interest("psychology", ("2.C.4.e",), r"psychology|how people think"),
    Interest("teaching", ("2.C.6",), r"teaching|teach|training people"),
    Interest("business and finance", ("2.C.1.c",), r"business|finance|accounting|accounts|economics"),
    Interest("selling", ("2.C.1.d",), r"selling|sales|marketing"),
    Interest("law", ("2.C.8.b",), r"law|legal"),
    Interest("keeping people safe", ("2.C.8.a",), r"keeping people safe|security|safety"),
    Interest("health and medicine", ("2.C.5.a",), r"medicine|medical|health|healthcare"),
    Interest("building", ("2.C.3.d",), r"building|construction"),
    Interest("engineering", ("2.C.3.b",), r"engineering"),
    Interest(
        "fixing machines", ("2.C.3.e",), r"fixing things|machines|machinery|engines|mechanics|mechanical"
    ),
    Interest("cooking and food", ("2.C.2.b",), r"cooking|food|baking"),
    # therapy and counselling with customer and personal service: therapists, doctors, social
    # workers, youth workers (O*NET's "social" interest type ranks teachers and driving instructors)
    Interest(
        "helping people",
        ("2.C.5.b", "2.C.1.e"),
        r"helping people|help people|helping others|caring|looking after people|with people",
    ),
)

_PATTERNS = [(interest, re.compile(rf"\b(?:{interest.words})\b")) for interest in INTERESTS]


def find_interest(words: str) -> Interest | None:
    """The interest the words name; of several ("maths and computers"), the longest match,
    then the one listed first."""
    text = " ".join(words.lower().split())
    found = [
        (match.end() - match.start(), -index, interest)
        for index, (interest, pattern) in enumerate(_PATTERNS)
        for match in [pattern.search(text)]
        if match
    ]
    return max(found, key=lambda f: f[:2])[2] if found else None
