"""The fallback layout parser: common speaker headers, section headings and participant lists.

Layouts nobody wrote a dedicated parser for still follow a handful of conventions:
`Name (Role)`, `Name -- Title`, `Name - Company - Title`, `Name, Company - Title`, a
name line over a role line, `Name:` opening a paragraph, `**Name**`, a bare name line, or
Chinese `吴海生（首席执行官）` / `主持人：`. Any of these shapes also turns up in ordinary
prose, so a weak shape is only trusted when the file confirms it: the name is listed as a
participant, the name recurs, or the same shape introduces other speakers too. Text above
the first header and heading is the page head (title, date, blurbs), read for metadata
only. With no structure at all, each paragraph becomes a turn by one unknown speaker,
which still gives the structure pass something to outline.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import lru_cache

from reader.core.draft import Draft, DraftSpeaker, DraftTurn
from reader.core.formats.bilingual import Bilingual, Part, read_bilingual
from reader.core.metadata import (
    find_ticker,
    header_field,
    normalize_period,
    parse_compact_date,
    parse_date,
)
from reader.core.model import Meta, SectionKind, SpeakerKind
from reader.core.roles import (
    ASKER_ANNOUNCEMENT,
    GO_TO_ANNOUNCEMENT,
    LINE_OF,
    OPERATOR_CUES,
    kind_from_role,
)
from reader.core.textspans import Line, lines, paragraphs

# --- vocabulary -----------------------------------------------------------------------

_OPERATOR_NAMES = frozenset({
    "operator", "the operator", "conference operator", "moderator", "coordinator", "host",
    "主持人", "会议主持人", "會議主持人", "主持", "接线员", "接線員", "操作员", "操作員"})
_INTERPRETER_NAMES = frozenset({
    "interpreter", "translator", "interpretation", "translation",
    "翻译", "翻譯", "传译", "傳譯", "口译", "口譯", "同传", "同傳"})

# Words that never appear in a person's name but often open a short line or a `Word:`
# label: greetings, function words, and the vocabulary of headings and financial tables.
_NON_NAME_WORDS = """
the a and or but if of in on at by for with from to as is are was were be been it its this
that these those we our us i you your they their she his her my me not no yes ok okay hi
hello hey thanks thank sure great good morning afternoon evening well right all any some
more most very also just now then there here what which who why how when where please next
first second third fourth final last one two three again overall sorry absolutely perfect
understood got bye cheers correct exactly indeed agreed alright welcome excellent fine
sounds yeah yep nope oh um uh hmm wow nice wonderful fantastic noted certainly definitely
revenue revenues income profit profits margin margins sales total net gross operating
financial financials results highlights overview summary outlook guidance statement
statements forward-looking safe harbor harbour disclaimer agenda contents transcript
transcripts earnings call calls conference webcast presentation remarks questions question
answers answer session participants executives analysts management discussion company corp
corporation inc ltd limited llc plc holdings group note notes source page section part
chapter slide slides table figure chart appendix copyright rights reserved advertisement
premium subscribe share print sign log duration minutes key metrics update updates business
segment segments strategy growth year quarter quarterly annual fiscal cash flow balance sheet
eps ebitda dividend dividends expenses costs customers products markets china chinese
english mandarin original q&a prepared closing opening instructions replay disclosure
bank banks capital securities partners research advisors advisers asset investments
investment fund funds equity equities markets brokerage trust realty properties property
reit division associates financial bancorp bancshares
"""
_NON_NAME = frozenset(_NON_NAME_WORDS.split())
_SPEECH_OPENERS = frozenset({"thanks", "thank", "yes", "yeah", "okay", "ok", "sure", "well",
                             "so", "hi", "hello", "actually", "great", "good", "and", "but"})
"""Words a reply opens with, never a title line ("Thanks, Jane. [Operator instructions]")."""

_NICKNAME = re.compile(r"(?:''|[\"“‘'(])[A-Z][a-z]{1,15}(?:''|[\"”’')])")
"""A nickname inside a name: ''Bill'', "Jay", (Chris)."""
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "del", "della",
                             "la", "le", "du", "bin", "al", "dos", "das", "y", "ten", "ter"})

# A title word makes a line a role line ("Chief Financial Officer"), never a name.
_TITLE_WORD = re.compile(
    r"\b(?:analyst|analysts|officer|president|director|chief|vice|vp|svp|evp|ceo|cfo|coo|cto|"
    r"cio|cro|cmo|chairman|chairwoman|chairperson|chair|manager|head|executive|treasurer|"
    r"controller|counsel|relations|interpreter|translator|founder|co-founder|partner|secretary|"
    r"operator|moderator|strategist|economist|associate|principal|investor|spokesperson|ir|"
    r"md|gm|participant)\b"
    r"|首席|总裁|總裁|董事|总监|總監|经理|經理|副总|副總|主席|执行官|執行官|分析师|分析師|翻译|翻譯|"
    r"主持人|财务官|財務官|投资者关系|投資者關係|研究员|研究員|创始人|創始人|合伙人|合夥人|秘书|秘書",
    re.I)

_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏"
    "魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
    "邵万钱严覃武戴莫孔汤康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚"
    "符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农"
    "司卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝温"
    "劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭蔣蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯龐顏聶魯嚴歐蘭紀畢"
    "駱藍靳鮑華饒繆簡項連蘆麥婁竇戚費衛臧閔鄔邊師欒隋鞏遲鄺溫")
_COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方",
                      "東方", "皇甫", "令狐", "慕容", "夏侯", "公孙", "公孫", "尉迟", "尉遲",
                      "长孙", "長孫")
# Common words that start with a surname character ("高管", "谢谢", "毛利率").
_CJK_NON_NAME_WORDS = """
谢谢 謝謝 高管 高于 高於 高端 时间 時間 成本 毛利 毛利率 金额 金額 金融 方面 方向 方式 方法
方案 万元 萬元 安全 常规 常規 关于 關於 关注 關注 关键 關鍵 管理 管理层 管理層 任何 余额 餘額
周期 单位 單位 单季 單季 车辆 車輛 车型 車型 游戏 遊戲 温度 华为 華為 于是 总结 總結 王牌 林业
江苏 黄金 白银 石油 钱包
"""
_CJK_NON_NAME = frozenset(_CJK_NON_NAME_WORDS.split())

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff·・]{2,5}")
_CJK_TITLED_NAME = re.compile(
    r"(?P<role>(?:[\u4e00-\u9fff]{0,8}(?:首席|总裁|總裁|董事|总监|總監|经理|經理|副总|副總|主席|"
    r"执行官|執行官|财务官|財務官|秘书|秘書|分析师|分析師|研究员|研究員|提问者|提問者|投资者关系|"
    r"投資者關係)[\u4e00-\u9fff]{0,6}))[ \u3000]+(?P<name>[\u4e00-\u9fff·]{2,4})"
    r"(?:[(（](?P<firm>[^()（）]{1,30})[)）])?")
"""`职称 姓名`, as Chinese minutes label speakers: 首席执行官 王建国, 提问者 张伟（中金公司）."""
_CJK_HONORIFIC = re.compile(r"(?:先生|女士|博士|小姐|总|總)$")

_SECTION_PRESENTATION = re.compile(
    r"(?:presentation|prepared remarks|management (?:discussion|remarks|presentation)"
    r"|opening remarks|简报|簡報|管理层(?:发言|讲话|致辞|陈述)|管理層(?:發言|講話|致辭|陳述)"
    r"|开场发言|開場發言|演示)(?: session| section| part| portion)?")
_SECTION_QA = re.compile(
    r"(?:(?:analysts?'? |investor )?(?:questions? and answers?|question and answer|questions? & answers?|q ?& ?a|q and a"
    r")|问答|問答|问答环节|問答環節|问答部分|問答部分|提问环节|提問環節|互动问答|互動問答)"
    r"(?: session| section| part| portion| period)?")
_PARTICIPANT_HEADINGS: dict[str, SpeakerKind] = {
    "call participants": SpeakerKind.UNKNOWN, "participants": SpeakerKind.UNKNOWN,
    "conference call participants": SpeakerKind.ANALYST,
    "other participants": SpeakerKind.ANALYST, "analysts": SpeakerKind.ANALYST,
    "analyst participants": SpeakerKind.ANALYST,
    "corporate participants": SpeakerKind.EXECUTIVE, "company participants": SpeakerKind.EXECUTIVE,
    "executives": SpeakerKind.EXECUTIVE, "management": SpeakerKind.EXECUTIVE,
    "company representatives": SpeakerKind.EXECUTIVE, "presenters": SpeakerKind.EXECUTIVE,
    "company speakers": SpeakerKind.EXECUTIVE, "speakers": SpeakerKind.UNKNOWN,
    "attendees": SpeakerKind.UNKNOWN,
    "参会人员": SpeakerKind.UNKNOWN, "參會人員": SpeakerKind.UNKNOWN,
    "出席人员": SpeakerKind.UNKNOWN, "出席人員": SpeakerKind.UNKNOWN,
    "与会者": SpeakerKind.UNKNOWN, "與會者": SpeakerKind.UNKNOWN,
    "管理层": SpeakerKind.EXECUTIVE, "管理層": SpeakerKind.EXECUTIVE,
    "公司管理层": SpeakerKind.EXECUTIVE, "公司管理層": SpeakerKind.EXECUTIVE,
    "分析师": SpeakerKind.ANALYST, "分析師": SpeakerKind.ANALYST,
}

_SUMMARY_HEADING = re.compile(
    r"(?:ai |call |earnings call |executive |key |quick )?(?:summary|takeaways|highlights|"
    r"analysis|points)|(?:industry |key )?glossary|risks(?: and opportunities)?|"
    r"earnings call analysis|key (?:metrics|figures)|what (?:management|they) said|"
    r"摘要|要点|要點|纪要摘要|紀要摘要|核心要点|核心要點|术语表|術語表")
"""Headings a website puts over text it generated about the call."""
_TRANSCRIPT_HEADING = re.compile(
    r"(?:full |complete )?(?:(?:earnings |conference |earnings conference )?call )?transcript"
    r"|(?:full |complete )?(?:earnings )?(?:conference )?call transcript|会议实录|會議實錄|全文")
"""A heading after which the call itself is written out."""
_FOOTER_START = re.compile(
    r"more [a-z0-9.]{1,8} analysis|all earnings call transcripts|stocks mentioned|"
    r"this article is a transcript\b.*|"
    r"related (?:articles|transcripts)|premium investing services")
"""Lines a web page puts after the call: nothing after them is speech."""
_LEGAL_HEADING = re.compile(
    r"(?:legal )?disclaimers?|forward[- ]looking (?:information|statements?)|"
    r"safe harbou?r(?: statement)?|cautionary (?:note|statement)s?|免责声明|免責聲明")
"""Headings over legal text that is part of the page, not of the call."""
_CALL_ENDED = re.compile(r"you may (?:now )?disconnect|conference has (?:now )?concluded|"
                         r"concludes (?:today's|this|the) (?:conference|call|event)", re.I)
_FACT_BULLET = re.compile(r"[A-Z][^:\n]{1,80}?(?:--|:)\s*\S")
"""A generated key-figure line: `Revenue-- $80 million`, `NRR: 120%`."""

_CHROME_LINES = """
sign in|sign up|log in|login|log out|sign out|share|print|advertisement|ad|all transcripts|
premium|subscribe|follow|menu|home|search|back to top|download|listen|read more|related|
related articles|loading...|loading|skip to content|watchlist|add to watchlist|transcript|
transcripts|earnings call transcript|contents|table of contents|comments|share this article|
tweet|email|copy link|facebook|twitter|linkedin|premium content|free trial|sponsored|
you're signed out|newsletter|accept cookies|print this page|show more|see more|audio|
play audio|view all|back|next|previous|close|open in app|get the app|
invest better with the motley fool
"""
_CHROME_EXACT = frozenset(_CHROME_LINES.replace("\n", "").split("|"))
_CHROME = re.compile(
    r"image source\b|(?:©|copyright\b|\(c\)\s*\d{4})|duration\s*:\s*\d+\s*min|"
    r"more [a-z0-9.]{1,8} analysis$|all earnings call transcripts$|see all\b|updated\s*:|"
    r"published\s*:|logo of\b|(?:click|tap) here\b|read (?:the )?full\b|"
    r"\d{1,3} min(?:ute)?s? read$|(?:jump|skip) to\b|"
    r"(?:listen to|play) (?:this|the) (?:call|audio)\b|"
    r"https?://\S{1,300}$|this article is a transcript\b|[=━─_~*#-]{3,}$|"
    r"(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$|"
    r"(?:the )?motley fool (?:has|transcribing)\b|"
    r"disclaimer\s*[:：]?$")
"""Chrome recognised by how the line starts."""
_CHROME_PHRASES = ("all rights reserved", "does not assume any responsibility",
                   "for informational purposes only", "not investment advice",
                   "not be construed as investment advice", "免责声明", "免責聲明", "版权所有",
                   "版權所有")

_TERMINAL = ".?!。？！…"
_NUMERIC_START = re.compile(
    r"(?:[-+(]?[$¥￥€£]|US\$|HK\$|RMB|USD|CNY|HKD|人民币|人民幣|[-+]?\d)", re.I)
_DASH_SPLIT = re.compile(r"\s*(?:-{2,3}|—{1,2}|–)\s*")
_PAREN_END = re.compile(r"(?P<name>[^()（）]{1,60}?)\s{0,3}[(（](?P<inner>[^()（）]{1,100})[)）]")
_MARKUP_START = frozenset("*_#•·▪◦‣-")
_BULLET = re.compile(r"^(?:[*•·▪◦‣-]|\d{1,2}[.)])\s+")
_GENERIC_NAME = re.compile(r"\b(?:unidentified|unknown|analyst|participant|executive|"
                           r"interpreter|translator|company representative)\b", re.I)
_UNNAMED = re.compile(r"(?:unknown|unidentified)[ _](?:speaker|participant|analyst|caller|"
                      r"executive|company representative|male|female|operator)(?: \d{1,2})?")
"""Labels transcribers give a voice they could not name ("Unidentified Participant")."""
_ROLE_ONLY = re.compile(r"(?:analyst|questioner|caller|participant|executive|management|"
                        r"company representative|interpreter|translator|question|answer|q|a|"
                        r"分析师|分析師|提问者|提問者|提问|提問|问|問|答|回答|管理层|管理層|"
                        r"翻译|翻譯)")
_QA_LABEL_KIND = {
    "q": SpeakerKind.ANALYST, "question": SpeakerKind.ANALYST, "questioner": SpeakerKind.ANALYST,
    "问": SpeakerKind.ANALYST, "問": SpeakerKind.ANALYST, "提问": SpeakerKind.ANALYST,
    "提問": SpeakerKind.ANALYST, "提问者": SpeakerKind.ANALYST, "提問者": SpeakerKind.ANALYST,
    "a": SpeakerKind.EXECUTIVE, "answer": SpeakerKind.EXECUTIVE, "答": SpeakerKind.EXECUTIVE,
    "回答": SpeakerKind.EXECUTIVE}
"""A label that gives only the speaker's part ("Analyst:"): a voice the source does not
name, whose name the operator's introduction may give."""
_INTERPRETED_MARK = re.compile(r"^\s*[\[(（【](?:interpreted|interpretation|translated|"
                               r"translation|翻译|翻譯|传译|傳譯)[\])）】]", re.I)
_TITLE_CUE = re.compile(
    r"\b(?:earnings|conference call|results|transcript|webcast|investor (?:call|day))\b|"
    r"业绩|業績|电话会|電話會|财报|財報|季度|年度", re.I)
_COMPANY_SUFFIX = re.compile(
    r"\b(?:inc|corp|corporation|co|ltd|limited|llc|plc|holdings?|group|technolog(?:y|ies)|sa|ag|"
    r"n\.v|s\.a)\.?$|(?:公司|集团|集團|控股|科技)$", re.I)
_COMPANY_STOP = re.compile(
    r"\s*[(（]|\s[-–—|:]\s|[:：]|(?:^|\s)(?:F?Q[1-4]|[1-4]Q|FY|H[12]|fiscal|full[- ]year|first|second|"
    r"third|fourth|(?:19|20)\d\d|earnings|conference call|quarterly|annual)\b|(?:19|20)\d\d\s*年|"
    r"_(?:19|20)\d{6}\b",
    re.I)
_WELCOME = re.compile(
    r"(?:welcome (?:everyone |you |all )?to|joining (?:us )?(?:for |on |in )?)\s*(?:the |today's |this )?"
    r"(?:(?:first|second|third|fourth|full[- ]year|fiscal|quarter|year|Q[1-4]|[1-4]Q|FY|"
    r"(?:19|20)\d\d)[\s-]+)*(?P<co>(?-i:[A-Z])[\w&.,'’\- ]{1,60}?)(?:'s|’s)?\s+"
    r"(?:first|second|third|fourth|full[- ]year|fiscal|(?:19|20)\d\d|Q[1-4]|[1-4]Q|FY|earnings|"
    r"quarterly|annual|conference)\b"
    r"|(?:earnings|conference|results) (?:conference )?call for (?P<co2>(?-i:[A-Z])[\w&.,'’\- ]{1,60}?)"
    r"(?=[.;]|,\s|\s+(?:this|today|on|at)\b)"
    r"|(?:from|of) (?P<co3>(?-i:[A-Z])[\w&.'’\-]{1,30}(?: (?-i:[A-Z])[\w&.'’\-]{1,30}){0,3})(?:'s|’s) "
    r"(?:executive|management|leadership|senior) (?:team|management)", re.I)
_LISTING = re.compile(r"\s*\(?\b(?:NASDAQ|NYSE|HKEX|HKG|SEHK|AMEX|OTC)\s*:\s*[A-Z0-9.]{1,10}\)?\s*$")
_SPOKEN_DATE = re.compile(r"\b(?:as of |on )?today,?\s+(?:is\s+)?(?:\w+day,\s+)?(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? (?:19|20)\d\d)")
""""... only as of today, November 2, 2022": the call's date in the safe-harbour words."""
_FIRM_NAME = re.compile(r"(?:[A-Z][\w&.'’-]*|&|of|and|de)(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and|de)){0,5}")
"""A firm after a name ("Chris Hallam, Goldman Sachs"): a few capitalised words."""
_ROLE_ACRONYMS = frozenset({"CEO", "CFO", "COO", "CTO", "CIO", "IR", "VP", "EVP", "SVP", "Q",
                            "QA", "MD", "GM", "ET", "PT", "EST", "EDT"})

_HEAD_LIMIT = 6000
_LEADING_LABEL = re.compile(r"[^:：\n]{1,40}[:：]\s*")
_FIELD_LINES = 60
_SCRAPE_FIELD = re.compile(r"(?:url|link|source|scraped|translated|backend|characters|"
                           r"paragraphs|words|retrieved|downloaded)\s*:", re.I)
"""How far down a `Company:` / `Ticker:` header block is looked for."""
_MAX_LABEL = 160


# --- labels ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Label:
    """A speaker as one header or participant entry describes them."""

    name: str
    role: str | None
    affiliation: str | None
    explicit: bool  # the header itself carries a role or affiliation
    kind: SpeakerKind
    shape: str = "plain"  # how the header is written: paren, dash, semi, hyphen, comma, plain
    alias: str | None = None  # the same person's name in the other script: Alex Xu (徐军)


def _titled(text: str) -> bool:
    return bool(_TITLE_WORD.search(text))


def _cjk_name(s: str) -> bool:
    if s in _OPERATOR_NAMES or s in _INTERPRETER_NAMES:
        return True
    if not _CJK_NAME.fullmatch(s) or s in _CJK_NON_NAME:
        return False
    bare = _CJK_HONORIFIC.sub("", s) if len(s) > 2 else s
    if not 1 <= len(bare) <= 4 or bare in _CJK_NON_NAME:
        return False
    if bare.startswith(_COMPOUND_SURNAMES):
        return True
    return bare[0] in _SURNAMES and (len(bare) >= 2 or bare != s)


def _latin_name(s: str) -> bool:
    if len(s) > 60 or _titled(s):
        return False
    tokens = s.split()
    if not 1 <= len(tokens) <= 5:
        return False
    letters = 0
    for i, tok in enumerate(tokens):
        low = tok.casefold()
        if low in _NAME_PARTICLES and 0 < i < len(tokens) - 1:
            continue
        if (i < len(tokens) - 1 and (i > 0 or len(tokens) >= 3) and len(tok) == 2
                and tok[0].isupper() and tok[1] == "."):
            continue  # an initial: "Jay A. Brown", "A. Robert Paratte", not the word "a"
        if 0 < i < len(tokens) - 1 and _NICKNAME.fullmatch(tok):
            continue  # William M. ''Bill'' Brown
        if low.strip(".,") in _NON_NAME:
            return False
        if not tok[0].isupper():
            return False
        if not all(c.isalpha() or c in "'’-." for c in tok):
            return False
        core = tok.rstrip(".")
        if tok.endswith(".") and len(core) > 3 and core.casefold() not in {"jr", "sr"}:
            return False  # a word closing a sentence, not an initial
        letters += sum(c.isalpha() for c in tok)
    return letters >= 2


def _name_ok(name: str) -> bool:
    low = name.casefold()
    if (low in _OPERATOR_NAMES or low in _INTERPRETER_NAMES or _UNNAMED.fullmatch(low)
            or _ROLE_ONLY.fullmatch(low)):
        return True
    if _HAN.search(name):
        return _cjk_name(name)
    return _latin_name(name)


def _norm(name: str) -> str:
    """Key for matching a header to a participant entry ("Michael P. Dickerson")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    kept = [w for w in words if len(w) > 1] or words
    return " ".join(kept)


def _split_role(text: str) -> tuple[str | None, str | None]:
    """(role, affiliation) from "Analyst, Big Bank", "Big Bank - Analyst" or a bare title."""
    text = text.strip(" ,;，；")
    if not text:
        return None, None
    for sep in (" - ", " – ", " — ", " -- ", "; ", "；", ", ", "，", "、", ","):
        if sep in text:
            a, b = (p.strip() for p in text.split(sep, 1))
            ta, tb = _titled(a), _titled(b)
            if ta and not tb and b:
                return a, b
            if tb and not ta and a:
                return b, a
            break
    if _titled(text) or text.casefold() in {"participant", "guest", "speaker"}:
        return text, None
    return None, text


def _label_kind(name: str, role: str | None, affiliation: str | None) -> SpeakerKind:
    low = name.casefold()
    if low in _OPERATOR_NAMES:
        return SpeakerKind.OPERATOR
    if low in _INTERPRETER_NAMES:
        return SpeakerKind.INTERPRETER
    kind = kind_from_role(role, name) if role else SpeakerKind.UNKNOWN
    if (kind is SpeakerKind.UNKNOWN and affiliation and not role
            and kind_from_role(affiliation) is SpeakerKind.ANALYST):
        kind = SpeakerKind.ANALYST
    if kind is SpeakerKind.UNKNOWN and _GENERIC_NAME.search(name):
        kind = kind_from_role(name)
    return kind


def _parse_label(label: str) -> _Label | None:
    """Name, role and affiliation from one header or list entry, or None if no name leads it."""
    f = _parse_label_cached(label)
    if f is None:
        return None
    return _Label(f.name, f.role, f.affiliation, f.explicit, f.kind, f.shape,  # callers amend it
                  f.alias)


@lru_cache(maxsize=4096)  # headers repeat all through a call
def _parse_label_cached(label: str) -> _Label | None:
    label = _BULLET.sub("", label.strip()).strip()
    if not label or len(label) > _MAX_LABEL:
        return None
    # First cut off the name by the header's shape; only a name-like one is worth the rest.
    m = _PAREN_END.fullmatch(label)
    parts: list[str]
    titled = _CJK_TITLED_NAME.fullmatch(label)
    if titled and _cjk_name(titled.group("name")):  # 首席执行官 王建国 / 提问者 张伟（中金公司）
        inner = titled.group("firm")
        parts = [titled.group("name"), titled.group("role")] + ([inner] if inner else [])
        shape = "paren"
        if inner:
            return _Label(parts[0], titled.group("role"), inner, True,
                          _label_kind(parts[0], titled.group("role"), inner), shape)
    elif m and _ROLE_ONLY.fullmatch(m.group("name").strip().casefold()) and _name_ok(
            m.group("inner").strip()) and not _ROLE_ONLY.fullmatch(
                m.group("inner").strip().casefold()):
        shape, parts = "paren", [m.group("inner"), m.group("name")]  # Analyst (Jane Doe)
    elif m:
        shape, parts = "paren", [m.group("name"), m.group("inner")]
    elif _DASH_SPLIT.search(label):
        shape, parts = "dash", _DASH_SPLIT.split(label)
    elif ";" in label or "；" in label:
        shape, parts = "semi", re.split(r"[;；]", label)
    elif " - " in label or " | " in label:
        shape, parts = "hyphen", re.split(r" [-|] ", label)
        if "," in parts[0]:  # Name, Company - Title
            name, _, company = parts[0].partition(",")
            shape, parts = "comma", [name, company, *parts[1:]]
    elif "," in label or "，" in label:
        cut = min(p for p in (label.find(","), label.find("，")) if p >= 0)
        shape, parts = "comma", [label[:cut], label[cut + 1:]]
    else:
        shape, parts = "plain", [label]
    name = parts[0].strip()
    alias: str | None = None
    if shape == "paren" and len(parts) == 2 and _other_script_name(name, parts[1].strip()):
        alias, parts = parts[1].strip(), [name]  # "Alex Xu (徐军)"
    else:
        m = _TRAILING_ALIAS.fullmatch(name)
        if m and _other_script_name(m.group("name"), m.group("alias")):
            name, alias = m.group("name"), m.group("alias")  # "Alex Xu (徐军) - CEO"
    if (len(parts) == 2 and shape in ("dash", "hyphen") and _titled(name)
            and _name_ok(parts[1].strip())):
        name, parts = parts[1].strip(), [parts[1], parts[0]]  # "Chief Financial Officer — Jane Doe"
    if not name or not _name_ok(name):
        return None
    rest = [p.strip() for p in parts[1:] if p.strip()]
    if shape == "comma" and rest and (rest[0][0].islower() or len(rest[0].split()) > 12):
        return None  # "Operator, before we take the first question, I ...": speech
    role: str | None = None
    affiliation: str | None = None
    if len(rest) == 1:
        role, affiliation = _split_role(rest[0])
        if shape == "comma" and role is None and not (
                len(name.split()) >= 2 and _FIRM_NAME.fullmatch(rest[0])):
            return None  # "Lee, Jane" or prose: a comma form needs a title or a firm
    elif len(rest) >= 2:
        joiner = "; " if shape == "semi" else " - "
        if _titled(rest[-1]):  # Name -- Firm -- Analyst
            role, affiliation = rest[-1], joiner.join(rest[:-1])
        else:  # Name - Company - Title words that read as no title
            role, affiliation = joiner.join(rest[1:]), rest[0]
    if role is None and affiliation is None:
        shape = "plain"
    return _Label(name, role, affiliation, shape != "plain",
                  _label_kind(name, role, affiliation), shape, alias)


def reads_as_speaker_label(label: str) -> bool:
    """Whether this parser takes `label` (the inside of `**label**`) as a speaker header;
    document front ends ask before writing a bold line as one."""
    parsed = _parse_label(label)
    return parsed is not None and not (parsed.explicit and parsed.kind is SpeakerKind.UNKNOWN)


_TRAILING_ALIAS = re.compile(r"(?P<name>[^()（）]{2,40}?)\s*[(（](?P<alias>[^()（）]{2,30})[)）]")


def _other_script_name(name: str, alias: str) -> bool:
    """Whether `alias` names the same person in the other script ("Alex Xu" / "徐军")."""
    if bool(_HAN.search(name)) == bool(_HAN.search(alias)):
        return False
    return _name_ok(name) and _name_ok(alias) and not _titled(alias)


def _role_line(s: str) -> tuple[str | None, str | None] | None:
    """(role, affiliation) if `s` reads as the role line under a name line."""
    if not s or len(s) > 160 or not s[0].isalpha() or not _titled(s) or _latin_name(s):
        return None
    if ("[" in s or s.split()[0].casefold().strip(",.!") in _SPEECH_OPENERS
            or re.search(r",\s+[a-z]", s)):  # "Operator, next question please"
        return None  # "Thanks, Phebe. [Operator instructions]": speech that names a role
    if s[-1] in _TERMINAL and not re.search(r"\b(?:Inc|Co|Corp|Ltd|L\.P|LLC)\.$", s):
        return None
    # "Firm, Research Division - MD & Senior Equity Research Analyst" runs long; a title
    # alone ("Chief Executive Officer") does not.
    if len(s.split()) > (20 if re.search(r" [-–—] ", s) else 12):
        return None
    role, affiliation = _split_role(s)
    return (role, affiliation) if role else None


def _entry_second_line(s: str) -> tuple[str | None, str | None] | None:
    """(role, firm) from the line under a participant's name: a title line, or a firm
    ("Lakeshore Capital Markets Inc.," whose division wraps onto the next line)."""
    rl = _role_line(s)
    if rl is None and len(s) <= 80 and (_COMPANY_SUFFIX.search(s.rstrip(",;& "))
                                        or _RESEARCH_DIVISION.search(s)):
        rl = (None, s.rstrip(",;& "))
    return rl


_RESEARCH_DIVISION = re.compile(r"^[A-Z][\w&.,'’ -]{1,70}?(?:,\s*|\s)(?:Research Division|"
                                r"Equity Research|Research)$")
"""A sell-side analyst's firm line: `Citigroup Inc., Research Division`."""


# --- lines ----------------------------------------------------------------------------

class _Cls(Enum):
    BLANK = auto()
    CHROME = auto()
    PRESENTATION = auto()
    QA = auto()
    PARTICIPANTS = auto()  # a participant-list heading
    ENTRY = auto()  # a participant-list entry
    META = auto()  # a title or date line in the head of the file
    SUMMARY = auto()  # a heading over text the website generated (summary, takeaways, glossary)
    TRANSCRIPT = auto()  # "Full Conference Call Transcript": the call itself starts here
    FOOTER = auto()  # "More MDB analysis", "Stocks Mentioned": the page after the call
    GENERATED = auto()  # a line of generated text under a summary heading
    OTHER = auto()


def _heading_text(s: str) -> str:
    s = s.strip("#*_=~>[] \t")
    s = re.sub(r"^(?:part\s+[ivx\d]{1,4}\s*[:.\-]?\s*|[ivx\d]{1,3}[.)]\s+)", "", s, flags=re.I)
    s = s.rstrip(":：").strip("*_ ").casefold()
    s = re.sub(r"\s*[(（][^()（）]{1,40}[)）]$", "", s)  # "Analyst Q&A (CEO and CFO)"
    return re.sub(r"\s+", " ", s.replace("-", " ").replace("–", " "))


def _classify(s: str) -> _Cls:
    if not s:
        return _Cls.BLANK
    if len(s) > 400:
        # Long lines are speech, except the footer a page closes the call with.
        return _Cls.FOOTER if _FOOTER_START.fullmatch(s[:1500].casefold()) else _Cls.OTHER
    if len(s) == 1 and s.isupper():
        return _Cls.CHROME  # an avatar initial over a name ("M" / "Mandy Dong")
    return _classify_short(s)


@lru_cache(maxsize=4096)
def _classify_short(s: str) -> _Cls:
    if len(s) <= 60:
        h = _heading_text(s)
        if _SECTION_QA.fullmatch(h):
            return _Cls.QA
        if _SECTION_PRESENTATION.fullmatch(h):
            return _Cls.PRESENTATION
        if h in _PARTICIPANT_HEADINGS:
            return _Cls.PARTICIPANTS
        if _SUMMARY_HEADING.fullmatch(h):
            return _Cls.SUMMARY
        if _TRANSCRIPT_HEADING.fullmatch(h):
            return _Cls.TRANSCRIPT
        if _FOOTER_START.fullmatch(h):
            return _Cls.FOOTER
    if len(s) <= 400:
        low = s.casefold().strip("*_ ")
        if (low in _CHROME_EXACT or _CHROME.match(low)
                or any(phrase in low for phrase in _CHROME_PHRASES)):
            return _Cls.CHROME
    return _Cls.OTHER


@dataclass(slots=True)
class _Cand:
    """A line that may open a turn."""

    line: int
    form: str  # "line", "colon", "bold", "namerole"
    label: _Label
    body_start: int | None = None  # offset of a body that starts on the header line itself
    next_line: int = 0  # first line after the header
    strong: bool = False
    para_start: bool = False

    key: str = ""  # the speaker's name, normalised for matching

    def __post_init__(self) -> None:
        self.key = _norm(self.label.name)

    @property
    def form_key(self) -> str:
        return f"{self.form}:{self.label.shape}"

    @property
    def multiword(self) -> bool:
        n = self.label.name
        return bool(_HAN.search(n)) or len(n.split()) >= 2


@dataclass(slots=True)
class _Participant:
    role: str | None
    affiliation: str | None
    kind: SpeakerKind


@dataclass(slots=True)
class _Turn:
    label: _Label | None  # None: a speaker nobody named
    section: SectionKind | None
    spans: list[tuple[int, int]] = field(default_factory=list)
    headed: bool = False  # the section came from a heading
    speaker: int = -1  # set once empty turns are gone, so their speakers are never added


# --- the parser -----------------------------------------------------------------------

class GeneralParser:
    """Fallback for any layout without a dedicated parser."""

    name = "general"

    def detect(self, text: str) -> float:
        """A low constant: any dedicated parser that recognises the text wins."""
        return 0.1

    def parse(self, text: str) -> Draft:
        return _Parse(text).run()


class _Parse:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[Line] = lines(text)
        self.s: list[str] = [ln.stripped for ln in self.lines]
        self.bilingual = read_bilingual(self.lines)
        if self.bilingual is not None:
            self._read_through_bilingual(self.bilingual)
        self.cls: list[_Cls] = [_classify(s) for s in self.s]
        if self.bilingual is not None:
            for i, part in self.bilingual.parts.items():
                if part in (Part.ZH, Part.REPEAT):
                    self.cls[i] = _Cls.CHROME  # read as the English line's rendering
        self.participants: dict[str, _Participant] = {}
        self.aliases: dict[str, str] = {}  # a name's other-script form -> the listed name
        self.cands: dict[int, _Cand] = {}
        self.accepted: dict[int, _Cand] = {}
        self.draft = Draft()

    def _read_through_bilingual(self, b: Bilingual) -> None:
        """Headers, headings and lists are found in the English content of each line."""
        for i, start in b.content.items():
            ln = self.lines[i]
            self.s[i] = self.text[start:ln.end].strip(" \t\u3000\xa0")
            if b.parts[i] is Part.HEADING:
                self.s[i] = self.s[i].rstrip("━ ")

    def _content_start(self, i: int) -> int:
        """Where line `i`'s own words start (after a `[ 12] [EN]` number and tag)."""
        line = self.lines[i]
        if self.bilingual is not None and i in self.bilingual.content:
            return self.bilingual.content[i]
        return line.start + max(line.text.find(self.s[i][:1]), 0)

    # -- driver

    def run(self) -> Draft:
        self._generated_text()
        self._participant_lists()
        for i in range(len(self.lines)):
            if self.cls[i] is _Cls.OTHER:
                cand = self._candidate(i)
                if cand is not None:
                    self.cands[i] = cand
        self._implicit_lists()
        self._accept()
        head_end = self._head_end()
        self.draft.meta = self._meta(head_end)
        turns = self._segment(head_end)
        self._refine_kinds(turns)
        for t in turns:
            interpreted = bool(_INTERPRETED_MARK.match(self.text[t.spans[0][0]:t.spans[0][1]]))
            if self.bilingual is None:
                self.draft.turns.append(DraftTurn(t.speaker, t.spans, t.section, interpreted))
                continue
            original = len(self.draft.turns)
            self.draft.turns.append(DraftTurn(t.speaker, t.spans, t.section, interpreted, []))
            rendering = self._renderings(t.spans, self.bilingual)
            if rendering:
                self.draft.turns.append(DraftTurn(t.speaker, rendering, t.section, True,
                                                  [original], speaks_for=t.speaker))
        return self.draft

    def _renderings(self, spans: list[tuple[int, int]], b: Bilingual) -> list[tuple[int, int]]:
        """The Chinese lines that render these English paragraphs, without a repeated
        speaker label (`Jane Doe：谢谢`)."""
        starts = [ln.start for ln in self.lines]
        out: list[tuple[int, int]] = []
        for start, _ in spans:
            i = bisect.bisect_right(starts, start) - 1
            zh = b.zh_of.get(i)
            if zh is None:
                continue
            begin, end = b.content[zh], self.lines[zh].end
            if start > b.content.get(i, start):  # the English line opened with its header
                m = _LEADING_LABEL.match(self.text, begin, end)
                if m:
                    begin = m.end()
            out.append((begin, end))
        return out

    # -- participant lists

    def _next_nonblank(self, i: int, skip_chrome: bool = True) -> int | None:
        n = len(self.lines)
        while i < n and (self.cls[i] is _Cls.BLANK or (skip_chrome and self.cls[i] is _Cls.CHROME)):
            i += 1
        return i if i < n else None

    @staticmethod
    def _entry(s: str) -> _Label | None:
        if len(s) > _MAX_LABEL or len(s.split()) > 20:
            return None
        return _parse_label(s.rstrip(":："))

    def _participant_lists(self) -> None:
        """Read every list under a participants heading; its lines are not turns."""
        n = len(self.lines)
        i = 0
        while i < n:
            if self.cls[i] is not _Cls.PARTICIPANTS:
                i += 1
                continue
            kind = _PARTICIPANT_HEADINGS[_heading_text(self.s[i])]
            i += 1
            last: _Label | None = None
            while i < n:
                c = self.cls[i]
                if c in (_Cls.BLANK, _Cls.CHROME):  # a rendering of the entry, page furniture
                    i += 1
                    continue
                if c is _Cls.PARTICIPANTS:
                    kind = _PARTICIPANT_HEADINGS[_heading_text(self.s[i])]
                    i += 1
                    continue
                if c is not _Cls.OTHER:
                    break
                s = self.s[i]
                if last is not None and not last.explicit and self._second_line(i):
                    rl = _entry_second_line(s)
                    if rl is not None:  # the second line of a two-line entry
                        last.role, last.affiliation = last.role or rl[0], rl[1]
                        last.explicit = True
                        self._add_participant(last, kind)
                        self.cls[i] = _Cls.ENTRY
                        i += 1
                        continue
                if (last is not None and last.explicit and self.cls[i - 1] is _Cls.ENTRY
                        and self._wrapped_on(i)):
                    # The entry's title or firm wrapped onto this line.
                    if last.role and not last.affiliation and _titled(s):
                        last.role = f"{last.role} {s}"
                    else:
                        joiner = ", " if self.s[i - 1].endswith(",") else " "
                        last.affiliation = joiner.join(
                            p for p in (last.affiliation or last.role, s) if p)
                    self._add_participant(last, kind)
                    self.cls[i] = _Cls.ENTRY
                    i += 1
                    continue
                lab = self._entry(s)
                if lab is None:
                    break
                j = self._next_nonblank(i + 1)
                if j is not None and self.cls[j] is _Cls.OTHER and self._entry(self.s[j]) is None:
                    nxt = self._candidate(j)
                    if not ((not lab.explicit and _entry_second_line(self.s[j]))
                            or (nxt is not None and (nxt.strong or nxt.body_start is not None))):
                        break  # followed by speech: a turn header, and the list is over
                self._add_participant(lab, kind)
                self.cls[i] = _Cls.ENTRY
                last = lab
                i += 1

    def _generated_text(self) -> None:
        """Text under a summary heading, or any body text above a "Full Transcript"
        heading, was written by the website, not said on the call; everything after a
        page footer ("Stocks Mentioned", "More MDB analysis") is page furniture."""
        n = len(self.lines)
        marks = [i for i, c in enumerate(self.cls) if c is _Cls.TRANSCRIPT]
        start = marks[-1] if marks else 0
        if not any(self.cls[i] is _Cls.OTHER and _sentence_like(self.s[i]) for i in range(start)):
            start = 0  # a title ("Earnings Call Transcript") at the top, not a divider
        for i in marks:
            if i != start:
                self.cls[i] = _Cls.CHROME
        # Above the divider, generated text starts at the first summary or participants
        # heading or sentence; from there key-figure bullets ("Revenue-- $80 million") and
        # prose are the website's.
        first = next((i for i in range(start) if self.cls[i] in (_Cls.SUMMARY, _Cls.PARTICIPANTS)
                      or (self.cls[i] is _Cls.OTHER and _sentence_like(self.s[i]))), start)
        generated = legal = False
        for i in range(n):
            c = self.cls[i]
            if _LEGAL_HEADING.fullmatch(_heading_text(self.s[i])) and len(self.s[i]) <= 60:
                legal = True  # a disclaimer block: furniture up to the next section
                self.cls[i] = _Cls.CHROME
                continue
            if legal:
                if c in (_Cls.PARTICIPANTS, _Cls.PRESENTATION, _Cls.QA, _Cls.TRANSCRIPT,
                         _Cls.SUMMARY):
                    legal = False
                elif c is _Cls.OTHER:
                    self.cls[i] = _Cls.CHROME
                    continue
            if c is _Cls.SUMMARY and not self._stands_alone(i):
                self.cls[i] = c = _Cls.OTHER  # "Key Highlights" inside a speech is speech
            if c is _Cls.SUMMARY:
                generated = True
            elif c in (_Cls.TRANSCRIPT, _Cls.PRESENTATION, _Cls.QA):
                generated = False
            elif c is _Cls.OTHER and (generated or (
                    first <= i < start and (_sentence_like(self.s[i])
                                            or _FACT_BULLET.match(self.s[i])))):
                self.cls[i] = _Cls.GENERATED
            elif c is _Cls.FOOTER:
                for j in range(i, n):
                    if self.cls[j] is not _Cls.BLANK:
                        self.cls[j] = _Cls.CHROME
                return
        self._legal_text_after_the_call()
        self._contents_before_the_list()

    def _contents_before_the_list(self) -> None:
        """Section headings above a participant list that opens the file are its table of
        contents ("Presentation", "Question and Answer"), not the sections themselves."""
        first = next((i for i, c in enumerate(self.cls) if c is _Cls.PARTICIPANTS), None)
        if first is None or any(self.cls[i] is _Cls.OTHER and _sentence_like(self.s[i])
                                for i in range(first)):
            return
        for i in range(first):
            if self.cls[i] in (_Cls.PRESENTATION, _Cls.QA, _Cls.TRANSCRIPT):
                self.cls[i] = _Cls.CHROME

    def _legal_text_after_the_call(self) -> None:
        """Long paragraphs after the operator ends the call ("You may now disconnect") are
        the vendor's terms of use, not speech."""
        n = len(self.lines)
        end = next((i for i in range(n - 1, int(n * 0.6), -1)
                    if self.cls[i] in (_Cls.OTHER, _Cls.CHROME)
                    and _CALL_ENDED.search(self.s[i])), None)
        if end is None:
            return
        for j in range(end + 1, n):
            if self.cls[j] is _Cls.OTHER and len(self.s[j]) >= 200 and _sentence_like(self.s[j]):
                self.cls[j] = _Cls.CHROME

    def _wrapped_on(self, i: int) -> bool:
        """Whether line `i` continues the entry line above it ("Executive VP & Chief" /
        "Financial Officer", "Lakeshore Capital Markets Inc.," / "Research Division")."""
        s, above = self.s[i], self.s[i - 1]
        if len(s) > 80 or self._entry(s) is not None:
            return False
        return above.endswith((",", "&", "-", " and", " of")) or _titled(s) or bool(
            re.fullmatch(r"(?:[A-Z][\w&.'’-]*\s?){1,4}(?:Division|Group|Department|Research)", s))

    def _second_line(self, i: int) -> bool:
        """Whether line `i` completes the bare name above it as a two-line entry: it does
        not read as an entry of its own, or it does ("Public Storage - CFO") but the list
        goes on with a bare name, as pair-form lists do."""
        own = self._entry(self.s[i])
        if own is None:
            return True
        if not own.explicit or _entry_second_line(self.s[i]) is None:
            return False
        j = self._next_nonblank(i + 1)
        if j is None or self.cls[j] is not _Cls.OTHER:
            return True
        after = self._entry(self.s[j])
        return after is not None and not after.explicit

    def _stands_alone(self, i: int) -> bool:
        """A line with a blank line (or the file's edge) above and below it."""
        above = i == 0 or self.cls[i - 1] is _Cls.BLANK
        below = i + 1 >= len(self.lines) or self.cls[i + 1] is _Cls.BLANK
        return above and below

    def _add_participant(self, lab: _Label, list_kind: SpeakerKind) -> None:
        kind = lab.kind
        if lab.explicit:
            kind = _label_kind(lab.name, lab.role, lab.affiliation)
        if kind is SpeakerKind.UNKNOWN:
            kind = list_kind
        key = _norm(lab.name)
        if key not in self.participants:
            self.draft.roster.append(DraftSpeaker(lab.name, lab.role, kind, lab.affiliation))
        self.participants[key] = _Participant(lab.role, lab.affiliation, kind)
        if lab.alias:
            self.aliases[_norm(lab.alias)] = lab.name
            self.participants[_norm(lab.alias)] = self.participants[key]

    def _implicit_lists(self) -> None:
        """Header-like lines with no speech between them are a list, except a last one
        that is followed by speech."""
        run: list[int] = []
        for i in sorted(self.cands):
            c = self.cands[i]
            listed = (c.form == "line" and c.label.explicit
                      and c.label.kind is not SpeakerKind.OPERATOR)
            if not listed or (run and not self._only_blank_between(run[-1], i)):
                self._close_run(run)
                run = []
            if listed:
                run.append(i)
        self._close_run(run)

    def _only_blank_between(self, a: int, b: int) -> bool:
        return all(self.cls[k] is _Cls.BLANK for k in range(a + 1, b))

    def _close_run(self, run: list[int]) -> None:
        if len(run) < 2:
            return
        entries = run[:-1] if self._body_after(run[-1] + 1) else run
        if len(entries) < 2:
            return
        for i in entries:
            self._add_participant(self.cands.pop(i).label, SpeakerKind.UNKNOWN)
            self.cls[i] = _Cls.ENTRY

    # -- candidates

    def _para_start(self, i: int) -> bool:
        return i == 0 or self.cls[i - 1] is not _Cls.OTHER

    def _under_heading(self, c: _Cand) -> bool:
        """A name and title line right under a slide title ("Costs fell 3%" / "Jane Doe" /
        "Chief Financial Officer"), as bank presentations print them."""
        return c.form == "namerole" and c.line > 0 and _title_like(self.s[c.line - 1])

    def _announced_names(self) -> set[str]:
        """Surnames of the askers the operator introduces ("Our next question is from
        Pierre Chédeville, CM-CIC"): a header naming one of them is a speaker."""
        names: set[str] = set()
        for i, s in enumerate(self.s):
            if self.cls[i] is not _Cls.OTHER or not OPERATOR_CUES.search(s[:1500]):
                continue
            for pattern in (ASKER_ANNOUNCEMENT, LINE_OF, GO_TO_ANNOUNCEMENT):
                for m in pattern.finditer(s[:1500]):
                    names.add(_surname(_norm(m.group("name"))))
        names.discard("")
        return names

    def _body_after(self, i: int) -> bool:
        """Whether speech follows from line `i` on (before another header or heading)."""
        j = self._next_nonblank(i)
        if j is None or self.cls[j] is not _Cls.OTHER:
            return False
        c = self.cands.get(j)
        return c is None or not c.strong

    def _candidate(self, i: int) -> _Cand | None:
        s = self.s[i]
        first = s[:1]
        if not (first.isupper() or first in _MARKUP_START or _HAN.match(first)):
            return None  # names start with a capital or a Han character
        line = self.lines[i]
        lead = self._content_start(i) - line.start
        para_start = self._para_start(i)
        if s.startswith(("**", "__")):
            close = s.find(s[:2], 2, 2 + _MAX_LABEL)
            if close > 2:
                inner = s[2:close].strip().rstrip(":：").strip()
                lab = _parse_label(inner)
                if lab is None or (lab.explicit and lab.kind is SpeakerKind.UNKNOWN):
                    return None
                rest_at = close + 2
                while rest_at < len(s) and s[rest_at] in " \t:：\u3000":
                    rest_at += 1
                body = line.start + lead + rest_at if rest_at < len(s) else None
                return _Cand(i, "bold", lab, body, i + 1, True, para_start)
        if s.startswith("#") and len(s) <= _MAX_LABEL:
            lab = _parse_label(s.lstrip("#").strip().rstrip(":："))
            if lab is not None and not (lab.explicit and lab.kind is SpeakerKind.UNKNOWN):
                return _Cand(i, "bold", lab, None, i + 1, True, para_start)
            return None
        if len(s) <= _MAX_LABEL:
            colon = s.endswith((":", "："))
            lab = _parse_label(s[:-1].rstrip() if colon else s)
            if lab is not None:
                if colon:
                    return _Cand(i, "colon", lab, None, i + 1, self._strong(lab), para_start)
                if not lab.explicit and i + 1 < len(self.lines) and not self._strong(lab):
                    rl = _entry_second_line(self.s[i + 1])
                    if rl is not None:
                        lab.role, lab.affiliation = rl
                        lab.kind = _label_kind(lab.name, lab.role, lab.affiliation)
                        return _Cand(i, "namerole", lab, None, i + 2, False, para_start)
                return _Cand(i, "line", lab, None, i + 1, self._strong(lab), para_start)
        head = s[:100]
        pos = min((p for p in (head.find(":"), head.find("：")) if p > 0), default=-1)
        if pos <= 0:
            return None
        rest = s[pos + 1:pos + 200]
        body_at = pos + 1 + len(rest) - len(rest.lstrip(" \t\u3000"))
        if body_at >= len(s) or rest.startswith("//"):
            return None
        lab = _parse_label(s[:pos])
        if lab is None:
            return None
        if _NUMERIC_START.match(s, body_at) and _norm(lab.name) not in self.participants:
            return None  # "Revenue: 2.6 billion", unless a listed speaker says "2025 was..."
        return _Cand(i, "colon", lab, line.start + lead + body_at, i + 1, self._strong(lab),
                     para_start)

    @staticmethod
    def _strong(lab: _Label) -> bool:
        low = lab.name.casefold()
        if low in _OPERATOR_NAMES or low in _INTERPRETER_NAMES:
            return True
        return lab.explicit and lab.kind is not SpeakerKind.UNKNOWN and (
            len(lab.name.split()) >= 2 or bool(_HAN.search(lab.name)))

    def _accept(self) -> None:
        """Keep the candidates the file confirms (see the module docstring)."""
        counts = Counter(c.key for c in self.cands.values())

        announced = self._announced_names()

        def sure(c: _Cand) -> bool:
            return (c.strong or c.key in self.participants or counts[c.key] >= 2
                    or _surname(c.key) in announced)

        names_by_form: dict[str, set[str]] = {}
        for c in self.cands.values():
            if sure(c):
                names_by_form.setdefault(c.form_key, set()).add(c.key)
        colon_sure = [c for c in self.cands.values() if c.form == "colon" and sure(c)]
        colon_dense = (len(colon_sure) >= 3
                       and 2 * sum(not c.para_start for c in colon_sure) > len(colon_sure))
        namerole_total = sum(1 for c in self.cands.values() if c.form == "namerole"
                             and (c.para_start or self._under_heading(c))
                             and self._body_after(c.next_line))

        for i, c in sorted(self.cands.items()):
            inline = c.body_start is not None
            if c.form == "colon":
                placed = (c.para_start or colon_dense or c.strong) and (
                    inline or self._body_after(c.next_line))
            elif c.form == "namerole" or (c.form == "line" and not c.strong):
                placed = ((c.para_start or c.key in self.participants
                           or self._under_heading(c)) and self._body_after(c.next_line))
            else:
                placed = True
            if not placed:
                continue
            # A shape other speakers use vouches for a new plain name, never for a
            # role nobody can read ("Capacity Expansion (Phase Two)").
            name_firm = c.label.shape == "comma" and c.label.role is None
            # A shape other speakers use vouches for a new plain name; one confident
            # "Name, Firm" line vouches for the others standing alone like it.
            established = (len(names_by_form.get(c.form_key, ())) >= (1 if name_firm else 2)
                           and c.multiword and (not c.label.explicit or name_firm)
                           and (not name_firm or (c.para_start and self._body_after(
                               c.next_line))))
            if c.form == "namerole":
                ok = namerole_total >= 2 or c.key in self.participants
            else:
                ok = sure(c) or established
            if ok:
                self.accepted[i] = c
        weak = [c for c in self.accepted.values() if not c.strong and not c.label.explicit
                and c.key not in self.participants and counts[c.key] < 2]
        if weak and 2 * len(weak) >= len(self.accepted):
            self.draft.guessed_headers = (
                f"{len(weak)} speakers were read from name lines that appear once and that "
                "no participant list confirms")

    # -- segmentation

    def _head_end(self) -> int:
        """Index of the first line that belongs to the call rather than the page head."""
        firsts = [min(self.accepted, default=len(self.lines))]
        firsts += [i for i, c in enumerate(self.cls)
                   if c in (_Cls.PRESENTATION, _Cls.QA, _Cls.PARTICIPANTS, _Cls.ENTRY,
                            _Cls.SUMMARY, _Cls.GENERATED)][:1]
        return min(firsts)

    def _per_line(self) -> bool:
        """One paragraph per line, unless the file looks hard-wrapped."""
        inner = wrapped = 0
        body = [i for i, c in enumerate(self.cls) if c is _Cls.OTHER and i not in self.accepted]
        body_set = set(body)
        for i in body:
            if i + 1 in body_set:
                inner += 1
                s = self.s[i]
                if 25 <= len(s) <= 100 and s[-1] not in _TERMINAL + ":;\"”’)]":
                    wrapped += 1
        return not (inner >= 2 and 2 * wrapped > inner)

    def _segment(self, head_end: int) -> list[_Turn]:
        text = self.text
        per_line = self._per_line()
        structured = bool(self.accepted)
        turns: list[_Turn] = []
        cur: _Turn | None = None
        section: SectionKind | None = None
        pending: SectionKind | None = None
        any_heading = False
        run: list[int] = []  # [start, end] of the body run being read

        def flush() -> None:
            nonlocal cur
            if not run:
                return
            spans = paragraphs(text, run[0], run[1], per_line=per_line)
            run.clear()
            if cur is None and structured and not any_heading:
                # Above the first header and heading is the page head: titles, blurbs, a
                # generated summary. Nobody on the call said it.
                return
            if cur is not None:
                cur.spans.extend(spans)
                return
            # Speech after a heading, before the next header; with no headers at all, the
            # whole text is one unnamed speaker's paragraphs (a section heading splits it).
            cur = _Turn(None, section, spans, any_heading)
            turns.append(cur)

        def start_turn(label: _Label) -> _Turn:
            nonlocal section, pending, any_heading
            if pending is not None:
                section, pending, any_heading = pending, None, True
            t = _Turn(label, section, [], any_heading)
            turns.append(t)
            return t

        i = 0
        n = len(self.lines)
        while i < n:
            c = self.cls[i]
            cand = self.accepted.get(i)
            if cand is not None:
                flush()
                cur = start_turn(cand.label)
                if cand.body_start is not None:
                    run[:] = [cand.body_start, self.lines[i].end]
                i = max(cand.next_line, i + 1)
                continue
            if c is _Cls.BLANK:
                i += 1
                continue
            if c is _Cls.GENERATED:
                flush()
                cur = None
                j = i
                while j < n and self.cls[j] in (_Cls.GENERATED, _Cls.BLANK, _Cls.CHROME):
                    j += 1
                spans = [(self._content_start(k), self.lines[k].end) for k in range(i, j)
                         if self.cls[k] is _Cls.GENERATED]
                turns.append(_Turn(None, SectionKind.SUMMARY, spans, True))
                i = j
                continue
            if c in (_Cls.PRESENTATION, _Cls.QA, _Cls.TRANSCRIPT):
                flush()
                cur = None
                pending = SectionKind.QA if c is _Cls.QA else SectionKind.PRESENTATION
                i += 1
                continue
            if c is _Cls.PARTICIPANTS:
                pending = None  # a heading just above a participant list was a table of contents
            if c is not _Cls.OTHER:
                flush()
                i += 1
                continue
            if cur is None and pending is not None:
                section, pending, any_heading = pending, None, True
            line = self.lines[i]
            if run:
                run[1] = line.end
            else:
                run[:] = [self._content_start(i), line.end]
            i += 1
        flush()
        turns = [t for t in turns if t.spans]
        for t in turns:
            t.speaker = (self._speaker(t.label) if t.label is not None
                         else self.draft.speaker_id(None))
        if not any(t.headed for t in turns):
            for t in turns:
                t.section = None
        else:
            for t in turns:
                if t.section is None:
                    t.section = SectionKind.PRESENTATION
        return turns

    def _speaker(self, lab: _Label) -> int:
        low = lab.name.casefold()
        if _ROLE_ONLY.fullmatch(low) and low not in _INTERPRETER_NAMES:
            kind = _QA_LABEL_KIND.get(low) or kind_from_role(lab.name)
            return self.draft.speaker_id(None, lab.role or lab.name, kind, lab.affiliation)
        p = self.participants.get(_norm(lab.name))
        name = self.aliases.get(_norm(lab.name), lab.name)  # 徐军 speaks as Alex Xu
        role, affiliation, kind = lab.role, lab.affiliation, lab.kind
        if p is not None:
            role = role or p.role
            affiliation = affiliation or p.affiliation
            if kind is SpeakerKind.UNKNOWN or (p.kind is SpeakerKind.ANALYST
                                              and kind is not SpeakerKind.OPERATOR):
                kind = p.kind if p.kind is not SpeakerKind.UNKNOWN else kind
        return self.draft.speaker_id(name, role, kind, affiliation)

    # -- kinds the headers leave open

    def _refine_kinds(self, turns: list[_Turn]) -> None:
        """Analysts from the operator's announcements; managers from prepared remarks."""
        speakers = self.draft.speakers
        if not any(s.name for s in speakers):
            return
        announced: set[int] = set()
        for k, prev in enumerate(turns):
            head = " ".join(self.text[s:e] for s, e in prev.spans)[:1500]
            if speakers[prev.speaker].kind is not SpeakerKind.OPERATOR and not (
                    OPERATOR_CUES.search(head)):
                continue
            m = (ASKER_ANNOUNCEMENT.search(head) or LINE_OF.search(head)
                 or GO_TO_ANNOUNCEMENT.search(head))
            if m is None:
                continue
            # The asker usually speaks next, though a manager may greet them first.
            for turn in turns[k + 1:k + 4]:
                sp = speakers[turn.speaker]
                if sp.name is None or not (_same_person(m.group("name"), sp.name)
                                           or _GENERIC_NAME.search(sp.name)):
                    continue
                if sp.kind in (SpeakerKind.UNKNOWN, SpeakerKind.ANALYST):
                    announced.add(turn.speaker)
                    sp.kind = SpeakerKind.ANALYST
                    if sp.affiliation is None and m.group("firm"):
                        sp.affiliation = m.group("firm").strip()
                break
        if not any(c is _Cls.QA for c in self.cls):
            return  # without a Q&A heading the structure pass tells presenters from askers
        for turn in turns:
            sp = speakers[turn.speaker]
            if (turn.headed and turn.section is SectionKind.PRESENTATION and sp.name
                    and sp.kind is SpeakerKind.UNKNOWN and turn.speaker not in announced):
                sp.kind = SpeakerKind.EXECUTIVE

    # -- metadata

    def _head_lines(self, head_end: int) -> list[int]:
        """Lines that may carry the title, date and company.

        With headers, everything above the first one; without, only the leading lines up
        to the first that reads as speech (ends a sentence, or wraps onto the next line).
        """
        head: list[int] = []
        size = 0
        for i in range(min(head_end, len(self.lines))):
            if self.cls[i] is not _Cls.OTHER:
                continue
            s = self.s[i]
            if not self.accepted:
                nxt = self.s[i + 1] if i + 1 < len(self.lines) else ""
                if (s[-1] in _TERMINAL or len(s) > 120 or (nxt and nxt[0].islower())
                        or len(head) >= 8):
                    break
            if len(s) <= 200:
                head.append(i)
                size += len(s)
                if size > _HEAD_LIMIT:
                    break
        return head

    def _header_fields(self, meta: Meta) -> set[int]:
        """`Company:`, `Ticker:`, `Quarter:`, `Date:` lines near the top fill the meta first;
        the lines holding them are page head, never speech."""
        found: set[int] = set()
        for i in range(min(len(self.lines), _FIELD_LINES)):
            if self.cls[i] is _Cls.BLANK or i in self.accepted:
                continue
            field = header_field(self.s[i])
            if field is None:
                if _SCRAPE_FIELD.match(self.s[i]):
                    found.add(i)  # `URL:`, `Scraped:`: the saving tool's, not the call's
                continue
            key, value = field
            if getattr(meta, key) is None:
                setattr(meta, key, value)
            found.add(i)
        return found

    def _meta(self, head_end: int) -> Meta:
        meta = Meta()
        fields = self._header_fields(meta)
        head = [i for i in self._head_lines(head_end) if i not in fields]
        plain = {i: self.s[i].strip("#*_> \t").strip() for i in head}
        titles = [i for i in head if _title_like(plain[i])]
        with_cue = [i for i in titles if _TITLE_CUE.search(plain[i])]
        with_period = [i for i in titles if normalize_period(plain[i])]
        title_i = next((i for i in with_cue if i in with_period), None)
        if title_i is None:
            title_i = next(iter(with_cue or with_period), None)
        if title_i is None and head and self.s[head[0]].startswith("# "):
            title_i = head[0]  # a Markdown title: `# 公司名_20240515`
        date_i = next((i for i in head if len(plain[i]) <= 80
                       and (parse_date(plain[i]) or parse_compact_date(plain[i]))
                       and not re.search(r"\b(?:ending|ended)\b", plain[i], re.I)), None)
        used = {i for i in (title_i, date_i) if i is not None} | fields
        head_text = "\n".join(plain[i] for i in head)
        if title_i is not None:
            meta.title = meta.title or plain[title_i]
            meta.period = meta.period or normalize_period(plain[title_i])
        if meta.date is None:
            meta.date = (parse_date(plain[date_i]) or parse_compact_date(plain[date_i])
                         if date_i is not None else parse_date(head_text))
        meta.period = meta.period or normalize_period(head_text)
        for i in ([title_i] if title_i is not None else []) + with_cue + with_period:
            if meta.company:
                break
            meta.company = _company_from_title(plain[i])
        for i in head:
            bare = _LISTING.sub("", plain[i])  # "Digital Realty Trust, Inc. NYSE:DLR"
            if (meta.company is None and _COMPANY_SUFFIX.search(bare)
                    and _title_like(bare) and len(bare) <= 80):
                meta.company = _company_from_title(bare) or bare
                used.add(i)
            ticker = find_ticker(plain[i])
            if meta.ticker is None and ticker and ticker not in _ROLE_ACRONYMS:
                meta.ticker = ticker
        opening = self._opening_text(head_end)
        if meta.period is None:
            meta.period = normalize_period(opening)
        if meta.company is None:
            for m in _WELCOME.finditer(opening):
                co = (m.group("co") or m.group("co2") or m.group("co3")).strip(" ,.")
                if not (_TITLE_CUE.fullmatch(co) or normalize_period(co)
                        or co.casefold() in _NON_NAME):
                    meta.company = co
                    break
        if meta.company is None:
            meta.company = self._company_of_executives()
        if meta.company is None:
            meta.company = _company_over_period([plain[i] for i in head])
        if meta.company and meta.company.isupper():  # a running title in capitals
            low = meta.company.casefold()
            meta.company = next((plain[i][:len(low)] for i in head
                                 if plain[i][:len(low)].casefold() == low
                                 and not plain[i][:len(low)].isupper()), meta.company)
        if meta.date is None:
            spoken = _SPOKEN_DATE.search(self._opening_text(head_end, 6000))
            meta.date = parse_date(spoken.group("date")) if spoken else None
        for i in used:
            self.cls[i] = _Cls.META
        return meta

    def _company_of_executives(self) -> str | None:
        """The firm the listed executives work for ("Harborline Realty Trust - CFO")."""
        firms = Counter(p.affiliation for p in self.participants.values()
                        if p.kind is SpeakerKind.EXECUTIVE and p.affiliation
                        and len(p.affiliation) <= 80)
        if not firms:
            return None
        firm, count = firms.most_common(1)[0]
        return firm if count >= 2 or len(firms) == 1 else None

    def _opening_text(self, head_end: int, limit: int = 1200) -> str:
        """The first words spoken: the operator's welcome names the company and quarter."""
        out: list[str] = []
        size = 0
        for i in range(head_end if self.accepted else 0, len(self.lines)):
            cand = self.accepted.get(i)
            if cand is not None and cand.body_start is not None:  # "主持人：欢迎参加…"
                out.append(self.text[cand.body_start:self.lines[i].end][:600])
            elif self.cls[i] is _Cls.OTHER and cand is None:
                out.append(self.s[i][:600])
            else:
                continue
            size += len(out[-1])
            if size > limit:
                break
        return " ".join(out)


def _company_over_period(lines: list[str]) -> str | None:
    """A cover page that prints the company on its own line over the period
    ("BNP Paribas" / "First Quarter 2025")."""
    for above, below in itertools.pairwise(lines):
        if (_title_like(above) and len(above.split()) <= 5 and not normalize_period(above)
                and not parse_date(above) and not _TITLE_CUE.search(above)
                and normalize_period(below) and len(below) <= 60):
            return above
    return None


def _title_like(s: str) -> bool:
    """A heading-like line: starts with a capital, digit or CJK, and is not a sentence."""
    if not s or len(s) > 150 or _sentence_like(s) or s[-1] in ",;，；":
        return False
    return s[0].isupper() or s[0].isdigit() or bool(_HAN.match(s))


def _sentence_like(s: str) -> bool:
    s = s.rstrip("\"'”’)] ")
    if not s or s[-1] not in _TERMINAL:
        return False
    return len(s.split()) >= 12 or len(_HAN.findall(s)) >= 30


def _company_from_title(title: str) -> str | None:
    m = _COMPANY_STOP.search(title)
    company = title[:m.start()] if m else ""
    company = company.strip(" ,-–—|:'’")
    company = re.sub(r"(?:'s|’s)$", "", company).strip()
    if not company or len(company) > 80 or company[0].islower():
        return None
    if normalize_period(company) or _TITLE_CUE.fullmatch(company):
        return None
    return company


def _surname(key: str) -> str:
    words = key.split()
    return words[-1] if len(words) >= 2 else ""


def _same_person(announced: str, name: str) -> bool:
    """"Ken Zerbe" / "Ken Zerbe", "Zach Fadem" / "Zachary Fadem": the surnames agree."""
    a = [w.casefold().strip(".") for w in announced.split()]
    b = [w.casefold().strip(".") for w in name.split()]
    if not a or not b:
        return False
    if len(a) == 1:
        return a[0] in b
    return a[-1] == b[-1]

