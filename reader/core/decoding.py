"""Turning a transcript file's bytes into text: pick the encoding users really have, or refuse.

Order of evidence: a byte-order mark; UTF-8 (most files, and the fast path); UTF-16/32
without a mark, recognised by where the zero bytes fall; then the legacy codecs analysts
actually receive (GB18030, Big5, CP1252). Big5 bytes nearly always decode as GB18030 without an
error and detectors guess badly on short text, so each legacy candidate is decoded and the one
that yields plausible text wins (see `_score_cjk`).

Almost-right bytes are read, not refused: a file that is overwhelmingly UTF-8 (a damaged
byte, a download cut in the middle of a character, a stray NUL) decodes as UTF-8 with each
damaged place replaced by one U+FFFD, and `Decoded.replaced` says how many there were. A few
NUL bytes are damage, never evidence of UTF-16: that takes zeros in a good share of the bytes.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

__all__ = ["ENCODINGS", "DecodeError", "Decoded", "decode"]

ENCODINGS: Final = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
                    "gb18030", "big5", "big5-hkscs", "cp1252", "latin-1")
"""Every name `Decoded.encoding` can take (docs/outline-schema.md lists the same)."""


class DecodeError(ValueError):
    """One-line, user-facing reason why a file cannot be read as a transcript."""


@dataclass(frozen=True)
class Decoded:
    """The decoded text (newlines normalised to LF, no leading BOM) and the codec it came from.

    `encoding` is one of `ENCODINGS`. `bom` is the number of bytes of a byte-order mark
    skipped before decoding (a UTF-8 mark before CP1252 text too), so the text is always
    `data[bom:]` decoded with `encoding`. `replaced` counts the damaged places (invalid
    bytes, NUL bytes) that became U+FFFD.
    """

    text: str
    encoding: str
    replaced: int = 0
    bom: int = field(default=0, compare=False)
    """Where reading started, not what was read: two decodings are equal when their text,
    codec and damage are."""


_EMPTY: Final = "file is empty"
_BINARY_NUL: Final = "file looks binary (NUL bytes), not a text transcript"
_BINARY_CONTROL: Final = "file looks binary (control characters), not a text transcript"
_UNKNOWN: Final = ("file is not text in a supported encoding "
                   "(UTF-8, UTF-16, GB18030, Big5 or CP1252)")

# (mark, user-facing name, Python codec). UTF-32 marks first: FF FE 00 00 also starts with
# the UTF-16 LE mark.
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030", "gb18030"),  # U+FEFF in GB18030
)

# C0 controls other than tab, LF, FF and CR, plus DEL. In UTF-8, GB18030, Big5 and CP1252 these
# bytes never occur inside a multi-byte character, so counting bytes counts characters.
_CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS: Final = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE: Final = 0.01

_HIGH_RUN: Final = re.compile(rb"[\x80-\xff]+")
_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]+")
_LONE_NON_ASCII: Final = re.compile(r"(?<![^\x00-\x7f])[^\x00-\x7f](?![^\x00-\x7f])")
_SAMPLE_BYTES: Final = 64 * 1024
# A winner scoring below this on mostly non-ASCII bytes is noise, not text.
_MIN_SCORE: Final = -0.3
_MIN_HIGH_SHARE_TO_REFUSE: Final = 0.25


def decode(data: bytes) -> Decoded:
    """Decode a transcript file; raise `DecodeError` (and nothing else) when it is not text."""
    if not data:
        raise DecodeError(_EMPTY)
    skipped = 0
    for mark, name, codec in _BOMS:
        if data.startswith(mark):
            found = _decode_with_bom(data[len(mark):], name, codec)
            if found is not None:
                return _with_bom(found, len(mark))
            if codec == "utf-8":
                data = data[len(mark):]  # a stray mark before legacy bytes
                skipped = len(mark)
                if not data:
                    raise DecodeError(_EMPTY)
                break
    return _with_bom(_decode_unmarked(data), skipped)


def _with_bom(found: Decoded, skipped: int) -> Decoded:
    return Decoded(found.text, found.encoding, found.replaced, skipped) if skipped else found


def _decode_unmarked(data: bytes) -> Decoded:
    found = _decode_utf8(data)
    if found is not None:
        return found
    if b"\x00" in data:
        try:
            return _decode_with_nuls(data)
        except DecodeError:
            if data.count(0) > _nul_budget(len(data)):
                raise
    return _decode_legacy(data)  # a few NULs in legacy bytes are damage


def _decode_utf8(data: bytes, name: str = "utf-8", *, marked: bool = False) -> Decoded | None:
    """UTF-8, whole or with a few damaged places; None when the bytes are something else."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _damaged_utf8(data, name, marked=marked)
    if "\x00" not in text:
        _check_control_bytes(data)
        return _finish(text, name, marked=marked)
    nuls = text.count("\x00")
    if nuls > _nul_budget(len(data)):
        return None  # zeros in a good share of the bytes: UTF-16/32, or not text
    _check_control_bytes(data.replace(b"\x00", b""))  # a few NULs are damage, not UTF-16
    return _finish(text.replace("\x00", "\ufffd"), name, marked=marked, replaced=nuls)


# -- damaged UTF-8 ----------------------------------------------------------------------------
# Real UTF-8 that lost a byte here and there still has almost all its multi-byte characters
# intact; GB18030, Big5 or CP1252 bytes form a valid UTF-8 sequence only by accident (about
# one character in twelve), so their invalid places far outnumber their valid ones.
_MAX_DAMAGE_SHARE: Final = 0.1
"""At most this share of the non-ASCII places may be damaged for the file to count as UTF-8."""
_MULTIBYTE: Final = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _nul_budget(size: int) -> int:
    """How many NUL bytes a text file may carry as damage (UTF-16 has them in every other byte)."""
    return max(4, size // 500)


def _utf8_lead_length(byte: int) -> int:
    if 0xC2 <= byte <= 0xDF:
        return 2
    if 0xE0 <= byte <= 0xEF:
        return 3
    if 0xF0 <= byte <= 0xF4:
        return 4
    return 1


def _is_continuation(byte: int) -> bool:
    return 0x80 <= byte <= 0xBF


def _utf8_damage(exc: UnicodeError) -> tuple[str, int]:
    """One U+FFFD for each damaged place, where Python's decoder may give two or three.

    A character one of whose bytes was hit shows as its lead byte, maybe a continuation byte
    out of range for that lead, the wrong byte, then the continuation bytes left over: all of
    it becomes one U+FFFD. A run of lone continuation bytes (the lead byte was hit) is one
    character too, up to three bytes.
    """
    assert isinstance(exc, UnicodeDecodeError)
    data, start, end = exc.object, exc.start, exc.end
    need = _utf8_lead_length(data[start])
    whole = min(start + need, len(data))
    if need == 1:
        while end < len(data) and end - start < 3 and _is_continuation(data[end]):
            end += 1
        return "\ufffd", end
    while end < whole and _is_continuation(data[end]):
        end += 1  # out of range for this lead (E0 80, ED A0, F4 90 ...)
    if end >= whole:
        return "\ufffd", end
    wrong = data[end]
    rest = data[end + 1:whole]
    if wrong == 0:
        end += 1  # a NUL is damage wherever it is: here, this character's
        while end < whole and _is_continuation(data[end]):
            end += 1
    elif wrong < 0x80:
        if rest and all(_is_continuation(b) for b in rest):
            end = whole  # an ASCII byte where a continuation byte was
    elif not _valid_utf8_at(data, end):
        end += 1  # a non-ASCII byte that starts nothing valid: it replaced a continuation byte
        while end < whole and _is_continuation(data[end]):
            end += 1
    return "\ufffd", end


def _valid_utf8_at(data: bytes, pos: int) -> bool:
    try:
        data[pos:pos + _utf8_lead_length(data[pos])].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


codecs.register_error("transcript-utf8-damage", _utf8_damage)


def _double_byte_damage(exc: UnicodeError) -> tuple[str, int]:
    """One U+FFFD per damaged character in GB18030 or Big5, resuming where the bytes agree.

    A hit trail byte takes its lead with it (skip both); a hit lead byte leaves its trail
    byte, which would pair with the next character's lead and shift every character after
    it (skip one). Whichever resumption reads the next bytes as the more plausible text wins.
    """
    assert isinstance(exc, UnicodeDecodeError)
    data, start = exc.object, exc.start
    if start + 1 >= len(data) or data[start + 1] < 0x80:
        return "\ufffd", start + 1  # an ASCII byte after the damage is a character of its own
    best = (float("-inf"), start + 1)
    for resume in (start + 2, start + 1):
        decoder = codecs.getincrementaldecoder(exc.encoding)(errors="replace")
        ahead = decoder.decode(data[resume:resume + _RESYNC_BYTES], final=False)
        score = _score_cjk(ahead)
        if score > best[0]:
            best = (score, resume)
    return "\ufffd", best[1]


_RESYNC_BYTES: Final = 24


codecs.register_error("transcript-double-byte-damage", _double_byte_damage)


def _damaged_utf8(data: bytes, name: str, *, marked: bool) -> Decoded | None:
    """UTF-8 with a few damaged places, each one U+FFFD; None when the bytes are not UTF-8."""
    text = data.decode("utf-8", errors="transcript-utf8-damage")
    if "\x00\ufffd" in text:
        text = text.replace("\x00\ufffd", "\ufffd")  # a NUL where a lead byte was
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")  # U+FFFD already there
    intact = len(_MULTIBYTE.findall(data))
    nuls = text.count("\x00")
    if damaged * (1 - _MAX_DAMAGE_SHARE) > intact * _MAX_DAMAGE_SHARE:
        return None
    if nuls > _nul_budget(len(data)):
        return None
    _check_control_bytes(data.replace(b"\x00", b""))
    if nuls:
        text = text.replace("\x00", "\ufffd")
    return _finish(text, name, marked=marked, replaced=damaged + nuls)


def _finish(text: str, encoding: str, *, marked: bool = False, replaced: int = 0) -> Decoded:
    """Normalise newlines; drop one leading U+FEFF unless the bytes' own mark was already one."""
    if not marked and text.startswith("\ufeff"):
        text = text[1:]
    if not text or text.isspace():
        raise DecodeError(_EMPTY)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, replaced)


def _check_control_bytes(data: bytes) -> None:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(data):
        raise DecodeError(_BINARY_CONTROL)


def _check_control_chars(text: str) -> None:
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise DecodeError(_BINARY_NUL if "\x00" in text else _BINARY_CONTROL)


def _decode_with_bom(body: bytes, name: str, codec: str) -> Decoded | None:
    """Decode what follows a byte-order mark; None when the mark turns out to be a coincidence."""
    if codec == "utf-8" and body:
        # None: a stray mark before legacy bytes, and the evidence decides
        return _decode_utf8(body, name, marked=True)
    if codec == "gb18030":
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            return None  # a stray mark before legacy bytes: let the evidence decide
        _check_control_bytes(body)
        return _finish(text, name, marked=True)
    replaced = 0
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        if codec == "utf-32-le":
            return None  # FF FE 00 00 may also be UTF-16 LE text starting with U+0000
        # A truncated last character is common (files cut at an odd byte); more is not text.
        text = body.decode(codec, errors="replace")
        replaced = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
        if replaced > 1 + len(text) // 1000:
            raise DecodeError(f"file has a {name.upper()} byte-order mark but is not "
                              f"valid {name[:6].upper()}") from None
    _check_control_chars(text)
    return _finish(text, name, marked=True, replaced=replaced)


def _decode_with_nuls(data: bytes) -> Decoded:
    """NUL bytes mean UTF-16/32 without a mark, or a file that is not text at all."""
    found = _wide_by_zero_pattern(data) or _wide_by_plausibility(data)
    if found is None:
        raise DecodeError(_BINARY_NUL)
    text, name, replaced = found
    _check_control_chars(text)
    return _finish(text, name, replaced=replaced)


def _wide_by_zero_pattern(data: bytes) -> tuple[str, str, int] | None:
    """UTF-32/UTF-16 text whose zero bytes all sit at one position of each code unit.

    Mostly-ASCII UTF-16 LE has a zero in every odd byte and almost none in even ones; a
    handful of zeros is damage in another encoding, not this pattern.
    """
    n = len(data)
    if data.count(0) <= _nul_budget(n):
        return None
    if n % 4 == 0:
        quads = n // 4
        for name, always, mostly, never in (("utf-32-le", 3, 2, 0), ("utf-32-be", 0, 1, 3)):
            if (data[always::4].count(0) == quads and data[mostly::4].count(0) * 10 >= quads * 9
                    and data[never::4].count(0) * 10 < quads):
                try:
                    return data.decode(name), name, 0
                except UnicodeDecodeError:
                    pass
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    if odd_zeros > 20 * even_zeros:
        name = "utf-16-le"
    elif even_zeros > 20 * odd_zeros:
        name = "utf-16-be"
    else:
        return None
    try:
        return data.decode(name), name, 0
    except UnicodeDecodeError:
        text = data.decode(name, errors="replace")
    replaced = text.count("\ufffd") - data.decode(name, errors="ignore").count("\ufffd")
    if replaced > 1 + len(text) // 1000:
        return None
    return text, name, replaced


def _wide_by_plausibility(data: bytes) -> tuple[str, str, int] | None:
    """UTF-16 with little ASCII: zeros on both sides (U+4E00 '一' is 00 4E in UTF-16 LE).

    Believe it only if the text reads as Chinese.
    """
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        score = _score_cjk(text[:_SAMPLE_BYTES])
        if score >= _MIN_UTF16_SCORE and (best is None or score > best[0]):
            best = (score, text, name)
    return None if best is None else (best[1], best[2], 0)


# ---------------------------------------------------------------------------------------------
# Legacy codecs, chosen on evidence


@dataclass(frozen=True)
class _Candidate:
    name: str
    codec: str


_GB18030: Final = _Candidate("gb18030", "gb18030")
_BIG5: Final = _Candidate("big5", "cp950")  # what Windows writes as Big5 (adds €, ‧, ～ ...)
_BIG5_HKSCS: Final = _Candidate("big5-hkscs", "big5hkscs")
_UTF16_LE: Final = _Candidate("utf-16-le", "utf-16-le")
_UTF16_BE: Final = _Candidate("utf-16-be", "utf-16-be")
_CP1252: Final = _Candidate("cp1252", "cp1252")
_LATIN1: Final = _Candidate("latin-1", "latin-1")
# Equal scores mean little evidence, e.g. one non-ASCII byte. Isolated high bytes between ASCII
# are typical of Western text, while a lone GBK character with an ASCII trail byte is not.
_TIE_ORDER: Final = (_CP1252, _GB18030, _BIG5, _BIG5_HKSCS, _UTF16_LE, _UTF16_BE, _LATIN1)
# BOM-less UTF-16 without a single ASCII character is only believable if it reads as Chinese.
_MIN_UTF16_SCORE: Final = 0.5


def _decode_legacy(data: bytes) -> Decoded:
    _check_control_bytes(data.replace(b"\x00", b""))  # at most `_nul_budget` NULs: damage
    sample, cut = _sample(data)
    high_share = (len(data) - len(data.translate(None, _HIGH_BYTES))) / len(data)

    scored: list[tuple[float, int, _Candidate]] = []
    clean: set[str] = set()
    candidates = [_GB18030, _BIG5, _BIG5_HKSCS, _CP1252, _LATIN1]
    if len(data) % 2 == 0 and len(data) <= _SAMPLE_BYTES:
        # Without NUL bytes UTF-16 text has no ASCII at all: only ever a short CJK-only file.
        candidates += [_UTF16_LE, _UTF16_BE]
    for cand in candidates:
        if cand is _BIG5_HKSCS and "big5" in clean:
            continue  # HKSCS only adds characters; consider it when plain Big5 fails
        if cand is _LATIN1 and "cp1252" in clean:
            continue  # identical except where CP1252 has punctuation and Latin-1 controls
        text, errors = _decode_sample(sample, cand.codec, cut)
        if errors * (1 - _MAX_DAMAGE_SHARE) <= _MAX_DAMAGE_SHARE * (
                len("".join(_NON_ASCII_RUN.findall(text))) - errors):
            # Clean, or a few damaged places among many good characters: the superset codec
            # would only turn the damage into rare characters.
            clean.add(cand.name)
        latin = cand in (_CP1252, _LATIN1)
        score = _score_latin(text) if latin else _score_cjk(text)
        if cand in (_UTF16_LE, _UTF16_BE) and score < _MIN_UTF16_SCORE:
            continue
        scored.append((score, _TIE_ORDER.index(cand), cand))
    scored.sort(key=lambda s: (-s[0], s[1]))
    best_score, _, best = scored[0]
    if best_score < _MIN_SCORE and high_share > _MIN_HIGH_SHARE_TO_REFUSE:
        raise DecodeError(_UNKNOWN)
    replaced = 0
    double_byte = best in (_GB18030, _BIG5, _BIG5_HKSCS)
    if double_byte and b"\x00" in data:
        # A NUL where a lead byte was would shift the rest of the line; as an invalid byte it
        # is resynchronised like any other damage.
        data = data.replace(b"\x00", b"\xff")
    try:
        text = data.decode(best.codec)
    except UnicodeDecodeError:
        # The sample said this codec; a few damaged bytes elsewhere should not lose the file.
        text = data.decode(best.codec, errors="transcript-double-byte-damage" if double_byte
                           else "replace")
        replaced = text.count("\ufffd")
    if "\x00" in text:
        replaced += text.count("\x00")
        text = text.replace("\x00", "\ufffd")
    return _finish(text, best.name, replaced=replaced)


_HIGH_BYTES: Final = bytes(range(0x80, 0x100))


def _sample(data: bytes) -> tuple[bytes, bool]:
    """Stretches around non-ASCII bytes, up to `_SAMPLE_BYTES`; True if the last one is cut.

    Only non-ASCII bytes tell the codecs apart, so ASCII-only stretches are skipped. A stretch
    starts at most `_CONTEXT_BYTES` before its first non-ASCII byte, inside the ASCII that
    follows a line start (or the previous stretch's end), so on a character boundary in every
    candidate codec.
    """
    if len(data) <= _SAMPLE_BYTES:
        return data, False
    pieces: list[bytes] = []
    size = 0
    pos = 0
    while size < _SAMPLE_BYTES:
        m = _HIGH_RUN.search(data, pos)
        if m is None:
            break
        line_start = data.rfind(b"\n", pos, m.start()) + 1 or pos
        start = max(line_start, m.start() - _CONTEXT_BYTES)
        end = data.find(b"\n", m.end())
        if end < 0:
            end = len(data)
        end = min(end, start + _SAMPLE_BYTES - size)
        pieces.append(data[start:end])
        size += end - start + 1
        pos = end + 1
    return b"\n".join(pieces), size >= _SAMPLE_BYTES


_CONTEXT_BYTES: Final = 256


def _decode_sample(sample: bytes, codec: str, cut: bool) -> tuple[str, int]:
    """Decode leniently, counting errors; a character cut by the sample's end is not one."""
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    text = decoder.decode(sample, final=not cut)
    return text, text.count("\ufffd")


# -- scoring ----------------------------------------------------------------------------------
# Frequent characters: about 2,000 of the most frequent in modern Chinese text plus those common
# in earnings calls (they cover ~95% of the Mandarin in real transcripts), then the traditional
# forms of the same characters (made once with OpenCC s2t/s2tw/s2hk). Garbage from decoding with
# the wrong codec lands on them rarely.
_FREQUENT_SIMPLIFIED: Final = (
    "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后"
    "能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分"
    "此心前面又定见只主没公从知全工己使情明性理体实现化力由高长向部等水加量两制机点业本把应开"
    "它合因些外政四社义平形相表间样关各重新线内数正反原利比或但质气第命变条结解问意建月系很最"
    "立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件求老头基资边流路级少图山"
    "统接较组计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况"
    "今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深"
    "难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划"
    "选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参"
    "红细引听该铁价严首底液官德随病苏失尔死讲配女黄推显谈罪神艺呢席含企望密批营项防举球英氧势"
    "告李台落木帮轮破亚师围注远字材排供河态封另施减树溶怎止案言士均武固叶鱼波视仅费紧爱左章早"
    "朝害续轻服试食充兵源判护司足某练差致板田降黑犯负击范继兴似余坚曲输修故城夫够送笔船占右财"
    "吃富春职觉汉画功巴跟虽杂飞检吸助升阳互初创抗考投坏策古径换未跑留钢曾端责站简述钱副尽帝射"
    "草冲承独令限阿宣环双请超微让控州良轴找否纪益依优顶础载倒房突坐粉敌略客袁冷胜绝析块剂测丝"
    "协诉念陈仍罗盐友洋错苦夜刑移频逐靠混母短皮终聚汽村云哪既距卫停烈央察烧迅境若印洲刻括激孔"
    "搞甚室待核校散侵吧甲游久菜味旧模湖货损预阻毫普稳乙妈植息扩银语挥酒守拿序纸医缺雨吗针刘啊"
    "急唱误训愿审附获茶鲜粮斤孩脱硫肥善龙演父渐血欢械掌歌沙刚攻谓盾讨晚粒乱燃矛乎杀药宁鲁贵钟"
    "煤读班伯香介迫句丰培握兰担弦蛋沉假穿执答乐谁顺烟缩征脸喜松脚困异免背星福买染井概慢怕磁倍"
    "祖皇促静补评翻肉践尼衣宽扬棉希伤操垂秋宜氢套督振架亮末宪庆编牛触映雷销诗座居抓裂胞呼娘景"
    "威绿晶厚盟衡鸡孙延危胶屋乡临陆顾掉呀灯岁措束耐剧玉赵跳哥季课凯胡额款绍卷齐伟蒸殖永宗苗川"
    "炉岩弱零杨奏沿露杆探滑镇饭浓航怀赶库夺伊灵税途灭赛归召鼓播盘裁险康唯录菌纯借糖盖横符私努"
    "堂域枪润幅哈竟熟虫泽脑壤碳欧遍侧寨敢彻虑斜薄庭纳弹饲伸折麦湿暗荷瓦塞床筑恶户访塔奇透梁刀"
    "旋迹卡氯遇份毒泥退洗摆灰彩卖耗夏择忙铜献硬予繁圈雪函亦抽篇阵阴丁尺追堆雄迎泛爸楼避谋吨野"
    "猪旗累偏典馆索秦脂潮爷豆忽托惊塑遗愈朱替纤粗倾尚痛楚谢奋购磨君池旁碎骨监捕弟暴割贯殊释词"
    "亡壁顿宝午尘闻揭炮残冬桥妇警综招吴付浮遭徐您摇谷赞箱隔订男吹园纷唐败宋玻巨耕坦荣闭湾键凡"
    "驻锅救恩剥凝碱齿截炼麻纺禁废盛版缓净睛昌婚涉筒嘴插岸朗庄街藏姑贸腐奴啦惯乘伙恢匀纱扎辩耳"
    "彪臣亿璃抵脉秀萨俄网舞店喷纵寸汗挂洪贺闪柬爆烯津稻墙软勇像滚厘蒙芳肯坡柱荡腿仪旅尾轧冰贡"
    "登黎削钻勒逃障氨郭峰币港伏轨亩毕擦莫刺浪秘援株健售股岛甘泡睡童铸汤阀休汇舍牧绕炸哲磷绩朋"
    "淡尖启陷柴呈徒颜泪稍忘泵蓝拖洞授镜辛壮锋贫虚弯摩泰幼廷尊窗纲弄隶疑氏宫姐震瑞怪尤琴循描膜"
    "违夹腰缘珠穷森枝竹沟催绳忆邦剩幸浆栏拥牙贮礼滤钠纹罢拍咱喊袖埃勤罚焦潜伍墨欲缝姓刊饱仿奖"
    "铝鬼丽跨默挖链扫喝袋炭污幕诸弧励梅奶洁灾舟鉴苯讼抱毁懂寒智埔寄届跃渡挑丹艰贝碰拔爹戴码梦"
    "芽熔赤渔哭敬颗奔铅仲虎稀妹乏珍申桌遵允隆螺仓魏锐晓氮兼隐碍赫拨忠肃缸牵抢博巧壳兄杜讯诚碧"
    "祥柯页巡矩悲灌龄伦票寻桂铺圣恐恰郑趣抬荒腾贴柔滴猛阔辆妻填撤储签闹扰紫砂递戏吊陶伐喂疗瓶"
    "婆抚臂摸忍虾蜡邻胸巩挤偶弃槽劲乳邓吉仁烂砖租乌舰伴瓜浅丙暂燥橡柳迷暖牌秧胆详簧踏瓷谱呆宾"
    "糊洛辉愤竞隙怒粘乃绪肩籍敏涂熙皆侦悬掘享纠醒狂锁淀恨牲霸爬赏逆玩陵祝秒浙貌役彼悉鸭趋凤晨"
    "畜辈秩卵署梯炎滩棋驱筛峡冒啥寿译浸泉帽迟硅疆贷漏稿冠嫩胁芯牢叛蚀奥鸣岭羊凭串塘绘酵融盆锡"
    "庙筹冻辅摄袭筋拒僚旱钾鸟漆沈眉疏添棒穗硝韩逼扭侨凉挺碗栽炒杯患馏劝豪辽勃鸿旦吏拜狗埋辊掩"
    "饮搬骂辞勾扣估蒋绒雾丈朵姆拟宇辑陕雕偿蓄崇剪倡厅咬驶薯刷斥番赋奉佛浇漫曼扇钙桃扶仔返俗亏"
    "腔鞋棱覆框悄叔撞骗勘旺沸孤吐孟渠屈疾妙惜仰狠胀谐抛霉桑岗嘛衰盗渗脏赖涌甜曹阅肌哩厉烃纬毅"
    "昨伪症煮叹钉搭茎笼酷偷弓锥恒杰坑鼻翼纶叙狱逮罐络棚抑膨蔬寺骤穆冶枯册尸凸绅坯牺焰轰欣晋瘦"
    "御锭锦丧旬锻垄搜扑邀亭酯迈舒脆酶闲忧酚顽羽涨卸仗陪辟惩杭姚肚捉飘漂昆欺吾郎烷汁呵饰萧雅邮"
    "迁燕撒姻赴宴烦债帐斑铃旨醇董饼雏姿拌傅腹妥揉贤拆歪葡胺丢浩徽昂垫挡览贪慰缴汪慌冯诺姜谊凶"
    "劣诬耀昏躺盈骑乔溪丛卢抹闷咨刮驾缆悟摘铒掷颇幻柄惠惨佳仇腊窝涤剑瞧堡泼葱罩霍捞胎苍滨俩捅"
    "湘砍霞邵萄疯淮遂熊粪烘宿档戈驳嫂裕徙箭捐肠撑晒辨殿莲摊搅酱屏疫哀蔡堵沫皱畅叠阁莱敲辖钩痕"
    "坝巷饿祸丘玄溜曰逻彭尝卿妨艇吞韦怨矮歇度逾产宏电嗯呃哦杠账券动谨慎喔"
)
_FREQUENT_TRADITIONAL: Final = (
    "這爲來箇們說國時於會後對裏過發軍無麼經當與學進種將還見沒從體實現長兩機點業應開義間樣關線"
    "內數質氣變條結問並題黨員總設頭資邊級圖統較組計別論運農幾區強決幹戰則據處隊給門規熱領東導"
    "壓爭濟階術極聯認權證採轉單風帶場車務萬達積議聲報鬥類離華確張馬節話況溫傳許羣廣記觀織裝衆"
    "書兒須際驗連斷難礦備辦習響約勞團歷構稱準號維劃選標寫親養層卻專狀廠識適屬圓調滿縣參紅細聽"
    "該鐵價嚴隨蘇爾講黃顯談藝營項舉勢臺幫輪亞師圍遠態減樹葉魚視僅費緊愛續輕試護練負擊範繼興餘"
    "堅輸夠筆佔財喫職覺漢畫雖雜飛檢昇陽創壞徑換鋼責簡錢盡衝獨環雙請讓軸紀優頂礎載敵勝絕塊劑測"
    "絲協訴陳羅鹽錯頻終雲衛燒覈遊舊貨損預穩媽擴銀語揮紙醫嗎針劉誤訓願審獲鮮糧脫龍漸歡剛謂討亂"
    "殺藥寧魯貴鍾讀豐蘭擔執樂誰順煙縮徵臉腳異買靜補評踐寬揚傷氫憲慶編觸銷詩綠雞孫膠鄉臨陸顧燈"
    "歲劇趙課凱額紹齊偉爐巖楊鎮飯濃懷趕庫奪靈稅滅賽歸盤險錄純蓋橫槍潤蟲澤腦歐側徹慮納彈飼麥溼"
    "牀築惡戶訪跡擺賣擇銅獻陣陰樓謀噸豬館爺驚遺纖傾謝奮購監貫釋詞頓寶塵聞殘橋婦綜吳搖贊訂園紛"
    "敗榮閉灣鍵駐鍋剝鹼齒煉紡廢緩淨莊貿慣夥勻紗辯億脈薩網噴縱掛賀閃牆軟滾釐蕩儀軋貢鑽峯幣軌畝"
    "畢祕島鑄湯閥匯繞績啓顏淚藍鏡壯鋒貧虛彎綱隸宮違夾緣窮溝繩憶漿欄擁貯禮濾鈉紋罷罰潛縫飽獎鋁"
    "麗鏈掃諸勵潔災鑑訟毀屆躍艱貝碼夢漁顆鉛倉銳曉隱礙撥肅牽搶殼訊誠頁齡倫尋鋪聖鄭騰貼闊輛儲籤"
    "鬧擾遞戲療撫蝦蠟鄰鞏擠棄勁鄧爛磚烏艦淺暫膽詳譜賓輝憤競緒塗偵懸糾鎖澱賞鴨趨鳳輩灘驅篩峽壽"
    "譯遲貸脅蝕奧鳴嶺憑繪錫廟籌凍輔攝襲鉀鳥韓僑涼餾勸遼鴻輥飲罵辭蔣絨霧擬輯陝償廳駛賦澆鈣虧騙"
    "脹諧拋黴崗盜滲髒賴湧閱厲烴緯僞嘆釘莖籠錐恆傑綸敘獄絡驟冊屍紳犧轟晉錠錦喪鍛壟撲邁閒憂頑漲"
    "闢懲飄飾蕭郵遷煩債帳鈴餅雛賢丟墊擋覽貪繳馮諾誼兇誣騎喬叢盧悶諮駕纜鉺擲頗慘臘窩滌劍潑蔥撈"
    "蒼濱倆瘋糞檔駁腸撐曬蓮攤攪醬皺暢疊閣萊轄鉤壩餓禍邏嘗韋產電槓賬動謹為著裡眾啟汙稜偽説衞濕"
    "鋭閲敍鈎"
)
_FREQUENT: Final = frozenset(_FREQUENT_SIMPLIFIED + _FREQUENT_TRADITIONAL)
_CJK_PUNCT: Final = frozenset("，。、；：？！「」『』（）《》〈〉【】〔〕“”‘’…—·％～\u3000")

_REPLACEMENT_WEIGHT: Final = -3.0

# (first, last, weight) for non-ideographs: negative for what a Chinese or English transcript
# hardly ever contains but wrong-codec decoding produces all the time.
_RANGES: Final = (
    (0x0080, 0x009F, -1.0),   # C1 controls
    (0x0100, 0x024F, -0.5),   # Latin extended (pinyin tone letters)
    (0x0250, 0x036F, -1.0),   # IPA, spacing modifiers, combining marks
    (0x0370, 0x052F, -1.0),   # Greek, Cyrillic
    (0x0530, 0x1FFF, -1.0),   # other alphabets
    (0x2000, 0x206F, 0.5),    # general punctuation: dashes, curly quotes, ellipsis
    (0x20A0, 0x20CF, 0.0),    # currency signs
    (0x2100, 0x214F, -0.25),  # letterlike: ℃ №
    (0x2150, 0x24FF, -0.5),   # number forms, arrows, maths, enclosed numbers
    (0x2500, 0x259F, -1.0),   # box drawing, blocks
    (0x25A0, 0x27FF, -0.5),   # shapes, dingbats
    (0x2800, 0x2DFF, -1.0),
    (0x2E80, 0x2FFF, -1.0),   # radicals, Kangxi, ideographic description
    (0x3000, 0x303F, 0.5),    # CJK punctuation (the frequent ones score in _CJK_PUNCT)
    (0x3040, 0x30FF, -1.0),   # kana
    (0x3100, 0x312F, -1.0),   # bopomofo
    (0x3130, 0x318F, -1.0),   # Hangul jamo
    (0x3190, 0x33FF, -0.5),   # enclosed CJK, squared units
    (0x3400, 0x4DBF, -1.0),   # CJK extension A
    (0x4DC0, 0x4DFF, -1.0),
    (0xA000, 0xABFF, -1.0),
    (0xAC00, 0xD7FF, -1.0),   # Hangul
    (0xE000, 0xF8FF, -2.0),   # private use (GB18030 user-defined areas)
    (0xF900, 0xFAFF, -1.0),   # compatibility ideographs
    (0xFB00, 0xFE2F, -1.0),
    (0xFE30, 0xFE6F, -1.0),   # vertical and small form variants (Big5 symbol rows)
    (0xFE70, 0xFEFF, -1.0),
    (0xFF01, 0xFF5E, 0.5),    # full-width ASCII
    (0xFF5F, 0xFF9F, -1.0),   # half-width katakana
    (0xFFA0, 0xFFFF, -0.5),
    (0x10000, 0x10FFFF, -1.0),  # astral: extension B+ ideographs, emoji, ...
)


def _range_weight(cp: int) -> float:
    for first, last, weight in _RANGES:
        if first <= cp <= last:
            return weight
    return 0.0


def _ideograph_weight(ch: str) -> float:
    """Unified ideograph outside the frequent set: neutral if a national standard has it."""
    if _encodable(ch, "gb2312"):
        return 0.0
    try:
        if 0xA4 <= ch.encode("cp950")[0] <= 0xC6:
            return 0.0  # Big5's block of frequent characters
    except UnicodeEncodeError:
        pass
    return -0.5


def _char_weight(ch: str) -> float:
    if ch in _FREQUENT or ch in _CJK_PUNCT:
        return 1.0
    if ch == "\ufffd":
        return _REPLACEMENT_WEIGHT
    cp = ord(ch)
    if 0x4E00 <= cp <= 0x9FFF:
        return _ideograph_weight(ch)
    return _range_weight(cp)


def _score_cjk(text: str) -> float:
    """Mean plausibility of the non-ASCII characters, from -3 (noise) to 1 (ordinary Chinese)."""
    counts = Counter("".join(_NON_ASCII_RUN.findall(text)))
    total = sum(counts.values())
    if not total:
        return 0.0
    return sum(n * _char_weight(ch) for ch, n in counts.items()) / total


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_LATIN_LETTERS: Final = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŽžŸ")
# What English transcripts really contain beyond ASCII: typographic quotes and dashes.
_LATIN_PUNCT: Final = frozenset("“”‘’„‚–—…•€£\xa0")
_LATIN_SYMBOLS: Final = frozenset("·«»°±×÷µ¢²³½¼¾§¶¡¿©®™¥")


def _score_latin(text: str) -> float:
    """Plausibility for a single-byte Western reading, on the same scale as `_score_cjk`.

    Western text has an accented letter inside a word or a curly quote here and there; CJK
    bytes read as CP1252 come out as runs ("ÓªÊÕÔö³¤") or as symbols next to the ASCII that
    Big5 trail bytes become ("·Q ½Ð").
    """
    runs = _NON_ASCII_RUN.findall(text)
    total = sum(map(len, runs))
    if not total:
        return 0.0
    score = 0.0
    pairs: Counter[str] = Counter()
    for run in runs:
        if len(run) >= 3:
            score += -len(run) + (_REPLACEMENT_WEIGHT + 1) * run.count("\ufffd")
        elif len(run) == 2:
            pairs[run] += 1
    for pair, n in pairs.items():  # weights for both characters together
        kinds = {_latin_kind(ch) for ch in pair}
        weight = 1.0 if kinds == {"letter", "punct"} else -1.0 if kinds == {"letter"} else -2.0
        score += n * (weight + (_REPLACEMENT_WEIGHT + 1) * pair.count("\ufffd"))
    for m in _LONE_NON_ASCII.finditer(text):
        ch = m.group()
        kind = _latin_kind(ch)
        if kind == "letter":
            start, end = m.span()
            score += _letter_context(text[start - 1] if start else " ",
                                     text[end] if end < len(text) else " ")
        else:
            score += _LATIN_KIND_WEIGHT[kind]
    return score / total


_WORD_EDGE: Final = frozenset(" \t\n\r-'.,;:!?()\"/")


def _letter_context(before: str, after: str) -> float:
    """An accented letter belongs inside a word ('Société'), or stands alone ('à la')."""
    if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
        return 1.0
    if before in _WORD_EDGE and after in _WORD_EDGE:
        return 0.5
    return -0.5


_LATIN_KIND_WEIGHT: Final = {"punct": 1.0, "symbol": 0.0, "other": -0.5,
                             "replacement": _REPLACEMENT_WEIGHT}


def _latin_kind(ch: str) -> str:
    if ch in _LATIN_LETTERS:
        return "letter"
    if ch in _LATIN_PUNCT:
        return "punct"
    if ch in _LATIN_SYMBOLS:
        return "symbol"
    return "replacement" if ch == "\ufffd" else "other"
