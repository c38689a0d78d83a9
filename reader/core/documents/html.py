"""A saved web page as transcript text: the main article's blocks, without the page around it.

Parsing uses lxml's HTML parser (libxml2), which python-docx needs anyway, so web pages
cost the installation nothing more. Nothing is executed or fetched: scripts and styles
are dropped, entities are decoded by the parser, and network access is off.

What is kept is the article: navigation, page header and footer, asides, forms, ads and
hidden elements (`hidden`, `aria-hidden`, `display:none`, paywall `invisible` wrappers)
go first; then `<main>` or the largest `<article>`, or else the smallest element holding
most of the page's non-link text. Its blocks are written in the shared conventions:
headings as `## `, a bold name opening a paragraph as `**Name**`, `<br>` as line breaks,
list items and table rows as paragraphs. Every walk over the tree is iterative, and
libxml2 stops nesting at 2048 levels, so a hostile page cannot exhaust the stack.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any, Final

import lxml.html
from lxml import etree

from reader.core.decoding import DecodeError, decode
from reader.core.documents import DocumentError, Extracted
from reader.core.documents.tables import write_rows
from reader.core.documents.textout import TextWriter, clean_inline
from reader.core.documents.wording import label_reads_as_name, looks_like_heading

MAIN_SHARE: Final = 0.8
"""Without `<main>`/`<article>`, the content is the deepest element holding this share of
the page's non-link text."""

_DROP_TAGS: Final = frozenset({
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "frame", "frameset", "object", "embed", "svg", "math", "canvas", "button",
    "select", "input", "textarea", "dialog", "menu", "audio", "video", "picture", "img",
    "head", "link", "meta", "base"})
_DROP_ROLES: Final = frozenset({"navigation", "banner", "contentinfo", "complementary",
                                "search", "dialog", "alertdialog", "menu", "menubar", "toolbar"})
_HIDDEN_CLASSES: Final = frozenset({"hidden", "invisible", "sr-only", "visually-hidden",
                                    "visuallyhidden", "screen-reader-text", "d-none", "hide"})
_AD_TOKENS: Final = frozenset({
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adslot", "adunit",
    "sponsor", "sponsored", "promo", "banner", "cookie", "cookies", "consent", "newsletter",
    "social", "share", "sharing", "related", "recommended", "comments", "comment",
    "breadcrumb", "breadcrumbs", "sidebar", "popup", "modal", "paywall", "subscribe",
    "outbrain", "taboola"})
_BLOCK: Final = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
    "ol", "dl", "dd", "dt", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr",
    "td", "th", "figure", "figcaption", "address", "center", "body", "html", "hr",
    "details", "summary", "caption"})
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD: Final = frozenset({"strong", "b"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")
_META_CHARSET = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:\-]{2,40})", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.?!。？！…][\"'”’)）]*$")


def extract(data: bytes, container: str) -> Extracted:
    """The transcript text of a saved web page."""
    text, encoding = _decode(data)
    text = _CONTROL.sub(" ", _XML_DECL.sub("", text, count=1))  # libxml2 refuses them
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  huge_tree=True, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(f"not a readable web page ({clean_inline(str(exc))[:80] or 'empty'})"
                            ) from None
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    title, date = _title_and_date(root)
    _drop_chrome(root)
    main = _main_content(root)
    out = TextWriter()
    if title:
        out.line(title)
    if date and date not in clean_inline(main.text_content()):
        out.line(date)  # the date sat in the page header, which is gone
    _Walker(out, title).walk(main)
    notes: tuple[str, ...] = ()
    if too_deep:
        notes = ("the page nests elements over 2048 deep; text inside that is not read",)
    try:
        body = out.text()
    except DocumentError:
        if too_deep:
            raise DocumentError("the page nests elements too deeply to read (over 2048 levels)"
                                ) from None
        raise DocumentError("the web page has no article text") from None
    return Extracted(body, container, encoding, notes)


# --- bytes to text -------------------------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    """BOM first, then the page's `<meta charset>`, then the app's own text decoder."""
    for mark, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
                        (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
                        (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(mark):
            try:
                return _newlines(data.decode(codec)), codec
            except UnicodeDecodeError:
                break
    m = _META_CHARSET.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        name = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030",
                "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}.get(name, name)
        try:
            codec = codecs.lookup(name).name
            if codec not in ("utf-16", "utf-32"):  # a page that says so without a BOM lies
                return _newlines(data.decode(codec)), codec
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong label: the content decides below
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise DocumentError(str(exc)) from None
    return decoded.text, decoded.encoding


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- what to keep ---------------------------------------------------------------------------

def _title_and_date(root: Any) -> tuple[str, str]:
    title = ""
    for path in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        for hit in root.xpath(path)[:1]:
            title = clean_inline(hit if isinstance(hit, str) else hit.text_content())
        if title:
            break
    date = ""
    for path in ('//meta[@property="article:published_time"]/@content',
                 '//meta[@name="date"]/@content', "//time", "//time/@datetime"):
        for hit in root.xpath(path)[:1]:
            date = clean_inline(hit if isinstance(hit, str) else hit.text_content())
        if date:
            break
    return title[:200], date[:40]


def _hidden_or_chrome(el: Any) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in _DROP_TAGS:
        return True
    get = el.get
    if get("hidden") is not None or (get("aria-hidden") or "").strip().lower() == "true":
        return True
    if (get("role") or "").strip().lower() in _DROP_ROLES:
        return True
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    classes = (get("class") or "").lower().split()
    if any(c in _HIDDEN_CLASSES for c in classes):
        return True
    tokens = set(_TOKEN_SPLIT.split(" ".join(classes) + " " + (get("id") or "").lower()))
    return bool(tokens & _AD_TOKENS) and tag not in ("body", "html", "main", "article")


def _drop_chrome(root: Any) -> None:
    doomed = [el for el in root.iter() if not isinstance(el.tag, str) or _hidden_or_chrome(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text after the element: it belongs to the parent


def _main_content(root: Any) -> Any:
    body = root.find("body")
    if body is None:
        body = root
    mains = [el for el in body.iter("main")] + body.xpath('.//*[@role="main"]')
    if mains:
        return max(mains, key=_text_len)
    articles = list(body.iter("article"))
    if articles:
        best = max(articles, key=_text_len)
        if _text_len(best) >= 0.3 * max(1, _text_len(body)):
            return best
    return _densest(body)


def _text_len(el: Any) -> int:
    return len(clean_inline(el.text_content()))


def _densest(body: Any) -> Any:
    """The deepest element holding MAIN_SHARE of the non-link text under `body`."""
    order = list(body.iter())  # pre-order: every parent before its children
    own: dict[Any, int] = {}
    in_link: dict[Any, bool] = {}
    for el in order:
        parent = el.getparent()
        link = el.tag == "a" or (parent is not None and in_link.get(parent, False))
        in_link[el] = link
        own[el] = 0 if link else len((el.text or "").strip())
        if parent is not None and parent in own and not in_link.get(parent, False):
            own[parent] += len((el.tail or "").strip())
    total: dict[Any, int] = dict(own)
    for el in reversed(order):  # children before parents
        parent = el.getparent()
        if parent is not None and parent in total and el is not body:
            total[parent] += total[el]
    whole = total.get(body, 0)
    if whole == 0:
        return body
    best = body
    for el in order:
        if total[el] >= MAIN_SHARE * whole:
            best = el  # later in pre-order and still holding the share: deeper
    return best


# --- writing blocks -----------------------------------------------------------------------

@dataclass(slots=True)
class _Para:
    """Inline text gathered for one block, with where its opening bold run ends."""

    parts: list[str] = field(default_factory=list)
    bold_end: int | None = None  # characters of `parts` inside the opening bold run
    bold_open: bool = False

    def text(self) -> str:
        return "".join(self.parts)


class _Walker:
    def __init__(self, out: TextWriter, title: str) -> None:
        self.out = out
        self.title = title
        self.para = _Para()
        self.bold_depth = 0
        self.pre_depth = 0
        self.cells: list[list[str]] | None = None  # rows of the outermost table being read
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.table_depth = 0

    def walk(self, top: Any) -> None:
        stack: list[tuple[Any, bool]] = [(top, False)]
        while stack:
            el, leaving = stack.pop()
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if leaving:
                self._leave(el, tag)
                if el is not top and el.tail:
                    self._inline(el.tail)
                continue
            self._enter(el, tag)
            stack.append((el, True))
            stack.extend((child, False) for child in reversed(el))

    def _enter(self, el: Any, tag: str) -> None:
        if tag == "br":
            self.para.parts.append("\n")
            return
        if tag in _BLOCK:
            self._flush()
            if tag == "table":
                self.table_depth += 1
                if self.table_depth == 1:
                    self.cells = []
        if tag in ("td", "th") and self.row is not None and self.table_depth == 1:
            self.cell = []
        if tag == "tr" and self.table_depth == 1:
            self.row = []
        if tag == "pre":
            self.pre_depth += 1
        if tag in _BOLD:
            if self.bold_depth == 0 and not self.para.text().strip():
                self.para.bold_open = True
            self.bold_depth += 1
        if el.text:
            self._inline(el.text)

    def _leave(self, el: Any, tag: str) -> None:
        if tag in _BOLD:
            self.bold_depth -= 1
            if self.bold_depth == 0 and self.para.bold_open and self.para.bold_end is None:
                self.para.bold_end = len(self.para.text())
        if tag in _HEADINGS or (tag == "dt" and self.cell is None):
            text = clean_inline(self.para.text())
            if text == self.title:
                self.title = ""
            elif text and label_reads_as_name(text):
                self.out.speaker(text)  # `<h3>Name</h3>`, `<dt>Name</dt><dd>speech</dd>`
            elif text and tag != "dt":
                self.out.heading(text)
            else:
                self._flush()
                return
            self.para = _Para()
            return
        if tag == "pre":
            self.pre_depth -= 1
        if tag in _BLOCK:
            self._flush()
        if tag in ("td", "th") and self.cell is not None and self.table_depth == 1:
            if self.row is not None:
                self.row.append(clean_inline(" ".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None and self.table_depth == 1:
            if self.cells is not None:
                self.cells.append(self.row)
            self.row = None
        elif tag == "table":
            self.table_depth -= 1
            if self.table_depth == 0 and self.cells is not None:
                write_rows(self.out, self.cells)  # pairs, turns or rows, as in Word files
                self.cells = None

    def _inline(self, text: str) -> None:
        self.para.parts.append(text if self.pre_depth else re.sub(r"\s+", " ", text))

    def _flush(self) -> None:
        para, self.para = self.para, _Para()
        if para.bold_open and para.bold_end is None and self.bold_depth:
            self.para.bold_open = True  # a block inside <strong>: the new block opens bold
        raw = para.text()
        if not raw.strip():
            return
        if self.cell is not None:
            self.cell.append(clean_inline(raw))
            return
        bold = raw[:para.bold_end] if para.bold_end is not None else None
        self._emit(raw, bold)

    def _emit(self, raw: str, bold: str | None) -> None:
        """A paragraph; a bold name (or `Name:`) opening it becomes the speaker line."""
        if self.title and clean_inline(raw) == self.title:
            self.title = ""  # the page's title again, as its first line: written once
            return
        keep = "\n" in raw.strip()
        if bold is not None:
            label = clean_inline(bold)
            rest = raw[len(bold):]
            colon = (label.endswith((":", "：")) or rest.lstrip(" ").startswith((":", "：", "\n"))
                     or bold.rstrip(" ").endswith("\n"))  # `<b>Name</b><br>speech`
            name = label.rstrip(":： ")
            alone = not clean_inline(rest).lstrip(":： ")
            if name and (colon or alone) and len(name) <= 80 and label_reads_as_name(name):
                body = rest.lstrip().lstrip(":：")
                role = clean_inline(body)
                if (body.strip() and "\n" not in body.strip() and len(role) <= 100
                        and not _SENTENCE_END.search(role) and "(" not in role
                        and label_reads_as_name(f"{name} ({role})")):
                    self.out.speaker(name, role)  # `<b>Name</b><br><i>Chief Financial Officer</i>`
                    return
                self.out.speaker(name)
                if body.strip():
                    self.out.paragraph(body, keep_lines="\n" in body.strip())
                return
            if alone and name and looks_like_heading(name):
                self.out.heading(name)
                return
        self.out.paragraph(raw, keep_lines=keep)
