"""Bringing many transcript files into the library: folders, duplicates, failures, cancel.

Each file is parsed, stored and indexed for search in one transaction (through
`AnnotationService.import_transcript`), so a cancel, a crash or a bad file between two files
leaves every call either wholly in the library, searchable, or not there at all. A file
whose bytes are already in the library (any version of a call) is skipped before parsing.
A file that cannot be read or parsed is reported with a one-line reason and the rest go on.

Parsing is the slow part (pure Python); with `workers > 1` it runs in a pool of processes
that feed the one writer here, in input order.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from db.repository import Repository
from db.search_index import version_hashes
from reader.core.library_meta import CompanyGroup, group_companies, matches_filter
from reader.core.model import Transcript
from reader.core.records import ImportFailure as ImportFailure  # exported from here too
from reader.core.records import ImportSummary as ImportSummary
from reader.core.records import TranscriptInfo
from reader.core.source_file import (
    TRANSCRIPT_SUFFIXES,
    SourceFileError,
    read_transcript_file,
    readable_name,
)
from reader.services.annotations import (
    AnnotationError,
    AnnotationService,
    ImportStatus,
)
from reader.services.errors import speaks_service_errors

Progress = Callable[[int, int, str], None]
"""(files done, files in all, the file just handled)"""


def collect_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files to import: each file named, and transcript files inside each folder (recursively,
    skipping hidden names), in a stable order, each once."""
    out: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in TRANSCRIPT_SUFFIXES:
                        out.setdefault(Path(root) / name, None)
        else:
            out.setdefault(path, None)
    return list(out)


def read_file(path: Path) -> bytes:
    """A file's bytes; AnnotationError with a one-line reason otherwise."""
    try:
        return read_transcript_file(path)
    except SourceFileError as exc:
        raise AnnotationError(str(exc)) from None


def parse_file_bytes(data: bytes, name: str) -> Transcript | str:
    """Parse, or the one-line reason it cannot be (runs in worker processes too)."""
    from reader.core.pipeline import parse_bytes

    try:
        return parse_bytes(data, name)
    except ValueError as exc:
        return f"{readable_name(name)}: {str(exc).splitlines()[0] if str(exc) else 'cannot be read'}"
    except Exception as exc:  # a parser bug must cost one file, not the whole import
        return f"{readable_name(name)}: could not be read (internal error: {type(exc).__name__})"


def _worker_init() -> None:
    """Workers leave Ctrl+C to the importing process, which stops between two files."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(slots=True)
class _Job:
    path: Path
    reason: str | None = None            # failed before parsing
    skipped: TranscriptInfo | None = None  # bytes already in the library
    parsed: Transcript | str | None = None
    future: Future[Transcript | str] | None = None

    def outcome(self) -> Transcript | str:
        if self.future is not None:
            return self.future.result()
        assert self.parsed is not None
        return self.parsed


@speaks_service_errors
class LibraryService:
    """Bulk import and removal over the annotation library (one writer: this object's caller)."""

    def __init__(self, annotations: AnnotationService) -> None:
        self.annotations = annotations

    def transcripts(self) -> list[TranscriptInfo]:
        return self.annotations.library()

    def filtered(self, text: str) -> list[TranscriptInfo]:
        """Calls whose company, ticker, title or file name contains `text` (the library
        table's filter box)."""
        return [i for i in self.transcripts() if matches_filter(i, text)]

    def companies(self) -> list[CompanyGroup]:
        """Calls grouped by company: one ticker's calls together whatever each names the
        company (a renamed firm lists once, with every name it had)."""
        return group_companies(self.transcripts())

    def set_metadata(self, transcript_id: int, **values: str | None) -> TranscriptInfo:
        """The user's own company, ticker, period or date ('' none, None back to detected)."""
        return self.annotations.set_metadata(transcript_id, values)

    def refresh_metadata(self, *, progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None) -> list[int]:
        """Read company, ticker, period and date again from every stored call with this
        version's parser (header fields, the operator's opening, the file name last); the
        user's own values stay. Returns the ids of calls whose detected values changed."""
        changed: list[int] = []
        infos = self.transcripts()
        for n, info in enumerate(infos, start=1):
            if cancelled is not None and cancelled():
                break
            try:
                outline = self.annotations.outline(info.id)
            except Exception:  # a stored text this parser cannot read keeps its values
                continue
            m = outline.meta
            found = {"company": m.company, "ticker": m.ticker, "period": m.period,
                     "date": m.date}
            with self.annotations.db.write() as s:
                repo = Repository(s)
                if repo.detected_meta(info.id) != found:
                    repo.set_detected_meta(info.id, found)
                    changed.append(info.id)
            if progress:
                progress(n, len(infos), info.source_name)
        return changed

    def remove(self, transcript_id: int) -> bool:
        """Delete a call with its highlights; its search entries go in the same transaction."""
        return self.annotations.remove_transcript(transcript_id)

    def _known_hashes(self) -> dict[str, int]:
        with self.annotations.db.read() as s:
            return version_hashes(s.connection())

    def import_paths(self, paths: Iterable[Path | str], *, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None,
                     workers: int = 1) -> ImportSummary:
        """Import files and folders; see the module docstring. Never raises for a bad file."""
        started = time.perf_counter()
        files = collect_files(paths)
        summary = ImportSummary(total=len(files))
        stop = cancelled or (lambda: False)
        if progress:
            progress(0, len(files), "")
        pool = None
        if workers > 1 and len(files) > 1:
            # spawn: the caller may be a UI with threads, which fork must not copy.
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_worker_init)
        try:
            for job in self._jobs(files, summary, pool, workers, stop):
                if stop():
                    summary.cancelled = True
                    break
                self._store(job, summary)
                if progress:
                    progress(summary.done, summary.total, str(job.path))
            else:
                summary.cancelled = stop() and summary.done < summary.total
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            summary.seconds = time.perf_counter() - started
        return summary

    def _jobs(self, files: Sequence[Path], summary: ImportSummary,
              pool: ProcessPoolExecutor | None, workers: int,
              stop: Callable[[], bool]) -> Iterator[_Job]:
        """Files in order, each read, checked against known hashes, and parsed; with a pool,
        a few files ahead are parsed while the caller stores the current one."""
        known = self._known_hashes()
        seen: dict[str, Path] = {}
        window: deque[_Job] = deque()
        ahead = 2 * workers + 2
        for path in files:
            if stop():
                return
            job = _Job(path)
            try:
                data = read_file(path)
            except AnnotationError as exc:
                job.reason = str(exc)
            else:
                summary.bytes_read += len(data)
                sha = hashlib.sha256(data).hexdigest()
                if sha in known or sha in seen:
                    job.skipped = self._info(known.get(sha))
                elif pool is not None:
                    seen[sha] = path
                    job.future = pool.submit(parse_file_bytes, data, path.name)
                else:
                    seen[sha] = path
                    job.parsed = parse_file_bytes(data, path.name)
            window.append(job)
            while len(window) > (ahead if pool is not None else 0):
                yield window.popleft()
        while window:
            if stop():
                return
            yield window.popleft()

    def _info(self, transcript_id: int | None) -> TranscriptInfo | None:
        if transcript_id is None:
            return None
        try:
            return self.annotations.transcript(transcript_id)
        except AnnotationError:
            return None

    def _store(self, job: _Job, summary: ImportSummary) -> None:
        name = readable_name(job.path)
        if job.reason is not None:
            summary.failures.append(ImportFailure(name, job.reason))
            return
        if job.skipped is not None or (job.future is None and job.parsed is None):
            summary.unchanged += 1
            return
        try:
            outcome = job.outcome()
        except Exception as exc:  # a worker process that died costs its file, not the import
            outcome = f"{name}: could not be read (internal error: {type(exc).__name__})"
        if isinstance(outcome, str):
            summary.failures.append(ImportFailure(name, outcome))
            return
        try:
            result = self.annotations.import_transcript(outcome, job.path)
        except ValueError as exc:  # AnnotationError, or a value the library refused
            summary.failures.append(ImportFailure(name, str(exc).splitlines()[0]))
            return
        if result.status is ImportStatus.NEW:
            summary.new += 1
        elif result.status is ImportStatus.NEW_VERSION:
            summary.new_versions += 1
        else:
            summary.unchanged += 1
            return
        summary.transcript_ids.append(result.transcript.id)
