"""Is someone telling us they may be at risk? Phrase rules that read a message for suicidal
thoughts, self-harm, abuse, not being safe at home, bullying and hopelessness.

A careers chatbot for 14-24 year olds hears "the gym is killing me", "I'm dying to be a
footballer" and "I'd kill for that job" far more often than real distress, and it must never
answer those with a crisis line; but it must never miss "i wanna kms" or "my dad hits me"
either. So the rules are specific to the first person and to harm ("kill myself", not "kill";
"dying to" never counts), and the few that still catch ordinary talk carry the contexts that
undo them: an injury or a game ("i hurt myself playing rugby", "my brother beat me at fifa"),
someone else's trouble in a careers question ("jobs helping kids who are being bullied"), a
typo ("i want to die my hair"). These rules alone decide (bot/crisis_check.py): the NLU's own
`distress` intent read 41 of the 300 ordinary messages as distress ("football is my life",
"exams are stressing me out", "my phone died"), with full confidence, and caught 61 of 75.

Measured by benchmarks/crisis_eval.py on tests/data/crisis_messages.csv (300 ordinary messages,
75 distress) and crisis_holdout.csv (60 and 22), both written before these rules (63 short
messages later reworded, so that none is an NLU training example); the holdout was first run
once the rules were done (no false positive, no miss), but it has the same author as the rules.
Run over the NLU training examples, written by others, the first rules missed 66 of 206
`distress` examples and caught one insult ("ur a waste of space"): the rules were widened from
them, so those are not held out either. A missed message means a new phrase here, checked
against all three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# People around a young person, for abuse: family, partners, adults in charge, anyone.
_PEOPLE = (
    r"(?:dad|mum|mom|mam|father|mother|step ?dad|step ?mum|step ?father|step ?mother|parents?|family|"
    r"brother|sister|uncle|aunt(?:ie)?|grandad|grandpa|nan|gran|cousin|boyfriend|girlfriend|bf|gf|"
    r"partner|ex|teacher|coach|manager|boss|carer|foster \w+|someone|somebody|some(?:one|body) \w+ \w+|"
    r"people|an adult|a man|a guy|an older \w+|he|she|they)"
)
_HARMS_ME = (
    r"(?:hit|hits|hitting|beat|beats|beating|hurt|hurts|hurting|kick|kicks|kicked|kicking|punch|"
    r"punches|punched|punching|slap|slaps|slapped|slapping|choke|chokes|choked|choking|strangle\w*|"
    r"touch|touches|touched|touching|grab|grabs|grabbed|grabbing|abuse|abuses|abused|abusing|rape\w*|"
    r"assault\w*|threaten\w*|blackmail\w*|harass\w*|stalk\w*|burn|burns|burnt|starve\w*|lock\w*)"
)

# Each group: (category, patterns over the normalised text). Categories name what the person
# told us, for the evaluation's report only: the reply is the same for all of them.
_DISTRESS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "suicidal",
        (
            r"\bki?l+(?:ing|ed)? (?:my ?self|meself)\b",  # and typos: "kil myself"
            r"(?<!\d)(?<!\d )(?<!few )\bk ?m ?s\b",  # not kilometres: "i run 5 kms"
            r"\bsuicid(?:e|al)\b(?! (?:prevention|helpline|hotline|awareness|line)\b)",
            r"\bunalive\b",
            r"\b(?:want|wanted|going|about|trying|tried|plan(?:ning)?|think(?:ing)? about|thought about|"
            r"thinking of) (?:to )?end(?:ing)? (?:it|my life|everything|things|it all)\b(?! with)",
            r"\bend(?:ing)? (?:my life|it all)\b",
            r"\btake my (?:own )?life\b",
            r"\b(?:want|wish i could|just want) (?:to )?die\b(?! (?:of|from|laughing|my|for|in|at|when))",
            r"\bwish (?:i was|i were|i could be|id be) dead\b",
            r"\b(?:better off|rather be|might as well be) dead\b",
            r"\bbetter off without me\b",
            r"\b(?:dont|do not|never) want to (?:be alive|live|exist|wake up|be here)"
            r"(?: anymore| any more| tomorrow| again| ever again|$)",
            r"\b(?:no|dont see the|dont see any|whats the|what is the) (?:point|reason) (?:in |of |to )?"
            r"(?:living|being alive|life|going on|anything|me being here)\b",
            r"\bwish (?:i had|id) never been born\b|\bwish i (?:wasnt|was not|werent|wasn t) (?:born|here|alive)\b",
            r"\b(?:nobody|no one|noone|none) would (?:even )?(?:notice|care|miss me)\b",
            r"\boverdos|\btoo many (?:pills|tablets)\b",
            r"\b(?:take|swallow|taking|took) (?:all (?:of )?(?:my|the|these|those) |all my )"
            r"(?:pills|tablets|meds|medication|paracetamol)\b",
            r"\b(?:pills|tablets|meds|paracetamol)\b.*\b(?:take|swallow) them all\b",
            r"\bpills? saved\b",
            r"\bjump (?:off|in front of) (?:a|the) (?:bridge|building|roof|cliff|train|car|bus)\b",
            r"\b(?:planning|planned|plan) (?:how to do it|to do it|my death)\b",
            r"\b(?:written|wrote|writing) (?:a|my) (?:suicide )?note\b",
            r"\bthink(?:ing)? about (?:dying|death|being dead)\b",
            r"\bwant (?:it|everything|it all) (?:all )?to (?:stop|end)\b",
            r"\b(?:want|like) (?:to )?disappear|\bdisappearing\b",
            r"\bdo something stupid\b",
        ),
    ),
    (
        "self_harm",
        (
            r"\bself ?harm",
            r"\b(?:cut|cutting|burn|burning|burnt|scratch|scratching|hit|hitting|punch|punching|starve|"
            r"starving) (?:my ?self|my (?:arms?|wrists?|legs?|thighs?|skin))\b",
            r"\bcutting again\b",
            r"\b(?:want|need|urge) to cut\b(?! (?:hair|my hair|down|back|out|it|the|a|an)\b)",
            r"\bcuts on my\b",
            r"\brelaps(?:e|ed|ing)\b",
            r"\bhurt(?:ing|s)? my ?self\b",
            r"\bsh again\b|\b(?:with|from|do|doing|started) sh\b",
        ),
    ),
    (
        "abuse",
        (
            rf"\b{_PEOPLE} (?:(?:always|keeps?|still|sometimes|often|is|are|has been|have been|was|trying to|tries to|"
            rf"threatens to|threatened to|threatening to) )*{_HARMS_ME} me\b",
            r"\b(?:being|been|getting|was|got) (?:abused|beaten|hurt|hit|raped|assaulted|groomed|molested|"
            r"touched|threatened|blackmailed)\b",
            r"\babus(?:e|es|ed|ing) me\b",
            r"\bmakes? me do (?:things|stuff)\b",
            r"\b(?:asks?|asking|keeps asking|wants?|forced|forces|pressur\w+) (?:me )?(?:for|to send) "
            r"(?:pics|photos|nudes|pictures)\b",
            r"\b(?:share|sharing|post|posting|spread|spreading|leak|leaking) (?:them|my (?:pics|photos|nudes)|"
            r"(?:pics|photos|nudes|pictures) of me)\b",
            r"\bwith a belt\b",
            rf"\b{_PEOPLE} (?:gets|get|is|are|goes|go) (?:really |so )?violent\b",
            r"\b(?:makes?|making|made) me (?:feel )?(?:really |so )?uncomfortable\b",
            r"\b(?:and|then) i froze\b",
            r"\bforced (?:me|himself|herself)\b",
        ),
    ),
    (
        "unsafe_home",
        (
            r"\b(?:dont|do not|never) feel safe\b",
            r"\bnot safe (?:at home|at my|in my|with my|around)\b|\bim not safe\b",
            r"\b(?:scared|afraid|frightened|terrified) (?:to go|of going) (?:back )?home\b",
            rf"\b(?:scared|afraid|frightened|terrified) of (?:my |me )?{_PEOPLE}\b",
            r"\bkicked me out\b|\bkicked out(?: of (?:home|the house|my house))?$",
            r"\bnowhere to (?:sleep|stay|live|go)\b",
            r"(?<!the )\bhomeless\b(?! (?:officer|prevention|charit\w+|shelter|hostel|outreach|people|"
            r"persons|services?|support|team|project)\b)",
            r"\bsleeping (?:rough|on the streets?|outside)\b",
            r"\b(?:ran|run|running) away from home\b",
            r"\bdont want to go (?:back )?home$",
            r"\b(?:fighting|violence|shouting) at home\b.*\bscared\b",
        ),
    ),
    (
        "bullying",
        (
            r"\bbull(?:ied|ying|ies|y) me\b|\b(?:being|getting|been|get|am|im) bullied\b|\bthe bullying\b",
            r"\bbeat me up\b|\bbeaten up\b|\bjumped me\b",
            r"\bpick(?:s|ing)? on me\b|\bpicked on\b",
            r"\b(?:hate|horrible|nasty|abusive) (?:messages|comments|texts)\b",
            r"\b(?:sending|send|sent) me (?:hate|horrible|nasty|abusive)\b",
            r"\b(?:spreading|sharing|posting) (?:pics|photos|pictures|rumours|lies) (?:of|about) me\b",
            r"\b(?:telling|told|tell) me to (?:die|kill)\b",
        ),
    ),
    (
        "harm_to_others",
        (r"\bwant to (?:hurt|kill|stab|attack) (?:someone|somebody|people|him|her|them)\b",),
    ),
    (
        "hopelessness",
        (
            r"\bhopeless\b",
            r"\bnothing (?:will|is going to|ever) (?:ever )?(?:get|gets) better\b",
            r"\b(?:cant|cannot|can not) (?:go on|carry on|take (?:it|this|any more|anymore)|cope)"
            r"(?: anymore| any more| like this| with anything|$)",
            r"\b(?:cant|cannot|can not) (?:do (?:this|it)|handle (?:it|this|life|anything))(?: anymore| any more)",
            r"\b(?:cant|cannot|can not|struggling to) cope\b",
            r"\bhate my ?self\b|\bhate my life\b|\bhate being alive\b",
            r"\bworthless\b|\b(?:im|i am|i feel like) a (?:waste of space|burden)\b|\ba burden to\b",
            r"\b(?:everyone|everybody|family|parents|mum|dad|friends)(?: (?:at|in) (?:school|college|work|"
            r"(?:my )?class))? (?:hates|hate|would hate) me\b",
            r"\b(?:nobody|no one|noone) (?:cares about me|cares$|cares anymore|loves me|likes me|would care|"
            r"understands me|listens to me)\b",
            r"\b(?:parents|family|mum|dad|friends) (?:dont|doesnt|do not|does not) care about me\b",
            r"\b(?:no one|nobody|noone) to talk to\b|\bi have (?:no one|nobody|noone)(?: at all)?$",
            r"\bhave no friends\b",
            r"\b(?:feel|feeling|felt) (?:so |really |very |just |completely |totally |super )?"
            r"(?:alone|lonely|empty|numb|trapped|down|low)\b(?! (?:at|in|on|with|to|paid|for|the|about) )",
            r"\b(?:im|i am|been) (?:so |really |very |just |completely |totally |super )?"
            r"(?:alone|lonely|empty|numb|trapped)\b(?! (?:at|in|on|with|to|for|the) )",
            r"\b(?:im|i am|been) (?:so|really|very|super) (?:down|low)\b(?! (?:on|to|for|with) )",
            r"\b(?:so|really|very) lonely\b",
            r"\bdepressed\b|(?:(?<=my )|(?<=have )|(?<=got )|(?<=with )|(?<=from ))depression\b",
            r"\b(?:anxiety|mental health|depression) is (?:really |so |very )?(?:bad|awful|terrible|getting worse)\b",
            r"\bbad anxiety\b",
            r"\bim (?:so |really |very )?(?:anxious|scared|frightened|terrified)(?:$| and| i )",
            r"\b(?:im|i am|keep|been) panicking\b|\bpanic attacks?\b",
            r"\bcant stop (?:crying|shaking|panicking)\b",
            r"\bcry(?:ing)? (?:every|all the|myself to) (?:night|day|time|sleep)\b",
            r"\bgiv(?:e|ing) up on (?:everything|life|my ?self|living)\b|\bfeel like giving up$",
            r"\b(?:my life|life|everything) (?:is|feels|seems) (?:so )?(?:pointless|meaningless|falling apart|over|"
            r"a mess|not worth living|too much|so hard|too hard)\b",
            r"\b(?:it all|its all|it s all) (?:is |feels )?(?:so )?(?:too much|pointless)\b",
            r"\bnothing matters\b|\bno point (?:to|in) anything\b",
            r"\b(?:really|so) struggling(?: right now| mentally| at the moment)?$|\bstruggling (?:so much|so bad|"
            r"mentally|with my mental)\b(?! with)",
            r"\bim not (?:ok|okay)\b(?! with)",
            r"\b(?:having|had|have) a (?:mental |nervous )?breakdown\b|\bbreaking down\b",
            r"\b(?:im|i am|i feel like im|i feel like i am) falling apart\b|\bdying inside\b",
        ),
    ),
)

# What undoes a match: the words before it say it is about someone else, as careers questions
# do ("jobs helping kids who are being bullied", "help people who self harm", "a counsellor for
# people with depression"); or the words after it say it was an accident, a game or a kindness
# ("i hurt myself playing rugby", "my brother beat me at fifa", "hit me up", "grabbed me a coffee").
_ABOUT_OTHERS = re.compile(
    r"\b(?:people|kids|children|young people|teens|teenagers|pupils|students|victims|those|others|"
    r"families|patients|adults|someone|anyone)(?: who| that| with)(?: are| is| have| has| were| was| had)?"
    r"(?: been| being)?\s*$"
)
_ACCIDENT_OR_GAME = re.compile(
    r"^\s*(?:playing|at (?:training|practice|the gym|football|rugby|work|a match|the match)|during|"
    r"skateboarding|skating|running|training|lifting|cooking|shaving|when i fell|by accident|accidentally|"
    r"up\b|at (?:fifa|chess|pool|darts|tennis|games?|\w+ing)\b|"
    r"in (?:a|the) (?:race|game|match|final)\b|(?:a|an|some) (?:coffee|drink|tea|sandwich|snack|seat|chair|"
    r"ticket|lift|bite)\b)"
)

_TEXT_SPEAK = re.compile(r"\b(?:u|ur|r|wanna|gonna|i m|myslef)\b")
_PLAIN = {
    "u": "you",
    "ur": "your",
    "r": "are",
    "wanna": "want to",
    "gonna": "going to",
    "i m": "im",
    "myslef": "myself",
}


def _normalised(text: str) -> str:
    """Lower case with apostrophes dropped ("i'm" -> "im", "can't" -> "cant"), other
    punctuation as spaces, letters typed three or more times twice ("sooo" -> "soo"), and the
    text speak the rules expect spelt out ("wanna" -> "want to")."""
    words = text.lower().replace("’", "").replace("'", "").replace("`", "")
    words = re.sub(r"([a-z])\1{2,}", r"\1\1", words)
    words = " ".join(re.sub(r"[^\w\s]", " ", words).split())
    return _TEXT_SPEAK.sub(lambda m: _PLAIN[m.group(0)], words)


@dataclass(frozen=True)
class Reading:
    distress: bool  # the message tells us the person may be at risk
    category: str | None = None  # which kind of risk (suicidal, self_harm, abuse, ...)


def _compiled(patterns: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_CATEGORIES = tuple((name, _compiled(patterns)) for name, patterns in _DISTRESS)


def _undone(words: str, match: re.Match) -> bool:
    return bool(_ABOUT_OTHERS.search(words[: match.start()]) or _ACCIDENT_OR_GAME.match(words[match.end() :]))


def read(text: str) -> Reading:
    """What the message says about the person's safety. Words about killing or hurting oneself
    count even beside "lol": a joke gets a kind reply it did not need, which is the cheaper
    mistake."""
    words = _normalised(text)
    for category, pattern in _CATEGORIES:
        if any(not _undone(words, match) for match in pattern.finditer(words)):
            return Reading(True, category)
    return Reading(False)
