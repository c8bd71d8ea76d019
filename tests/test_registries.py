"""The registries agree with each other and with the docs: each topic's intents are in the domain
with a rule and examples, each intent the answering action takes is a topic's or a declared
follow-up, every key the service can put in a Result has words in the chat, and README's
"Adding a topic" names the files it takes. Fast: no database, no Rasa model."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

from bot.actions.answer import FOLLOW_UP_INTENTS, UNCLEAR_INTENTS
from lmi_backend import notes
from lmi_backend.answers import topics, words
from lmi_backend.estimates.pay import AGES
from lmi_backend.service import datasets

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bot" / "data"
MIN_EXAMPLES = 20


def _yaml_files() -> list[dict]:
    return [yaml.safe_load(p.read_text()) or {} for p in sorted(DATA.rglob("*.yml"))]


def _domain_intents() -> set[str]:
    return set(yaml.safe_load((ROOT / "bot" / "domain.yml").read_text())["intents"])


def _rules() -> dict[str, set[str]]:
    """Intent -> the actions the one-step rules send it to."""
    out: dict[str, set[str]] = {}
    for data in _yaml_files():
        for rule in data.get("rules") or []:
            steps = rule.get("steps") or []
            if len(steps) == 2 and "intent" in steps[0] and "action" in steps[1]:
                out.setdefault(steps[0]["intent"], set()).add(steps[1]["action"])
    return out


def _examples() -> dict[str, int]:
    counts: dict[str, int] = {}
    for data in _yaml_files():
        for block in data.get("nlu") or []:
            if "intent" in block:
                lines = [line for line in block["examples"].splitlines() if line.strip().startswith("- ")]
                counts[block["intent"]] = counts.get(block["intent"], 0) + len(lines)
    return counts


@pytest.mark.parametrize("topic", topics.TOPICS, ids=lambda t: t.name)
def test_each_topic_intent_is_in_the_domain_with_a_rule_and_examples(topic):
    domain, rules, examples = _domain_intents(), _rules(), _examples()
    for intent in topic.intents:
        assert intent in domain, f"{intent} (topic {topic.name}) is not in bot/domain.yml"
        assert rules.get(intent) == {"action_answer"}, f"{intent} needs a rule to action_answer"
        assert examples.get(intent, 0) >= MIN_EXAMPLES, f"{intent} has {examples.get(intent, 0)} examples"
    assert topic.button and topic.uses <= topics.FIGURES


def test_every_intent_the_answering_action_takes_has_a_topic_or_is_a_follow_up():
    answered = {intent for intent, actions in _rules().items() if "action_answer" in actions}
    assert answered == set(topics.INTENT_TOPICS) | set(FOLLOW_UP_INTENTS) | set(UNCLEAR_INTENTS)
    assert set(FOLLOW_UP_INTENTS) <= _domain_intents()
    # the "did you mean ...?" buttons name every intent the NLU can offer but the fallback's own
    offered = _domain_intents() - {"nlu_fallback", "out_of_scope", "insult", "distress", "affirm", "deny"}
    offered -= {"choose_job"}  # a button's own payload, never typed
    assert offered <= set(topics.INTENT_BUTTONS), offered - set(topics.INTENT_BUTTONS)


def test_every_reason_caveat_and_dataset_key_has_words():
    assert set(notes.REASONS) == set(words.REASONS)
    assert set(notes.CAVEATS) == set(words.CAVEATS_SHORT) == set(words.CAVEATS_LONG)
    keyed = {k for k in datasets.DATASET_KEYS.values() if k}
    assert keyed == set(words.DATASETS)
    # the words about pay by age say the ages the estimates cover
    assert f"ages {AGES.start} to {AGES.stop - 1}" in words.REASONS[notes.PAY_AGE_RANGE]


def test_every_dataset_in_the_manifest_has_a_key():
    manifest = json.loads(resources.files("lmi_backend").joinpath("etl/manifest.json").read_text())
    names = {entry["dataset"] for entry in manifest["files"]}
    assert names <= set(datasets.DATASET_KEYS), names - set(datasets.DATASET_KEYS)


def test_every_estimate_method_has_plain_words(engine):
    from sqlalchemy import select

    from lmi_backend.db.estimates import estimate_method
    from lmi_backend.service.occupation import INTEREST_METHOD_KEY, ONET_METHOD_KEY, SIMILAR_METHOD_KEY

    with engine.connect() as conn:
        keys = set(conn.execute(select(estimate_method.c.key)).scalars())
    keys |= {ONET_METHOD_KEY, SIMILAR_METHOD_KEY, INTEREST_METHOD_KEY}
    worded = set(words.METHODS) | set(words.ADJUSTED_FOR)
    assert keys <= worded, keys - worded


def test_readme_says_how_to_add_a_topic_in_three_files_or_fewer():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Adding a topic", 1)[1].split("\n## ", 1)[0]
    files = re.findall(r"`((?:bot|lmi_backend)/[\w/<>.-]+)`", section)
    assert 1 <= len(set(files)) <= 3, files
    for name in files:
        if "<" not in name:
            assert (ROOT / name).exists(), name


def test_the_answer_layer_renders_without_the_database_layer():
    """lmi_backend/answers renders what the service returns; importing it must not pull in the
    service or SQLAlchemy (a front end could render stored results with the answer layer alone)."""
    code = "import sys, lmi_backend.answers.topics; print(sorted(m for m in ('sqlalchemy', 'lmi_backend.service.facade') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
