"""First NLU component: keeps a huge message from reaching the models whole.

Every component works per token, and the conversation log keeps the text: a 100 kB paste would
cost seconds and fill the store with it. The guard
cuts the text the models (and the conversation log) keep to MAX_CHARS, noting the real length
under CUT_KEY so the action can ask for a shorter message, and strips markup such as <script>
so tags are not read as words.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from .stateless_component import StatelessComponent

MAX_CHARS = 600
# parse-data key the actions read: how long the message really was, when the guard cut it
CUT_KEY = "guard_cut_from"
_TAG = re.compile(r"</?[a-zA-Z!][^>]{0,200}>")
_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,200}>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)


# what an empty message (or one that was all markup) is read as: an out-of-scope example in the
# training data, so the classifiers always get features (logistic regression fails on none)
NOTHING = "..."


def guarded_text(text: str) -> str:
    """The words a person typed: script and style blocks go with their content, other tags
    go, and the rest is cut to MAX_CHARS."""
    words = _TAG.sub(" ", _SCRIPT.sub(" ", text))[:MAX_CHARS]
    return words if words.strip() else NOTHING


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class MessageGuard(StatelessComponent):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and (len(text) > MAX_CHARS or "<" in text or not text.strip()):
                message.set(TEXT, guarded_text(text))
                if len(text) > MAX_CHARS:
                    message.set(CUT_KEY, len(text), add_to_output=True)
        return messages
