"""The SOC coder's index: matching keys for every coded job title, and the lemma table.

Written at build time from job_title and the team's synonym and workplace lists, read once by
the coder at start-up. Keys are normalised lemma strings (lmi_backend.coder.normalise), so a
query matches an entry by dictionary lookup before any fuzzy work.
"""

from sqlalchemy import Boolean, Column, Float, ForeignKey, Integer, Table, Text

from .metadata import metadata

coder_entry = Table(  # one row per (key, soc): the best title for that code and its weight
    "coder_entry",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False),  # "heat engineer"
    Column("phrase", Text, nullable=False),  # as shown to users: "Heating engineer"
    Column("soc", Integer, ForeignKey("soc_group.code"), nullable=False),
    # synonym, workplace, unit_title, related, coding_index, coding_tool (of the best entry)
    Column("source", Text, nullable=False),
    Column("weight", Float, nullable=False),  # how typical this code is for this key
    Column("titles", Integer, nullable=False),  # how many titles gave this key and code
    # published keys of this code containing every word of this key: how typical the code is
    # for the phrase ("manager" is in hundreds of 1190 titles, a handful of 1213 ones)
    Column("family", Integer, nullable=False),
    # the index gives this code for these words only with a qualifier they lack ("Teacher
    # (secondary school)" for "teacher"): a bare query should be asked about
    Column("needs_qualifier", Boolean, nullable=False),
)

coder_lemma = Table(  # word forms whose lemma is a word of the index: "plumbers" -> "plumber"
    "coder_lemma",
    metadata,
    Column("form", Text, primary_key=True),
    Column("lemma", Text, nullable=False),
)

coder_word = Table(  # how common words are in English: a typo prior and a real-word test
    "coder_word",
    metadata,
    Column("word", Text, primary_key=True),
    Column("logprob", Float, nullable=False),  # natural log of the word's corpus frequency
)
