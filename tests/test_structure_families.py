"""Layout families the general parser and the structure pass read, on invented calls."""

from __future__ import annotations

from reader.core.model import SectionKind, SpeakerKind, Transcript
from reader.core.pipeline import parse_text


def who(t: Transcript) -> list[str | None]:
    return [t.speaker_of(turn).name for turn in t.turns if turn.section is not SectionKind.SUMMARY]


def kind(t: Transcript, name: str) -> SpeakerKind:
    return next(s.kind for s in t.speakers if s.name == name)


# Name line, then a long "Firm, Division - Title" line, blocks split by a one-space line
# (written here as blank lines, made one-space lines below).
STREET = """CORPORATE PARTICIPANTS

Dana K. Whitfield
Harborline Realty Trust - Senior VP of Capital Markets & Head of Asset Management

Owen A. Brandt
Harborline Realty Trust - President & CEO
CONFERENCE CALL PARTICIPANTS

Priya Nandakumar
Lakeshore Capital Markets Inc., Research Division - MD & Senior Equity Research Analyst
PRESENTATION

Operator
Good day and welcome to the third quarter 2023 Harborline Realty Trust earnings call. I will now hand the
call to Dana Whitfield.

Dana K. Whitfield
Harborline Realty Trust - Senior VP of Capital Markets & Head of Asset Management
Thank you. Joining me today is Owen, who will cover the portfolio.

Owen A. Brandt
Harborline Realty Trust - President & CEO
Thanks, Dana. Leasing held up well across the coastal portfolio this quarter.
QUESTIONS AND ANSWERS

Operator
Our first question comes from the line of Priya Nandakumar with Lakeshore.

Priya Nandakumar
Lakeshore Capital Markets Inc., Research Division - MD & Senior Equity Research Analyst
How should we think about renewal spreads next year?

Owen A. Brandt
Harborline Realty Trust - President & CEO
We expect them to stay in the high single digits.""".replace("\n\n", "\n \n")


def test_name_line_then_long_firm_title_line() -> None:
    t = parse_text(STREET, "street__Harborline__2023Q3.txt")
    assert who(t) == ["Operator", "Dana K. Whitfield", "Owen A. Brandt", "Operator",
                      "Priya Nandakumar", "Owen A. Brandt"]
    assert "Harborline Realty Trust" not in {s.name for s in t.speakers}
    assert kind(t, "Priya Nandakumar") is SpeakerKind.ANALYST
    assert kind(t, "Dana K. Whitfield") is SpeakerKind.EXECUTIVE
    assert [e.asker for e in t.exchanges] == [t.turns[4].speaker]
    assert t.meta.company == "Harborline Realty Trust" and t.meta.period == "Q3 2023"


# A saved page: header fields, participants as "Role — Name", a generated summary and
# glossary, a divider, inline "Name:Text" turns, the page footer after the call.
PAGE = """======================================================================
Earnings Call Transcript
Company: Quillfeather (羽毛笔)
Ticker: QFTR
Quarter: Q2 2025
URL: https://example.com/quillfeather-q2-2025
======================================================================

Aug. 14, 2025

CALL PARTICIPANTS

Chief Executive Officer — Mara Lindqvist

Chief Financial Officer — Tobias Renn

Revenue-- Revenue rose to $80 million in the quarter, up 22% from a year ago, on strong subscription renewals.

Quillfeather reported a record quarter and raised its full-year outlook on the back of enterprise demand.

INDUSTRY GLOSSARY

NRR: Net revenue retention, the share of last year's revenue kept from the same customers this year.

Full Conference Call Transcript

Mara Lindqvist:Thanks, everyone, for joining us today. We had a record quarter.

Tobias Renn:Thank you, Mara. Revenue was $80 million, up 22% year over year.

Operator:Your next question is Kwame Osei from Northgate Partners. Please go ahead.

Kwame Osei:Thanks. How durable is the enterprise demand you described?

Mara Lindqvist:Very durable, we think; the pipeline doubled.

Operator:We'll go to Lena Fischer with Harbor Research.

Lena Fischer:Hi. Could you talk about gross margin?

Tobias Renn:It held at 78%.

Stocks Mentioned

Quillfeather reported a record quarter and the author holds no position."""


def test_saved_page_summary_header_fields_and_inline_turns() -> None:
    t = parse_text(PAGE, "page.txt")
    assert (t.meta.company, t.meta.ticker, t.meta.period, t.meta.date) == (
        "Quillfeather", "QFTR", "Q2 2025", "2025-08-14")
    summary = t.turns_in(SectionKind.SUMMARY)
    assert summary and all(t.speaker_of(turn).name is None for turn in summary)
    assert any("NRR" in turn.text for turn in summary)
    assert who(t) == ["Mara Lindqvist", "Tobias Renn", "Operator", "Kwame Osei",
                      "Mara Lindqvist", "Operator", "Lena Fischer", "Tobias Renn"]
    assert kind(t, "Mara Lindqvist") is SpeakerKind.EXECUTIVE
    assert kind(t, "Kwame Osei") is SpeakerKind.ANALYST
    assert kind(t, "Lena Fischer") is SpeakerKind.ANALYST
    assert {s.affiliation for s in t.speakers if s.kind is SpeakerKind.ANALYST} == {
        "Northgate Partners", "Harbor Research"}
    assert len(t.exchanges) == 2
    assert "author holds no position" not in t.turns[-1].text


def test_analyst_with_a_senior_title_is_an_analyst_by_behaviour() -> None:
    text = """Operator (participant)
Good morning and welcome. Our first question comes from Ivo Marsh of Crestline.

Ivo Marsh (VP of Equity Research)
Could you size the new contract?

Hana Sato (Chief Financial Officer)
About a tenth of revenue.
"""
    t = parse_text(text)
    assert kind(t, "Ivo Marsh") is SpeakerKind.ANALYST
    assert kind(t, "Hana Sato") is SpeakerKind.EXECUTIVE
    assert len(t.exchanges) == 1


# Numbered bilingual lines, as a translation tool writes them.
BILINGUAL = """======================================================================
电话会议纪要 · 中英夹排版
Company: Quillfeather (Quillfeather)
Quarter: Q2 2025
======================================================================

  ━━ Prepared Remarks ━━
  ━━ 准备好的发言

Prepared Remarks ━━

  [  1] [EN] Operator
       [中] 操作员
Operator

  [  2] [EN] Good day and welcome to the Quillfeather second quarter call.
       [中] 大家好，欢迎参加Quillfeather第二季度电话会议。
Good day and welcome to the Quillfeather second quarter call.

  [  3] [EN] Mara Lindqvist--Chief Executive Officer
       [中] Mara Lindqvist——首席执行官
Mara Lindqvist--Chief Executive Officer

  [  4] [EN] Thanks. We had a record quarter.
       [中] 谢谢。我们度过了创纪录的一个季度。
原文：Thanks. We had a record quarter.

  [  5] [EN] Revenue grew 22%.
       [中] 收入增长了22%。
Revenue grew 22%.

  ━━ Questions and Answers ━━
  ━━ 问题与答案

Questions and Answers ━━

  [  6] [EN] Operator
       [中] 操作员
Operator

  [  7] [EN] Our first question comes from Kwame Osei with Northgate.
       [中] 第一个问题来自Northgate的Kwame Osei。
Our first question comes from Kwame Osei with Northgate.

  [  8] [EN] Kwame Osei--Northgate -- Analyst
       [中] Kwame Osei——Northgate——分析师
Kwame Osei--Northgate -- Analyst

  [  9] [EN] How durable is demand?
       [中] 需求的持久性如何？
How durable is demand?

  ━━ 共 9 段中英对照 ━━"""


def test_numbered_bilingual_lines_pair_english_and_chinese_turns() -> None:
    t = parse_text(BILINGUAL)
    assert who(t) == ["Operator", "Operator", "Mara Lindqvist", "Mara Lindqvist", "Operator",
                      "Operator", "Kwame Osei", "Kwame Osei"]
    ceo_en, ceo_zh = t.turns[2], t.turns[3]
    assert [p.text for p in ceo_en.paragraphs] == ["Thanks. We had a record quarter.",
                                                   "Revenue grew 22%."]
    assert [p.text for p in ceo_zh.paragraphs] == ["谢谢。我们度过了创纪录的一个季度。",
                                                   "收入增长了22%。"]
    assert ceo_zh.interprets == [ceo_en.index] and ceo_en.interprets == []
    assert ceo_zh.speaks_for == ceo_en.speaker
    assert t.turns[6].section is SectionKind.QA
    assert len(t.exchanges) == 1 and t.exchanges[0].question == [6, 7]
    assert not any("原文" in p.text or "Prepared Remarks" in p.text
                   for turn in t.turns for p in turn.paragraphs)


def test_meta_from_the_file_name_is_a_last_resort() -> None:
    t = parse_text("Thanks for joining.\n\nWe grew.\n", "notes__QFTR__20250814.txt")
    assert (t.meta.ticker, t.meta.date) == ("QFTR", "2025-08-14")
    t = parse_text("Company: Quillfeather\nTicker: QFX\n\nThanks for joining.\n",
                   "QFTR_Q2_2025.txt")
    assert (t.meta.ticker, t.meta.period) == ("QFX", "Q2 2025")


def test_markdown_title_with_a_compact_date() -> None:
    t = parse_text("# 羽毛笔科技_20250814\n\n主持人：欢迎参加会议。\n\n林思远：谢谢大家。\n")
    assert (t.meta.company, t.meta.date) == ("羽毛笔科技", "2025-08-14")


def test_timed_paragraphs_keep_their_times() -> None:
    text = ("**Mara Lindqvist**\n\n[00:00:05.000 --> 00:00:09.500] Thanks for joining.\n\n"
            "[00:00:10 --> 00:00:12] We had a record quarter.\n\n**Kwame Osei**\n\n"
            "[01:02:03] How durable is demand?\n")
    t = parse_text(text)
    paras = [p for turn in t.turns for p in turn.paragraphs]
    assert [p.text for p in paras] == ["Thanks for joining.", "We had a record quarter.",
                                       "How durable is demand?"]
    assert [p.time for p in paras] == [(5.0, 9.5), (10.0, 12.0), (3723.0, None)]


def test_all_caps_inline_labels_and_an_analyst_named_in_parentheses() -> None:
    text = """PRESENTATION

OPERATOR: Good morning and welcome to the Brightwell Bank fourth quarter 2024 results call.

JANE FRASER: Thank you, operator. We had a solid quarter across the franchise.

MARK MASON: Thanks, Jane. Revenues were up 12%.

OPERATOR: Our first question comes from Mike Mayo with Wells Fargo.

MIKE MAYO: Hi. How should we think about expenses next year?

JANE FRASER: We expect them to fall.

Analyst (Betsy Graseck): And capital return?

MARK MASON: Buybacks continue.
"""
    t = parse_text(text)
    assert who(t) == ["OPERATOR", "JANE FRASER", "MARK MASON", "OPERATOR", "MIKE MAYO",
                      "JANE FRASER", "Betsy Graseck", "MARK MASON"]
    assert kind(t, "Betsy Graseck") is SpeakerKind.ANALYST
    assert [t.speakers[e.asker].name for e in t.exchanges if e.asker is not None] == [
        "MIKE MAYO", "Betsy Graseck"]
    assert t.meta.period == "Q4 2024" and t.meta.company == "Brightwell Bank"


def test_chinese_minutes_labels() -> None:
    text = """# 蓝湖科技_20240820

简报

主持人：各位投资者下午好，欢迎参加蓝湖科技2024年第二季度业绩说明会。

首席执行官 王建国：谢谢主持人。本季度公司收入同比增长百分之十八。

问答

主持人：下面进入问答环节。

提问者 张伟（中金公司）：请问下半年的毛利率展望如何？

答：我们预计毛利率保持稳定。

问：海外业务的进展怎么样？

答：海外收入占比已经达到百分之十五。
"""
    t = parse_text(text)
    assert (t.meta.company, t.meta.period, t.meta.date) == ("蓝湖科技", "Q2 2024", "2024-08-20")
    ceo = next(s for s in t.speakers if s.name == "王建国")
    assert (ceo.role, ceo.kind) == ("首席执行官", SpeakerKind.EXECUTIVE)
    asker = next(s for s in t.speakers if s.name == "张伟")
    assert (asker.affiliation, asker.kind) == ("中金公司", SpeakerKind.ANALYST)
    assert [t.speaker_of(turn).kind for turn in t.turns_in(SectionKind.QA)] == [
        SpeakerKind.OPERATOR, SpeakerKind.ANALYST, SpeakerKind.EXECUTIVE, SpeakerKind.ANALYST,
        SpeakerKind.EXECUTIVE]
    assert len(t.exchanges) == 2


INTERPRETED = """Operator
Good morning and welcome to the Jadeport Holdings second quarter 2024 earnings call.

Cathy Lin -- Head of Investor Relations
Thank you, operator. Joining us today are Mr. Zhou Wei, our CEO, and Ms. Ann Qiu, our CFO.

Zhou Wei -- Chairman and Chief Executive Officer
[Foreign Language]

Interpreter
This is Zhou Wei. Thank you all for joining. Our revenue grew 20% this quarter.

Ann Qiu -- Chief Financial Officer
Thank you. Gross margin improved to 41%.

Operator
Our first question comes from Leo Park with Harbor Securities.

Leo Park -- Harbor Securities -- Analyst
[Foreign Language] I will translate myself. How should we think about margins next year?

Zhou Wei -- Chairman and Chief Executive Officer
(foreign language)

Cathy Lin -- Head of Investor Relations
This is Cathy translating for Mr. Zhou. We expect margins to stay stable next year.
"""


def test_foreign_language_placeholders_are_linked_to_their_interpretation() -> None:
    t = parse_text(INTERPRETED)
    names = [t.speaker_of(turn).name for turn in t.turns]
    ceo = next(s.id for s in t.speakers if s.name == "Zhou Wei")
    voice = t.turns[names.index("Interpreter")]
    assert voice.interprets == [voice.index - 1] and voice.speaks_for == ceo
    ir = t.turns[-1]
    assert t.speaker_of(ir).name == "Cathy Lin"
    assert ir.interprets == [ir.index - 1] and ir.speaks_for == ceo
    # The analyst who translates their own question interprets nobody.
    assert all(not turn.interprets for turn in t.turns if t.speaker_of(turn).name == "Leo Park")


def test_participant_titles_and_firms_that_wrap_onto_a_second_line() -> None:
    text = """Call Participants

EXECUTIVES

Mara Lindqvist
Chief Executive Officer

Tobias Renn
Executive VP & Chief
Financial Officer

ANALYSTS

Priya Nandakumar
Lakeshore Capital Markets Inc.,
Research Division

Presentation

Operator
Good day and welcome to the Quillfeather third quarter call.

Mara Lindqvist
Thanks, everyone. Revenue rose 8%.

Question and Answer

Operator
Our first question comes from Priya Nandakumar with Lakeshore.

Priya Nandakumar
How is demand?

Tobias Renn
Steady.
"""
    t = parse_text(text)
    assert who(t) == ["Operator", "Mara Lindqvist", "Operator", "Priya Nandakumar", "Tobias Renn"]
    cfo = next(s for s in t.speakers if s.name == "Tobias Renn")
    assert cfo.role == "Executive VP & Chief Financial Officer"
    asker = next(s for s in t.speakers if s.name == "Priya Nandakumar")
    assert asker.affiliation == "Lakeshore Capital Markets Inc., Research Division"


def test_a_translation_given_later_renders_the_earlier_mandarin() -> None:
    text = """Operator
Our first question comes from Leo Park with Harbor Securities.

Leo Park -- Harbor Securities -- Analyst
Could you comment on margins and on the dividend?

Zhou Wei -- Chief Executive Officer
我们预计明年利润率保持稳定，分红政策不变。

Ann Qiu -- Chief Financial Officer
On the dividend, our payout ratio stays at 30%.

Cathy Lin -- Head of Investor Relations
Let me now translate Mr. Zhou's answer. We expect margins to stay stable next year.

12

Operator
That concludes the call.
"""
    t = parse_text(text)
    ir = next(turn for turn in t.turns if t.speaker_of(turn).name == "Cathy Lin")
    ceo = next(s.id for s in t.speakers if s.name == "Zhou Wei")
    assert ir.interprets == [2] and ir.speaks_for == ceo
    assert "12" not in ir.text  # a lone page number is page furniture


def test_bank_speech_layout_with_slide_titles_and_name_firm_askers() -> None:
    text = """Fourth quarter 2025 results

Mara Lindqvist
Group Chief Executive Officer

Good morning. We had a strong year.

COSTS
Costs fell for the fourth quarter running
Tobias Renn
Group Chief Financial Officer

Thank you, Mara. Costs fell 3%.

Analyst Q&A (CEO and CFO)

Priya Nandakumar, Lakeshore Capital

How durable is the margin gain?

Mara Lindqvist

Very durable.

Kwame Osei, Northgate

And the buyback?

Tobias Renn

It continues.
"""
    t = parse_text(text)
    assert who(t) == ["Mara Lindqvist", "Tobias Renn", "Priya Nandakumar", "Mara Lindqvist",
                      "Kwame Osei", "Tobias Renn"]
    assert t.turns[2].section is SectionKind.QA
    assert kind(t, "Kwame Osei") is SpeakerKind.ANALYST
    assert [t.speakers[e.asker].name for e in t.exchanges if e.asker is not None] == [
        "Priya Nandakumar", "Kwame Osei"]


def test_an_asker_the_operator_announced_is_read_from_a_one_off_header() -> None:
    text = """Mara Lindqvist: Thanks, everyone. Revenue rose 8%.

Operator: The next question is from Pierre Dumont, Harbourline Securities. Please go ahead.

Pierre Dumont (Harbourline Securities): Good afternoon. How is demand?

Mara Lindqvist: Steady.
"""
    t = parse_text(text)
    assert who(t) == ["Mara Lindqvist", "Operator", "Pierre Dumont", "Mara Lindqvist"]
    assert kind(t, "Pierre Dumont") is SpeakerKind.ANALYST


def test_meta_from_a_cover_page_a_q4_and_full_year_call_and_the_team_phrase() -> None:
    t = parse_text("Harrowgate Bank\n\nFourth Quarter and Full Year 2024\n\n"
                   "Mara Lindqvist - Chief Executive Officer\nThanks for joining.\n\n"
                   "Tobias Renn - Chief Financial Officer\nRevenue rose.\n")
    assert (t.meta.company, t.meta.period) == ("Harrowgate Bank", "Q4 2024")
    t = parse_text("Good morning, everyone, and welcome to today's call.\n"
                   "Joining me today from Quillfeather's executive team are our CEO and CFO.\n")
    assert t.meta.company == "Quillfeather"


def test_a_presenter_whose_firm_sounds_like_a_bank_speaks_for_the_company() -> None:
    talk = "Thanks, everyone. Loans grew in every region and deposits held up well. " * 12
    text = f"""Prepared Remarks:

Operator
Good day and welcome to the Harrowgate Bankers first quarter 2025 call.

Mara Lindqvist
{talk}

Questions and Answers:

Operator
Your first question is from Ivo Marsh from Crestline.

Ivo Marsh
How are deposits?

Mara Lindqvist
Stable.

Call participants:

Mara Lindqvist--Harrowgate Bankers, Inc
Ivo Marsh--Crestline -- Analyst
"""
    t = parse_text(text)
    assert kind(t, "Mara Lindqvist") is SpeakerKind.EXECUTIVE
    assert kind(t, "Ivo Marsh") is SpeakerKind.ANALYST


def test_a_listed_speaker_whose_words_open_with_a_figure() -> None:
    text = """CALL PARTICIPANTS

Chief Executive Officer — Mara Lindqvist

Full Conference Call Transcript

Operator:Welcome to the Quillfeather fourth quarter call. Revenue: 80 million for the year.

Mara Lindqvist:2025 was our best year yet. Revenue rose 22%.
"""
    t = parse_text(text)
    assert who(t) == ["Operator", "Mara Lindqvist"]
    assert t.turns[-1].text.startswith("2025 was our best year")


def test_a_person_listed_under_both_names_is_one_speaker() -> None:
    text = """Company Participants

Alex Xu (徐军) - Chief Executive Officer
Karen Ji - Senior Director of Capital Markets

Presentation

Karen Ji: Thank you. Our CEO will speak in Mandarin and I will interpret.

徐军：大家好，本季度收入增长百分之二十。

Karen Ji: Hello everyone. Revenue grew 20% this quarter.

徐军：毛利率保持稳定。

Karen Ji: Gross margin held steady.

Alex Xu: Thank you, Karen. I will add one point in English.
"""
    t = parse_text(text)
    assert [t.speaker_of(turn).name for turn in t.turns] == [
        "Karen Ji", "Alex Xu", "Karen Ji", "Alex Xu", "Karen Ji", "Alex Xu"]
    ceo = next(s for s in t.speakers if s.name == "Alex Xu")
    assert ceo.kind is SpeakerKind.EXECUTIVE and ceo.role == "Chief Executive Officer"
    assert t.turns[2].interprets == [1] and t.turns[2].speaks_for == ceo.id


def test_vendor_cover_contents_and_terms_stay_out_of_the_call() -> None:
    terms = ("These materials have been prepared solely for information purposes based upon "
             "information generally available to the public and from sources believed to be "
             "reliable, and no content may be reproduced without permission of the vendor.")
    text = f"""Harrowgate Inc. NYSE:HGT

FQ2 2025 Earnings Call Transcripts

Question and Answer
HARROWGATE INC. FQ2 2025 EARNINGS CALL | JUL 24, 2025

## Call Participants

EXECUTIVES
Mara Lindqvist
Chief Executive Officer
ANALYSTS
Aryeh Klein
BMO Capital Markets Equity Research
Ivo Marsh
Crestline Securities, LLC, Research Division

## Presentation

Operator

Good afternoon, and welcome to the Harrowgate second quarter call.

Mara Lindqvist
Chief Executive Officer

Thanks, everyone. Revenue rose 8%.

## Question and Answer

Operator

Our first question comes from Aryeh Klein with BMO.

Aryeh Klein
BMO Capital Markets Equity Research

How is demand?

Mara Lindqvist
Chief Executive Officer

Steady.

Operator

The conference has now concluded. You may now disconnect. Copyright © 2025 Vendor. All rights reserved.

{terms}
"""
    t = parse_text(text)
    assert who(t) == ["Operator", "Mara Lindqvist", "Operator", "Aryeh Klein", "Mara Lindqvist"]
    assert t.turns[0].section is SectionKind.PRESENTATION
    assert not any("solely for information" in turn.text for turn in t.turns)
    assert (t.meta.company, t.meta.period) == ("Harrowgate Inc.", "Q2 2025")
