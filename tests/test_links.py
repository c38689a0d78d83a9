"""reader:// back-links: what exports write is what `reader open` reads; anything else is refused
with a reason."""

from __future__ import annotations

import pytest

from reader.core.export_md import back_link
from reader.core.links import BackLink, LinkError, is_link, parse_link

SHA = "0123456789abcdef" * 4


def test_an_exported_link_reads_back() -> None:
    assert parse_link(back_link(SHA, 12, 40)) == BackLink(SHA, 12, 40)
    assert parse_link(f"READER://open?sha256={SHA.upper()}&start=3&end=3") == BackLink(SHA, 3, 3)
    assert parse_link(f"reader:///open?end=9&sha256={SHA}&start=1") == BackLink(SHA, 1, 9)


@pytest.mark.parametrize(("url", "reason"), [
    ("https://example.com/open", "not a reader://"),
    ("reader://delete?sha256=" + SHA, "unknown link action"),
    ("reader://open?sha256=abc&start=1&end=2", "64 hexadecimal"),
    (f"reader://open?sha256={SHA}&start=x&end=2", "whole numbers"),
    (f"reader://open?sha256={SHA}&start=9&end=2", "not a span"),
    (f"reader://open?sha256={SHA}&start=-1&end=2", "not a span"),
])
def test_other_urls_are_refused_in_one_line(url: str, reason: str) -> None:
    with pytest.raises(LinkError) as caught:
        parse_link(url)
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_what_counts_as_a_link_on_the_command_line() -> None:
    assert is_link("reader://open?x") and is_link("Reader:open")
    assert not is_link("reader.txt") and not is_link("./reader://x")


def test_what_a_desktop_hands_over_becomes_a_command() -> None:
    from reader.cli import _from_system

    link = f"reader://open?sha256={SHA}&start=1&end=2"
    assert _from_system([link]) == ["open", link]
    assert _from_system(["file:///calls/Q1%20call.txt", "b.txt"]) == ["/calls/Q1 call.txt", "b.txt"]
    assert _from_system(["parse", "reader.txt"]) == ["parse", "reader.txt"]
