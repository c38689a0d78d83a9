"""Which PDF library to read transcripts with: speed and word-level text quality per library.

Runs pypdfium2, pdfplumber (pdfminer.six) and pypdf over the real PDFs in
`../shared/corpus/pdf/` and prints, per library and file, the time, pages per second and
three counts read against an English vocabulary taken from the plain-text transcripts of
the corpus (`fooljson__*.txt`, words seen at least twice):

- split: adjacent tokens that are a vocabulary word only when joined (`forw ard`, `202 4`);
- glued: a token outside the vocabulary that is two vocabulary words run together
  (`ofCiti`, `EarningsCall`);
- oov: the share of word tokens outside the vocabulary (letter-spaced headings, both
  of the above, and names).

`front end` is the reader's own PDF front end (pypdfium2 plus `pdf_layout`), the text the
layout parser reads. The libraries other than pypdfium2 are not dependencies of the app:
install them to run this (`pip install pdfplumber pypdf`).

    python bench/pdf_libraries.py
"""

from __future__ import annotations

import itertools
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
CORPUS = REPO.parent / "shared" / "corpus"
WORD = re.compile(r"[A-Za-z]+")


def vocabulary(limit: int = 400) -> set[str]:
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("fooljson__*.txt"))[:limit]:
        counts.update(w.casefold() for w in WORD.findall(path.read_text(encoding="utf-8")))
    return {w for w, n in counts.items() if n >= 2}


def quality(text: str, vocab: set[str]) -> tuple[int, int, float]:
    tokens = [t for t in re.split(r"[^A-Za-z0-9]+", text) if t]
    words = [t for t in tokens if t.isalpha()]
    oov = sum(w.casefold() not in vocab for w in words) / max(len(words), 1)
    split = 0
    for a, b in itertools.pairwise(tokens):
        la, lb = a.casefold(), b.casefold()
        if (la not in vocab or lb not in vocab) and (la + lb) in vocab and len(la + lb) > 3:
            split += 1
    glued = 0
    for w in words:
        low = w.casefold()
        if low in vocab or len(low) < 6:
            continue
        if any(low[:i] in vocab and low[i:] in vocab for i in range(2, len(low) - 1)):
            glued += 1
    return split, glued, oov


def read_pypdfium2(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        texts = []
        for page in doc:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts), len(doc)
    finally:
        doc.close()


def read_pdfplumber(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages), len(pdf.pages)


def read_pypdf(path: Path) -> tuple[str, int]:
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = pypdf.PdfReader(path)
    return "\n".join(p.extract_text() or "" for p in reader.pages), len(reader.pages)


def read_front_end(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    from reader.core.documents.pdf import extract

    data = path.read_bytes()
    pages = len(pdfium.PdfDocument(data))
    return extract(data).text, pages


READERS: dict[str, Callable[[Path], tuple[str, int]]] = {
    "pypdfium2": read_pypdfium2,
    "pdfplumber": read_pdfplumber,
    "pypdf": read_pypdf,
    "front end": read_front_end,
}


def main() -> None:
    files = sorted((CORPUS / "pdf").glob("*.pdf"))
    if not files:
        print(f"no PDFs in {CORPUS / 'pdf'}: nothing to measure")
        return
    vocab = vocabulary()
    print(f"vocabulary: {len(vocab):,} words from the corpus's plain-text transcripts\n")
    totals: dict[str, list[float]] = {}
    print(f"{'file':40} {'library':11} {'pages':>5} {'s':>6} {'pages/s':>8} {'split':>6} "
          f"{'glued':>6} {'oov %':>6}")
    for path in files:
        for name, read in READERS.items():
            try:
                start = time.perf_counter()
                text, pages = read(path)
                elapsed = time.perf_counter() - start
            except ImportError as exc:
                print(f"{path.stem[:40]:40} {name:11} not installed ({exc.name})")
                continue
            split, glued, oov = quality(text, vocab)
            row = totals.setdefault(name, [0, 0.0, 0, 0, 0.0, 0])
            row[0] += pages
            row[1] += elapsed
            row[2] += split
            row[3] += glued
            row[4] += oov
            row[5] += 1
            print(f"{path.stem[:40]:40} {name:11} {pages:5} {elapsed:6.2f} {pages / elapsed:8.0f} "
                  f"{split:6} {glued:6} {100 * oov:6.2f}")
    print(f"\n{'all files':40} {'library':11} {'pages':>5} {'s':>6} {'pages/s':>8} {'split':>6} "
          f"{'glued':>6} {'oov %':>6}")
    for name, (pages, elapsed, split, glued, oov, n) in totals.items():
        print(f"{'':40} {name:11} {pages:5.0f} {elapsed:6.2f} {pages / elapsed:8.0f} "
              f"{split:6.0f} {glued:6.0f} {100 * oov / n:6.2f}")


if __name__ == "__main__":
    main()
