"""Speed of every document front end: MB/s and pages/s, from container to outline.

For each document fixture in `tests/fixtures/documents/` (found by suffix, so new
formats are picked up as their fixtures arrive) and each PDF of the development corpus
(`../shared/corpus/pdf/`), prints the time to extract the transcript text and the time to
the finished outline, as MB/s of the file and (for PDFs) pages/s, the best of a few runs.
Then checks the target: a 30-page PDF to outline in at most 1.5 s on this machine, on a
30-page document cut from a corpus PDF with PDFium (no other library needed).

    python bench/formats.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.core.documents import container_of, extract  # noqa: E402
from reader.core.pipeline import parse_bytes  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "documents"
CORPUS_PDF = REPO.parent / "shared" / "corpus" / "pdf"
TARGET_PAGES, TARGET_SECONDS = 30, 1.5


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def pages_of(data: bytes, name: str) -> int | None:
    if container_of(data, name) != "pdf":
        return None
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def measure(path: Path, runs: int) -> tuple[str, int, int | None, float, float, int]:
    data = path.read_bytes()
    container = container_of(data, path.name) or "text"
    t_extract = best(lambda: extract(data, path.name), runs)
    transcript = parse_bytes(data, path.name)
    t_outline = best(lambda: parse_bytes(data, path.name), runs)
    return container, len(data), pages_of(data, path.name), t_extract, t_outline, len(transcript.turns)


def thirty_pages() -> bytes | None:
    """The first 30 pages of the longest corpus PDF, as a PDF of its own."""
    import pypdfium2 as pdfium

    sources = sorted(CORPUS_PDF.glob("*.pdf"), key=lambda p: -p.stat().st_size)
    for path in sources:
        src = pdfium.PdfDocument(path.read_bytes())
        if len(src) < TARGET_PAGES:
            src.close()
            continue
        out = pdfium.PdfDocument.new()
        out.import_pages(src, list(range(TARGET_PAGES)))
        import io

        buf = io.BytesIO()
        out.save(buf)
        out.close()
        src.close()
        return buf.getvalue()
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per file; the best counts")
    args = parser.parse_args()

    files = sorted(p for p in FIXTURES.glob("*") if p.is_file() and p.suffix != ".py"
                   ) if FIXTURES.is_dir() else []
    corpus = sorted(CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else []
    if not corpus:
        print(f"(corpus PDFs not found at {CORPUS_PDF}: fixtures only)")
    print(f"{'file':46} {'format':6} {'KB':>6} {'pages':>5} {'extract s':>9} {'outline s':>9} "
          f"{'MB/s':>6} {'pages/s':>7} {'turns':>5}")
    per_format: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for path in [*files, *corpus]:
        try:
            container, size, pages, t_ex, t_out, turns = measure(path, args.runs)
        except ValueError as exc:
            print(f"{path.name[:46]:46} refused: {exc}")
            continue
        mbs = size / 1e6 / t_out
        pps = f"{pages / t_out:7.0f}" if pages else f"{'-':>7}"
        print(f"{path.name[:46]:46} {container:6} {size / 1024:6.0f} {pages or '-':>5} "
              f"{t_ex:9.3f} {t_out:9.3f} {mbs:6.2f} {pps} {turns:5}")
        agg = per_format[container]
        agg[0] += size
        agg[1] += t_out
        agg[2] += pages or 0
        agg[3] += 1
    print(f"\n{'format':8} {'files':>5} {'MB/s':>7} {'pages/s':>8}  (file to outline)")
    for container, (size, seconds, pages, n) in sorted(per_format.items()):
        pps = f"{pages / seconds:8.0f}" if pages else f"{'-':>8}"
        print(f"{container:8} {n:5.0f} {size / 1e6 / seconds:7.2f} {pps}")

    data = thirty_pages() if corpus else None
    if data is None:
        print(f"\ntarget: no corpus PDF of {TARGET_PAGES}+ pages to cut a {TARGET_PAGES}-page "
              "file from")
        return
    seconds = best(lambda: parse_bytes(data, "thirty.pdf"), args.runs)
    verdict = "met" if seconds <= TARGET_SECONDS else "MISSED"
    print(f"\ntarget: a {TARGET_PAGES}-page PDF ({len(data) / 1024:.0f} KB) to outline in "
          f"{seconds:.3f} s (<= {TARGET_SECONDS} s: {verdict})")


if __name__ == "__main__":
    main()
