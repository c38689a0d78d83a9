"""A Word file's body read straight from `word/document.xml`, for files python-docx refuses.

python-docx opens the whole package and gives up when any part a relationship names is
missing or broken (a thumbnail, a custom XML item, the styles), though the text is all in
`word/document.xml`. This reader walks that one part with lxml (no entities resolved,
nothing fetched) and hands back paragraphs and tables shaped like python-docx's, so the
same rules write them: paragraph style ids (`Heading1`, `Title`) and direct bold runs are
the only hints it has.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_DOCUMENT_XML = 200 * 1024 * 1024


@dataclass(slots=True)
class _Font:
    bold: bool | None = None


@dataclass(slots=True)
class _Style:
    name: str
    font: _Font = field(default_factory=_Font)


@dataclass(slots=True)
class Run:
    text: str
    bold: bool | None
    style: None = None


@dataclass(slots=True)
class Paragraph:
    runs: list[Run]
    style: _Style | None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class Cell:
    paragraphs: list[Paragraph]
    _tc: object


@dataclass(slots=True)
class Row:
    cells: list[Cell]


@dataclass(slots=True)
class Table:
    rows: list[Row]


def read_body(data: bytes) -> list[Paragraph | Table]:
    """The body's paragraphs and tables in order; raises ValueError (or lxml's errors)
    when `word/document.xml` itself cannot be read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
        if info.file_size > _MAX_DOCUMENT_XML:
            raise ValueError("word/document.xml is too large")
        xml = archive.read(info)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    root = etree.fromstring(xml, parser)
    body = root.find(f"{_W}body")
    if body is None:
        raise ValueError("word/document.xml has no body")
    blocks: list[Paragraph | Table] = []
    for el in _content(body):
        if el.tag == f"{_W}p":
            blocks.append(_paragraph(el))
        elif el.tag == f"{_W}tbl":
            blocks.append(_table(el))
    return blocks


def _content(parent: Any) -> list[Any]:
    """Block children, looking through content controls (`w:sdt`) without recursing."""
    out: list[Any] = []
    stack = list(reversed(list(parent)))
    while stack:
        el = stack.pop()
        if el.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            stack.extend(reversed(list(el)))
        elif el.tag in (f"{_W}p", f"{_W}tbl"):
            out.append(el)
    return out


def _on(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(f"{_W}val", "true").lower() not in ("0", "false", "off", "none")


def _paragraph(p: Any) -> Paragraph:
    style_el = p.find(f"{_W}pPr/{_W}pStyle")
    style = None
    if style_el is not None:
        sid = style_el.get(f"{_W}val", "")
        # Style ids drop the space of their names: Heading1 is "Heading 1".
        name = "Heading " + sid[7:] if sid.lower().startswith("heading") else sid
        style = _Style(name)
    runs: list[Run] = []
    for r in p.iter(f"{_W}r"):
        parts = []
        for child in r:
            if child.tag == f"{_W}t":
                parts.append(child.text or "")
            elif child.tag == f"{_W}tab":
                parts.append("\t")
            elif child.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        if parts:
            runs.append(Run("".join(parts), _on(r.find(f"{_W}rPr/{_W}b"))))
    return Paragraph(runs, style)


def _table(tbl: Any) -> Table:
    rows = []
    for tr in tbl.iter(f"{_W}tr"):
        if tr.getparent() is not tbl:
            continue  # a nested table's rows belong to its cell
        cells = [Cell([_paragraph(p) for p in tc.iter(f"{_W}p")], tc)
                 for tc in tr if tc.tag == f"{_W}tc"]
        rows.append(Row(cells))
    return Table(rows)
