"""The web chat page's server: web/public, the widget's files from web/node_modules, and the
address of the Rasa server the page should talk to: its port on the page's host (the launcher),
or the page's own address when nginx serves both (`python -m bot.runtime.webserver`,
deploy/careers-web.service).

It serves only what the page needs (no directory listings, nothing else from node_modules), sends
a Content-Security-Policy that lets the page reach this server and the Rasa server and nothing
on the internet, and logs nothing: request lines would be the only thing to log, and the page's
conversations never pass through here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

from . import project

# URL path -> file under web/node_modules (the UMD builds, loaded with plain <script> tags).
VENDOR = {
    "/vendor/react.js": "react/umd/react.production.min.js",
    "/vendor/react-dom.js": "react-dom/umd/react-dom.production.min.js",
    "/vendor/rasa-webchat.js": "rasa-webchat/module/index.js",
}
# The widget's stylesheets @import a web font from Google. The page loads nothing from the
# internet (a young person's address would go to a third party), so those imports are dropped
# as the file is served; the page's own stylesheet sets the font.
REMOTE_IMPORT = re.compile(rb"@import url\(https?://[^)]*\);")
# The Rasa server runs several worker processes on one port, and socket.io's usual start (HTTP
# long-polling, then an upgrade) sends one session's requests to any of them ("Invalid
# session"). A websocket is one connection, so it stays with one worker. The widget passes only
# the socket path to socket.io (it drops its protocolOptions), so its one call is edited as the
# file is served; a widget version without that call is refused with an error naming this file
# (tests/test_web_browser.py checks the installed widget).
WIDGET_SOCKET_CALL = b"socketio:function(e,t,n){var r=n?{path:n}:{}"
WEBSOCKET_ONLY = (
    b'socketio:function(e,t,n){var r=n?{path:n,transports:["websocket"]}:{transports:["websocket"]}'
)


def widget_script(script: bytes) -> bytes:
    if script.count(WIDGET_SOCKET_CALL) != 1:
        raise RuntimeError(
            "rasa-webchat's socket.io call has changed: update WIDGET_SOCKET_CALL "
            "in bot/runtime/webserver.py so the page connects by websocket only"
        )
    return script.replace(WIDGET_SOCKET_CALL, WEBSOCKET_ONLY)


class ChatPageHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, rasa_port: int | None, **kwargs) -> None:
        self.rasa_port = rasa_port
        super().__init__(*args, directory=str(project.WEB_PUBLIC), **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/config.json":
            self._send_bytes(json.dumps({"rasaPort": self.rasa_port}).encode(), "application/json")
        elif path in VENDOR:
            script = REMOTE_IMPORT.sub(b"", (project.WEB / "node_modules" / VENDOR[path]).read_bytes())
            if path == "/vendor/rasa-webchat.js":
                script = widget_script(script)
            self._send_bytes(script, "text/javascript")
        elif path.endswith("/") and path != "/":
            self.send_error(HTTPStatus.NOT_FOUND)
        else:
            super().do_GET()

    def _send_bytes(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        host = (self.headers.get("Host") or "localhost").rsplit(":", 1)[0]
        rasa = f" http://{host}:{self.rasa_port} ws://{host}:{self.rasa_port}" if self.rasa_port else ""
        self.send_header(
            "Content-Security-Policy",
            f"default-src 'self'; connect-src 'self'{rasa}; "
            "img-src 'self' data:; font-src 'self' data:; "
            "style-src 'self' 'unsafe-inline'; "
            "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        )
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def list_directory(self, path):  # noqa: ANN001 - signature fixed by the base class
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - base class name
        pass


def _server(host: str, port: int, rasa_port: int | None) -> ThreadingHTTPServer:
    missing = [p for p in VENDOR.values() if not (project.WEB / "node_modules" / p).exists()]
    if missing:
        raise FileNotFoundError(f"web/node_modules lacks {missing[0]}: run npm ci in web/")
    server = ThreadingHTTPServer((host, port), partial(ChatPageHandler, rasa_port=rasa_port))
    server.daemon_threads = True
    return server


def start(host: str, port: int, rasa_port: int | None) -> ThreadingHTTPServer:
    """Serves the page from a background thread; call .shutdown() to stop. `rasa_port` None:
    the page talks to Rasa on its own address (behind nginx)."""
    server = _server(host, port, rasa_port)
    threading.Thread(target=server.serve_forever, name="chat-page", daemon=True).start()
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.runtime.webserver", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--interface", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    parser.add_argument(
        "--rasa-port",
        type=int,
        help="the Rasa server's port on the page's host (default: the page's own address, as behind nginx)",
    )
    args = parser.parse_args(argv)
    _server(args.interface, args.port, args.rasa_port).serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
