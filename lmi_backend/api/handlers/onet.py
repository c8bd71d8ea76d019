"""o-net/* (and the older onet/* paths): links between UK unit groups and US O*NET occupations,
an O*NET occupation's skills (level scale) and interests (high-points and ratings), the reverse
match, and a unit group's skills ranked."""

from __future__ import annotations

import re

from ..endpoints import SOC_IN_PATH, ApiError, Call, Param, endpoint

ONET = "O*NET 29.3 (USDOL/ETA, CC BY 4.0)"
LINKS = f"the project's weighted SOC2010 to O*NET-SOC crosswalk (through ISCO-08) and {ONET}"
ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d")
MAX_CODES = 50
MATCH_DOMAINS = ("skills", "interests", "knowledge", "abilities")  # the order of `weights`
MATCH_LIMIT = 20
ONET_IN_PATH = Param("onetCode", "O*NET-SOC code", where="path", required=True, example="47-2152.00")


def onet_code(call: Call) -> str:
    code = (call.value("onetCode") or "").strip()
    if not ONET_CODE.fullmatch(code):
        raise ApiError("Please give an O*NET-SOC code such as 47-2152.00.")
    return code


def _ratings(call: Call, domain: str) -> list[tuple[str, dict]]:
    """(scale, rating) of an O*NET occupation we hold, else ApiError."""
    code = onet_code(call)
    result = call.service.onet_ratings(code, domain)
    if not result.soc_title:
        raise ApiError(f"{code} is not an O*NET-SOC code in O*NET 29.3.")
    return [(item["scale"], item) for item in result.items]


@endpoint(
    "/o-net/soc2onet/{soc}",
    "o-net",
    "The O*NET occupations linked to a UK unit group, strongest link first",
    params=(SOC_IN_PATH,),
    example="/o-net/soc2onet/5314",
    answers_from=LINKS,
)
def soc2onet(call: Call) -> dict:
    soc = call.soc()
    links = call.service.onet_links(soc).items
    return {
        "soc": soc,
        "onetCodes": [{"code": i["onet_code"], "title": i["title"], "weight": i["weight"]} for i in links],
    }


@endpoint(
    "/o-net/onet2soc",
    "o-net",
    "The UK unit groups linked to each O*NET occupation",
    params=(
        Param(
            "onetCodes", "O*NET-SOC codes, comma-separated", required=True, example="47-2152.00,11-1011.00"
        ),
    ),
    example="/o-net/onet2soc?onetCodes=47-2152.00,11-1011.00",
    answers_from=LINKS,
)
def onet2soc(call: Call) -> list[dict]:
    codes = call.listed("onetCodes")
    if not codes:
        raise ApiError("Please give onetCodes, e.g. onetCodes=47-2152.00,11-1011.00.")
    if len(codes) > MAX_CODES:
        raise ApiError(f"Please give at most {MAX_CODES} onetCodes.")
    answer = []
    for code in dict.fromkeys(codes):
        found = call.service.unit_groups_for_onet(code).items if ONET_CODE.fullmatch(code) else []
        answer.append({"onetCode": code, "socCodes": [{"soc": i["soc"], "title": i["title"]} for i in found]})
    return answer


@endpoint(
    "/o-net/skills/{onetCode}",
    "o-net",
    "An O*NET occupation's skills on O*NET's level scale (LV, 0-7)",
    params=(ONET_IN_PATH,),
    example="/o-net/skills/47-2152.00",
    answers_from=ONET,
)
def skills(call: Call) -> dict:
    rated = _ratings(call, "skills")
    listed = [
        {"id": i["element_id"], "name": i["name"], "value": i["value"]} for scale, i in rated if scale == "LV"
    ]
    # apps read the list inside the scale, or as `skills` beside it
    return {"onetCode": onet_code(call), "scales": [{"id": "LV", "skills": listed}], "skills": listed}


@endpoint(
    "/o-net/interests/{onetCode}",
    "o-net",
    "An O*NET occupation's interests: high-points (IH: 1-6 name the interest, 0 none), then "
    "ratings (OI, 1-7)",
    params=(ONET_IN_PATH,),
    example="/o-net/interests/47-2152.00",
    answers_from=ONET,
)
def interests(call: Call) -> dict:
    rated = _ratings(call, "interests")
    code = onet_code(call)
    scales = [
        {
            "id": wanted,
            "interests": [
                # a high-point names an interest (1-6, 0 none): a whole number
                {
                    "id": i["element_id"],
                    "name": i["name"],
                    "value": round(i["value"]) if wanted == "IH" else i["value"],
                }
                for scale, i in rated
                if scale == wanted
            ],
        }
        for wanted in ("IH", "OI")
    ]
    return {"onetcode": code, "onetCode": code, "scales": scales}


@endpoint(
    "/o-net/reversematch",
    "o-net",
    "O*NET occupations, with their likely UK unit groups, that rate highest on the skills, "
    "interests, knowledge or abilities chosen (O*NET element ids); weights: four numbers "
    "weighing skills, interests, knowledge and abilities",
    params=(
        Param("skills", "O*NET skill element ids, comma-separated", example="2.A.1.a,2.A.2.a"),
        Param("interests", "O*NET interest element ids", example="1.B.1.a"),
        Param("knowledge", "O*NET knowledge element ids", example="2.C.3.a"),
        Param("abilities", "O*NET ability element ids", example="1.A.1.a.1"),
        Param("weights", "weights of skills, interests, knowledge, abilities", example="100,100,100,100"),
    ),
    example="/o-net/reversematch?weights=100,100,100,100&skills=2.A.1.a,2.B.1.a&interests=1.B.1.d",
    answers_from=LINKS,
)
def reversematch(call: Call) -> dict:
    chosen = {domain: call.listed(domain)[:MAX_CODES] for domain in MATCH_DOMAINS}
    weights = dict.fromkeys(MATCH_DOMAINS, 1.0)
    given = [w.strip() for w in (call.value("weights") or "").split(",")]
    for domain, weight in zip(MATCH_DOMAINS, given):
        try:
            value = float(weight)
        except ValueError:
            continue
        if 0 <= value < 1e9:
            weights[domain] = value
    result = call.service.reverse_match(chosen, weights, MATCH_LIMIT)
    return {
        "selection": {
            **{d: ids for d, ids in chosen.items() if ids},
            "weights": [weights[d] for d in MATCH_DOMAINS],
        },
        "results": [
            {
                "onetCode": i["onet_code"],
                "title": i["title"],
                "score": i["score"],
                "likely_soc_codes": i["socs"],
                "soc_titles": i["soc_titles"],
            }
            for i in result.items
        ],
    }


def _ranked(call: Call, scale: str, infotype: str) -> dict:
    soc = call.soc()
    items = call.service.skill_scores(soc, scale).items
    return {
        "soc": soc,
        "infotype": infotype,
        "skills": [{"name": i["name"], "score": i["value"], "rank": i["rank"]} for i in items],
    }


@endpoint(
    "/onet/importance/{soc}",
    "o-net",
    "2013 path: a unit group's skills ranked by importance (1-5), from its linked O*NET occupations",
    params=(SOC_IN_PATH,),
    example="/onet/importance/5314",
    answers_from=LINKS,
)
def importance(call: Call) -> dict:
    return _ranked(call, "IM", "importance")


@endpoint(
    "/onet/levels/{soc}",
    "o-net",
    "2013 path: a unit group's skills ranked by level (0-7), from its linked O*NET occupations",
    params=(SOC_IN_PATH,),
    example="/onet/levels/5314",
    answers_from=LINKS,
)
def levels(call: Call) -> dict:
    return _ranked(call, "LV", "levels")


@endpoint(
    "/onet/skills",
    "o-net",
    "2013 path: O*NET's skills, id and name",
    example="/onet/skills",
    answers_from=ONET,
)
def skill_list(call: Call) -> list[dict]:
    return [{"id": e, "name": name} for e, name in sorted(call.service.onet_elements("skills").items())]
