"""The export's front matter: a YAML parser reads every value back exactly, and a Markdown
renderer that ignores front matter finds no link, image or HTML in it."""

from __future__ import annotations

import os

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_export_md import NAMES, info_for

from reader.core.export_md import ExportInput, render_markdown, yaml_value
from reader.core.pipeline import parse_text

CALL = "Operator: Good morning.\n\nIvy Shen: Thank you all for joining.\n"
HOSTILE_TITLE = ('Q2 <img src="file:///etc/hostname" onerror=alert(1)> [click](https://x.example)'
                 " <https://y.example> www.z.example ![i](a.png) **bold** _em_ <!-- c --> "
                 "<b>tag</b> &amp; a@b.example\u2028line\x85next\ufeff")


def front_matter(doc: str) -> str:
    assert doc.startswith("---\n")
    return doc[4:].split("\n---\n", 1)[0]


def exported(**fields: object) -> str:
    t = parse_text(CALL, "call.txt")
    return render_markdown(ExportInput(info_for(t, **fields), [], t, NAMES))


def test_a_yaml_parser_reads_hostile_values_back_exactly() -> None:
    name = os.fsdecode(b"caf\xe9 <b>.txt")
    doc = exported(title=HOSTILE_TITLE, company='Acme "Quoted" \\ Co: Ltd.',
                   source_name=name)
    meta = yaml.safe_load(front_matter(doc))
    assert meta["title"] == HOSTILE_TITLE
    assert meta["company"] == 'Acme "Quoted" \\ Co: Ltd.'
    assert meta["source"] == "caf\\xe9 <b>.txt"  # the readable form of the name
    assert meta["tags"] == [] and meta["highlights"] == 0


def test_rendered_as_markdown_the_front_matter_is_inert() -> None:
    doc = exported(title=HOSTILE_TITLE, company="<script>alert(1)</script>",
                   ticker="[t](javascript:alert(1))")
    head = "---\n" + front_matter(doc) + "\n---\n"
    renderer = MarkdownIt("commonmark", {"html": True, "linkify": False})
    tokens = renderer.parse(head)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "em_open",
                        "strong_open"}, kinds
    html = renderer.render(head)
    assert "<img" not in html and "<a " not in html and "<script" not in html
    for linkable in ("://", "www.", "@"):  # what a linkifying renderer would turn into links
        assert linkable not in head


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_string_round_trips_through_yaml(text: str) -> None:
    assert yaml.safe_load("k: " + yaml_value(text))["k"] == text
