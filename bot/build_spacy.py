"""Builds the offline spaCy pipeline the Rasa NLU pipeline loads by path (var/spacy/en_lookup).

Rasa's SpacyNLP normally loads a downloaded package such as en_core_web_md; nothing may be
downloaded at run time here, so we save a blank English pipeline with the lookup lemmatizer
from spacy-lookups-data (an installed wheel). It gives Rasa spaCy tokens and lemmas ("earns" ->
"earn", "jobs" -> "job"); the count-vector featurizers then see fewer surface forms.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TARGET = PROJECT_ROOT / "var" / "spacy" / "en_lookup"


def build(target: Path = DEFAULT_TARGET) -> Path:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data into the pipeline
    nlp.meta["name"] = "en_lookup"
    nlp.meta["description"] = "Blank English pipeline with lookup lemmatizer (offline, for Rasa)"
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def ensure(target: Path = DEFAULT_TARGET) -> Path:
    """Builds the pipeline only when it is missing, so bootstrap stays quick."""
    return target if (target / "meta.json").exists() else build(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=DEFAULT_TARGET)
    parser.add_argument("--force", action="store_true", help="rebuild even when present")
    args = parser.parse_args(argv)
    path = build(args.target) if args.force else ensure(args.target)
    print(f"spaCy pipeline ready at {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
