"""Writes small transcript PDFs for the PDF front-end tests (fpdf2, test extra only).

The calls are invented (Lotus Harbour Holdings, its managers and analysts); each piece of
layout a real house uses can be switched on: running heads and folios, letter-spaced
headings, bold speaker names, justified wrapped paragraphs and a hyphen at a line end.
Run as a script to rewrite the fixture in `tests/fixtures/documents/`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "documents" / "pdf_lotus_harbour_q2_2025.pdf"

SPEECH = {
    "operator": ("Good morning and welcome to the Lotus Harbour Holdings second quarter 2025 "
                 "earnings call. All participants are in listen-only mode, and the call is "
                 "being recorded for replay on the company website. I would now like to hand "
                 "the call over to Mina Castell, Chief Executive Officer. Please go ahead."),
    "ceo": ("Thank you, operator, and good morning to everyone joining us today. Our ferry "
            "and harbour logistics business carried more cargo than in any quarter before, "
            "and revenue grew eleven percent from a year earlier while costs held steady. "
            "We opened two new berths at the northern terminal and signed a ten-year lease "
            "with a regional grain cooperative, which gives us a steady base load through "
            "the winter season when passenger traffic is quiet."),
    "cfo": ("Thanks, Mina. Gross margin widened by one hundred and twenty basis points, "
            "helped by fuel hedges we placed last year and by better use of the new berths. "
            "Operating cash flow covered our capital spending twice over, so we repaid the "
            "remaining bridge loan early and ended the quarter with net cash on the balance "
            "sheet for the first time since our listing."),
    "question": ("Thanks for taking my question. Could you talk about the grain lease and "
                 "how much of the new berth capacity it takes up, and whether you expect "
                 "pricing on the remaining capacity to hold through next year?"),
    "answer": ("Sure, Tobias. The cooperative takes about a third of the northern capacity "
               "on a take-or-pay basis. The rest we sell on shorter contracts, and the "
               "bookings we see for next spring are at or above this year's rates. Demand "
               "has been predictable since the spring."),
}


@dataclass
class Options:
    running_head: bool = True
    folio: bool = True
    letter_spaced: bool = True
    bold_names: bool = True
    hyphen: bool = True
    titles: bool = True
    pages_of_speech: int = 2


class _Doc(FPDF):
    def __init__(self, options: Options) -> None:
        super().__init__(format="A4")
        self.options = options
        self.set_auto_page_break(auto=True, margin=25)
        self.set_margins(25, 25, 25)

    def header(self) -> None:
        if self.options.running_head:
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, "Lotus Harbour Holdings - Second Quarter 2025 Earnings Call",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(6)

    def footer(self) -> None:
        if self.options.folio:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


def _heading(pdf: _Doc, text: str) -> None:
    """A bold heading; letter-spaced glyph by glyph, as PDF/UA re-renders set them."""
    pdf.ln(4)
    pdf.set_font("Helvetica", style="B", size=12)
    if not pdf.options.letter_spaced:
        pdf.cell(0, 8, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    else:
        x, y = pdf.l_margin, pdf.get_y() + 6
        for ch in text:
            if ch == " ":
                x += 8.0 / pdf.k * 1.5  # a word gap well beyond the letter gap
                continue
            pdf.text(x, y, ch)
            x += pdf.get_string_width(ch) + 4.0 / pdf.k  # 4 pt between letters
        pdf.set_y(y + 2)
    pdf.ln(3)


def _speaker(pdf: _Doc, name: str, title: str | None) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", style="B" if pdf.options.bold_names else "", size=10)
    pdf.cell(0, 5, name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if title and pdf.options.titles:
        pdf.set_font("Helvetica", style="I", size=10)
        pdf.cell(0, 5, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def _para(pdf: _Doc, text: str) -> None:
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, text, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def _hyphen_para(pdf: _Doc) -> None:
    """A paragraph whose first line ends in `predict-`, filled to the margin, then `able`."""
    pdf.set_font("Helvetica", size=10)
    width = pdf.w - pdf.l_margin - pdf.r_margin
    filler = ("We expect the second half of the year to be steady for the group, with "
              "cargo and passenger volumes at the terminals that are a good deal more")
    words = filler.split()
    line: list[str] = []
    for word in words:
        if pdf.get_string_width(" ".join([*line, word, "predict-"])) > width:
            break
        line.append(word)
    pdf.cell(0, 5, " ".join([*line, "predict-"]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 5, "able than last year because most of the new capacity is contracted.",
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)


def call_pdf(options: Options | None = None) -> bytes:
    """An invented earnings call as a PDF, with the layout `options` ask for."""
    options = options or Options()
    pdf = _Doc(options)
    pdf.alias_nb_pages()
    pdf.set_title("Lotus Harbour Holdings Q2 2025 Earnings Call")
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.cell(0, 10, "Lotus Harbour Holdings", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 7, "Q2 2025 Earnings Call", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 7, "August 14, 2025", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _heading(pdf, "PRESENTATION")
    _speaker(pdf, "Operator", None)
    _para(pdf, SPEECH["operator"])
    _speaker(pdf, "Mina Castell", "Chief Executive Officer")
    for _ in range(options.pages_of_speech):
        _para(pdf, SPEECH["ceo"])
    if options.hyphen:
        _hyphen_para(pdf)
    _speaker(pdf, "Arjun Pellow", "Chief Financial Officer")
    for _ in range(options.pages_of_speech):
        _para(pdf, SPEECH["cfo"])
    pdf.add_page()
    _heading(pdf, "QUESTION AND ANSWER")
    _speaker(pdf, "Operator", None)
    _para(pdf, "Our first question comes from Tobias Wren with Northgate Securities.")
    _speaker(pdf, "Tobias Wren", "Analyst, Northgate Securities")
    _para(pdf, SPEECH["question"])
    _speaker(pdf, "Mina Castell", "Chief Executive Officer")
    _para(pdf, SPEECH["answer"])
    return bytes(pdf.output())


def many_pages_pdf(pages: int) -> bytes:
    """`pages` pages of speech, a different mix of sentences on each (for the size limits)."""
    sentences = [s.strip() + "." for text in SPEECH.values() for s in text.split(". ")]
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    for n in range(pages):
        pdf.add_page()
        pdf.cell(0, 5, "Mina Castell" if n % 2 else "Arjun Pellow",
                 new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        shuffled = random.Random(n).sample(sentences, 6)
        pdf.multi_cell(0, 5, " ".join(shuffled) + f" That was point {n + 1}.",
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def scan_pdf() -> bytes:
    """Two pages with drawings and no text at all, as a scanned call looks to a reader."""
    pdf = FPDF(format="A4")
    for _ in range(2):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def with_a_scanned_page() -> bytes:
    """A page of speech, a page with only a drawing (a scanned page), then speech again."""
    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    for n, text in enumerate([SPEECH["operator"], None, SPEECH["ceo"]]):
        pdf.add_page()
        if text is None:
            pdf.set_fill_color(180, 180, 180)
            pdf.rect(20, 20, 170, 250, style="F")
            continue
        pdf.cell(0, 5, "Operator" if n == 0 else "Mina Castell", new_x=XPos.LMARGIN,
                 new_y=YPos.NEXT)
        pdf.multi_cell(0, 5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 5, "Operator: Welcome to the call.")
    pdf.set_encryption(owner_password="harbour-owner", user_password="harbour-user")
    return bytes(pdf.output())


if __name__ == "__main__":
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_bytes(call_pdf(Options(pages_of_speech=3)))
    print(f"wrote {FIXTURE} ({FIXTURE.stat().st_size:,} bytes)")
