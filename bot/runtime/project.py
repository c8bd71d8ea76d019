"""Where the runtime finds the project's parts, resolved once so every step agrees on them."""

from __future__ import annotations

import sys
from pathlib import Path

# absolute(), not resolve(): a checkout reached through a symlink keeps its own paths.
ROOT = Path(__file__).absolute().parent.parent.parent
PYTHON = Path(sys.executable)
RASA_CONFIG = ROOT / "config.yml"
BOT = ROOT / "bot"
ENDPOINTS = BOT / "endpoints.yml"
CREDENTIALS = BOT / "credentials.yml"
MODELS = ROOT / "models"
WEB = ROOT / "web"
WEB_PUBLIC = WEB / "public"
VAR = ROOT / "var"
LOGS = VAR / "log"
CONVERSATIONS_DB = VAR / "conversations.sqlite"
