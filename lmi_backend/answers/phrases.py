"""The fixed sentences of the conversation that are not about one result: asking which job,
offering choices, owning up to errors, pointing to a careers adviser or to urgent help.

They live here (not as Rasa responses) because the actions pick them by situation, and any
front end holding the same conversation needs the same wording. Tests hold each to the same
reading-ease bar as the rendered answers.
"""

from __future__ import annotations

ASK_JOB = "Which job do you want to know about?"
ASK_JOB_FOR_TOPIC = "Which job do you want to know about? Try something like 'nurse' or 'car mechanic'."
CHOOSE_JOB = "I'm not sure which job you mean by '{job}'. Which of these is it?"
NONE_OF_THESE = "None of these"
INTEREST_NOT_FOUND = (
    "I don't have job ideas for '{interest}' yet. What else do you enjoy or are you good at? "
    "For example maths, art, computers, animals or helping people."
)
ASK_INTEREST = (
    "Let's find some job ideas! What do you enjoy, or what are you good at? "
    "For example maths, art, computers, animals or helping people."
)
ASK_OTHER_INTEREST = (
    "No problem. Tell me something else you enjoy or are good at, like music, sport or "
    "computers, or name a job you've heard of."
)
PICK_A_BUTTON = "Sorry, which one? Pick one of the jobs I listed, or type the job again."
JOB_NOT_FOUND = (
    "Sorry, I don't know the job '{job}'. Could you say it another way, like 'car mechanic' or 'nurse'?"
)
ASK_CORRECT_JOB = "Sorry about that! Which job did you mean?"
ASK_COMPARE_WITH = "Which job do you want to compare it with?"
COMPARE_SAME_JOB = "Those are the same job to me. Which other job do you want to compare it with?"
NOTED = "Got it, thanks. Which job do you want to know about?"
NOTED_PLACE = "Got it: {place}. Which job do you want to know about?"
WHICH_PART = "'{place}' is more than one region in my figures. Which one do you mean?"
UNKNOWN_PLACE = "I don't know '{place}' as a place in the UK, so these figures are {where}."
IN_UK = "for the whole UK"
IN_PLACE_KEPT = "for the place you gave before"
ENGLAND_AS_UK = "I don't have figures for England on its own, so these are for the whole UK."
NOTED_CONTEXT = "Thanks, I'll keep that in mind for pay and hours. What else do you want to know?"
WENT_WRONG = "Sorry, something went wrong on my side. Please try again, or ask about another job."
TOO_LONG = (
    "That's a lot of text! Could you ask me in one short message? For example: 'how much do plumbers earn?'"
)
ASK_REPHRASE = "Sorry, I didn't get that. Could you say it another way? For example: 'what do chefs earn?'"
GIVE_UP = (
    "Sorry, I still don't get it. I can help with jobs: pay, hours, skills and how to get in. "
    "Or say 'adviser' to talk to a real person."
)
AFFIRM_PROMPT = "Sorry, I'm not sure I got that. Did you mean:"
SOMETHING_ELSE = "Something else"
MORE_OFFER = "Say 'tell me more' for the full details."
INCLUDES_PART_TIME = "That counts part-time workers too: full-time, it's about {} a year."
QUALIFICATION_SHARE = "In 2019, about {share} of people in this job had {level}, by our estimate."
PEOPLE_IN_THE_JOB = "That's people already in it. Here's what new starters need."
SMALL_SAMPLE_SHARE = "It's a rough figure from a small group in the survey."
BEFORE_TAX = "These figures are before tax. I can't work out take-home pay."
NO_APPRENTICE_PAY = (
    "I don't have figures for apprentices' pay, which is usually lower while they train (at least "
    "the apprentice minimum wage: gov.uk/national-minimum-wage-rates). Here's what people in the job earn."
)
NO_STARTING_PAY = "I don't have figures for starting pay."
NO_MINIMUM_WAGE = (
    "My figures don't have the minimum wage: the government sets it each April, by age, with its own "
    "rate for apprentices. The current rates are at gov.uk/national-minimum-wage-rates."
)
LOWER_END = (
    "Pay usually grows with experience, so new starters are more likely to be near the "
    "lower end: a tenth of {who} earn less than {pay} a year."
)
NO_EXPERIENCE_PAY = "I don't have figures for pay by years of experience."
UPPER_END = (
    "Pay usually grows with experience, so after a few years people are more likely to be nearer "
    "the upper end: a quarter of {who} earn more than {pay} a year."
)
PEOPLE_IN_THIS_JOB = "people in this job"
FULL_TIMERS_IN_THIS_JOB = "full-time workers in this job"
PART_TIMERS_IN_THIS_JOB = "part-time workers in this job"
NO_PERK_DATA = "My figures don't cover {perk}, only pay before tax."
# ASHE's gross pay counts incentive pay (bonuses, commission) and tips paid through the payroll,
# not cash tips: said so, rather than that they are missing
PERK_IN_PAY = (
    "The yearly figures include {perk} paid by the employer, but don't show how much of the pay they are."
)
CASH_TIPS = "My figures are pay from the employer before tax: tips paid in cash aren't in them."
NO_SCHEDULE_DATA = "My figures count hours, not when they're worked, so I can't tell you about {schedule}."
NO_TRAINING_TIME = "My sources don't say how long it takes to train for this job. Here's the way in."
APPRENTICESHIP_TIME = (
    "The apprenticeships linked to this job take {span} in England. Ask me about them for the list."
)
WAY_IN = "Here's the way in."
NO_FEELING_DATA = (
    "I can't say {feeling}: my figures cover pay, hours, jobs and skills, "
    "not what it's like to do. Here's what the job involves, so you can judge."
)
AGAINST_ALL_JOBS = "{how} the middle pay for all jobs {place}, which is {pay} a year{when}."
PERSONAL_FIGURE = "For {who}, it's about {pay} a year{estimate}."
BY_OUR_ESTIMATE = ", by our estimate"
NO_PERSONAL_FIGURE = "I can't narrow it down to {what}, because {why}."
PAY_BY_SEX = (
    "{first} working {pattern}as {job} earn about {first_pay} a year and {other} about {other_pay}, "
    "{where} in {year}."
)
NO_PAY_BY_SEX = (
    "I don't have reliable pay figures for {who} working as {job} on their own, so here's everyone's."
)
PAY_BY_SEX_YEARS = (
    "{first} working {pattern}as {job} earn about {first_pay} a year ({first_year}) and {other} about "
    "{other_pay} ({other_year}), {where}. The years differ, so I can't say how big the gap is."
)
NO_PAY_BY_REGION = "I don't have reliable pay figures for {who} region by region, so here's the UK's."
REGIONS_WITH_FIGURES = "{n} of the UK's {of} regions have reliable figures for this job."
REGION_ESTIMATES = (
    "These are our estimates: the UK figure for this job, adjusted for how pay for its kind of work "
    "in each region compares with the whole UK."
)
NO_COMPARING_SEXES = "So I can't compare men's and women's pay for this job."
PAY_GAP = "{who} earn about {gap} more."
PAY_GAP_SMALL = "That's about the same."
NO_UNEMPLOYMENT = "I don't have unemployment figures for jobs: none of my sources counts them by job."
NEAREST_OPENINGS = "The nearest thing I have is how many jobs employers had going."
ASK_JOB_FOR_OPENINGS = "Tell me a job and I can say how many jobs employers had going for it."
ASK_SUBJECT = "Which degree subject? I know what graduates earn in most, like history, law, maths or art."
NO_SUBJECT_FIGURES = (
    "I don't have figures for graduates in {subject}. I have them for most subjects, like history, "
    "law, maths or art."
)
NO_GRADUATE_JOBS = "I don't know which jobs graduates go into by subject, but I know what they earn."
GRADUATES_BY_NATION = "Graduate pay isn't published for {place} on its own, so here's {nation}'s."
SOURCES_GENERAL = (
    "My figures come from official sources:\n"
    "• pay and hours: the ONS pay survey (ASHE)\n"
    "• jobs now: the ONS Labour Force Survey\n"
    "• future jobs: the Skills Imperative 2035 forecasts for England\n"
    "• jobs going: the Employer Skills Survey 2022\n"
    "• graduates' pay by subject: Discover Uni\n"
    "• skills: O*NET, a US job guide\n"
    "• apprenticeships: the list for England\n"
    "Ask about a job and I'll say where each figure comes from."
)

# What each intent that is not a topic's means, as the button text of "did you mean ...?" (the
# topics' own are in the topic registry, answers/topics.py)
CHAT_INTENT_BUTTONS: dict[str, str] = {
    "ask_jobs_for_interest": "Jobs for what I like",
    "ask_data_source": "Where the figures come from",
    "talk_to_adviser": "Talk to an adviser",
    "help": "What you can do",
    "greet": "Say hello",
    "goodbye": "Say bye",
    "thanks": "Say thanks",
    "inform": "Tell you about me",
    "more_detail": "More detail",
    "bot_challenge": "Are you a bot?",
}

# Careers services by nation (free phone lines as published by each service).
_ADVISERS: dict[str, str] = {
    "england": "In England, the National Careers Service can help. Call 0800 100 900 for free, or chat online at nationalcareers.service.gov.uk.",
    "wales": "In Wales, Careers Wales can help. Call 0800 028 4844 for free, or go to careerswales.gov.wales.",
    "scotland": "In Scotland, My World of Work can help. Call 0800 917 8000 for free, or go to myworldofwork.co.uk.",
    "northern ireland": "In Northern Ireland, the Careers Service can help. Call 0300 200 7820, or go to nidirect.gov.uk/careers.",
}
_ADVISER_SCHOOL = "Your school or college careers adviser can help too."
_ADVISER_LINES = (
    "• England: National Careers Service, 0800 100 900",
    "• Wales: Careers Wales, 0800 028 4844",
    "• Scotland: My World of Work, 0800 917 8000",
    "• Northern Ireland: Careers Service, 0300 200 7820",
)
_NATION_OF_REGION = {10: "wales", 11: "scotland", 12: "northern ireland"}


def adviser_handoff(region: int | None) -> str:
    """Who to talk to, for the user's nation when known (region 1-9 are in England)."""
    if region is None or region == 0:
        return (
            "You can talk to a real careers adviser for free. Call the one for where you live:\n"
            + "\n".join(_ADVISER_LINES)
            + "\n"
            + _ADVISER_SCHOOL
        )
    nation = _NATION_OF_REGION.get(region, "england")
    return f"You can talk to a real careers adviser for free. {_ADVISERS[nation]} {_ADVISER_SCHOOL}"


def all_phrases() -> list[str]:
    """Every fixed sentence, for the reading-ease tests."""
    fixed = [v for k, v in globals().items() if k.isupper() and isinstance(v, str)]
    return fixed + list(CHAT_INTENT_BUTTONS.values()) + [adviser_handoff(r) for r in (None, 1, 10, 11, 12)]
