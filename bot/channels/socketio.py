"""Rasa's socket.io connector (the web chat page's channel) with two fixes.

- Session rooms: with `session_persistence` the browser keeps one session id across page loads
  and server restarts, and replies go to a room named after it. Rasa 3.6 calls python-socketio's
  `enter_room` without awaiting it; in python-socketio 5.10+ that is a coroutine, so the socket
  never joins the room and the page never sees a reply.
- Custom payloads: Rasa emits custom JSON as keyword arguments of socket.io's `emit`, which breaks
  on any payload but `{"data": ...}`. Here a custom payload (a chart, docs/payloads.md) reaches
  the page as the message itself, the same JSON the REST channel returns under "custom".

Rasa registers its socket.io event handlers inside `blueprint()`; registering a handler for the
same event again replaces it, which is how the two handlers below take over.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels import socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

from .unavailable import answering_when_unavailable


class SocketIOOutput(socketio.SocketIOOutput):
    async def send_custom_json(self, recipient_id: str, json_message: dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, json_message)


class SocketIOInput(socketio.SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        on_new_message = answering_when_unavailable(on_new_message)
        socketio_webhook = super().blueprint(on_new_message)
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            session_id = (data or {}).get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: dict) -> None:
            if self.session_persistence:
                if not data.get("session_id"):
                    return  # the page always sends one after session_confirm
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    SocketIOOutput(sio, self.bot_message_evt),
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return socketio_webhook
