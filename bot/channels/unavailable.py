"""What a user is told when the assistant cannot take their message just then.

While the conversations database or the lock store is unreachable (a PostgreSQL restart, a
network blip between hosts), Rasa cannot read or save the conversation and the message fails
with an exception (for the database, bot.shared_tracker_store's ConversationsUnreachable). Rasa's channels then log the exception (with the user's text, in the REST
channel's case) and send nothing, so the user waits for a reply that never comes. Every input
channel here answers such a message with TRY_AGAIN instead, and logs only the kind of failure:
the database driver's error text can carry what was being saved, which is what users type. The
conversation itself is untouched (the failed message was not stored), so the user's next
message continues it once the store is back.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

from bot.shared_tracker_store import ConversationsUnreachable

logger = logging.getLogger(__name__)

TRY_AGAIN = "Sorry, I couldn't answer that just now. Please send it again in a moment."

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def answering_when_unavailable(on_new_message: OnNewMessage) -> OnNewMessage:
    async def handle(message: UserMessage) -> None:
        try:
            await on_new_message(message)
        except (Exception, ConversationsUnreachable) as error:  # the user hears something either way
            logger.error(
                f"Could not answer a message on {message.input_channel} "
                f"({type(error).__module__}.{type(error).__name__}); asked the user to send it again."
            )
            try:
                await message.output_channel.send_text_message(message.sender_id, TRY_AGAIN)
            except Exception as unsent:
                logger.error(f"Could not tell the user to try again either ({type(unsent).__name__}).")

    return handle


class AnswersWhenUnavailable:
    """Mixin for an input channel (before Rasa's class in the bases) whose own `blueprint`, if
    any, leaves `on_new_message` to Rasa's."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(answering_when_unavailable(on_new_message))  # type: ignore[misc]
