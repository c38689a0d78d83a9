"""A Word (.docx) file as transcript text: paragraphs in order, styles as hints, tables by row.

python-docx reads the document body; its XML parser resolves no entities and fetches
nothing. A file python-docx will not open because some other part is missing or broken
is read from `word/document.xml` alone (`docx_body`), with a note saying so. Before it opens the file, the zip's directory is checked: a file that is not a
zip, a zip without `word/document.xml` (a workbook, a slide deck) and a zip that would
expand past `MAX_EXPANDED_BYTES` or by more than `MAX_RATIO` (a zip bomb) are refused in
one line.

Styles are hints in the shared conventions: a Heading or Title style gives `## ` (or the
title line), a paragraph that is one short bold run gives `**Name**` when it reads as a
speaker label, and a bold `Name:` opening a paragraph gives the speaker line before the
rest. A two-column table whose columns are English and Chinese is a bilingual transcript
and is written as the interleaved pairs the JSON pairs use; a two-column table of names
and speech is written as turns; other tables row by row, cells joined by ` | `.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any, Final

from reader.core.documents import DocumentError, Extracted
from reader.core.documents.docx_body import read_body
from reader.core.documents.tables import write_rows
from reader.core.documents.textout import TextWriter, clean_inline, clean_lines
from reader.core.documents.wording import label_reads_as_name, looks_like_heading

MAX_EXPANDED_BYTES: Final = 300 * 1024 * 1024
"""No transcript's Word file holds this much once unzipped; a zip bomb does."""
MAX_RATIO: Final = 200
"""Compressed text is rarely over 20:1; 200:1 over a few megabytes is a bomb."""
MAX_BOLD_LABEL: Final = 80



def extract(data: bytes, container: str) -> Extracted:
    """The transcript text of a .docx file."""
    _check_zip(data)
    notes: tuple[str, ...] = ()
    title = ""
    blocks: list[Any]
    try:
        import docx as python_docx  # python-docx; imported here so text files never load it

        document = python_docx.Document(io.BytesIO(data))
        blocks = list(document.iter_inner_content())
        title = _core_title(document)
    except Exception as exc:  # any part python-docx cannot read: try the body alone
        try:
            blocks = list(read_body(data))
        except Exception:  # the body itself is damaged: python-docx's reason says why
            raise DocumentError(f"damaged Word file ({_reason(exc)})") from None
        notes = (f"the Word file is damaged ({_reason(exc)}); its text was read without "
                 "styles",)
    out = TextWriter()
    if title:
        out.line(title)
    for block in blocks:
        try:
            if hasattr(block, "rows"):
                _table(out, block)
            else:
                _paragraph(out, block, title)
        except DocumentError:
            raise
        except Exception as exc:  # a damaged part of the body: say so, in one line
            raise DocumentError(f"damaged Word file ({_reason(exc)})") from None
    try:
        text = out.text()
    except DocumentError:
        raise DocumentError("the Word file has no text") from None
    return Extracted(text, container, notes=notes)


def _reason(exc: BaseException) -> str:
    return clean_inline(str(exc))[:100] or type(exc).__name__


def _check_zip(data: bytes) -> None:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise DocumentError("an old-style Word (.doc) or encrypted file; save it as .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise DocumentError("not a Word .docx file (not a readable zip archive; damaged or "
                            "truncated?)") from None
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        hint = ""
        if any(n.startswith("xl/") for n in names):
            hint = " (it is a spreadsheet)"
        elif any(n.startswith("ppt/") for n in names):
            hint = " (it is a slide deck)"
        raise DocumentError(f"not a Word .docx file: a zip archive without a document{hint}")
    expanded = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if expanded > MAX_EXPANDED_BYTES or (expanded > 8 * 1024 * 1024
                                         and expanded > MAX_RATIO * max(packed, 1)):
        raise DocumentError(f"the Word file would expand to {expanded // (1024 * 1024)} MB "
                            "(a zip bomb or a damaged file); not read")


def _core_title(document: Any) -> str:
    try:
        return clean_inline(document.core_properties.title or "")[:200]
    except Exception:  # a damaged docProps part only costs the title
        return ""


def _style_name(paragraph: Any) -> str:
    try:
        style = paragraph.style
        return (style.name or "") if style is not None else ""
    except Exception:  # a style id the styles part does not define
        return ""


def _bold(run: Any, paragraph_bold: bool) -> bool:
    if run.bold is not None:
        return bool(run.bold)
    try:
        if run.style is not None and run.style.font.bold:
            return True
    except Exception:  # an undefined character style: no bold from it
        pass
    return paragraph_bold


def _paragraph(out: TextWriter, paragraph: Any, title: str) -> None:
    text = paragraph.text
    if not text.strip():
        return
    style = _style_name(paragraph).lower()
    if style == "title" or style.startswith("subtitle"):
        if clean_inline(text) != title:
            out.line(clean_inline(text))
        return
    if style.startswith("heading"):
        line = clean_inline(text)
        if label_reads_as_name(line):
            out.speaker(line)
        else:
            out.heading(line)
        return
    try:
        paragraph_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    except Exception:  # an undefined paragraph style
        paragraph_bold = False
    lead = ""  # the text of the bold runs that open the paragraph
    for run in paragraph.runs:
        if not run.text:
            continue
        if not _bold(run, paragraph_bold):
            if run.text.strip():
                break
            lead += run.text
            continue
        lead += run.text
    lead_clean = clean_inline(lead)
    whole = clean_inline(text)
    if lead_clean and len(lead_clean) <= MAX_BOLD_LABEL:
        rest = whole[len(lead_clean):] if whole.startswith(lead_clean) else None
        name = lead_clean.rstrip(":： ")
        if rest is not None:
            alone = not rest.strip(":： ")
            colon = lead_clean.endswith((":", "：")) or rest.lstrip().startswith((":", "："))
            if (alone or colon) and label_reads_as_name(name):
                out.speaker(name)
                body = rest.lstrip().lstrip(":：").strip()
                if body:
                    out.paragraph(body)
                return
            if alone and looks_like_heading(name):
                out.heading(name)
                return
    out.paragraph(text, keep_lines="\n" in text.strip())


def _cell_text(cell: Any) -> str:
    return clean_lines("\n".join(p.text for p in cell.paragraphs))


def _table(out: TextWriter, table: Any) -> None:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            key = id(cell._tc)  # a merged cell repeats in every column it spans
            if key in seen:
                continue
            seen.add(key)
            cells.append(_cell_text(cell))
        if any(cells):
            rows.append(cells)
    write_rows(out, rows)
