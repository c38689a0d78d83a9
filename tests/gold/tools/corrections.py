"""Hand corrections to the drafts, per layout and file, with what was read to make them.

Each entry is read by ``make_gold.py``; the keys are described in ``_common.correct``.
Turn indices are the draft's. Meta is what a reader fills from the file's own text (the
file name is not read): a date only where the text gives the call's date.
"""

from __future__ import annotations

from typing import Any

REFINITIV: dict[str, dict[str, Any]] = {
    "refinitiv__Allied-Properties-Real-Estate-Investment-Trust__2022Q3": {
        "checked": (
            "Stray page number '2' on the first line and lone page numbers inside turns "
            "(e.g. '5' after the first question announcement, '9' after 'Fair comment.'). "
            "Read by hand: every speaker header and turn start, the whole Q&A for exchanges. "
            "Turn 18 is labelled Matt Kornack but is Jonathan Kelcher's closing remark before "
            "Matt is announced; kept under the printed label and not an exchange. Analyst "
            "comments and clarifications of the same question ('Fair comment.', 'Sorry, net "
            "rents.', 'So the question was...') are not new exchanges. No call date in the text."
        ),
        "meta": {
            "company": ["Allied Properties Real Estate Investment Trust", "Allied Properties REIT",
                        "Allied Properties"],
            "ticker": None, "period": "Q3 2022", "date": None,
        },
        "kinds": {"Unidentified Company Representative": "executive"},
        "exchanges_drop": [18, 47, 51, 58, 60, 69, 78, 82],
    },
    "refinitiv__Franklin-Street-Properties-Corp__2022Q3": {
        "checked": (
            "No Q&A section: the operator's '(Operator Instructions)' comes in the welcome and "
            "'There are no questions waiting' after the remarks, so every turn is presentation "
            "and there is no exchange. Read by hand: the whole file (9 turns). The call date is "
            "the forward-looking statement's 'as of today, November 2, 2022'."
        ),
        "meta": {
            "company": ["Franklin Street Properties Corp.", "Franklin Street Properties"],
            "ticker": None, "period": "Q3 2022", "date": "2022-11-02",
        },
    },
    "refinitiv__eXp-World-Holdings-Inc__2022Q3": {
        "checked": (
            "A 'metaverse fireside chat': no Operator; Courtney Keating (CMO, listed without a "
            "title line) opens, and the D.A. Davidson analyst Tom White hosts, so the Q&A starts "
            "at his first question under the QUESTIONS AND ANSWERS heading and the CFO's "
            "prepared results (turn 11) fall inside it. Read by hand: every header and turn "
            "start, all of White's turns for exchanges (his hand-over to the CFO and his "
            "closing thanks are not questions). 'Unidentified Company Representative' speaks "
            "for the company. No call date in the text."
        ),
        "meta": {
            "company": ["eXp World Holdings, Inc.", "eXp World Holdings"],
            "ticker": None, "period": "Q3 2022", "date": None,
        },
        "kinds": {"Unidentified Company Representative": "executive"},
        "exchanges_drop": [10, 34],
    },
    "refinitiv__Brandywine-Realty-Trust__2022Q3": {
        "checked": (
            "Truncated: ends in the middle of Steve Sakwa's question, with no disclaimer "
            "(that question is still an exchange). Read by hand: every header and turn start, "
            "every analyst turn; William Crow's repeat of his question after a bad line "
            "(turn 20) is not a new exchange. No call date in the text ('Happy Friday')."
        ),
        "meta": {"company": "Brandywine Realty Trust", "ticker": None, "period": "Q3 2022",
                 "date": None},
        "exchanges_drop": [20],
    },
    "refinitiv__Public-Storage__2022Q3": {
        "checked": (
            "A regular, long call (68 turns, 10 analysts, some asking three follow-ups). Read by "
            "hand: every header and turn start, every analyst turn (each asks something, so "
            "each is an exchange). Date from 'as of today, November 2, 2022'."
        ),
        "meta": {"company": "Public Storage", "ticker": None, "period": "Q3 2022",
                 "date": "2022-11-02"},
    },
    "refinitiv__Orchid-Island-Capital-Inc__2022Q3": {
        "checked": (
            "Mortgage REIT with one long prepared turn by the CEO and executives answering in "
            "runs of two to four turns; the operator announces a 'follow-up question' from an "
            "analyst who asked before (a new exchange). Read by hand: every header and turn "
            "start, every analyst turn; Goberman's closing good wishes are not a question. "
            "Date from 'recorded today, October 28, 2022'."
        ),
        "meta": {"company": ["Orchid Island Capital, Inc.", "Orchid Island Capital"],
                 "ticker": None, "period": "Q3 2022", "date": "2022-10-28"},
        "exchanges_drop": [20],
    },
}

FOOLJSON: dict[str, dict[str, Any]] = {
    "fooljson__NEU__2019Q4": {
        "checked": (
            "A tiny call with no Q&A: the CFO says to send questions by email, and the only "
            "turn under the 'Questions & Answers:' heading is the operator's sign-off, which is "
            "presentation (no question instructions, no analyst). Read by hand: the whole file."
        ),
        "meta": {"company": ["NewMarket Corporation", "NewMarket"], "ticker": None,
                 "period": "Q4 2019", "date": None},
        "turns": {2: {"section": "presentation"}},
    },
    "fooljson__FRO__2021Q1": {
        "checked": (
            "Frontline (Norwegian executives), 'Questions & Answers:' heading. Read by hand: "
            "every turn start and every analyst turn. An exchange starts at the analyst's first "
            "turn, a greeting included ('Thank you. Good afternoon.'), so the question after "
            "the executive's 'Hi, Jon.' is the same exchange; thanks and 'OK. Perfect.' are "
            "not questions. Chris Tsung's firm is not given."
        ),
        "meta": {"company": "Frontline", "ticker": None, "period": "Q1 2021", "date": None},
        "exchanges_drop": [7, 11, 16, 22, 24, 36, 41, 53],
    },
    "fooljson__GHL__2021Q2": {
        "checked": (
            "Greenhill, short Q&A, one executive answering; Brian McKenna asks for Devin Ryan, "
            "whom the operator announced (the header names McKenna). Read by hand: the whole "
            "file. Closing thanks are not exchanges."
        ),
        "meta": {"company": ["Greenhill & Co.", "Greenhill"], "ticker": None,
                 "period": "Q2 2021", "date": None},
        "exchanges_drop": [8, 14, 22],
    },
    "fooljson__TNK__2020Q1": {
        "checked": (
            "The 'Questions and Answers:' heading is misplaced: it comes after the operator's "
            "closing remarks and holds nothing, so the whole Q&A sits under 'Prepared "
            "Remarks:'; it starts at the operator's '[Operator Instructions] We'll hear first "
            "today from Jon Chappell' (turn 5). Kevin Mackay, Stewart Andrade, Omar Nokta and "
            "J Mintzmyer are missing from the participants list. Read by hand: every turn "
            "start, every analyst turn (greetings open an exchange; closing thanks do not)."
        ),
        "meta": {"company": ["Teekay Tankers Ltd.", "Teekay Tankers"], "ticker": None,
                 "period": "Q1 2020", "date": None},
        "kinds": {"Kevin Mackay": "executive", "Stewart Andrade": "executive",
                  "Omar Nokta": "analyst", "J Mintzmyer": "analyst"},
        "turns": {i: {"section": "qa"} for i in range(5, 60)},
        "exchanges_add": [(6, "Jon Chappell"), (8, "Jon Chappell"), (14, "Ken Hoexter"),
                          (16, "Ken Hoexter"), (18, "Ken Hoexter"), (20, "Ken Hoexter"),
                          (25, "Omar Nokta"), (27, "Omar Nokta"), (29, "Omar Nokta"),
                          (34, "J Mintzmyer"), (39, "J Mintzmyer"), (41, "J Mintzmyer"),
                          (43, "J Mintzmyer"), (48, "Randy Giveans"), (53, "Randy Giveans")],
    },
    "fooljson__DIS__2022Q1": {
        "checked": (
            "Disney, fiscal Q1 2022, with the head of IR moderating the Q&A between every "
            "question ('Operator, next question, please.'). Read by hand: every turn start, "
            "every analyst turn. Kannan Venkateshwar's second turn finishes the question the "
            "CEO let him finish ('No. No. Go ahead, please.'), so it is one exchange; Jessica "
            "Reif Ehrlich's 'Can you say anything about capacity?' after the answer is a new one."
        ),
        "meta": {"company": ["The Walt Disney Company", "Walt Disney", "Disney"], "ticker": None,
                 "period": "Q1 2022", "date": None},
        "exchanges_drop": [10, 15, 20, 24, 36, 43, 50, 56],
    },
    "fooljson__CTS__2020Q4": {
        "checked": (
            "The file is named 2020Q4 but the call is CTS's fourth quarter and full year 2019 "
            "(February 2020): meta from the text. Read by hand: every turn start, every analyst "
            "turn; Hendi Susanto's greeting opens his exchange and his repeat of a question the "
            "CEO did not hear is not a new one; closing thanks are not exchanges."
        ),
        "meta": {"company": ["CTS Corporation", "CTS"], "ticker": None, "period": "Q4 2019",
                 "date": None},
        "exchanges_drop": [10, 23, 38, 43, 45, 53],
    },
}

MAEC: dict[str, dict[str, Any]] = {
    "maec__CLI__20161026": {
        "checked": (
            "Read by hand: the whole file. No blank lines, so one unnamed turn; it opens with "
            "the president's prepared remarks ('Thank you. Good morning, everyone, and thank "
            "you for joining the Mack-Cali 2016 third-quarter earnings call.') and runs on into "
            "the answers after 'Operator, first question.' with no mark between them."
        ),
        "meta": {"company": ["Mack-Cali", "Mack-Cali Realty Corporation"], "ticker": None,
                 "period": "Q3 2016", "date": None},
    },
    "maec__AAN__20160729": {
        "checked": (
            "Read by hand: the whole file. It starts in the Q&A, mid-answer ('Yes, this is "
            "Douglas. I was just commenting on that.'), so its one turn is qa. The company is "
            "never named (only the website Aarons.com and a rival, Progressive) and the quarter "
            "is 'the second quarter' with no year, so company and period are null."
        ),
        "meta": {"company": None, "ticker": None, "period": None, "date": None},
        "turns": {0: {"section": "qa"}},
    },
    "maec__HQY__20160607": {
        "checked": (
            "Read by hand: the whole file (14 lines): only the closing words after the Q&A (an "
            "invitation to an investor day on June 21), so qa; no company or period is named."
        ),
        "meta": {"company": None, "ticker": None, "period": None, "date": None},
        "turns": {0: {"section": "qa"}},
    },
    "maec__STX__20170426": {
        "checked": (
            "Read by hand: the whole file; one unnamed turn from the IR welcome through the "
            "prepared remarks into the answers. The period is 'our March quarter of fiscal "
            "'17', with the June quarter closing the fiscal year ('a fiscal '18 outlook on our "
            "July call'), so fiscal Q3 2017."
        ),
        "meta": {"company": ["Seagate", "Seagate Technology"], "ticker": None,
                 "period": "Q3 2017", "date": None},
    },
    "maec__DY__20160824": {
        "checked": (
            "Read by hand: the whole file; one unnamed turn, prepared remarks first ('to review "
            "our fourth-quarter fiscal 2016 results'), the company named as Dycom in the "
            "remarks."
        ),
        "meta": {"company": ["Dycom", "Dycom Industries"], "ticker": None, "period": "Q4 2016",
                 "date": None},
    },
}

FOOLSCRAPE_2025: dict[str, dict[str, Any]] = {
    "foolscrape__TAL__Q4_2026": {
        "checked": (
            "The transcript starts with the CEO thanking 'Fang' (her introduction is not in "
            "the page); every question is labelled 'Analyst:', and the operator names each "
            "analyst just before: the asker takes that name (as in the interleaved gold of "
            "the same call). The Q&A starts at the "
            "operator's 'We will now open the call for questions', so the CEO's correction "
            "after it is qa. Read by hand: the summary blocks (one anchor each; the date line, "
            "headings and the participant lines are chrome), every label and turn start, every "
            "analyst turn ('Thank you, Jackson. Sounds good.' is not a question)."
        ),
        "meta": {"company": ["TAL Education", "TAL Education Group", "TAL Education (好未来)"],
                 "ticker": "TAL", "period": "Q4 2026", "date": "2026-04-23"},
        "exchanges_drop": [26, 28, 30, 33, 36, 39],
        "exchanges_add": [(26, "Jenny Wong"), (30, "Timothy Zhao"), (33, "Eddie Huang"),
                          (36, "Jean Wang"), (39, "Candace Chan")],
        "kinds": {"Jenny Wong": "analyst", "Timothy Zhao": "analyst", "Eddie Huang": "analyst",
                  "Jean Wang": "analyst", "Candace Chan": "analyst"},
        "turns": {26: {"speaker": "Jenny Wong", "kind": None},
                  28: {"speaker": "Jenny Wong", "kind": None},
                  30: {"speaker": "Timothy Zhao", "kind": None},
                  33: {"speaker": "Eddie Huang", "kind": None},
                  36: {"speaker": "Jean Wang", "kind": None},
                  39: {"speaker": "Candace Chan", "kind": None}},
    },
    "foolscrape__NVO__Q3_2025": {
        "checked": (
            "Starts mid-call at 'Maziar Doustdar:Thank you, Jacob.'; each presenter repeats "
            "his label on every slide's paragraph, and one speaker's uninterrupted paragraphs "
            "are one turn. The head of IR moderates the Q&A (he says '[Operator "
            "Instructions]' inside his own turn; the Q&A starts at the operator's first "
            "question announcement). The header's time is a placeholder (12:00 a.m.); the "
            "date is still the page's. Read by hand: summary blocks, every label, every "
            "analyst turn (each asks one set of questions)."
        ),
        "meta": {"company": ["Novo Nordisk", "Novo Nordisk (诺和诺德)"], "ticker": "NVO",
                 "period": "Q3 2025", "date": "2025-11-05"},
    },
    "foolscrape__FIG__Q2_2025": {
        "checked": (
            "Figma's first call after its IPO; the date line has no time. No operator "
            "instructions before 'Our first question comes from the line of Elizabeth "
            "Porter', where the Q&A starts; the IR head Kate DeLeo-Joglekar (not in the "
            "summary's participants) opens for the company. Read by hand: summary blocks, "
            "every label and turn start, every analyst turn."
        ),
        "meta": {"company": ["Figma", "Figma (Figma)"], "ticker": "FIG", "period": "Q2 2025",
                 "date": "2025-09-03"},
        "kinds": {"Kate DeLeo-Joglekar": "executive"},
    },
}

FOOLSCRAPE_2024: dict[str, dict[str, Any]] = {
    "foolscrape__MSFT__Q3_2024": {
        "checked": (
            "The head of IR moderates ('Operator, next question, please.'); his 'We'll now "
            "move over to Q&A' closes the prepared remarks and the Q&A starts at the operator's "
            "'[Operator instructions] And our first question'. 'Duration: 0 minutes'. Read by "
            "hand: every speaker line and turn start, every analyst turn (each asks one "
            "question; their closing thanks are not exchanges)."
        ),
        "meta": {"company": ["Microsoft", "Microsoft (微软)", "Microsoft Corporation"],
                 "ticker": "MSFT", "period": "Q3 2024", "date": "2024-04-25"},
        "exchanges_drop": [9, 14, 20, 25, 30, 35, 41, 46],
    },
    "foolscrape__SNOW__Q2_2025": {
        "checked": (
            "Fiscal Q2 2025 held in August 2024 (the header's quarter, the title line's date). "
            "Raimo Lenschow's turn starts lower-case ('perfect. Thank you.') but is his own "
            "turn after the operator's announcement; turn 14 is labelled Keith Weiss but is "
            "Raimo's thanks (kept under the printed label, not an exchange); the participants "
            "list says 'Matt Hedberg' for the header's 'Matthew Hedberg'. Read by hand: every "
            "speaker line, every analyst turn: Kirk Materne's question lost to a bad line is "
            "still an exchange, his 'Is that the any better?' and Joel Fishbein's repeat of "
            "his question are not new ones."
        ),
        "meta": {"company": ["Snowflake", "Snowflake Inc.", "Snowflake (Snowflake)"],
                 "ticker": "SNOW", "period": "Q2 2025", "date": "2024-08-21"},
        "aliases": {"Matthew Hedberg": ["Matt Hedberg"]},
        "exchanges_drop": [9, 14, 21, 25, 27, 32, 38, 44, 50, 55, 59, 61, 70, 76, 82, 88],
    },
    "foolscrape__NVO__Q2_2023": {
        "checked": (
            "Danish company; the CEO, later the head of IR, hands each question to a colleague "
            "in a short turn of his own, so answers run over three to five turns. Read by "
            "hand: every speaker line and turn start, every analyst turn (each asks one set "
            "of two questions; 'Thank you.' is not an exchange)."
        ),
        "meta": {"company": ["Novo Nordisk", "Novo Nordisk A/S", "Novo Nordisk (诺和诺德)"],
                 "ticker": "NVO", "period": "Q2 2023", "date": "2023-08-10"},
        "exchanges_drop": [19, 32],
    },
}

FIXES: dict[str, dict[str, dict[str, Any]]] = {
    "refinitiv": REFINITIV,
    "fooljson": FOOLJSON,
    "maec": MAEC,
    "foolscrape-2024": FOOLSCRAPE_2024,
    "foolscrape-2025": FOOLSCRAPE_2025,
}
