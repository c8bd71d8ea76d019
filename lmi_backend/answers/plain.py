"""Official wording made plain: ONS entry-route and job-description text, O*NET element names.

The ONS texts were written for coders ("Entrants usually possess GCSEs/S grades"); a 15-year-old
needs "Most people starting out have GCSEs". The rewrite is conservative: it swaps known phrases
and splits long sentences, never adds a fact, and keeps qualification names (NVQ, BTEC) as
written because young people search for exactly those names.
"""
from __future__ import annotations

import re

# Whole sentences that recur across the 369 unit groups, and how to say them.
_SENTENCES: dict[str, str] = {
    "there are no formal academic entry requirements": "You don't need any set exam results",
    "there are no formal academic requirements": "You don't need any set exam results",
    "there are no minimum academic entry requirements": "You don't need any set exam results",
    "there are no minimum academic requirements": "You don't need any set exam results",
    "no academic qualifications are required": "You don't need any exam results",
    "no formal academic qualifications are required": "You don't need any exam results",
    "there are no pre-set entry standards": "There is no set way in",
    "training is typically provided on-the-job": "You learn on the job",
    "training is typically received on-the-job": "You learn on the job",
    "training is usually provided on-the-job": "You learn on the job",
    "on-the-job training is provided": "You learn on the job",
    "off- and on-the-job training is provided": "You learn at work and on courses",
    "training is provided off- and on-the-job": "You learn at work and on courses",
    "off- and on-the-job training is available": "You can learn at work and on courses",
    "both off- and on-the-job training is available": "You can learn at work and on courses",
    "professional qualifications are also available": "You can also take work-based courses",
    "professional qualifications are available": "You can take work-based courses",
    "crb clearance is mandatory": "You need a police check (DBS)",
    "background checks including a crb check are likely to be required": "You will probably need a police check (DBS)",
    "background checks including a crb check are required": "You need a police check (DBS)",
    "entry is possible with a variety of academic qualifications and/or relevant experience":
        "You can get in with many kinds of grades or with work you have done before",
}

# Phrases, most specific first. Case-insensitive; replacements keep the sentence's flow.
_PHRASES: list[tuple[str, str]] = [
    (r"jobholders in this unit group", "people in this job"),
    (r"this unit group includes those who", "this group covers people who"),
    (r"this unit group includes", "this group covers"),
    (r"workers in this unit group", "people in this job"),
    (r"this unit group", "this group"),
    (r"there are no (?:formal |minimum )?academic (?:entry )?requirements", "you don't need set exam results"),
    (r"no (?:formal )?academic qualifications are (?:required|needed)", "you don't need any exam results"),
    (r"gcses?/s grades", "GCSEs"),
    (r"a levels?/h grades", "A levels"),
    (r"nvqs/svqs", "NVQs"),
    (r"nvq/svq", "NVQ"),
    (r"gnvqs?/ ?gsvqs?", "GNVQs"),
    (r"btec/sqa", "BTEC"),
    (r"and/or", "or"),
    (r"off- and on-the-job", "at work and on courses"),
    (r"on-the-job training", "training at work"),
    (r"on-the-job", "at work"),
    (r"on the job", "at work"),
    (r"are advantageous|is advantageous|may be an advantage|can be an advantage|are an advantage", "help"),
    (r"or an equivalent qualification", "or similar"),
    (r"or equivalent qualifications?", "or similar"),
    (r"or equivalent", "or similar"),
    (r"equivalent qualifications?", "similar"),
    (r"academic qualifications", "exam results"),
    (r"vocational qualifications", "work-based courses"),
    (r"professional qualifications", "work-based courses"),
    (r"there is a variety of", "there are many"),
    (r"there is a wide range of", "there are many"),
    (r"a variety of", "many"),
    (r"a wide range of", "many"),
    (r"in order to", "to"),
    (r"entrants usually possess", "most people starting out have"),
    (r"entrants typically possess", "most people starting out have"),
    (r"entrants", "people starting out"),
    (r"candidates|applicants", "people"),
    (r"possess(?:es)?", "have"),
    (r"typically", "usually"),
    (r"undertake[ns]?", "do"),
    (r"obtain(?:ed)?", "get"),
    (r"commence", "start"),
    (r"mandatory", "needed"),
    (r"be required to", "need to"),
    (r"is required", "is needed"),
    (r"are required", "are needed"),
    (r"required", "needed"),
    (r"requires", "needs"),
    (r"vocational", "work-based"),
    (r"statutory body", "official body"),
    (r"statutory", "legal"),
    (r"criteria", "rules"),
    (r"require", "need"),
    (r"an appropriate", "the right"),
    (r"appropriate", "right"),
    (r"relevant", "useful"),
    (r"necessary", "needed"),
    (r"requirements", "needs"),
    (r"specifications", "plans"),
    (r"determines", "works out"),
    (r"determine", "work out"),
    (r"ensures", "makes sure"),
    (r"ensure", "make sure"),
    (r"performs", "does"),
    (r"perform", "do"),
    (r"provides", "gives"),
    (r"provide", "give"),
    (r"individuals", "people"),
    (r"establishments", "places"),
    (r"facilities", "places"),
    (r"various", "different"),
    (r"commercial", "business"),
    (r"administrative", "office"),
    (r"purchases", "buys"),
    (r"purchase", "buy"),
    (r"remuneration", "pay"),
    (r"approximately", "about"),
    (r"significant|substantial|considerable", "a lot of"),
    (r"attainable", "possible"),
    (r"accredited", "approved"),
    (r"supplemented by", "plus"),
    (r"\bvia\b", "through"),
    (r"crb check", "police check (DBS)"),
    (r"crb clearance", "a police check (DBS)"),
    (r"prior to", "before"),
    (r"subsequently", "later"),
    (r"additional", "more"),
    (r"sufficient", "enough"),
    (r"assist(s)?\b", r"help\1"),
    (r"utili[sz]e", "use"),
    (r"premises", "buildings"),
    # job descriptions and tasks
    (r"plan, direct and co-?ordinate", "plan and run"),
    (r"co-?ordinates", "runs"),
    (r"co-?ordinate", "run"),
    (r"co-?ordination", "running"),
    (r"organises", "plans"),
    (r"organise", "plan"),
    (r"supervises", "oversees"),
    (r"supervise", "oversee"),
    (r"examines", "checks"),
    (r"examine", "check"),
    (r"monitors", "checks"),
    (r"monitor", "check"),
    (r"analyses", "studies"),
    (r"establishes", "sets up"),
    (r"establish", "set up"),
    (r"interprets", "reads"),
    (r"implements", "puts in place"),
    (r"implement", "put in place"),
    (r"enquiries", "questions"),
    (r"correspondence", "letters and emails"),
    (r"components", "parts"),
    (r"in compliance with|in accordance with|according to", "following"),
    (r"compliance with", "keeping to"),
    (r"objectives", "goals"),
    (r"responsible for", "in charge of"),
    (r"activities", "work"),
    (r"occupations", "jobs"),
    (r"clerical", "office"),
    (r"elementary", "basic"),
    (r"functions", "tasks"),
    (r"examinations", "exams"),
    (r"examination", "exam"),
    (r"probationary period", "trial period"),
    (r"accelerated", "faster"),
    (r"specialised", "special"),
    (r"internal promotion", "promotion from within"),
    (r"ascertains", "works out"),
    (r"ascertain", "work out"),
    (r"resuscitates", "revives"),
    (r"conveying", "moving"),
    (r"comprises?", "include"),
    (r"theoretical", "classroom"),
    (r"in the manufacture of", "making"),
    (r"manufacture", "making"),
    (r"undertakes", "does"),
    (r"obtains", "gets"),
    (r"liaises", "works"),
    (r"liaise", "work"),
    (r"ensuring", "making sure"),
    (r"utilising|utilizing", "using"),
    (r"regarding", "about"),
    (r"commencing", "starting"),
    (r"sufficiently", "enough"),
    (r"\be\.g\.", "for example"),
    (r"\bi\.e\.", "that is"),
    (r"\betc\b\.?", "and so on"),
    (r"n\.e\.c\.", "not listed elsewhere"),
    (r"not elsewhere classified", "not listed elsewhere"),
]
_COMPILED = [(re.compile(rf"\b(?:{p})(?!\w)" if p[0].isalpha() else p, re.IGNORECASE), r) for p, r in _PHRASES]
_SPLIT = re.compile(r";\s+|,\s+(?=(?:although|though|but|whilst|while|which)\b)|\s+(?=although\b)|\s+–\s+")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


def _match_case(replacement: str, original: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


_AVAILABLE = re.compile(r"^(?P<what>[A-Z][^;]*?) (?:are|is) (?:also |now |widely )?available\b(?P<rest>.*)$")


def _rewrite_sentence(sentence: str) -> list[str]:
    body = sentence.strip().rstrip(".")
    known = _SENTENCES.get(body.lower())
    if known:
        return [known + "."]
    for pattern, replacement in _COMPILED:
        body = pattern.sub(lambda m, r=replacement: _match_case(m.expand(r), m.group(0)), body)
    available = _AVAILABLE.match(body)
    if available:  # "NVQs in X are available at levels 2 and 3" -> "You can do NVQs in X at ..."
        what = available["what"]
        what = what if what[1:2].isupper() else what[:1].lower() + what[1:]
        body = f"You can do {what}{available['rest']}".replace(" and lead to ", ". They lead to ")
    body = re.sub(r"\bLevels?\b", lambda m: m.group(0).lower(), body)
    out = []
    for part in _SPLIT.split(body):
        part = part.strip(" ,")
        if not part:
            continue
        part = re.sub(r"^(although|though|whilst|while)\b", "But", part, flags=re.IGNORECASE)
        out.append(part[:1].upper() + part[1:] + ".")
    return out


def plain_text(text: str) -> list[str]:
    """ONS prose as plain sentences, in the original order."""
    sentences: list[str] = []
    for sentence in _SENTENCE.split(" ".join(text.split())):
        sentences += _rewrite_sentence(sentence)
    return sentences


def first_sentences(sentences: list[str], max_words: int) -> list[str]:
    """The leading sentences that fit in max_words (always at least one)."""
    kept: list[str] = []
    used = 0
    for s in sentences:
        n = len(s.split())
        if kept and used + n > max_words:
            break
        kept.append(s)
        used += n
    return kept


def job_name(soc_title: str) -> str:
    """ONS unit-group title as said in a sentence: "n.e.c." (not elsewhere classified) becomes
    "other ...", which is what it means."""
    title = soc_title.strip()
    if title == "All occupations":  # the fallback when a job has no figure of its own
        return "All jobs"
    if title.lower().endswith(" n.e.c."):
        title = "Other " + title[: -len(" n.e.c.")].lower()
    return title


SKILLS: dict[str, str] = {
    "Reading Comprehension": "understanding what you read", "Active Listening": "listening well",
    "Writing": "writing", "Speaking": "speaking clearly", "Mathematics": "maths",
    "Science": "science", "Critical Thinking": "thinking things through",
    "Active Learning": "picking up new things", "Learning Strategies": "finding ways to learn",
    "Monitoring": "checking how things are going", "Social Perceptiveness": "reading how people feel",
    "Coordination": "working as a team", "Persuasion": "persuading people",
    "Negotiation": "making deals", "Instructing": "teaching others",
    "Service Orientation": "helping people", "Complex Problem Solving": "solving hard problems",
    "Operations Analysis": "working out what is needed", "Technology Design": "designing tech",
    "Equipment Selection": "picking the right tools", "Installation": "fitting things",
    "Programming": "coding", "Operations Monitoring": "watching dials and screens",
    "Operation and Control": "running machines", "Equipment Maintenance": "looking after kit",
    "Troubleshooting": "finding faults", "Repairing": "fixing things",
    "Quality Control Analysis": "checking quality", "Judgment and Decision Making": "making good calls",
    "Systems Analysis": "seeing how things fit", "Systems Evaluation": "judging what works",
    "Time Management": "managing your time", "Management of Financial Resources": "managing money",
    "Management of Material Resources": "managing stock", "Management of Personnel Resources": "managing people",
}
KNOWLEDGE: dict[str, str] = {
    "Administration and Management": "running a business", "Administrative": "office work",
    "Economics and Accounting": "money and accounts", "Sales and Marketing": "sales",
    "Customer and Personal Service": "customer service", "Personnel and Human Resources": "HR",
    "Transportation": "transport", "Production and Processing": "how things are made",
    "Food Production": "food and farming", "Computers and Electronics": "computers",
    "Engineering and Technology": "engineering", "Design": "design",
    "Building and Construction": "building", "Mechanical": "machines", "Mathematics": "maths",
    "Physics": "physics", "Chemistry": "chemistry", "Biology": "biology", "Psychology": "psychology",
    "Sociology and Anthropology": "how people live together", "Geography": "geography",
    "Medicine and Dentistry": "medicine", "Therapy and Counseling": "therapy",
    "Education and Training": "teaching", "English Language": "English",
    "Foreign Language": "languages", "Fine Arts": "art", "History and Archeology": "history",
    "Philosophy and Theology": "religion and ideas", "Public Safety and Security": "safety",
    "Law and Government": "the law", "Telecommunications": "phone and network systems",
    "Communications and Media": "the media",
}
INTERESTS: dict[str, str] = {
    "Realistic": "hands-on work", "Investigative": "working things out",
    "Artistic": "being creative", "Social": "helping people", "Enterprising": "leading and selling",
    "Conventional": "being organised",
}


def plain_element(kind: str, name: str) -> str:
    table = {"skill": SKILLS, "knowledge": KNOWLEDGE, "interest": INTERESTS}.get(kind, {})
    return table.get(name, name.lower())


_LONG_SENTENCE_WORDS = 22
_MIN_CLAUSE_WORDS = 8


def shorten(sentence: str) -> str:
    """A long list-like ONS sentence cut at the first comma after a full clause: "People in this
    job assemble, install, maintain and repair plumbing fixtures, heating and ..." -> "... repair
    plumbing fixtures." The full text is still there when the user asks for more."""
    words = sentence.split()
    if len(words) <= _LONG_SENTENCE_WORDS:
        return sentence
    for i in range(_MIN_CLAUSE_WORDS - 1, len(words) - 1):
        if words[i].endswith(","):
            return " ".join(words[: i + 1]).rstrip(",") + "."
    return sentence

