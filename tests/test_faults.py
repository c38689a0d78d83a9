"""Fault injection: every command against every hard edge, run as a user runs it.

Faults: a FIFO, a device and a symlink to one, a symlink loop, an unreadable file, a file
name that is not UTF-8, a library damaged at three offsets, a read-only library file and
folder, a full disk, and another program holding the write lock. For each fault and command:
the message (one line per problem, no traceback), the exit code (0 ok, 1 some files failed or
nothing matched, 2 the user's input, 3 the library), and that the library's rows and its
`integrity_check` are what they were (nothing half-written, nothing written into a damaged
or read-only file). Set FAULT_TABLE=path to write the table of outcomes as Markdown.

Root ignores permission bits, so as root the read-only cases use the immutable attribute
(chattr +i), the full disk a small tmpfs, and the unreadable file a run as nobody (setpriv);
without root: chmod, and a file-size limit (RLIMIT_FSIZE) for the full disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
KNOWN = FIXTURES / "quartr_lanting_q2_2024.txt"  # in the library before every fault
NEW = FIXTURES / "general_plain.txt"  # not in the library: importing it writes
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and modes are POSIX")
pytestmark = posix_only

TABLE: list[tuple[str, str, int, str, str]] = []


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str

    @property
    def message(self) -> str:
        lines = self.stderr.strip().splitlines()
        return lines[0] if lines else "(none)"


def reader(*args: str | Path, db: Path, env: dict[str, str] | None = None,
           user: str | None = None, preexec: Callable[[], None] | None = None,
           timeout: float = 60) -> Outcome:
    cmd = [sys.executable, "-m", "reader", "--db", str(db), *map(os.fsdecode, args)]
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, timeout=timeout,
                          env={**os.environ, "TRANSCRIPT_READER_WRITE_WAIT": "2", **(env or {})},
                          preexec_fn=preexec)
    return Outcome(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                   proc.stderr.decode("utf-8", "replace"))


def state(db: Path) -> tuple[dict[str, int] | str, str, str]:
    """Rows per table, the integrity check's answer, and the file's digest."""
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    uri = f"file:{db}?mode=ro" + ("" if os.access(db.parent, os.W_OK) else "&immutable=1")
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            check = " ".join(str(r[0]) for r in conn.execute("PRAGMA integrity_check"))
            try:
                rows: dict[str, int] | str = {
                    t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("transcripts", "highlights", "tags", "transcript_versions")}
            except sqlite3.Error as exc:
                rows = f"unreadable ({exc})"
    except sqlite3.Error as exc:
        return f"unreadable ({exc})", str(exc), digest
    return rows, check, digest


def well_formed(out: Outcome) -> None:
    assert "Traceback" not in out.stderr, out.stderr
    for line in out.stderr.strip().splitlines():
        assert line.startswith("reader: "), out.stderr
    assert out.code in (0, 1, 2, 3), (out.code, out.stderr)


def record(fault: str, command: str, out: Outcome, unchanged: bool | None) -> None:
    TABLE.append((fault, command, out.code, out.message,
                  "—" if unchanged is None else ("yes" if unchanged else "NO")))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with a few calls and one highlight, closed cleanly."""
    db = tmp_path_factory.mktemp("template") / "library.sqlite3"
    folder = tmp_path_factory.mktemp("calls")
    for name in ("quartr_lanting_q2_2024.txt", "alphaspread_brightwater_q2_2024.txt",
                 "earningscall_northpeak_q4_2023.txt"):
        shutil.copy(FIXTURES / name, folder / name)
    assert reader("import", folder, db=db).code == 0
    assert reader("annotate", KNOWN, "--quote", "Q2 2024", "--occurrence", "1",
                  db=db).code == 0
    return db


@pytest.fixture
def library(template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "lib" / "library.sqlite3"
    db.parent.mkdir()
    shutil.copy(template, db)
    return db


COMMANDS: dict[str, Callable[[Path], list[str | Path]]] = {
    "parse": lambda f: ["parse", f],
    "annotate": lambda f: ["annotate", f, "--quote", "Good", "--occurrence", "1"],
    "highlights": lambda f: ["highlights", f],
    "import": lambda f: ["import", f],
    "search": lambda f: ["search", "revenue"],
    "export": lambda f: ["export", "--all", "-o", f.parent.parent / "notes"],
    "library check": lambda f: ["library", "check"],
}


# --- bad input files ------------------------------------------------------------------------

def _fifo(d: Path) -> Path:
    os.mkfifo(d / "x.txt")
    return d / "x.txt"


def _device(d: Path) -> Path:
    return Path("/dev/zero")


def _device_link(d: Path) -> Path:
    (d / "zero.txt").symlink_to("/dev/urandom")
    return d / "zero.txt"


def _loop(d: Path) -> Path:
    (d / "loop.txt").symlink_to(d / "loop.txt")
    return d / "loop.txt"


INPUT_FAULTS = {"FIFO": _fifo, "device": _device, "symlink to a device": _device_link,
                "symlink loop": _loop}
INPUT_CODES = {"parse": {2}, "annotate": {2}, "highlights": {2}, "import": {1},
               "search": {0}, "export": {0}, "library check": {0}}


@pytest.mark.parametrize("fault", list(INPUT_FAULTS))
def test_bad_input_files(fault: str, library: Path, tmp_path: Path) -> None:
    bad = INPUT_FAULTS[fault](tmp_path)
    before = state(library)
    for command, args in COMMANDS.items():
        out = reader(*args(bad), db=library, timeout=30)
        well_formed(out)
        unchanged = state(library)[:2] == before[:2]
        record(fault, command, out, unchanged)
        assert out.code in INPUT_CODES[command], (command, out)
        assert unchanged, command
        if command in ("parse", "annotate", "highlights", "import"):
            assert out.stderr.count("\n") == 1, out.stderr


def test_a_folder_with_bad_entries_imports_the_rest(library: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for make in INPUT_FAULTS.values():
        make(folder)
    (folder / os.fsdecode(b"caf\xe9 call.txt")).write_bytes(NEW.read_bytes())
    out = reader("import", folder, db=library, timeout=60)
    well_formed(out)
    record("folder: FIFO, device link, loop, good file", "import", out, None)
    assert out.code == 1 and "1 imported" in out.stdout and "3 failed" in out.stdout


def test_unreadable_file(template: Path) -> None:
    base = Path(tempfile.mkdtemp(prefix="reader-faults-", dir="/tmp"))
    try:
        base.chmod(0o777)
        db = base / "library.sqlite3"
        shutil.copy(template, db)
        db.chmod(0o666)
        secret = base / "secret.txt"
        secret.write_bytes(KNOWN.read_bytes())
        secret.chmod(0)
        user = None
        if ROOT:
            if shutil.which("setpriv") is None:
                pytest.skip("root reads any file, and setpriv is not here to drop that")
            user = "65534"
        before = state(db)
        for command in ("parse", "annotate", "highlights", "import"):
            out = reader(*COMMANDS[command](secret), db=db, user=user)
            well_formed(out)
            unchanged = state(db)[:2] == before[:2]
            record("unreadable file", command, out, unchanged)
            assert out.code == (1 if command == "import" else 2), out
            assert "permission denied" in out.message and unchanged
    finally:
        with contextlib.suppress(OSError):
            (base / "secret.txt").chmod(0o600)
        shutil.rmtree(base, ignore_errors=True)


def test_a_non_utf8_file_name_is_kept_and_shown(library: Path, tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"caf\xe9 call.txt")
    name.write_bytes(NEW.read_bytes())
    for command in ("parse", "annotate", "highlights", "import", "search", "export"):
        args = [*COMMANDS[command](name)]
        if command in ("parse", "highlights"):
            args.append("--json")
        out = reader(*args, db=library)
        well_formed(out)
        record("non-UTF-8 file name", command, out, None)
        assert out.code == 0, (command, out)
        if "--json" in args:
            assert "caf\\\\xe9 call.txt" in out.stdout, out.stdout[:300]
    with contextlib.closing(sqlite3.connect(library)) as conn:
        stored = {r[0] for r in conn.execute("SELECT source_name FROM transcripts")}
    assert b"caf\xe9 call.txt" in stored  # the bytes themselves, losslessly


# --- damaged, read-only, full, locked libraries -----------------------------------------------

READS = ("parse", "highlights", "search", "export")
WRITES = ("annotate", "import")


def _damage(db: Path, where: str) -> None:
    size = db.stat().st_size
    offset = {"early": 2 * 4096, "middle": size // 2 // 4096 * 4096,
              "late": size - 2 * 4096}[where]
    with db.open("r+b") as f:
        f.seek(offset)
        f.write(random.Random(offset).randbytes(4096))


def _library_command(command: str, db: Path) -> list[str | Path]:
    if command == "export":  # the notes go to a writable folder of their own
        return ["export", "--all", "-o", Path(tempfile.mkdtemp(prefix="reader-notes-"))]
    return COMMANDS[command](NEW if command == "import" else KNOWN)


@pytest.mark.parametrize("where", ["early", "middle", "late"])
def test_damaged_library(where: str, library: Path) -> None:
    _damage(library, where)
    before = state(library)
    assert before[1] != "ok"
    for command in (*READS, *WRITES, "library check"):
        out = reader(*_library_command(command, library), db=library)
        well_formed(out)
        after = state(library)
        unchanged = after == before  # rows, check and the very bytes
        record(f"damaged library ({where})", command, out, unchanged)
        assert unchanged, command
        if command in WRITES:
            assert out.code == 3 and "damaged" in out.message, (command, out)
        elif command == "library check":
            assert out.code == 3 and "salvaged" in out.stdout, out
        else:
            assert out.code in (0, 1, 3), (command, out)
            if out.code == 3:
                assert "damaged" in out.message
    salvaged = sorted(library.parent.glob("library.sqlite3.salvaged-*"))
    assert salvaged and state(salvaged[-1])[1] == "ok"


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    if ROOT:
        if shutil.which("chattr") is None:
            pytest.skip("root ignores modes, and chattr is not here")
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip(f"this file system has no immutable attribute for {path}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = path.stat().st_mode
        path.chmod(stat.S_IMODE(mode) & ~0o222)
        try:
            yield
        finally:
            path.chmod(stat.S_IMODE(mode))


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_library(what: str, library: Path) -> None:
    before = state(library)
    with read_only(library if what == "file" else library.parent):
        for command in (*READS, *WRITES, "library check"):
            out = reader(*_library_command(command, library), db=library)
            well_formed(out)
            unchanged = state(library)[:2] == before[:2]
            record(f"read-only library {what}", command, out, unchanged)
            assert unchanged, command
            if command in WRITES:
                assert out.code == 3 and "read-only" in out.message, (command, out)
                assert "not a Transcript Reader library" not in out.stderr
            else:
                assert out.code == 0, (command, out)


@contextlib.contextmanager
def small_disk(tmp_path: Path) -> Iterator[tuple[Path, Callable[[], None] | None]]:
    """A folder on a disk that is (almost) full, and what a child must run to see it so."""
    if ROOT and shutil.which("mount"):
        mount = Path(tempfile.mkdtemp(prefix="reader-full-", dir="/tmp"))
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True).returncode == 0:
            try:
                yield mount, None
            finally:
                subprocess.run(["umount", "-l", str(mount)], check=False)
                shutil.rmtree(mount, ignore_errors=True)
            return
    import resource
    import signal

    folder = tmp_path / "limited"
    folder.mkdir()

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        size = sum(p.stat().st_size for p in folder.iterdir())
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 1024, size + 1024))

    yield folder, limit


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as f:
        while True:
            f.write(b"\0" * 65536)
            f.flush()


def test_full_disk(library: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path) as (folder, preexec):
        db = folder / "library.sqlite3"
        shutil.copy(library, db)
        before = state(db)
        if preexec is None:
            _fill(folder)
        for command in (*WRITES, *READS):
            out = reader(*_library_command(command, db), db=db, preexec=preexec)
            well_formed(out)
            unchanged = state(db)[:2] == before[:2]
            record("full disk", command, out, unchanged)
            assert unchanged and before[1] == "ok", command
            assert out.stderr.count("\n") <= 1, out.stderr
            if command in WRITES:
                assert out.code == 3 and "disk is full" in out.message, (command, out)
            elif out.code != 0:
                # SQLite cannot even read a WAL library without room for its shared-memory
                # file: then one line saying so.
                assert out.code == 3 and "disk is full" in out.message, (command, out)


def test_held_lock(library: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('held', flush=True); time.sleep(60)",
         str(library)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = state(library)
        for command in (*READS, *WRITES):
            started = time.monotonic()
            out = reader(*_library_command(command, library), db=library)
            well_formed(out)
            unchanged = state(library)[:2] == before[:2]
            record("held write lock", command, out, unchanged)
            assert unchanged, command
            if command in WRITES:
                assert out.code == 3 and "waiting for the library" in out.stderr, (command, out)
                assert "busy" in out.stderr and time.monotonic() - started >= 2
            else:
                assert out.code == 0, (command, out)
    finally:
        holder.kill()
        holder.wait()


def test_a_damaged_library_names_its_backup_and_restore_puts_it_back(library: Path) -> None:
    from db.engine import open_database, routine_backup

    with open_database(library) as db:
        backup = routine_backup(db)
    assert backup is not None
    _damage(library, "middle")
    out = reader("annotate", KNOWN, "--quote", "Good", "--occurrence", "1", db=library)
    well_formed(out)
    record("damaged library with a backup", "annotate", out, None)
    assert out.code == 3 and backup.name in out.message
    out = reader("library", "restore", db=library)
    well_formed(out)
    record("damaged library with a backup", "library restore", out, None)
    assert out.code == 0 and backup.name in out.stdout
    assert state(library)[1] == "ok"
    out = reader("annotate", KNOWN, "--quote", "Good", "--occurrence", "1", db=library)
    assert out.code == 0, out


def teardown_module() -> None:
    target = os.environ.get("FAULT_TABLE")
    if target and TABLE:
        lines = ["| fault | command | exit | message (first line) | library unchanged |",
                 "|---|---|---|---|---|"]
        lines += [f"| {f} | {c} | {code} | {m.replace('|', '/')[:160]} | {u} |"
                  for f, c, code, m, u in TABLE]
        Path(target).write_text("\n".join(lines) + "\n", encoding="utf-8")
