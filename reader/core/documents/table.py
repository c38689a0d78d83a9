"""Turn tables: CSV or TSV with a speaker column and a text column, one row per sentence or turn.

Datasets and speech-to-text tools export calls as `Person,Sentence` rows (cells may be
quoted and run over several lines), sometimes with start and end times. Consecutive rows
of one speaker become one turn whose sentences read as one paragraph.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.core.decoding import decode
from reader.core.documents import DocumentError, Extracted

_SPEAKER = ("speaker", "person", "name", "speaker_name", "speakername", "who", "participant",
            "发言人", "發言人", "说话人", "說話人")
_TEXT = ("sentence", "text", "content", "utterance", "transcript", "speech", "words",
         "paragraph", "内容", "內容", "文本")
_START = ("start", "start_time", "starttime", "begin", "from", "start_s", "开始", "開始")
_END = ("end", "end_time", "endtime", "stop", "to", "end_s", "结束", "結束")
_MAX_ROWS = 200_000


def extract(data: bytes, container: str) -> Extracted:
    """The table's rows as transcript text (see the module docstring)."""
    decoded = decode(data)
    text = decoded.text
    dialect = "excel-tab" if container == "tsv" or text[:2000].count("\t") > text[:2000].count(
        ",") else "excel"
    try:
        rows = list(_rows(csv.reader(io.StringIO(text), dialect=dialect)))
    except csv.Error as exc:
        raise DocumentError(f"not a readable table ({exc})") from None
    if not rows:
        raise DocumentError("the table has no rows")
    header = [cell.strip().casefold() for cell in rows[0]]
    who = _column(header, _SPEAKER)
    said = _column(header, _TEXT)
    if who is None or said is None:
        raise DocumentError("not a transcript table (it needs a speaker column and a text "
                            "column, such as Person,Sentence)")
    start, end = _column(header, _START), _column(header, _END)
    out: list[str] = []
    current: str | None = None
    sentences: list[str] = []
    times: list[float | None] = [None, None]

    def flush() -> None:
        if not sentences:
            return
        stamp = ""
        if times[0] is not None:
            stamp = f"[{_clock(times[0])}" + (
                f" --> {_clock(times[1])}] " if times[1] is not None else "] ")
        out.append(stamp + " ".join(sentences))
        sentences.clear()
        times[:] = [None, None]

    for row in rows[1:]:
        if len(row) <= max(who, said):
            continue
        name = " ".join(row[who].split())
        words = " ".join(row[said].split())
        if not words:
            continue
        if name != current:
            flush()
            out.append(f"**{name}**" if name else "**Unknown speaker**")
            current = name
        sentences.append(words)
        if start is not None and times[0] is None:
            times[0] = _seconds(row, start)
        if end is not None:
            times[1] = _seconds(row, end)
    flush()
    if not out:
        raise DocumentError("the table has no spoken text")
    return Extracted("\n\n".join(out) + "\n", "csv", decoded.encoding)


def _rows(reader: Iterable[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    for row in reader:
        out.append(row)
        if len(out) > _MAX_ROWS:
            raise DocumentError(f"the table has more than {_MAX_ROWS:,} rows")
    return out


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for name in names:
        if name in header:
            return header.index(name)
    return None


def _seconds(row: list[str], col: int) -> float | None:
    if col >= len(row):
        return None
    cell = row[col].strip()
    try:
        total = 0.0
        for part in cell.split(":"):
            total = total * 60 + float(part)
        return total
    except ValueError:
        return None


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}.{int(seconds * 1000) % 1000:03d}"
