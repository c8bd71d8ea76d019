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
    1: "a doctorate",
    2: "a master's degree",
    3: "a degree",
    4: "a foundation degree or HND",
    5: "an HNC or higher education certificate",
    6: "A levels or similar",
    7: "GCSEs (grades 4 to 9)",
    8: "GCSEs below grade 4",
    9: "no qualifications",
}
# status dimension codes the service takes for work pattern
FULL_TIME, PART_TIME, SELF_EMPLOYED = 1, 2, 3
WORK_PATTERN_NAMES = {FULL_TIME: "full-time", PART_TIME: "part-time", SELF_EMPLOYED: "self-employed"}

MIN_AGE, MAX_AGE = 13, 70

_NUMBER_WORDS = {
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "twenty one": 21,
    "twenty two": 22,
    "twenty three": 23,
    "twenty four": 24,
    "twenty five": 25,
}
_AGE_IN_TEXT = re.compile(
    r"\b(?:i'?m|i am|im|age|aged|turning|turned|am)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?(\d{2})\b"
    r"|\b(\d{2})\s*(?:yo|y/o|y\.o\.|yrs?|years?)(?:\s*old)?\b"
)
_UNDER_AGE = re.compile(r"\bunder[\s-]?(\d{2})s\b")  # "under 18s": the year below

# RQF "level N" -> RQF9 code (level 8 doctorate = 1 ... level 1 = 8)
_LEVEL_TO_CODE = {8: 1, 7: 2, 6: 3, 5: 4, 4: 5, 3: 6, 2: 7, 1: 8}
_NONE = re.compile(
    r"\b(?:no|without|dont have|don't have|do not have|havent got|haven't got|not got|zero)\b"
    r"[\w\s]{0,12}\b(?:gcses?|quals?|qualifications?|exams?|grades)\b|\bnothing\b|\bno quals?\b"
)
_FAILED = re.compile(
    r"\b(?:failed|flopped|bombed|didn'?t pass|did not pass)\b[\w\s]{0,10}\b(?:gcses?|exams?)\b"
    r"|\bgcses?\b[\w\s]{0,10}\b(?:failed|below (?:a )?(?:c|4))\b"
)
_LEVEL = re.compile(r"\blevel\s*([1-8])\b|\bl([1-8])\b|\bnvq\s*([1-5])\b")
_QUALIFICATION_PATTERNS: list[tuple[re.Pattern, int]] = [
    (re.compile(r"\b(?:phd|ph\.d|doctorate|dphil)\b"), 1),
    (re.compile(r"\b(?:masters?|master's|msc|mba|postgrad\w*)\b"), 2),
    (re.compile(r"\bfoundation degree\b|\bhnd\b"), 4),
    (re.compile(r"\bhnc\b|\bcert(?:ificate)? ?he\b"), 5),
    (re.compile(r"\b(?:degree|bachelors?|bachelor's|ba|bsc|beng|graduated?|grad)\b"), 3),
    (
        re.compile(
            r"\b(?:a[\s-]?levels?|alevels?|a lvls?|btecs?|t[\s-]?levels?|highers?|ib|"
            r"access course|sixth form|6th form|college diploma)\b"
        ),
        6,
    ),
    (re.compile(r"\b(?:gcses?|gcse's|gsces?|gcsc|national 5s?|nat ?5s?|n5s?)\b"), 7),
]

_PART_TIME = re.compile(
    r"\bpart[\s-]?time\b|\bpartime\b|\bpart tme\b|\bpt\b|\bsaturday job\b|\bweekend job\b|"
    r"\bpart[\s-]?timer?s?\b"
)
_FULL_TIME = re.compile(r"\bfull[\s-]?time\b|\bfulltime\b|\bft\b|\bfull tme\b")
_SELF_EMPLOYED = re.compile(
    r"\bself[\s-]?employed\b|\bfreelanc\w*\b|\bmy own boss\b|\bown business\b|"
    r"\bwork for myself\b|\bsole trader\b"
)


def clean_text(text: str) -> str:
    """Lower case, curly apostrophes straight, single spaces: what every pattern here expects."""
    return " ".join(text.lower().replace("’", "'").split())


def parse_age(text: str, *, tagged: bool = False) -> int | None:
    """An age in years, or None. `tagged`: the NLU already said the words are an age ("17",
    "seventeen"), so a bare number counts; in a whole message only "im 17" / "17 years old" do,
    so "£17" or "17 hours" are never read as ages."""
    text = clean_text(text)
    if tagged:
        digits = re.search(r"\d{1,2}", text)
        value = (
            int(digits.group())
            if digits
            else next(
                (n for w, n in sorted(_NUMBER_WORDS.items(), key=lambda kv: -len(kv[0])) if w in text), None
            )
        )
    else:
        match = _AGE_IN_TEXT.search(text)
        under = _UNDER_AGE.search(text)
        value = int(match.group(1) or match.group(2)) if match else int(under.group(1)) - 1 if under else None
    return value if value is not None and MIN_AGE <= value <= MAX_AGE else None


def parse_qualification(text: str) -> int | None:
    """Highest qualification mentioned, as an RQF9 code; None when nothing is recognised."""
    text = clean_text(text)
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


def asked_qualification(text: str) -> int | None:
    """The qualification a question asks about ("do I need a degree / A levels / to go to
    uni?"), as an RQF9 code; None when none is named."""
    named = parse_qualification(text)
    if named is None and _UNIVERSITY.search(clean_text(text)):
        return DEGREE
    return named


MALE, FEMALE = 1, 2
GENDER_NAMES = {MALE: "men", FEMALE: "women"}
# plural or adjective forms only: "man" alone is also an interjection and part of job names
# ("bin man"), and a parent ("my mum says ...") is not who the question is about; nor is a sex
# word that is part of a job's everyday name ("dinner ladies", "bin men")
_NOT_IN_JOB_NAME = "".join(f"(?<!{word} )" for word in ("bin", "dinner", "lollipop", "cleaning", "tea"))
_FEMALE = re.compile(rf"\b{_NOT_IN_JOB_NAME}(?:women|woman|women's|females?|girls?|ladies|lady)\b")
_MALE = re.compile(rf"\b{_NOT_IN_JOB_NAME}(?:men|men's|males?|boys?|lads)\b")


def parse_gender(text: str) -> int | None:
    """Sex code (1 male, 2 female) named in the words, or None: "for women", "girls", "male
    nurses". Both named ("men or women") is a comparison, not one sex: None."""
    text = clean_text(text)
    female, male = bool(_FEMALE.search(text)), bool(_MALE.search(text))
    if female == male:
        return None
    return FEMALE if female else MALE


# The user saying something about themselves rather than qualifying one question: "I'm 17",
# "I live in Leeds", "I've got A levels", "I want to work part-time", "I'm a girl".
_ME = r"(?:i\s*'?m|i am|im|i'?ve|i have|i got|i've got|ive got|i did|i do|i'm doing|im doing|i want|i wanna|i'd like|my)"
ABOUT_ME: dict[str, re.Pattern] = {
    "region": re.compile(
        r"\b(?:i\s*'?m|i am|im)\s+(?:from|in|based|living|moving)\b|\bi\s+(?:live|stay|reside)\b|"
        r"\b(?:where i live|near me|my area|round here|around here|my town|my city)\b"
    ),
    "age": re.compile(
        r"\b(?:i\s*'?m|i am|im|turning|turned|i turn)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?\d{2}\b|\bmy age\b"
    ),
    "qualification": re.compile(
        r"\b(?:i\s*'?ve|i have|i got|ive|i've got|ive got|i did|i'?m doing|im doing|i am doing|i'?m taking|"
        r"i'?m studying|i study|i'?m at|i passed|i failed|i'?ll have|i will have|i'?m getting|i'?m predicted)\b|"
        r"\bmy (?:gcses?|a[\s-]?levels?|btecs?|degree|grades|results|exams|quals?|qualifications)\b|\bi (?:don'?t|do not|dont) have\b"
    ),
    "status": re.compile(
        r"\b(?:i|i'd|id)\s+(?:want|wanna|would like|like|prefer|need|hope|plan)\s+(?:to\s+)?(?:work|do|be|go|get)\b|"
        r"\b(?:i\s*'?m|i am|im)\s+(?:looking|after|only|just)\b|\bi (?:work|can only work)\b|\bfor me\b"
    ),
    "gender": re.compile(
        r"\b(?:i\s*'?m|i am|im)\s+(?:a\s+)?(?:girl|boy|woman|man|female|male|lad|guy)\b|\bas a (?:girl|boy|woman|man|female|male)\b"
    ),
}


def about_me(text: str, dimension: str) -> bool:
    """Whether the words state the user's own place, age, qualification, work pattern or sex
    (a fact kept for the conversation) rather than qualify one question."""
    return bool(ABOUT_ME[dimension].search(clean_text(text)))


# "a degree in biology", "A levels in maths": a subject studied, not a job
_SUBJECT_OF = re.compile(
    r"\b(?:degree|degrees|a[\s-]?levels?|gcses?|btecs?|course|courses|qualification|masters|diploma|"
    r"apprenticeship|studying|study|doing|did|taking)\s+(?:in\s+|on\s+)?(?:a\s+|an\s+)?$"
)


def names_a_subject(text: str, phrase: str) -> bool:
    """Whether `phrase` is what the user studies ("a degree in biology") rather than a job."""
    at = clean_text(text).find(clean_text(phrase))
    return at > 0 and bool(_SUBJECT_OF.search(clean_text(text)[:at]))


def parse_work_pattern(text: str) -> int | None:
    """Status code: 1 full-time, 2 part-time, 3 self-employed; None when not said."""
    text = clean_text(text)
    for pattern, code in ((_SELF_EMPLOYED, SELF_EMPLOYED), (_PART_TIME, PART_TIME), (_FULL_TIME, FULL_TIME)):
        if pattern.search(text):
            return code
    return None


# Words of a question that are not part of a job's name: what is left of "how much do plumbers
# earn in leeds" once these go is "plumbers". Used only when the NLU tagged no job.
_QUESTION_WORDS = set(
    """
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
full part time fulltime parttime market right moment nowadays today general paying highest lowest top
""".split()
)
# words that name people, not a job ("guys" in "do guys earn more than girls in hairdressing")
_PEOPLE_WORDS = set(
    """
women men woman man girls boys girl boy female male females males guys lads lady ladies blokes
people person someone somebody everyone anyone
""".split()
)
_QUESTION_WORDS |= _PEOPLE_WORDS


# words the tagger may put at the start of a job phrase that name no job: who is asked about
# ("male nurse", "(25 year) old cleaner"), where in training ("apprentice plumber": the pay
# question is read from the words) and the minimum wage ("minimum wage" is no job)
_BEFORE_JOB = _PEOPLE_WORDS | {"old", "year", "years", "yr", "yrs"}
_BEFORE_JOB |= {"apprentice", "apprentices", "trainee", "trainees", "minimum", "living", "wage", "wages"}


def without_leading_non_job_words(phrase: str) -> str:
    """A phrase the NLU took for a job without the words it opens with that name no job: "male
    nurse" is a nurse (the sex is read from the message), "old cleaner" (of "a 25 year old
    cleaner") a cleaner, "apprentice plumber" a plumber, "guys" or "apprentice" no job at all
    (""). A job named with such a word inside ("bin men") keeps it."""
    words = phrase.split()
    while words and clean_text(words[0]) in _BEFORE_JOB:
        words.pop(0)
    return " ".join(words)


def guess_job_phrase(text: str, drop: set[str] | frozenset[str] = frozenset()) -> str | None:
    """What may name a job in a message the NLU found no job in, or None. Strips the question
    words (and any place words passed in `drop`); returns 1-4 remaining words. The SOC coder
    still decides whether the words name a job at all."""
    words = [
        w
        for w in re.findall(r"[a-z][a-z'\-]*", clean_text(text))
        if w not in _QUESTION_WORDS and w not in drop
    ]
    return " ".join(words) if 0 < len(words) <= 4 else None
