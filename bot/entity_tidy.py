"""NLU component after the entity tagger and the synonym mapper: puts split job phrases back together and
turns a "job" that is really a place name back into a place.

The tagger labels token by token and sometimes breaks an unfamiliar multi-word job in two ("wind" +
"farm engineers", "sign language" + "interpreters"); the SOC coder needs the whole phrase.
Pieces of the same entity type separated only by spaces are one phrase. A job whose words are
exactly a place in the gazetteer ("plymouth") is a place.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from lmi_backend.places import gazetteer

from .stateless_component import StatelessComponent

JOINED = ("job",)


def tidy(entities: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for entity in sorted(entities, key=lambda e: e.get("start", 0)):
        entity = dict(entity)
        if entity.get("entity") == "job" and str(entity.get("value", "")).lower() in gazetteer().names:
            entity["entity"] = "region"
        last = out[-1] if out else None
        if (
            last is not None
            and entity.get("entity") in JOINED
            and last.get("entity") == entity.get("entity")
            and "end" in last
            and "start" in entity
            and not text[last["end"] : entity["start"]].strip()
        ):
            last["end"] = entity["end"]
            last["value"] = text[last["start"] : last["end"]]
            if "confidence_entity" in entity:
                last["confidence_entity"] = min(
                    last.get("confidence_entity", 1.0), entity["confidence_entity"]
                )
            continue
        out.append(entity)
    return out


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EntityTidier(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            if entities:
                message.set(ENTITIES, tidy(entities, message.get(TEXT) or ""), add_to_output=True)
        return messages
