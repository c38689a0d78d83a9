"""Parse the files named at start-up in a forked process while the window's toolkit loads.

Opening `reader FILE` spends most of its first half-second importing Qt and building the
window on one core; the parse (its modules, their patterns, the file) would then follow on
the same core. A child forked before the window exists (and before any thread starts)
parses the files on the other core and sends each outline back through a pipe, so the
window finds it ready and shows it in its first paint.

Nothing depends on it: a file the child could not parse, a child that died, a platform
without a safe fork (Windows; macOS, where a forked process may not use system frameworks)
all fall back to the ordinary parse in the window's worker thread, which then gives the
same result or the same one-line message.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.model import Transcript


_SIZE_BYTES = 8  # length prefix of each record


def _key(path: str) -> str:
    return os.path.abspath(path)


class ParsePrefetch:
    """Outlines of the start-up files, parsed by a child process; see the module docstring."""

    def __init__(self, pid: int, pipe: IO[bytes], paths: Sequence[str]) -> None:
        self._pid = pid
        self._pipe: IO[bytes] | None = pipe
        self._unclaimed = {_key(p) for p in paths}
        self._claimed: set[str] = set()  # claimed and not yet taken
        self._ready: dict[str, Transcript] = {}
        self._state_lock = threading.Lock()  # the sets above; never held while waiting
        self._read_lock = threading.Lock()  # one reader of the pipe at a time

    @classmethod
    def start(cls, paths: Sequence[str]) -> ParsePrefetch | None:
        """Fork the parsing child; call before Qt's application (or any thread) starts. None
        if not worth it or not safe here."""
        files = [p for p in paths if os.path.isfile(p)]
        if not files or not sys.platform.startswith("linux") or _threads() != 1:
            return None
        try:
            read_fd, write_fd = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:  # the child: parse, send, leave without running the parent's exit code
            os.close(read_fd)
            status = 0
            try:
                with os.fdopen(write_fd, "wb") as out:
                    _parse_and_send(files, out)
            except BaseException:  # the parent parses the files itself
                status = 1
            os._exit(status)
        os.close(write_fd)
        # Unbuffered: `take_ready` asks the pipe itself whether a record is waiting, which a
        # buffer that had read ahead would hide.
        return cls(pid, os.fdopen(read_fd, "rb", buffering=0), files)

    def claim(self, path: str) -> bool:
        """Whether the child has `path` for this caller: true once per start-up file, so a
        second opening of the same file parses it afresh."""
        key = _key(path)
        with self._state_lock:
            if key in self._unclaimed and self._pipe is not None:
                self._unclaimed.discard(key)
                self._claimed.add(key)
                return True
            return False

    def take(self, path: str) -> Transcript | None:
        """The child's outline of a claimed `path`: waits for it (call off the UI thread);
        None when the child did not parse it, so the caller parses the file itself."""
        key = _key(path)
        with self._read_lock:
            while self._pipe is not None:
                with self._state_lock:
                    if key in self._ready:
                        break
                self._receive_one()
            return self._hand_over(key)

    def take_ready(self, path: str) -> Transcript | None:
        """The child's outline of a claimed `path` if it has arrived, without waiting for
        the child to finish parsing; None otherwise (`take` can still wait for it)."""
        key = _key(path)
        if not self._read_lock.acquire(blocking=False):
            return None  # another caller is reading the pipe
        try:
            while True:
                with self._state_lock:
                    arrived = key in self._ready
                if arrived:
                    return self._hand_over(key)
                if self._pipe is None or not select.select([self._pipe], [], [], 0)[0]:
                    return None
                self._receive_one()  # a record is on its way: the child writes it whole
        finally:
            self._read_lock.release()

    def close(self) -> None:
        """Stop the child if it is still parsing, and reap it (at shutdown)."""
        if self._pipe is not None:
            # It holds nothing but memory and the pipe; a waiting `take` sees the end.
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        with self._read_lock:
            self._finish()

    def _hand_over(self, key: str) -> Transcript | None:
        """Give out `key`'s outline (with the read lock held); once nobody waits for more,
        the child has sent all it will: reap it."""
        with self._state_lock:
            self._claimed.discard(key)
            transcript = self._ready.pop(key, None)
            done = not self._unclaimed and not self._claimed
        if done:
            self._finish()
        return transcript

    def _receive_one(self) -> None:
        assert self._pipe is not None
        try:
            size = int.from_bytes(_read_exactly(self._pipe, _SIZE_BYTES), "big")
            path, transcript = pickle.loads(_read_exactly(self._pipe, size))
        except Exception:  # the end of the pipe, or a child that died mid-record
            self._finish()
            return
        with self._state_lock:
            self._ready[path] = transcript

    def _finish(self) -> None:
        if self._pipe is None:
            return
        self._pipe.close()
        with self._state_lock:
            self._pipe = None
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)


def _threads() -> int:
    """This process's threads, as the kernel counts them: a fork copies only the calling one,
    so with any other (Qt's, or Python's) the child could inherit a lock held for ever.
    Having Qt's libraries loaded is harmless (the packaged app loads QtCore before any code
    of ours runs, to point Qt at its bundled files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0  # unknown: no fork


def _read_exactly(pipe: IO[bytes], size: int) -> bytes:
    parts: list[bytes] = []
    while size:
        data = pipe.read(size)  # a pipe gives what it holds, up to `size`
        if not data:
            raise EOFError("the parsing child ended mid-record")
        parts.append(data)
        size -= len(data)
    return b"".join(parts)


def _parse_and_send(paths: Sequence[str], out: IO[bytes]) -> None:
    """Each outline as one length-prefixed record, pickled before it is written, so a reader
    that sees data waiting gets the whole record at once."""
    from reader.core.pipeline import parse_file

    for path in paths:
        try:
            transcript = parse_file(path)
        except Exception:  # the window's own parse reports it, with its message
            continue
        record = pickle.dumps((_key(path), transcript), protocol=pickle.HIGHEST_PROTOCOL)
        out.write(len(record).to_bytes(_SIZE_BYTES, "big") + record)
        out.flush()
