"""What a young person says about themselves, turned into the codes the service takes.

"im 17", "got my gcses", "just part time" -> age 17, RQF9 code 7, status 2. The Rasa NLU tags
the words; these parsers turn the tagged words (or, as a back-up, the whole message) into codes.
They are here rather than in the bot because any front end asking the same questions needs them.
"""
from __future__ import annotations

import re

# LMI for All RQF9 qualification codes (dimension table `qualification`, scheme rqf9) and how the
# bot names them back to the user.
QUALIFICATION_NAMES: dict[int, str] = {
    1: "a doctorate", 2: "a master's degree", 3: "a degree", 4: "a foundation degree or HND",
    5: "an HNC or higher education certificate", 6: "A levels or similar", 7: "GCSEs (grades 4 to 9)",
    8: "GCSEs below grade 4", 9: "no qualifications",
}
# status dimension codes the service takes for work pattern
FULL_TIME, PART_TIME, SELF_EMPLOYED = 1, 2, 3
WORK_PATTERN_NAMES = {FULL_TIME: "full-time", PART_TIME: "part-time", SELF_EMPLOYED: "self-employed"}

MIN_AGE, MAX_AGE = 13, 70

_NUMBER_WORDS = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty one": 21, "twenty two": 22,
    "twenty three": 23, "twenty four": 24, "twenty five": 25,
}
_AGE_IN_TEXT = re.compile(
    r"\b(?:i'?m|i am|im|age|aged|turning|turned|am)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?(\d{2})\b"
    r"|\b(\d{2})\s*(?:yo|y/o|y\.o\.|yrs?|years?)(?:\s*old)?\b")

# RQF "level N" -> RQF9 code (level 8 doctorate = 1 ... level 1 = 8)
_LEVEL_TO_CODE = {8: 1, 7: 2, 6: 3, 5: 4, 4: 5, 3: 6, 2: 7, 1: 8}
_NONE = re.compile(
    r"\b(?:no|without|dont have|don't have|do not have|havent got|haven't got|not got|zero)\b"
    r"[\w\s]{0,12}\b(?:gcses?|quals?|qualifications?|exams?|grades)\b|\bnothing\b|\bno quals?\b")
_FAILED = re.compile(r"\b(?:failed|flopped|bombed|didn'?t pass|did not pass)\b[\w\s]{0,10}\b(?:gcses?|exams?)\b"
                     r"|\bgcses?\b[\w\s]{0,10}\b(?:failed|below (?:a )?(?:c|4))\b")
_LEVEL = re.compile(r"\blevel\s*([1-8])\b|\bl([1-8])\b|\bnvq\s*([1-5])\b")
_QUALIFICATION_PATTERNS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"\b(?:phd|ph\.d|doctorate|dphil)\b"), 1),
    (re.compile(r"\b(?:masters?|master's|msc|mba|postgrad\w*)\b"), 2),
    (re.compile(r"\bfoundation degree\b|\bhnd\b"), 4),
    (re.compile(r"\bhnc\b|\bcert(?:ificate)? ?he\b"), 5),
    (re.compile(r"\b(?:degree|bachelors?|bachelor's|ba|bsc|beng|graduated?|grad)\b"), 3),
    (re.compile(r"\b(?:a[\s-]?levels?|alevels?|a lvls?|btecs?|t[\s-]?levels?|highers?|ib|"
                r"access course|sixth form|6th form|college diploma)\b"), 6),
    (re.compile(r"\b(?:gcses?|gcse's|gsces?|gcsc|national 5s?|nat ?5s?|n5s?)\b"), 7),
]

_PART_TIME = re.compile(r"\bpart[\s-]?time\b|\bpartime\b|\bpart tme\b|\bpt\b|\bsaturday job\b|\bweekend job\b|"
                        r"\bpart[\s-]?timer?s?\b")
_FULL_TIME = re.compile(r"\bfull[\s-]?time\b|\bfulltime\b|\bft\b|\bfull tme\b")
_SELF_EMPLOYED = re.compile(r"\bself[\s-]?employed\b|\bfreelanc\w*\b|\bmy own boss\b|\bown business\b|"
                            r"\bwork for myself\b|\bsole trader\b")


# pay by the hour ("per hour", "an hour", "hourly", "p/h"), not hours worked ("how many hours")
_HOURLY_RATE = re.compile(r"\b(?:per|an|a|each|by the|every)\s+h(?:ou)?r\b|\bhourly\b|\bp/?h\b|/\s?h(?:ou)?r\b")


_MONTHLY = re.compile(r"\b(?:a|per|each|every|by the)\s+month\b|\bmonthly\b|\bpcm\b|\bp/?m\b")
_TAX = re.compile(r"\btax(?:ed|es)?\b|\btake[\s-]?home\b|\bnet (?:pay|salary|wage)\b|\bin (?:my|your|their) "
                  r"(?:pocket|hand)\b|\bafter (?:tax|deductions)\b")


def asks_monthly(text: str) -> bool:
    """"How much a month?": young people budget by the month; no source publishes it."""
    return bool(_MONTHLY.search(_clean(text)))


def asks_about_tax(text: str) -> bool:
    """"How much is that after tax?": the figures are before tax and take-home pay is not worked out."""
    return bool(_TAX.search(_clean(text)))


def asks_hourly_rate(text: str) -> bool:
    """"whats that per hour", "how much an hour": pay by the hour rather than by the year."""
    return bool(_HOURLY_RATE.search(_clean(text)))


# a judgement of pay rather than the figure: "is that good money", "is it well paid", "is that a lot"
_JUDGES_PAY = re.compile(
    r"\b(?:good|decent|bad|ok|okay|poor|low|high)\s+(?:money|pay|wages?|salary|salaries)\b|"
    r"\b(?:well|badly|poorly|good|low|high)[\s-]paid\b|"
    r"\b(?:is|isn't|is not|are)\s+(?:that|it|this|they|those)\s+(?:a lot|much|loads|good|bad|low|high|decent|ok|okay|enough)\b|"
    r"\b(?:pay|wages?|salary|money)\s+(?:is\s+)?(?:good|decent|bad|ok|okay|low|high)\b|"
    r"\bpays?\s+(?:well|badly|ok|okay|good)\b|"
    r"\b(?:more|less)\s+than\s+(?:the\s+)?(?:average|most|normal|usual)\b|"
    r"\b(?:average|normal|typical)\s+(?:pay|wage|salary)\b|\bcompared (?:to|with) (?:other|most|the average|all)\b")


def asks_if_pay_is_good(text: str) -> bool:
    """"is that good money?", "is it well paid": the figure alone does not say; pay for all jobs
    in the same place does."""
    return bool(_JUDGES_PAY.search(_clean(text)))


# how a job feels, which no source measures: "is nursing stressful", "is it boring"
_FEELING = re.compile(r"\b(stressful|stress(?:ed|y)?|dangerous|risky|boring|fun|enjoyable|hard|difficult|"
                      r"tiring|exhausting|rewarding|satisfying|lonely|scary|easy)\b")
# when the hours fall, which no source counts: "do nurses work weekends", "is it shift work"
_SCHEDULE = re.compile(r"\b(weekend|night shift|shift work|night|shift|evening|bank holiday|early morning|holiday)s?\b|"
                       r"\b(christmas|unsociable hours|on call|9 ?(?:to|-) ?5|nine to five)\b|\b(?:work|working|stay) (late)\b")
# pay when starting out, which no source has: "starting salary", "when they start", "newly qualified"
_STARTING = re.compile(r"\bstart(?:ing|s|ed)?\b|\bstarters?\b|\bnewly qualified\b|\bjust qualified\b|"
                       r"\bfirst (?:year|job)\b|\bentry[\s-]level\b|\bjuniors?\b|\btrainees?\b|"
                       r"\bnew (?:to the job|in the job|ones?)\b|\bnew (?!york|zealand)\w+s\b|\bbeginners?\b")


# which school subjects to choose: "what gcses should i take", "which subjects are best for nursing"
_SUBJECTS = re.compile(r"\b(?:what|which)\s+(?:gcses?|a[\s-]?levels?|subjects?|options|highers)\b|"
                       r"\b(?:subjects?|options)\b[\w\s']{0,20}\b(?:take|pick|choose|study|good for|best)\b")


def asks_subjects(text: str) -> bool:
    """"What GCSEs should I take to be a vet?": which subjects, not whether exams are needed."""
    return bool(_SUBJECTS.search(_clean(text)))


_DURATION = re.compile(r"\bhow long\b|\bhow many years\b|\bhow much time\b|\bhow quick(?:ly)?\b|\bhow fast\b")


def asks_duration(text: str) -> bool:
    """"How long does it take to become a vet?": no source gives training times for jobs; the
    apprenticeships linked to a job have theirs."""
    return bool(_DURATION.search(_clean(text)))


def asked_feeling(text: str) -> str | None:
    """"Is being a nurse stressful?": the word asked about (stressed -> stressful), so the
    reply can say plainly that the data cannot answer it and offer what the job involves."""
    match = _FEELING.search(_clean(text))
    if not match:
        return None
    word = match.group(1)
    return "stressful" if word.startswith("stress") else word


def asked_schedule(text: str) -> str | None:
    """"Do nurses work weekends?": when in the week, which the hours figures cannot say."""
    match = _SCHEDULE.search(_clean(text))
    if not match:
        return None
    if match.group(3):
        return "working late"
    return match.group(2) or (match.group(1) if match.group(1) == "shift work" else match.group(1) + "s")


# pay of everyone, not one job: "what's the average salary in the UK?", "average wage overall"
_AVERAGE_PAY = re.compile(r"\b(?:average|typical|normal|median|usual|mean)\s+(?:uk\s+|british\s+)?"
                          r"(?:salary|salaries|pay|wages?|income|earnings)\b")
_EVERYONE = re.compile(r"\b(?:uk|britain|in general|overall|across|everyone|everybody|all jobs|for all|"
                       r"in (?:the )?(?:country|uk|[a-z]+ (?:england|scotland|wales|ireland)))\b")


def asks_pay_of_all_jobs(text: str, job_in_context: bool) -> bool:
    """"What's the average salary in the UK?": all jobs' middle pay. With a job already being
    talked about, "what's the average salary?" still means that job's, so only words about
    everyone ("in the UK", "overall") make it all jobs then."""
    text = _clean(text)
    return bool(_AVERAGE_PAY.search(text)) and (not job_in_context or bool(_EVERYONE.search(text)))


_APPRENTICE = re.compile(r"\bapprentice(?:s|ship|ships)?\b")


def asks_apprentice_pay(text: str) -> bool:
    """"How much do apprentices get paid?": a pay question about apprentices, whose pay no
    source here has (and which is not the lower end of qualified workers' pay)."""
    return bool(_APPRENTICE.search(_clean(text)))


def asks_starting_pay(text: str) -> bool:
    """"What do they earn when they start?": no source has starting pay, but the spread of pay
    does say where the lower end is."""
    return bool(_STARTING.search(_clean(text)))


def _clean(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def parse_age(text: str, *, tagged: bool = False) -> int | None:
    """An age in years, or None. `tagged`: the NLU already said the words are an age ("17",
    "seventeen"), so a bare number counts; in a whole message only "im 17" / "17 years old" do,
    so "£17" or "17 hours" are never read as ages."""
    text = _clean(text)
    if tagged:
        digits = re.search(r"\d{1,2}", text)
        value = int(digits.group()) if digits else next(
            (n for w, n in sorted(_NUMBER_WORDS.items(), key=lambda kv: -len(kv[0])) if w in text), None)
    else:
        match = _AGE_IN_TEXT.search(text)
        value = int(match.group(1) or match.group(2)) if match else None
    return value if value is not None and MIN_AGE <= value <= MAX_AGE else None


def parse_qualification(text: str) -> int | None:
    """Highest qualification mentioned, as an RQF9 code; None when nothing is recognised."""
    text = _clean(text)
    if _FAILED.search(text):
        return 8
    if _NONE.search(text):
        return 9
    level = _LEVEL.search(text)
    if level:
        number = int(next(g for g in level.groups() if g))
        return _LEVEL_TO_CODE.get(number)
    for pattern, code in _QUALIFICATION_PATTERNS:
        if pattern.search(text):
            return code
    return None


# "do I need to go to uni?": asks whether a degree is needed (not used for what the user has:
# "I'm at uni" does not mean they have a degree)
_UNIVERSITY = re.compile(r"\b(?:uni|university)\b")
DEGREE = 3  # RQF9 bachelors degree


# "without a degree", "don't need to go to uni", "no degree": a degree ruled out, not named
_WITHOUT_DEGREE = re.compile(r"\b(?:no|without|dont|don't|do not|not|never|havent|haven't|skip|skipping|avoid)\b"
                             r"[\w\s']{0,16}?\b(?:degrees?|uni|university)\b")


def rules_out_degree(text: str) -> bool:
    """"What jobs pay well without a degree?": the degree is what the user does not want or
    have, so it is not their qualification, and a list of jobs leaves out degree jobs."""
    return bool(_WITHOUT_DEGREE.search(_clean(text)))


def asked_qualification(text: str) -> int | None:
    """The qualification a question asks about ("do I need a degree / A levels / to go to
    uni?"), as an RQF9 code; None when none is named."""
    named = parse_qualification(text)
    if named is None and _UNIVERSITY.search(_clean(text)):
        return DEGREE
    return named


def parse_work_pattern(text: str) -> int | None:
    """Status code: 1 full-time, 2 part-time, 3 self-employed; None when not said."""
    text = _clean(text)
    for pattern, code in ((_SELF_EMPLOYED, SELF_EMPLOYED), (_PART_TIME, PART_TIME), (_FULL_TIME, FULL_TIME)):
        if pattern.search(text):
            return code
    return None


# Words of a question that are not part of a job's name: what is left of "how much do plumbers
# earn in leeds" once these go is "plumbers". Used only when the NLU tagged no job.
_QUESTION_WORDS = set("""
a an the i im i'm me my u you ur your we they it its it's is are was be being been am do does did
doing done to of in on at for from with about as by into up out like what whats what's how hows
how's much many who which when where why can could would should will shall may might must
get gets getting got earn earns earning earned make makes making paid pay pays salary salaries
wage wages money income hours hour work works working worked job jobs career careers become
becoming into there their then than that this these those and or but so if any some more most
tell know want wanna gonna need needs please pls plz thanks thx hi hey hello yo ok okay
year years week weeks typically usually average avg normally roughly per a-year mean median
as being doing apprenticeship apprenticeships skills skill need qualifications training
future outlook demand vacancies vacancy openings prospects good bad better best worse
much lot lots really just also too very actually literally basically
live living lives moving move based near around from old btw only now still thinking think
interested idea ive i've been school college uni age aged mate bro fam innit lol idk tho though
women men woman man girls boys girl boy female male females males full part time fulltime parttime
market right moment nowadays today general
""".split())


def guess_job_phrase(text: str, drop: set[str] | frozenset[str] = frozenset()) -> str | None:
    """What may name a job in a message the NLU found no job in, or None. Strips the question
    words (and any place words passed in `drop`); returns 1-4 remaining words. The SOC coder
    still decides whether the words name a job at all."""
    words = [w for w in re.findall(r"[a-z][a-z'\-]*", _clean(text))
             if w not in _QUESTION_WORDS and w not in drop]
    return " ".join(words) if 0 < len(words) <= 4 else None
