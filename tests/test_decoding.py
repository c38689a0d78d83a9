"""Decoding transcript bytes: every encoding users send, newline handling, and refusing non-text."""

from __future__ import annotations

import codecs
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.decoding import Decoded, DecodeError, decode

# A fictional call: Chengchuan Digital, Q2 2025. Mandarin turns, then the English interpretation.
MIXED = (
    "澄川数科2025年第二季度业绩电话会议\n"
    "主持人：各位好，欢迎参加澄川数科第二季度业绩电话会议。现在请管理层发言。\n"
    "周立言（首席执行官）：谢谢大家。本季度营收增长百分之十八，资金成本环比下降了二十个基点。\n"
    "我们会继续优化风控模型，保持资产质量稳定。\n"
    "\n"
    "Ivy Shen (Investor Relations): Thank you. Revenue grew 18% year over year, and the\n"
    "funding cost fell by 20 basis points quarter on quarter.\n"
    "分析师（林晓雯）：请问下半年的放款规模和利润率有什么指引？\n"
)

# The same call as a Taipei desk would save it: traditional characters (Big5 has no simplified).
TRADITIONAL = (
    "澄川數科2025年第二季度業績電話會議\n"
    "主持人：各位好，歡迎參加澄川數科第二季度業績電話會議。現在請管理層發言。\n"
    "周立言（執行長）：謝謝大家。本季營收成長百分之十八，資金成本較上季下降了二十個基點。\n"
    "我們會繼續優化風控模型，維持資產品質穩定。\n"
    "\n"
    "Ivy Shen (Investor Relations): Thank you. Revenue grew 18% year over year.\n"
    "分析師（林曉雯）：請問下半年的放款規模和利潤率有什麼指引？\n"
)

# English only, as Windows Notepad writes it: curly quotes, a dash and an accent in CP1252.
ENGLISH = (
    "Operator: Good day, and welcome to Chengchuan Digital’s second-quarter call.\n"
    "Ivy Shen: Thank you. Joining me is our CFO, Renée Walcott — she’ll cover the numbers.\n"
    "Renée Walcott: We call this quarter “steady,” not “spectacular.” Revenue grew 18%.\n"
    "Analyst: Could you say more about the café-lending pilot?\n"
)

# Mostly ASCII lines before any non-ASCII one: longer than the legacy codecs' sample window.
_CHROME = "".join(f"Line {i}: Please stand by, the conference will begin shortly.\n"
                  for i in range(1500))
LONG_MIXED = _CHROME + MIXED * 60
LONG_TRADITIONAL = _CHROME + TRADITIONAL * 60
LONG_ENGLISH = _CHROME + ENGLISH * 60


# codec as reported -> how the file's bytes are made from the text
SAVERS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-sig": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.replace("\n", "\r\n").encode("utf-16-be"),
    "utf-32-le": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "utf-32-be": lambda text: codecs.BOM_UTF32_BE + text.encode("utf-32-be"),
    "gb18030": lambda text: text.encode("gb18030"),
    "big5": lambda text: text.encode("cp950"),
    "cp1252": lambda text: text.encode("cp1252"),
}
UNICODE = ["utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
CASES = (
    [(name, text, codec) for name, text in (("mixed", MIXED), ("long-mixed", LONG_MIXED))
     for codec in [*UNICODE, "gb18030"]]
    + [(name, text, codec) for name, text in (("traditional", TRADITIONAL),
                                              ("long-traditional", LONG_TRADITIONAL))
       for codec in [*UNICODE, "gb18030", "big5"]]
    + [(name, text, codec) for name, text in (("english", ENGLISH),
                                              ("long-english", LONG_ENGLISH))
       for codec in [*UNICODE, "cp1252"]]
)


@pytest.mark.parametrize(("name", "text", "codec"), CASES,
                         ids=[f"{name}-{codec}" for name, _, codec in CASES])
def test_same_text_in_every_encoding(name: str, text: str, codec: str) -> None:
    decoded = decode(SAVERS[codec](text))
    assert decoded == Decoded(text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [MIXED, TRADITIONAL, ENGLISH, LONG_MIXED])
def test_utf16_without_bom_found_by_its_zero_bytes(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == Decoded(text, codec)


def test_utf16_without_bom_and_almost_no_ascii() -> None:
    # '一' is 00 4E in UTF-16 LE, so zero bytes fall on both sides; the text must still read.
    text = "一季度营收一百一十亿元，同比增长一成。\n第一个问题：资金成本下降了一些。\n"
    data = text.encode("utf-16-le")
    assert data[0::2].count(0) and data[1::2].count(0)
    assert decode(data) == Decoded(text, "utf-16-le")


BIG5_PHRASES = [
    "營收成長、資金成本下降",
    "請問管理層對明年淨利潤的預期是多少？",
    "董事會批准了新的股票回購計畫。",
    "本季逾期率維持在較低水準。",
    "謝謝，下一位提問者請發言。",
    "我們的客戶數量年增百分之二十五。",
    "好 ， 謝 謝 ， 我 們 先 看 營 收",
    "毛利率 42%，較去年同期提高 3 個百分點",
]
GB_PHRASES = [
    "营收增长、资金成本下降",
    "请问管理层对明年净利润的预期是多少？",
    "董事会批准了新的股票回购计划。",
    "本季度逾期率保持在较低水平。",
    "谢谢，下一位提问者请讲。",
    "我们的客户数量同比增长了百分之二十五。",
    "好 ， 谢 谢 ， 我 们 先 看 营 收",
    "毛利率 42%，较去年同期提高 3 个百分点",
]


@pytest.mark.parametrize("phrase", BIG5_PHRASES)
def test_short_big5_is_not_taken_for_gb18030(phrase: str) -> None:
    data = phrase.encode("cp950")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    assert decode(data) == Decoded(phrase, "big5")


@pytest.mark.parametrize("phrase", ["景氣復蘇", "個 復 蘇 的"])
def test_big5_whose_gb18030_reading_is_private_use(phrase: str) -> None:
    # Four characters are little evidence; GB18030's user-defined area gives the garbage away.
    assert any("\ue000" <= ch <= "\uf8ff" for ch in phrase.encode("cp950").decode("gb18030"))
    assert decode(phrase.encode("cp950")) == Decoded(phrase, "big5")


@pytest.mark.parametrize("phrase", GB_PHRASES)
def test_short_gb18030_is_not_taken_for_big5(phrase: str) -> None:
    assert decode(phrase.encode("gb18030")) == Decoded(phrase, "gb18030")


@pytest.mark.parametrize("phrase", BIG5_PHRASES)
def test_traditional_text_saved_as_gb18030_stays_gb18030(phrase: str) -> None:
    assert decode(phrase.encode("gb18030")) == Decoded(phrase, "gb18030")


def test_hong_kong_characters_fall_back_to_big5_hkscs() -> None:
    text = "佢哋話營收增長咗，嘅確係好消息。"
    with pytest.raises(UnicodeEncodeError):
        text.encode("cp950")
    assert decode(text.encode("big5hkscs")) == Decoded(text, "big5-hkscs")


@pytest.mark.parametrize("text", [
    "Don’t",
    "Café",
    "The CFO said “steady.”",
    "Good morning.\xa0I wanted to ask one question.",
    "We see it vis-à-vis the peers.",
])
def test_short_western_text_is_cp1252(text: str) -> None:
    assert decode(text.encode("cp1252")) == Decoded(text, "cp1252")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode(b"Caf\xe9 au lait \x81") == Decoded("Café au lait \x81", "latin-1")


def test_chinese_far_into_one_long_line() -> None:
    text = "Speaker list: " + "Operator; " * 20_000 + "周立言：营收增长，资金成本下降。"
    assert decode(text.encode("gb18030")) == Decoded(text, "gb18030")
    traditional = "Speaker list: " + "Operator; " * 20_000 + "周立言：營收成長，資金成本下降。"
    assert decode(traditional.encode("cp950")) == Decoded(traditional, "big5")


def test_utf8_bom_before_gb18030_bytes() -> None:
    text = "营收增长，资金成本下降。"
    assert decode(codecs.BOM_UTF8 + text.encode("gb18030")) == Decoded(text, "gb18030")


def test_gb18030_bom() -> None:
    text = "营收增长，资金成本下降。"
    assert decode("\ufeff".encode("gb18030") + text.encode("gb18030")) == Decoded(text, "gb18030")


def test_truncated_utf16_keeps_the_text() -> None:
    data = codecs.BOM_UTF16_LE + "营收增长 18%".encode("utf-16-le") + b"\x41"
    assert decode(data) == Decoded("营收增长 18%\ufffd", "utf-16-le", replaced=1)


@pytest.mark.parametrize(("raw", "text"), [
    (b"a\r\nb\r\n", "a\nb\n"),
    (b"a\rb\r", "a\nb\n"),
    (b"a\r\n\r\nb\rc\n", "a\n\nb\nc\n"),
    (b"a\r\r\nb", "a\n\nb"),
    (b"\r\nlead", "\nlead"),
])
def test_crlf_and_lone_cr_become_lf(raw: bytes, text: str) -> None:
    assert decode(raw).text == text
    assert decode(codecs.BOM_UTF16_BE + raw.decode("ascii").encode("utf-16-be")).text == text
    assert decode(raw + "，营收".encode("gb18030")).text == text + "，营收"


def test_everything_else_is_kept_exactly() -> None:
    text = "\t周立言：  e\u0301 cafe\u0301\u3000\u00a0trailing  \n\n\ufeffinner mark\n  "
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8")).text == text
    assert decode(text.encode("utf-8")).text == text


def test_only_one_leading_bom_is_removed() -> None:
    assert decode("\ufeff\ufeffx".encode("utf-8")) == Decoded("\ufeffx", "utf-8-sig")
    assert decode("\ufeffx".encode("utf-16")).text == "\ufeffx"  # adds its own mark
    assert decode("\ufeff营收".encode("gb18030")) == Decoded("营收", "gb18030")


PNG_HEADER = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61")
ELF_HEADER = (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00\x3e\x00\x01\x00\x00\x00"
              + b"\x40\x10\x00\x00\x00\x00\x00\x00" + bytes(24))
_rng = random.Random(20250801)
RANDOM_WITH_NULS = bytes(_rng.randrange(256) for _ in range(4096)) + b"\x00\x00"
RANDOM_HIGH_BYTES = bytes(_rng.randrange(0x80, 0x100) for _ in range(4096))
ZIP_HEADER = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(200))


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \r\n\t\n  ", "empty"),
    (codecs.BOM_UTF8, "empty"),
    (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "empty"),
    ("\u3000\n".encode("gb18030"), "empty"),
    (PNG_HEADER, "binary"),
    (ELF_HEADER, "binary"),
    (RANDOM_WITH_NULS, "binary"),
    (ZIP_HEADER, "binary"),
    (b"\x1b[0m\x1b[1m\x07\x07 log", "binary"),
    (RANDOM_HIGH_BYTES, "not text"),
], ids=["empty", "whitespace", "bom-only", "utf16-whitespace", "ideographic-space", "png",
        "elf", "random-nuls", "zip", "control-chars", "random-high-bytes"])
def test_non_text_is_refused_with_a_one_line_message(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(data)
    message = str(info.value)
    assert reason in message
    assert "\n" not in message and message == message.strip()
    assert message[0].islower()
    assert not re.search(r"Traceback|Error|0x[0-9a-f]|\\x", message)


def test_decode_error_is_a_value_error() -> None:
    assert issubclass(DecodeError, ValueError)


_encodings = st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "gb18030",
                              "cp950", "big5hkscs", "cp1252", "latin-1"])
_boms = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE,
                         codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b"\x84\x31\x95\x33"])
_encoded_text = st.builds(lambda text, codec: text.encode(codec, errors="ignore"),
                          st.text(), _encodings)
_any_bytes = st.one_of(
    st.binary(max_size=2000),
    _encoded_text,
    st.builds(lambda bom, body: bom + body, _boms, st.one_of(st.binary(), _encoded_text)),
)


@settings(max_examples=400, deadline=None)
@given(_any_bytes)
def test_any_bytes_give_text_or_decode_error(data: bytes) -> None:
    try:
        decoded = decode(data)
    except DecodeError as exc:
        assert "\n" not in str(exc)
        return
    assert isinstance(decoded, Decoded)
    assert "\r" not in decoded.text
    assert decoded.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(lambda t: t.removeprefix("\ufeff").strip() and "\x00" not in t))
def test_any_utf8_text_comes_back(text: str) -> None:
    data = text.encode("utf-8")
    try:
        decoded = decode(data)
    except DecodeError:
        assert len(re.findall("[\x00-\x08\x0b\x0e-\x1f\x7f]", text)) > 0.01 * len(data)
        return
    codec = "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
    body = text.removeprefix("\ufeff")
    assert decoded == Decoded(body.replace("\r\n", "\n").replace("\r", "\n"), codec)


@pytest.mark.seeds
def test_seed_transcripts_in_legacy_encodings(seeds_dir) -> None:
    """The real transcripts' Mandarin lines, re-saved as GB18030 and (in traditional) Big5."""
    import opencc

    to_traditional = opencc.OpenCC("s2tw")
    checked = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        data = path.read_bytes()
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        assert decode(data).text == text.removeprefix("\ufeff")
        mandarin = [line for line in text.split("\n") if re.search("[\u4e00-\u9fff]", line)]
        for line in mandarin:
            assert decode(line.encode("gb18030")) == Decoded(line, "gb18030"), line
            traditional = to_traditional.convert(line)
            try:
                big5 = traditional.encode("cp950")
            except UnicodeEncodeError:
                continue
            assert decode(big5) == Decoded(traditional, "big5"), traditional
            checked += 1
        whole = "\n".join(mandarin)
        if whole:
            assert decode(whole.encode("gb18030")) == Decoded(whole, "gb18030")
    assert checked
