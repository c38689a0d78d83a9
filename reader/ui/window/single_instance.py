"""One running window per library: a second launch hands its files and links to it and exits.

The running window listens on a local socket (Python's `multiprocessing.connection`: a Unix
socket in a folder only this user can enter, a named pipe on Windows) named for the user and
the library, so two users, or two libraries, each have their own; a key in that folder
authenticates the launches. A launch with files or a `reader://` link first tries that socket:
if a window answers, it gets the words (paths made absolute, links as given) and the launch
exits 0; otherwise the launch opens its own window and listens in turn. One request is one
message of JSON, `{"open": [...]}`, answered by `ok`. On macOS a double-clicked file or a
clicked link arrives as a `QFileOpenEvent` instead (reader.ui.window.back_links.FileOpenFilter),
which goes to the same place. (The standard library rather than QLocalServer: QtNetwork and
the Kerberos libraries it links weigh 5 MB in the packaged app, for a one-line message.)
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import secrets
import sys
import tempfile
import threading
from collections.abc import Sequence
from functools import partial
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
HAND_OFF_TIMEOUT_MS: Final = 3000
_MAX_REQUEST: Final = 1 << 20  # a request is a few paths; anything larger is not ours
_UNSAFE: Final = re.compile(r"[^A-Za-z0-9_.-]+")


def server_name(db_path: Path | str) -> str:
    """The socket's name: per user and per library (a file's resolved path, or a server's
    URL as given, hashed)."""
    where = str(db_path.expanduser().resolve()) if isinstance(db_path, Path) else db_path
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()
    return f"transcript-reader-{_user()}-{digest[:16]}"


def request_words(words: Sequence[str], cwd: Path | None = None) -> list[str]:
    """What to send: links as they are, file names made absolute (the window's working
    folder is not this launch's)."""
    from reader.core.links import is_link

    base = cwd or Path.cwd()
    return [w if is_link(w) else str((base / Path(w).expanduser()).absolute()) for w in words]


def _user() -> str:
    try:
        return _UNSAFE.sub("_", getpass.getuser())[:32]
    except Exception:  # no user name in the environment or the password database
        return "user"


def _folder() -> Path:
    """This user's folder for the sockets and the key: private (0700) where modes exist."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or base
    folder = Path(base) / f"transcript-reader-{_user()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    if sys.platform != "win32":
        info = folder.stat()
        if info.st_uid != os.getuid() or info.st_mode & 0o077:
            raise OSError(f"{folder} is not this user's private folder")
    return folder


def _key() -> bytes:
    """The secret both sides read from the private folder (made on first use)."""
    path = _folder() / "key"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    key = secrets.token_bytes(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another launch made it a moment ago
        return path.read_bytes()
    with os.fdopen(fd, "wb") as f:
        f.write(key)
    return key


def _address(name: str) -> tuple[str, str]:
    if sys.platform == "win32":
        return rf"\\.\pipe\{name}", "AF_PIPE"
    digest = name.rsplit("-", 1)[-1]  # short: socket paths are limited to ~100 bytes
    return str(_folder() / f"{digest}.sock"), "AF_UNIX"


def _connect(name: str, timeout_s: float = HAND_OFF_TIMEOUT_MS / 1000) -> Connection | None:
    """A connection to the window listening on `name`, or None when none answers in time (a
    window that is frozen or stopped must not hang the launch that asks it)."""
    found: list[Connection | None] = [None]
    late = threading.Event()

    def attempt() -> None:
        conn = _connect_now(name)
        if late.is_set() and conn is not None:
            conn.close()
        found[0] = conn

    thread = threading.Thread(target=attempt, name="instance-connect", daemon=True)
    thread.start()
    thread.join(timeout_s)
    if thread.is_alive():
        late.set()
        log.warning("the window on %s did not answer in %.0f s", name, timeout_s)
        return None
    return found[0]


def _connect_now(name: str) -> Connection | None:
    try:
        address, family = _address(name)
        return Client(address, family, authkey=_key())
    except (OSError, EOFError, ValueError) as exc:  # no socket, refused, or not ours
        log.debug("no window on %s: %s", name, exc)
        return None
    except Exception as exc:  # an authentication failure: someone else's socket
        log.warning("the socket %s did not answer as a window: %s", name, exc)
        return None


def hand_off(name: str, words: Sequence[str], timeout_ms: int = HAND_OFF_TIMEOUT_MS) -> bool:
    """Give `words` (files and links) to the window listening on `name`; True when it took
    them, False when no window answers (then this launch opens its own)."""
    conn = _connect(name, timeout_ms / 1000)
    if conn is None:
        return False
    with conn:
        try:
            conn.send_bytes(json.dumps({"open": request_words(words)}).encode("utf-8"))
            if not conn.poll(timeout_ms / 1000):
                return False
            return conn.recv_bytes(64) == b"ok"
        except (OSError, EOFError):
            return False


class InstanceServer(QObject):
    """Listens for later launches; `received` carries the words each one hands over (emitted
    from the listening thread, so connected slots run on the receiver's thread)."""

    received = Signal(list)  # list[str]: absolute paths and reader:// links

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._listener: Listener | None = None
        self._closing = threading.Event()

    def listen(self) -> bool:
        """Start listening; a socket left by a window that crashed is removed first (no
        window answered on it, or this launch would have handed off)."""
        probe = _connect(self.name)
        if probe is not None:  # another window is there: it keeps the name
            probe.close()
            return False
        try:
            address, family = _address(self.name)
            if family == "AF_UNIX":
                Path(address).unlink(missing_ok=True)  # nobody answered on it
            self._listener = Listener(address, family, authkey=_key())
        except OSError as exc:
            log.warning("cannot listen for other launches on %s: %s", self.name, exc)
            return False
        threading.Thread(target=self._serve, args=(self._listener,), name="instance-server",
                         daemon=True).start()
        # Closed with its owner (a window let go when File → Open Library reopens it), as a
        # QLocalServer would be: the thread and the socket do not outlive the object.
        self.destroyed.connect(partial(_stop, self.name, self._listener, self._closing))
        return True

    def is_listening(self) -> bool:
        return self._listener is not None and not self._closing.is_set()

    def close(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            _stop(self.name, listener, self._closing)

    def _serve(self, listener: Listener) -> None:
        closing = self._closing
        while not closing.is_set():
            try:
                conn = listener.accept()
            except Exception:  # a failed handshake, or the listener closed under it
                continue
            words: list[str] | None = None
            with conn:
                try:
                    if conn.poll(HAND_OFF_TIMEOUT_MS / 1000):
                        words = _parse_request(conn.recv_bytes(_MAX_REQUEST))
                        conn.send_bytes(b"ok" if words is not None else b"refused")
                except (OSError, EOFError):
                    continue
            if words and not self._closing.is_set():
                try:
                    self.received.emit(words)
                except RuntimeError:  # the object went with its window meanwhile
                    closing.set()
                    listener.close()
                    return


def _stop(name: str, listener: Listener, closing: threading.Event, *_args: object) -> None:
    if closing.is_set():
        return
    closing.set()
    wake = _connect(name, 0.5)  # the thread waits in accept(): let it see the flag
    if wake is not None:
        wake.close()
    listener.close()


def _parse_request(line: bytes) -> list[str] | None:
    try:
        request = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    words = request.get("open") if isinstance(request, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return None
    return words
