"""The Rasa project as a whole: the training data validates cleanly, and the 40+ test
conversations (follow-ups, clarifications, corrections, comparisons, suppressed cells, out of
scope) pass end to end, NLU included, against the trained model.

The model is trained once per session, and only when config.yml, the domain or the training
data changed since the last training (bot.runtime.prepare fingerprints them), so a warm run
costs the test run only, about a minute."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from bot.entity_tidy import tidy
from bot.message_guard import MAX_CHARS, guarded_text

ROOT = Path(__file__).resolve().parent.parent
TEST_STORIES = ROOT / "bot" / "tests"


def rasa(
    *args: str, cwd: Path = ROOT, timeout: float = 1800, patched: bool = False
) -> subprocess.CompletedProcess:
    """Rasa's command line as shipped, or `patched` with the launcher's speed fixes
    (bot/runtime/rasa_server.py)."""
    from bot.runtime.prepare import quiet_rasa_env

    return subprocess.run(
        [sys.executable, "-m", "bot.runtime.rasa_server" if patched else "rasa", *args],
        cwd=cwd,
        env={**quiet_rasa_env(), "CAREERS_STOCK_RASA": "0"},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="session")
def model(db_path) -> Path:
    from bot.runtime.prepare import ensure_model

    return ensure_model()


def test_training_data_validates_without_warnings():
    done = rasa(
        "data",
        "validate",
        "--fail-on-warnings",
        "--config",
        "config.yml",
        "--domain",
        "bot/domain.yml",
        "--data",
        "bot/data",
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_place_lookup_table_is_generated_from_the_gazetteer():
    from bot.lookups import LOOKUP_FILE, lookup_yaml

    assert LOOKUP_FILE.read_text(encoding="utf-8") == lookup_yaml()


@pytest.mark.parametrize("patched", [False, True], ids=["stock", "patched"])
def test_test_conversations_pass_end_to_end(model, tmp_path, patched):
    """Both ways: Rasa as shipped, and with the launcher's speed fixes (graph runner, tracker
    copies, ...), which must not change a prediction."""
    stories = list(TEST_STORIES.glob("test_*.yml"))
    assert sum(p.read_text().count("\n- story:") for p in stories) >= 40
    done = rasa(
        "test",
        "core",
        "--e2e",
        "--model",
        str(model),
        "--stories",
        str(TEST_STORIES),
        "--out",
        str(tmp_path),
        "--fail-on-prediction-errors",
        patched=patched,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    failed = (tmp_path / "failed_test_stories.yml").read_text()
    assert "None of the test stories failed" in failed, failed


def test_nlu_survives_huge_and_hostile_messages(model):
    """A 100 kB paste, markup and emoji go through the real NLU without error, quickly."""
    from rasa.core.agent import Agent

    async def parse_all() -> list[dict]:
        agent = Agent.load(str(model))
        texts = [
            "how much do plumbers earn " * 4000,
            "<script>alert('x')</script> nurse pay",
            "😂😂😂",
            "",
            "<script>alert(1)</script>",
            "a" * 100_000,
        ]
        return [await agent.parse_message(t) for t in texts]

    results = asyncio.run(parse_all())
    assert all(r["intent"]["name"] for r in results)
    assert results[4]["intent"]["name"] in ("out_of_scope", "nlu_fallback")
    assert not any(e["value"].startswith("<") for r in results for e in r["entities"])


def test_message_guard_cuts_and_strips_markup():
    assert len(guarded_text("x" * 100_000)) == MAX_CHARS
    assert guarded_text("<b>nurse</b> pay <script>alert(1)</script>").split() == ["nurse", "pay"]
    assert guarded_text("<script>alert(1)</script>") == guarded_text("  ") == "..."


def test_split_job_phrases_are_joined_and_place_names_are_places():
    text = "how much do wind farm engineers earn in plymouth"
    entities = [
        {"entity": "job", "value": "wind", "start": 12, "end": 16, "confidence_entity": 0.9},
        {"entity": "job", "value": "farm engineers", "start": 17, "end": 31, "confidence_entity": 0.8},
        {"entity": "job", "value": "plymouth", "start": 40, "end": 48},
    ]
    assert [(e["entity"], e["value"]) for e in tidy(entities, text)] == [
        ("job", "wind farm engineers"),
        ("region", "plymouth"),
    ]
    two = "nurse vs midwife"
    apart = [
        {"entity": "job", "value": "nurse", "start": 0, "end": 5},
        {"entity": "job", "value": "midwife", "start": 9, "end": 16},
    ]
    assert [e["value"] for e in tidy(apart, two)] == ["nurse", "midwife"]
