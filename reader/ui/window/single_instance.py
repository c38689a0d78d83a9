"""One running window per library: a second launch hands its files and links to it and exits.

The running window listens on a local socket (`QLocalServer`: a Unix socket, a named pipe on
Windows) named for the user and the library file, so two users, or two libraries, each have
their own. A launch with files or a `reader://` link first tries that socket: if a window
answers, it gets the words (paths made absolute, links as given) and the launch exits 0;
otherwise the launch opens its own window and listens in turn. One request is one line of
JSON, `{"open": [...]}`, answered by `ok`. On macOS a double-clicked file or a clicked
link arrives as a `QFileOpenEvent` instead (reader.ui.window.back_links.FileOpenFilter),
which goes to the same place.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
HAND_OFF_TIMEOUT_MS: Final = 3000
_MAX_REQUEST: Final = 1 << 20  # a request is a few paths; anything larger is not ours
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_.-]+")


def server_name(db_path: Path | str) -> str:
    """The socket's name: per user and per library (a file's resolved path, or a server's
    URL as given, hashed)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        user = "user"
    where = str(db_path.expanduser().resolve()) if isinstance(db_path, Path) else db_path
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()
    return f"transcript-reader-{_UNSAFE.sub('_', user)[:32]}-{digest[:16]}"


def request_words(words: Sequence[str], cwd: Path | None = None) -> list[str]:
    """What to send: links as they are, file names made absolute (the window's working
    folder is not this launch's)."""
    from reader.core.links import is_link

    base = cwd or Path.cwd()
    return [w if is_link(w) else str((base / Path(w).expanduser()).absolute()) for w in words]


def hand_off(name: str, words: Sequence[str], timeout_ms: int = HAND_OFF_TIMEOUT_MS) -> bool:
    """Give `words` (files and links) to the window listening on `name`; True when it took
    them, False when no window answers (then this launch opens its own)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(json.dumps({"open": request_words(words)}).encode("utf-8") + b"\n")
        if not socket.waitForBytesWritten(timeout_ms):
            return False
        reply = b""
        while b"\n" not in reply:
            if not socket.bytesAvailable() and not socket.waitForReadyRead(timeout_ms):
                return False
            reply += bytes(socket.readAll().data())
        return reply.split(b"\n", 1)[0].strip() == b"ok"
    finally:
        socket.disconnectFromServer()


class InstanceServer(QObject):
    """Listens for later launches; `received` carries the words each one hands over."""

    received = Signal(list)  # list[str]: absolute paths and reader:// links

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (the socket file's mode on Unix, the pipe's ACL on Windows).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a socket left by a window that crashed is removed first (no
        window answered on it, or this launch would have handed off)."""
        # Asked first: with access options set, Qt binds in a private folder and renames the
        # socket into place, which would take the name from a window that is running.
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(500):  # another window is there: it keeps the name
            probe.disconnectFromServer()
            return False
        if self._server.listen(self.name):
            return True
        if self._server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)
            if self._server.listen(self.name):
                return True
        log.warning("cannot listen for other launches on %s: %s", self.name,
                    self._server.errorString())
        return False

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > _MAX_REQUEST:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        words = _parse_request(line)
        socket.write(b"ok\n" if words is not None else b"refused\n")
        socket.flush()
        if words:
            self.received.emit(words)


def _parse_request(line: bytes) -> list[str] | None:
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    words = request.get("open") if isinstance(request, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return None
    return words
