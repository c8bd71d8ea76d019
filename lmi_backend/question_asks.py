"""What a question asks beyond its topic, read from its words: "is that good money?", "per
hour", "a month", "after tax", "when they start", "apprentices", "do they work weekends?", "is it
stressful?", "how long does it take?", "which GCSEs?", "without a degree", "the average salary in
the UK", "history graduates". Most of these the sources cannot answer directly, and the reply
says so before what they can say (lmi_backend.answers.topics.Asked). Here rather than in the bot
because any front end reading the same questions needs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .dialogue_slots import asked_qualification, clean_text, parse_gender
from .subjects import asks_graduate_jobs, asks_graduate_pay, find_subject, names_a_subject_only


@dataclass(frozen=True)
class Asked:
    """What a question asks beyond its topic, read from its words once (read_asks). Most of it
    the sources cannot answer directly; the reply says so before what they can say, rather
    than answering a different question as if it were the one asked."""

    judges_pay: bool = False  # "is that good money?": against all jobs' pay
    qualification: int | None = None  # "do I need a degree?": RQF9 code
    starting_pay: bool = False  # "what do they earn when they start?"
    experienced_pay: bool = False  # "how much after 5 years?"
    apprentice_pay: bool = False  # "how much do apprentices get paid?" (with a pay topic)
    schedule: str | None = None  # "do they work weekends?"
    perk: str | None = None  # "do teachers get a good pension?"
    feeling: str | None = None  # "is it stressful?"
    without_degree: bool = False  # "what jobs pay well without a degree?"
    duration: bool = False  # "how long does it take to become a vet?"
    subjects: bool = False  # "what GCSEs should I take?"
    monthly: bool = False  # "how much a month?"
    tax: bool = False  # "how much is that after tax?"
    hourly: bool = False  # "what's that per hour?"
    unemployment: bool = False  # "what's the unemployment rate for nurses?"
    pay_gap: bool = False  # "do men or women earn more as dentists?"
    all_jobs_pay: bool = False  # "what's the average salary?" (about all jobs with no job in context)
    everyone: bool = False  # "... in the UK", "overall": all jobs even with a job in context
    jobs_in_general: bool = False  # "which jobs pay best?", not "what does the job pay?"
    this_job: bool = False  # "compare that with ...": the job being talked about
    graduates: bool = False  # "what do history graduates earn": a subject's graduates, not a job
    subject: str | None = None  # the degree subject named ("history", "comp sci"): HESA CAH code
    graduate_jobs: bool = False  # "what can I do with a history degree?": jobs by subject
    where_most: bool = False  # "where do electricians earn the most?": a job's pay region by region
    pay_and_hours: bool = False  # "how much do bus drivers earn and how many hours do they work?"
    minimum_wage: bool = False  # "what's the minimum wage for a 17 year old?": set by law, not measured
    which_of_them: bool = False  # "which one has more jobs in the future?" after a comparison


def read_asks(
    text: str, *, named_qualification: int | None = None, names_group: bool = False, jobs: Sequence[str] = ()
) -> Asked:
    """Every detector below, once per message. `named_qualification`: a qualification the NLU
    tagged; with `names_group` (the words name who a figure is for, "with a degree") it is not a question about
    entry. `jobs`: the job phrases named, whose words name no degree subject ("teaching
    assistants with a degree" asks about teaching assistants, not teaching graduates)."""
    no_degree = rules_out_degree(text)
    cleaned = clean_text(text)  # once, for the patterns read here directly
    about = cleaned
    for job in jobs:
        if not names_a_subject_only(job):  # "maths", "astrology graduates" tagged as jobs
            about = about.replace(clean_text(job), " ")
    return Asked(
        judges_pay=asks_if_pay_is_good(text),
        qualification=None if names_group else named_qualification or asked_qualification(text),
        starting_pay=asks_starting_pay(text),
        experienced_pay=bool(_EXPERIENCED.search(cleaned)),
        apprentice_pay=asks_apprentice_pay(text),
        schedule=asked_schedule(text),
        perk=asked_perk(text),
        feeling=asked_feeling(text),
        without_degree=no_degree,
        duration=asks_duration(text),
        subjects=asks_subjects(text),
        monthly=asks_monthly(text),
        tax=asks_about_tax(text),
        hourly=asks_hourly_rate(text),
        unemployment=asks_unemployment(text),
        pay_gap=asks_pay_gap(text),
        all_jobs_pay=bool(_AVERAGE_PAY.search(cleaned)),
        everyone=bool(_EVERYONE.search(cleaned)),
        jobs_in_general=bool(_JOBS_IN_GENERAL.search(cleaned)),
        this_job=bool(_THIS_JOB.search(cleaned)),
        graduates=asks_graduate_pay(about),
        subject=subject.code if (subject := find_subject(about)) else None,
        graduate_jobs=asks_graduate_jobs(about),
        where_most=asks_where_pay_is_most(text),
        pay_and_hours=asks_pay_and_hours(text),
        minimum_wage=bool(_MINIMUM_WAGE.search(cleaned)),
        which_of_them=bool(_WHICH_OF_THEM.search(cleaned)),
    )


_THIS_JOB = re.compile(r"\b(?:that|it|this|them|this job|that job)\b")
_JOBS_IN_GENERAL = re.compile(
    r"\b(?:jobs|careers|occupations|professions|best|highest|top|most|which|richest|biggest)\b"
)


# pay by the hour ("per hour", "an hour", "hourly", "p/h"), not hours worked ("how many hours")
_HOURLY_RATE = re.compile(
    r"\b(?:per|an|a|each|by the|every)\s+h(?:ou)?r\b|\bhourly\b|\bp/?h\b|/\s?h(?:ou)?r\b"
)


_MONTHLY = re.compile(r"\b(?:a|per|each|every|by the)\s+month\b|\bmonthly\b|\bpcm\b|\bp/?m\b")
_TAX = re.compile(
    r"\btax(?:ed|es)?\b|\btake[\s-]?home\b|\bnet (?:pay|salary|wage)\b|\bin (?:my|your|their) "
    r"(?:pocket|hand)\b|\bafter (?:tax|deductions)\b"
)


def asks_monthly(text: str) -> bool:
    """ "How much a month?": young people budget by the month; no source publishes it."""
    return bool(_MONTHLY.search(clean_text(text)))


def asks_about_tax(text: str) -> bool:
    """ "How much is that after tax?": the figures are before tax and take-home pay is not worked out."""
    return bool(_TAX.search(clean_text(text)))


def asks_hourly_rate(text: str) -> bool:
    """ "whats that per hour", "how much an hour": pay by the hour rather than by the year."""
    return bool(_HOURLY_RATE.search(clean_text(text)))


# a judgement of pay rather than the figure: "is that good money", "is it well paid", "is that a lot"
_JUDGES_PAY = re.compile(
    r"\b(?:good|decent|bad|ok|okay|poor|low|high)\s+(?:money|pay|wages?|salary|salaries)\b|"
    r"\b(?:well|badly|poorly|good|low|high)[\s-]paid\b|"
    r"\b(?:is|isn't|is not|are)\s+(?:that|it|this|they|those)\s+(?:a lot|much|loads|good|bad|low|high|decent|ok|okay|enough)\b|"
    r"\b(?:pay|wages?|salary|money)\s+(?:is\s+)?(?:good|decent|bad|ok|okay|low|high)\b|"
    r"\bpays?\s+(?:well|badly|ok|okay|good)\b|"
    r"\b(?:more|less)\s+than\s+(?:the\s+)?(?:average|most|normal|usual)\b|"
    r"\b(?:average|normal|typical)\s+(?:pay|wage|salary)\b|\bcompared (?:to|with) (?:other|most|the average|all)\b|"
    r"\bworth (?:it )?(?:money|pay)[\s-]?wise\b|\bworth it (?:financially|for the (?:money|pay))\b"
)


def asks_if_pay_is_good(text: str) -> bool:
    """ "is that good money?", "is it well paid": the figure alone does not say; pay for all jobs
    in the same place does."""
    return bool(_JUDGES_PAY.search(clean_text(text)))


# how a job feels, which no source measures: "is nursing stressful", "is it boring"
_FEELING = re.compile(
    r"\b(stressful|stress(?:ed|y)?|dangerous|risky|boring|fun|enjoyable|hard|difficult|"
    r"tiring|exhausting|rewarding|satisfying|lonely|scary|easy)\b"
)
# "worth it money wise" judges the pay, which the figures can do
_WORTH_IT = re.compile(
    r"\bworth (?:it|doing|the (?:effort|training|stress))\b(?! (?:money|pay)[\s-]?wise| financially| for the (?:money|pay))"
)
_ENJOY = re.compile(
    r"\b(?:would|will|do|does) (?:i|you|people|u|they) (?:enjoy|like|love) (?:it|being|doing|working)\b"
)
# when the hours fall, which no source counts: "do nurses work weekends", "is it shift work"
_SCHEDULE = re.compile(
    r"\b(weekend|night shift|shift work|night|shift|evening|bank holiday|early morning|"
    r"holiday)s?\b|\b(christmas|unsociable hours|on call|9 ?(?:to|-) ?5|nine to five)\b|"
    r"\b(?:work|working|stay) (late)\b"
)
# pay when starting out, which no source has: "starting salary", "when they start", "newly qualified"
_STARTING = re.compile(
    r"\bstart(?:ing|s|ed)?\b|\bstarters?\b|\bnewly qualified\b|\bjust qualified\b|"
    r"\bfirst (?:year|job)\b|\bentry[\s-]level\b|\bjuniors?\b|\btrainees?\b|"
    r"\bnew (?:to the job|in the job|ones?)\b|\bnew (?!york|zealand)\w+s\b|\bbeginners?\b"
)


# which school subjects to choose: "what gcses should i take", "which subjects are best for nursing"
_SUBJECTS = re.compile(
    r"\b(?:what|which)\s+(?:gcses?|a[\s-]?levels?|subjects?|options|highers)\b|"
    r"\b(?:subjects?|options)\b[\w\s']{0,20}\b(?:take|pick|choose|study|good for|best)\b"
)


def asks_subjects(text: str) -> bool:
    """ "What GCSEs should I take to be a vet?": which subjects, not whether exams are needed."""
    return bool(_SUBJECTS.search(clean_text(text)))


_DURATION = re.compile(r"\bhow long\b|\bhow many years\b|\bhow much time\b|\bhow quick(?:ly)?\b|\bhow fast\b")


def asks_duration(text: str) -> bool:
    """ "How long does it take to become a vet?": no source gives training times for jobs; the
    apprenticeships linked to a job have theirs."""
    return bool(_DURATION.search(clean_text(text)))


def asked_feeling(text: str) -> str | None:
    """ "Is being a nurse stressful?": what is asked, as the reply words it ("how stressful it
    is", "whether it's worth it"), so it can say plainly that the data cannot answer it and
    offer what the job involves."""
    text = clean_text(text)
    if _WORTH_IT.search(text):
        return "whether it's worth it"
    if _ENJOY.search(text):
        return "whether you'd enjoy it"
    match = _FEELING.search(text)
    if not match:
        return None
    word = match.group(1)
    return f"how {'stressful' if word.startswith('stress') else word} it is"


def asked_schedule(text: str) -> str | None:
    """ "Do nurses work weekends?": when in the week, which the hours figures cannot say."""
    match = _SCHEDULE.search(clean_text(text))
    if not match:
        return None
    if match.group(3):
        return "working late"
    return match.group(2) or (match.group(1) if match.group(1) == "shift work" else match.group(1) + "s")


_PERK = re.compile(
    r"\b(pension|bonus|commission|perk|sick pay|company car|maternity pay|paternity pay|benefit)(?:s|es)?\b|"
    # tips as money, not advice ("any tips for getting into nursing?")
    r"\b(?:in|from|with|get|gets|getting|make|makes|earn|earns)\s+(?:\w+\s+)?(tip)s\b|"
    r"\b(tip)s\s+(?:a|per|each|every)\s+(?:week|night|shift|day|month|year)\b"
)


def asked_perk(text: str) -> str | None:
    """ "Do teachers get a good pension?": pay before tax is all the sources give. Pensions and
    other benefits are not in it, bonuses and commission are but not apart, cash tips are not:
    the reply says which, whichever job is meant."""
    match = _PERK.search(clean_text(text))
    if not match:
        return None
    word = next(filter(None, match.groups()))
    if word.endswith(("pay", "car")) or word == "commission":
        return word
    return f"{word}es" if word == "bonus" else f"{word}s"


# pay of everyone, not one job: "what's the average salary in the UK?", "average wage overall"
_AVERAGE_PAY = re.compile(
    r"\b(?:average|typical|normal|median|usual|mean)\s+(?:uk\s+|british\s+)?"
    r"(?:salary|salaries|pay|wages?|income|earnings)\b"
)
_EVERYONE = re.compile(
    r"\b(?:uk|britain|in general|overall|across|everyone|everybody|all jobs|for all|"
    r"in (?:the )?(?:country|uk|[a-z]+ (?:england|scotland|wales|ireland)))\b"
)


_UNEMPLOYMENT = re.compile(
    r"\bunemploy\w*|\bout of work\b|\bjobless\w*|\bon the dole\b|\bcan'?t (?:find|get) (?:a )?(?:job|work)\b"
)
# men against women: "gender pay gap", "do men or women earn more", "more than men"
_PAY_GAP = re.compile(
    r"\b(?:gender|sex) (?:pay )?gap\b|\bpay gap\b|\b(?:men|males?|boys|guys) or (?:women|females?|girls)\b|"
    r"\b(?:women|females?|girls) or (?:men|males?|boys|guys)\b|"
    r"\b(?:more|less|better|worse) than (?:the )?(?:men|women|males?|females?|boys|girls|lads|guys)\b|"
    r"\b(?:men|women) (?:and|vs|versus|v) (?:women|men)\b|\bequal pay\b"
)


# which part of the country pays a job best: "where in the uk do plumbers earn the most",
# "which region pays nurses best", "best place to be an electrician"
_WHERE_MOST = re.compile(
    r"\bwhere\b[\w\s']{0,40}\b(?:earn|earns|paid|pay|pays|wages?|salar\w*|money)\b[\w\s']{0,20}"
    r"\b(?:most|more|best|highest|better|least|lowest|worst)\b|"
    r"\b(?:which|what) (?:part|region|area|city|cities|town|place)s?\b[\w\s']{0,40}"
    r"\b(?:earn|earns|paid|pay|pays|wages?|salar\w*|money)\b|"
    r"\bbest (?:place|part of the (?:uk|country)|region|area|city) (?:to|for)\b|"
    r"\b(?:pay|wages?|salar\w*) (?:by|in each|across (?:the|each)) regions?\b|\bregion by region\b"
)


def asks_where_pay_is_most(text: str) -> bool:
    """ "Where do electricians earn the most?": the job's pay in each region, not one figure."""
    return bool(_WHERE_MOST.search(clean_text(text)))


# one of the jobs just compared: "which one has more jobs", "which of them pays more"
_WHICH_OF_THEM = re.compile(
    r"\bwhich (?:one|of (?:them|those|these|the two|the 2|the three|the 3))\b[\w\s']{0,30}"
    r"\b(?:more|most|better|best|higher|highest|less|least|fewer|lower|bigger)\b|"
    r"\bwhich is (?:better|best|more|higher|bigger)\b"
)

# the legal minimum, which no source here holds: "minimum wage", "living wage", "nmw"
_MINIMUM_WAGE = re.compile(r"\b(?:minimum|min|living) wage\b|\bnmw\b|\bnlw\b")

# pay and hours asked together, one answer each: "how much do they earn and how many hours"
_PAY_ASKED = re.compile(
    r"\b(?:how much|what)\b[\w\s']{0,30}\b(?:earn|earns|make|makes|paid|get)\b|\b(?:pay|salary|wages?)\b"
)
_HOURS_ASKED = re.compile(r"\bhow many hours\b|\bwhat hours\b|\bthe hours\b|\bhours (?:a|per|each) week\b")


def asks_pay_and_hours(text: str) -> bool:
    """ "How much do bus drivers earn and how many hours do they work?": both figures."""
    text = clean_text(text)
    return bool(
        re.search(r"\b(?:and|&|plus)\b", text) and _PAY_ASKED.search(text) and _HOURS_ASKED.search(text)
    )


def asks_unemployment(text: str) -> bool:
    """ "What's the unemployment rate for nurses?": no source here counts unemployment by job."""
    return bool(_UNEMPLOYMENT.search(clean_text(text)))


# one sex's pay against the other's without naming it: "do women welders get paid the same?"
_SAME_PAY = re.compile(
    r"\b(?:paid|earn|earns|get|make|makes) (?:the same|equally|as much)\b|\bsame (?:pay|money|wages?|salary)\b"
)


def asks_pay_gap(text: str) -> bool:
    """ "Is there a gender pay gap for dentists?", "do men or women earn more as plumbers?",
    "do women welders get paid the same?" (but not "do plumbers earn as much as electricians?")."""
    text = clean_text(text)
    return bool(_PAY_GAP.search(text) or _SAME_PAY.search(text) and parse_gender(text))


_APPRENTICE = re.compile(r"\bapprentice(?:s|ship|ships)?\b")


def asks_apprentice_pay(text: str) -> bool:
    """ "How much do apprentices get paid?": a pay question about apprentices, whose pay no
    source here has (and which is not the lower end of qualified workers' pay)."""
    return bool(_APPRENTICE.search(clean_text(text)))


# pay later in a career, which no source has by years in the job: "after 5 years", "when experienced"
_EXPERIENCED = re.compile(
    r"\b(?:after|in|with|within)\s+(?:\d+|a few|some|a couple of|few|two|three|four|five|six|seven|eight|"
    r"nine|ten|twenty)\s+(?:years?|yrs?)\b|\bexperienced\b|\bwith experience\b|\bsenior\b|"
    r"\byears? of experience\b|\bat the top\b|\blater (?:on|in (?:my|your|their) career)\b"
)


def asks_starting_pay(text: str) -> bool:
    """ "What do they earn when they start?": no source has starting pay, but the spread of pay
    does say where the lower end is."""
    return bool(_STARTING.search(clean_text(text)))


# "without a degree", "don't need to go to uni", "no degree": a degree ruled out, not named
_WITHOUT_DEGREE = re.compile(
    r"\b(?:no|without|dont|don't|do not|not|never|havent|haven't|skip|skipping|avoid)\b"
    r"[\w\s']{0,16}?\b(?:degrees?|uni|university)\b"
)


def rules_out_degree(text: str) -> bool:
    """ "What jobs pay well without a degree?": the degree is what the user does not want or
    have, so it is not their qualification, and a list of jobs leaves out degree jobs."""
    return bool(_WITHOUT_DEGREE.search(clean_text(text)))
