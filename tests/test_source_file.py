"""Reading transcript files: only regular files, a cap on bytes really read, lossless names."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from reader.core import source_file
from reader.core.source_file import SourceFileError, read_transcript_file, readable_name

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev exist on POSIX only")


def test_a_regular_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "call.txt"
    path.write_bytes(b"Operator: Good morning.\n")
    assert read_transcript_file(path) == b"Operator: Good morning.\n"


@posix_only
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    result: list[str] = []

    def read() -> None:
        try:
            read_transcript_file(fifo)
        except SourceFileError as exc:
            result.append(str(exc))

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert result == [f"{fifo}: is a named pipe (FIFO), not a transcript file"]


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_or_a_link_to_one_is_refused(tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    link = tmp_path / "call.txt"
    link.symlink_to(device)
    for path in (Path(device), link):
        with pytest.raises(SourceFileError, match="character device"):
            read_transcript_file(path)


def test_a_symlink_loop_is_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(SourceFileError, match="symbolic link loop"):
        read_transcript_file(loop)


def test_a_symlink_to_a_file_is_followed(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"text")
    (tmp_path / "link.txt").symlink_to(target)
    assert read_transcript_file(tmp_path / "link.txt") == b"text"


def test_the_cap_counts_bytes_read_not_the_size_the_file_claims(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 5000)
    monkeypatch.setattr(source_file, "MAX_FILE_BYTES", 4096)
    monkeypatch.setattr(source_file, "_CHUNK", 1024)
    original = source_file._check_size
    sizes: list[int] = []

    def check(shown: str, size: int) -> None:
        """The check as written, but the stat's size is ignored, as if it said 0 (as
        /proc files and devices do): only the count of bytes read can refuse."""
        sizes.append(size)
        if len(sizes) > 1:
            original(shown, size)

    monkeypatch.setattr(source_file, "_check_size", check)
    with pytest.raises(SourceFileError, match="too large"):
        read_transcript_file(path)
    assert sizes[-1] == 5000  # refused on the bytes counted while reading


@posix_only
def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode")
    path = tmp_path / "secret.txt"
    path.write_bytes(b"text")
    path.chmod(0)
    with pytest.raises(SourceFileError, match="permission denied"):
        read_transcript_file(path)


def test_non_utf8_names_are_shown_readably_and_kept_losslessly() -> None:
    raw = b"caf\xe9 call.txt"
    name = os.fsdecode(raw)
    shown = readable_name(name)
    assert shown == "caf\\xe9 call.txt"
    shown.encode("utf-8")  # fit for a terminal, JSON or a database
    assert os.fsencode(name) == raw
    assert readable_name("营收 call.txt") == "营收 call.txt"
