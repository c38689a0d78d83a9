"""Transcript JSON as transcript text: speech-to-text exports, Motley Fool calls, EN/ZH pairs.

Each shape this module knows is recognised by its keys, never guessed from content:

- segments: Whisper and WhisperX (`segments` of `start`/`end`/`text`, optional `speaker`),
  or a plain list of `{speaker, text, start, end}` objects;
- AWS Transcribe (`results.audio_segments`, else `results.items` with
  `results.speaker_labels`), Deepgram (`results.utterances`, else the first channel's
  paragraphs), AssemblyAI (`utterances`, times in milliseconds);
- Motley Fool calls (`prepared_remarks` / `q_and_a` lists of `{speaker, speech}`);
- EN/ZH pairs (`{"meta": {...}, "pairs": [{"en", "zh"}]}`), written in the interleaved
  layout of bilingual text files (`  [  7] [EN] ...` / `       [中] ...`) so one parser
  rule reads both; the English that translators repeat after the Chinese is dropped.

Speakers become `**Name**` lines once per turn and timed paragraphs keep their times.
Anything else is refused in one line that names the top-level keys it saw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final

from reader.core.decoding import decode
from reader.core.documents import DocumentError, Extracted
from reader.core.documents.tables import PairBlocks
from reader.core.documents.textout import MAX_TEXT_CHARS, TextWriter, clean_inline, join_running

PARAGRAPH_SECONDS: Final = 60.0
"""Timed speech of one speaker is cut into paragraphs at sentence ends about this often."""

_SENTENCE_END = re.compile(r"[.?!。？！…][\"'”’)）]*$")
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True)
class _Utterance:
    speaker: str | None
    text: str
    start: float | None = None
    end: float | None = None


def extract(data: bytes, container: str) -> Extracted:
    """The transcript text of a transcript JSON file."""
    decoded = decode(data)
    try:
        doc = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not valid JSON (line {exc.lineno}, column {exc.colno}: "
                            f"{exc.msg})") from None
    except RecursionError:
        raise DocumentError("not a transcript JSON shape this app knows (nested too "
                            "deeply to be a transcript)") from None
    return Extracted(_text(doc), container, decoded.encoding)


def _text(doc: Any) -> str:
    if isinstance(doc, dict):
        if isinstance(doc.get("pairs"), list):
            return _pairs(doc)
        if isinstance(doc.get("prepared_remarks"), list) or isinstance(doc.get("q_and_a"), list):
            return _fool(doc)
        utterances = _vendor(doc)
        if utterances is not None:
            return _write_utterances(utterances, _head_fields(doc))
    elif isinstance(doc, list) and doc and all(isinstance(x, dict) for x in doc[:50]):
        utterances = _segments(doc)
        if utterances:
            return _write_utterances(utterances, [])
    raise DocumentError(f"not a transcript JSON shape this app knows ({_describe(doc)})")


def _describe(doc: Any) -> str:
    if isinstance(doc, dict):
        keys = sorted(str(k) for k in doc)[:8]
        more = ", …" if len(doc) > 8 else ""
        return f"top-level keys: {', '.join(keys)}{more}" if keys else "an empty object"
    if isinstance(doc, list):
        return "a list of " + (type(doc[0]).__name__ if doc else "nothing")
    return f"a single {type(doc).__name__}"


# --- values ----------------------------------------------------------------------------

def _str(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n\n".join(_str(v) for v in value if isinstance(v, str | int | float))
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _num(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and abs(value) < 1e9 else None
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if number == number and abs(number) < 1e9 else None
    return None


def _speaker(value: Any) -> str | None:
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = clean_inline(str(value))
    return text or None


def _first(obj: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if key in obj and obj[key] is not None:
            return obj[key]
    return None


# --- speech-to-text shapes ---------------------------------------------------------------

_TEXT_KEYS = ("text", "transcript", "content", "utterance", "speech", "sentence")
_SPEAKER_KEYS = ("speaker", "speaker_label", "speaker_name", "speakerName", "name", "spk")
_START_KEYS = ("start", "start_time", "startTime", "from", "begin")
_END_KEYS = ("end", "end_time", "endTime", "to", "stop")


def _segments(items: list[Any], scale: float = 1.0) -> list[_Utterance]:
    """Whisper-style segments, or any list of objects with a text field and times."""
    out: list[_Utterance] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        text = _str(_first(item, *_TEXT_KEYS))
        if not text.strip():
            continue
        start, end = _num(_first(item, *_START_KEYS)), _num(_first(item, *_END_KEYS))
        out.append(_Utterance(_speaker(_first(item, *_SPEAKER_KEYS)), text,
                              None if start is None else start * scale,
                              None if end is None else end * scale))
    return out


def _vendor(doc: dict[str, Any]) -> list[_Utterance] | None:
    """The utterances of a known speech-to-text export, or None for another shape."""
    if isinstance(doc.get("segments"), list):  # Whisper, WhisperX
        return _segments(doc["segments"])
    results = doc.get("results")
    if isinstance(results, dict):
        if isinstance(results.get("audio_segments"), list):  # AWS Transcribe (2023 on)
            return _segments(results["audio_segments"])
        if isinstance(results.get("items"), list):  # AWS Transcribe word items
            return _aws_items(results)
        if isinstance(results.get("utterances"), list):  # Deepgram, utterances=true
            return _segments(results["utterances"])
        if isinstance(results.get("channels"), list):  # Deepgram without utterances
            return _deepgram_channel(results["channels"])
    if isinstance(doc.get("utterances"), list):  # AssemblyAI: milliseconds
        return _segments(doc["utterances"], scale=0.001)
    return None


def _aws_items(results: dict[str, Any]) -> list[_Utterance]:
    """Words and punctuation, attributed to speakers by the speaker-label segments."""
    spans: list[tuple[float, float, str]] = []
    labels = results.get("speaker_labels")
    if isinstance(labels, dict) and isinstance(labels.get("segments"), list):
        for seg in labels["segments"]:
            if isinstance(seg, dict):
                s, e = _num(seg.get("start_time")), _num(seg.get("end_time"))
                who = _speaker(seg.get("speaker_label"))
                if s is not None and e is not None and who:
                    spans.append((s, e, who))
    spans.sort()
    out: list[_Utterance] = []
    k = 0
    for item in results["items"]:
        if not isinstance(item, dict):
            continue
        alts = item.get("alternatives")
        word = ""
        if isinstance(alts, list) and alts and isinstance(alts[0], dict):
            word = _str(alts[0].get("content")).strip()
        if not word:
            continue
        if item.get("type") == "punctuation":
            if out:
                out[-1].text += word
            continue
        start, end = _num(item.get("start_time")), _num(item.get("end_time"))
        who = _speaker(item.get("speaker_label"))
        if who is None and start is not None:
            while k + 1 < len(spans) and spans[k + 1][0] <= start:
                k += 1
            if spans and spans[k][0] <= start <= spans[k][1] + 0.5:
                who = spans[k][2]
        last = out[-1] if out else None
        if last is not None and last.speaker == who and not _ends_sentence_long(last, start):
            joiner = "" if _CJK.match(word[0]) and last.text and _CJK.match(last.text[-1]) else " "
            last.text += joiner + word
            last.end = end if end is not None else last.end
        else:
            out.append(_Utterance(who, word, start, end))
    return out


def _ends_sentence_long(u: _Utterance, start: float | None) -> bool:
    """A run of words is closed at a sentence end once it is a paragraph long."""
    return (start is not None and u.start is not None and start - u.start >= PARAGRAPH_SECONDS
            and bool(_SENTENCE_END.search(u.text)))


def _deepgram_channel(channels: list[Any]) -> list[_Utterance]:
    if not channels or not isinstance(channels[0], dict):
        return []
    alts = channels[0].get("alternatives")
    if not isinstance(alts, list) or not alts or not isinstance(alts[0], dict):
        return []
    alt = alts[0]
    paras = alt.get("paragraphs")
    if isinstance(paras, dict) and isinstance(paras.get("paragraphs"), list):
        out: list[_Utterance] = []
        for p in paras["paragraphs"]:
            if not isinstance(p, dict) or not isinstance(p.get("sentences"), list):
                continue
            text = " ".join(_str(s.get("text")) for s in p["sentences"] if isinstance(s, dict))
            if text.strip():
                out.append(_Utterance(_speaker(p.get("speaker")), text, _num(p.get("start")),
                                      _num(p.get("end"))))
        if out:
            return out
    text = _str(alt.get("transcript"))
    return [_Utterance(None, text)] if text.strip() else []


def _head_fields(doc: dict[str, Any]) -> list[str]:
    """Title and date lines from common top-level fields, for the outline's metadata."""
    lines = []
    for key in ("title", "name", "company", "date", "call_date", "quarter", "period"):
        value = doc.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            lines.append(clean_inline(str(value))[:200])
    return lines


def _write_utterances(utterances: list[_Utterance], head: list[str]) -> str:
    if not utterances:
        raise DocumentError("the transcript JSON holds no speech")
    out = TextWriter()
    for line in head:
        out.line(line)
    speaker: str | None = None
    para: list[_Utterance] = []

    def flush() -> None:
        if not para:
            return
        text = join_running(u.text for u in para)
        starts = [u.start for u in para if u.start is not None]
        ends = [u.end for u in para if u.end is not None]
        out.paragraph(text, starts[0] if starts else None, max(ends) if ends and starts else None)
        para.clear()

    for u in utterances:
        if u.speaker != speaker:
            flush()
            speaker = u.speaker
            if speaker:
                out.speaker(speaker)
            else:
                out.end_turn()
        elif para:
            first = para[0].start
            if (u.start is None or first is None or (
                    u.start - first >= PARAGRAPH_SECONDS
                    and _SENTENCE_END.search(para[-1].text.strip()))):
                flush()
        para.append(u)
    flush()
    return out.text()



# --- Motley Fool ------------------------------------------------------------------------

def _fool(doc: dict[str, Any]) -> str:
    out = TextWriter()
    for line in [*_head_fields(doc), clean_inline(_str(doc.get("ticker")))]:
        out.line(line)
    for key, heading in (("prepared_remarks", "Prepared Remarks"),
                         ("q_and_a", "Questions and Answers")):
        turns = doc.get(key)
        if not isinstance(turns, list) or not turns:
            continue
        out.heading(heading)
        for turn in turns:
            if not isinstance(turn, dict):
                continue
            speech = _first(turn, "speech", "text", "content", "paragraphs")
            paragraphs = speech if isinstance(speech, list) else [speech]
            texts = [p for p in (_str(x) for x in paragraphs) if p.strip()]
            if not texts:
                continue
            name = _speaker(_first(turn, "speaker", "name"))
            role = _speaker(_first(turn, "role", "title"))
            if name:
                out.speaker(name, role)
            else:
                out.end_turn()
            for text in texts:
                for block in re.split(r"\n\s*\n", text):
                    out.paragraph(block)
            out.end_turn()
    participants = doc.get("participants")
    if isinstance(participants, list) and participants:
        out.heading("Call Participants")
        for p in participants:
            if isinstance(p, dict):
                name, role = _speaker(p.get("name")), _speaker(_first(p, "role", "title"))
                line = f"{name} -- {role}" if name and role else (name or "")
            else:
                line = _speaker(p) or ""
            out.line(clean_inline(line))
    return out.text()


# --- EN/ZH pairs --------------------------------------------------------------------------

def _pairs(doc: dict[str, Any]) -> str:
    meta = doc.get("meta") if isinstance(doc.get("meta"), dict) else {}
    assert isinstance(meta, dict)
    blocks: list[str] = []
    header = []
    for key in ("company", "quarter"):
        if _str(meta.get(key)).strip():
            header.append(f"{key.capitalize()}: {clean_inline(_str(meta[key]))}")
    for key, value in meta.items():
        if key not in ("company", "quarter") and isinstance(value, str) and value.strip():
            label = "URL" if key.lower() == "url" else str(key).replace("_", " ").capitalize()
            header.append(f"{label}: {clean_inline(value)}")
    if header:
        blocks.append("\n".join(header))
    size = 0
    pairs = PairBlocks()
    for pair in doc["pairs"]:
        if not isinstance(pair, dict):
            pairs.number += 1
            continue
        en = clean_inline(_str(pair.get("en")))
        block = pairs.block(en, _chinese_only(_str(pair.get("zh")), en))
        if block is None:
            continue
        size += len(block) + 2
        if size > MAX_TEXT_CHARS:
            raise DocumentError("the document's text is too large to read")
        blocks.append(block)
    if len(blocks) <= (1 if header else 0):
        raise DocumentError("the transcript JSON holds no speech (its pairs are empty)")
    return "\n\n".join(blocks) + "\n"


def _chinese_only(zh: str, en: str) -> str:
    """The Chinese of a pair, without the English that follows it again.

    Translators write `中文  \\n English` or `中文\\n\\n原文：English`; the repeat is cut at
    the first line break after which the rest is the pair's English, or text without
    Chinese of about its length (a repeat with a typo or quotes) or after an `原文` label;
    a Chinese paragraph with its own line breaks stays whole.
    """
    text = zh.replace("\r\n", "\n")
    target = _squash(en)
    pos = 0
    while True:
        cut = text.find("\n", pos)
        if cut < 0:
            break
        rest = text[cut:].strip()
        labelled = re.match(r"原文\s*[:：]\s*", rest)
        if labelled:
            rest = rest[labelled.end():]
        squashed = _squash(rest)
        english = not _HAN.search(rest)
        if squashed and (squashed == target or (english and (
                labelled or 0.7 * len(target) <= len(squashed) <= 1.3 * len(target)))):
            text = text[:cut]
            break
        pos = cut + 1
    return clean_inline(text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()
