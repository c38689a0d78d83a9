"""Authors, roles and versions, on both backends: every highlight, note and tag records who
wrote it; in a library with roles a user changes only their own unless granted more; a save
from a stale copy is refused with the other's text, so no edit is lost silently."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from reader.cli import main
from reader.services.annotations import (
    USER_ENV,
    AnnotationService,
    EditConflictError,
    NotAllowedError,
    default_user,
)
from reader.services.errors import AnnotationError

LANTING = Path(__file__).resolve().parents[1] / "fixtures" / "quartr_lanting_q2_2024.txt"


def as_user(library: str | Path, user: str) -> AnnotationService:
    return AnnotationService.open(library, user=user)


@pytest.fixture
def call(library: str | Path) -> int:
    with as_user(library, "ana") as svc:
        return svc.import_file(LANTING).transcript.id


def test_the_author_is_the_os_user_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(USER_ENV, raising=False)
    assert default_user()  # the operating system's name
    monkeypatch.setenv(USER_ENV, "wen.li")
    assert default_user() == "wen.li"


def test_highlights_notes_and_tags_record_their_author(library: str | Path, call: int) -> None:
    with as_user(library, "ana") as ana:
        h = ana.add_highlight_by_quote(call, "Hello everyone", occurrence=1, note="opening",
                                       tags=["tone"])
        assert (h.author, h.note_author, h.version) == ("ana", "ana", 1)
        bare = ana.add_highlight_by_quote(call, "funding cost", occurrence=1)
        assert (bare.author, bare.note_author) == ("ana", "")
    with as_user(library, "bo") as bo:  # a personal library: no roles, no checks
        edited = bo.update_highlight(h.id, note="opening, then guidance", tags=["tone", "cfo"])
        assert (edited.author, edited.note_author, edited.version) == ("ana", "bo", 2)
        with bo.db.read() as s:
            tags = dict(s.execute(text("SELECT name, author FROM tags")).all())
    assert tags == {"tone": "ana", "cfo": "bo"}


def test_members_change_only_their_own_and_admins_anyones(library: str | Path,
                                                          call: int) -> None:
    with as_user(library, "ana") as ana:
        assert ana.role() == "admin" and ana.roles() == []  # personal library
        old = ana.add_highlight_by_quote(call, "funding cost", occurrence=1)
        ana.set_role("bo", "member")  # the first grant makes ana the admin
        ana.set_role("cy", "reader")
        assert ana.roles() == [("ana", "admin"), ("cy", "reader")]  # bo: member by default
        mine = ana.add_highlight_by_quote(call, "Hello everyone", occurrence=1, note="ana's")
    with as_user(library, "bo") as bo:
        assert bo.role() == "member"
        with pytest.raises(NotAllowedError, match="is ana's"):
            bo.update_highlight(mine.id, note="bo was here")
        with pytest.raises(NotAllowedError):
            bo.delete_highlight(mine.id)
        with pytest.raises(NotAllowedError, match="only admins"):
            bo.set_role("bo", "admin")
        own = bo.add_highlight_by_quote(call, "Hello everyone", occurrence=1, note="bo's")
        assert bo.update_highlight(own.id, colour="red").colour == "red"
        assert bo.highlight(mine.id).note == "ana's"
    with as_user(library, "cy") as cy:
        with pytest.raises(NotAllowedError, match="reader"):
            cy.add_highlight_by_quote(call, "Hello everyone", occurrence=1)
        with pytest.raises(NotAllowedError):
            cy.update_highlight(own.id, note="cy")
    with as_user(library, "ana") as ana:
        assert ana.update_highlight(own.id, note="checked").note_author == "ana"
        ana.delete_highlight(own.id)
        with pytest.raises(AnnotationError, match="last admin"):
            ana.set_role("ana", "member")
        ana.set_role("bo", "admin")
        ana.set_role("ana", "member")  # bo is admin now
        assert ana.role() == "member"
    del old


def test_a_stale_save_is_refused_with_the_others_text(library: str | Path, call: int) -> None:
    with as_user(library, "ana") as ana, as_user(library, "bo") as bo:
        h = ana.add_highlight_by_quote(call, "funding cost", occurrence=1, note="first")
        read_by_ana = ana.highlight(h.id)
        read_by_bo = bo.highlight(h.id)
        saved = ana.update_highlight(h.id, note="ana: down 15 bp",
                                     expected_version=read_by_ana.version)
        assert saved.version == read_by_ana.version + 1
        with pytest.raises(EditConflictError) as conflict:
            bo.update_highlight(h.id, note="bo: check the bp",
                                expected_version=read_by_bo.version)
        assert conflict.value.current.note == "ana: down 15 bp"
        message = str(conflict.value)
        assert "\n" not in message and "ana: down 15 bp" in message and "ana" in message
        assert bo.highlight(h.id).note == "ana: down 15 bp"  # nothing of bo's was written
        # Bo merges and saves on the version he was shown.
        merged = bo.update_highlight(h.id, note="ana: down 15 bp; bo: check",
                                     expected_version=conflict.value.current.version)
        assert merged.note_author == "bo"


def test_two_saves_from_one_version_at_the_same_moment_one_wins(library: str | Path,
                                                                call: int) -> None:
    with as_user(library, "ana") as first:
        h = first.add_highlight_by_quote(call, "funding cost", occurrence=1)
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def save(n: int) -> None:
        with as_user(library, f"user{n}") as svc:
            start.wait()
            try:
                svc.update_highlight(h.id, note=f"note {n}", expected_version=h.version)
                outcomes.append(f"saved {n}")
            except EditConflictError:
                outcomes.append("conflict")

    threads = [threading.Thread(target=save, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    saved = [o for o in outcomes if o.startswith("saved")]
    assert len(outcomes) == 4 and len(saved) == 1
    with as_user(library, "ana") as svc:
        final = svc.highlight(h.id)
    assert final.version == h.version + 1 and f"saved {final.note[-1]}" == saved[0]


def test_the_command_line_edits_with_a_version_and_sets_roles(
        library: str | Path, call: int, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = ["--db", str(library)]
    monkeypatch.setenv(USER_ENV, "ana")
    assert main(["annotate", str(LANTING), "--quote", "funding cost", "--note", "v1", *db]) == 0
    hid = int(capsys.readouterr().out.split()[2])
    assert main(["edit-highlight", str(hid), "--note", "v2", "--if-version", "1", *db]) == 0
    assert "version 2, by ana" in capsys.readouterr().out
    assert main(["edit-highlight", str(hid), "--note", "late", "--if-version", "1", *db]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "was not saved" in err and "v2" in err
    assert main(["library", "grant", "bo", "reader", *db]) == 0
    capsys.readouterr()
    assert main(["library", "roles", *db]) == 0
    assert capsys.readouterr().out.splitlines() == ["ana\tadmin", "bo\treader",
                                                    "you are ana: admin"]
    monkeypatch.setenv(USER_ENV, "bo")
    assert main(["delete-highlight", str(hid), *db]) == 2
    assert "reader" in capsys.readouterr().err
    monkeypatch.setenv(USER_ENV, "ana")
    assert main(["delete-highlight", str(hid), *db]) == 0


def test_highlights_filter_by_author(library: str | Path, call: int,
                                     capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from db.repository import HighlightFilter, Repository

    with as_user(library, "ana") as ana:
        a = ana.add_highlight_by_quote(call, "funding cost", occurrence=1)
    with as_user(library, "bo") as bo:
        b = bo.add_highlight_by_quote(call, "Hello everyone", occurrence=1)
        assert [h.id for h in bo.highlights(call, authors=["mine"])] == [b.id]
        assert [h.id for h in bo.highlights(call, authors=["ana"])] == [a.id]
        assert {h.id for h in bo.highlights(call)} == {a.id, b.id}  # everyone
        with bo.db.read() as s:
            page, total = Repository(s).highlight_page(HighlightFilter(authors=["ana"]))
        assert total == 1 and page[0].highlight.id == a.id
    monkeypatch.setenv(USER_ENV, "ana")
    assert main(["highlights", str(LANTING), "--author", "mine", "--db", str(library)]) == 0
    out = capsys.readouterr().out
    assert "funding cost" in out and "Hello everyone" not in out


def test_two_clients_making_the_same_new_tag_at_once_share_it(library: str | Path,
                                                              call: int) -> None:
    with as_user(library, "ana") as ana:
        ids = [ana.add_highlight_by_quote(call, q, occurrence=1).id
               for q in ("funding cost", "Hello everyone")]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def tag(n: int) -> None:
        with as_user(library, "ana") as svc:
            start.wait()
            try:
                svc.update_highlight(ids[n], tags=["brand-new"])
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=tag, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with as_user(library, "ana") as svc:
        assert svc.tags() == [("brand-new", 2)]


def test_a_save_landing_between_a_deletes_read_and_its_delete_is_not_lost(
        library: str | Path, call: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from db.repository import Repository

    with as_user(library, "ana") as ana:
        h = ana.add_highlight_by_quote(call, "funding cost", occurrence=1, note="first")
        real = Repository.transcript

        def a_save_lands_now(self: Repository, transcript_id: int):  # type: ignore[no-untyped-def]
            # Bo's save lands at this moment, after the delete read the highlight (in the same
            # transaction here; on a server another client's commit can land just so).
            self._s.execute(text("UPDATE highlights SET note = 'bo: keep this', "
                                 "version = version + 1 WHERE id = :id"), {"id": h.id})
            return real(self, transcript_id)

        monkeypatch.setattr(Repository, "transcript", a_save_lands_now)
        with pytest.raises(EditConflictError) as conflict:
            ana.delete_highlight(h.id)
        monkeypatch.undo()
        assert conflict.value.current.note == "bo: keep this"
        assert ana.highlight(h.id) is not None  # not deleted over a save it never saw


def test_an_undo_does_not_put_back_a_state_over_someone_elses_later_save(
        library: str | Path, call: int) -> None:
    with as_user(library, "ana") as ana, as_user(library, "bo") as bo:
        h = ana.add_highlight_by_quote(call, "funding cost", occurrence=1, note="first")
        ana.update_highlight(h.id, note="ana: down 15 bp")
        bo.update_highlight(h.id, note="bo: check the bp")
        with pytest.raises(EditConflictError) as conflict:
            ana.undo()  # would put "first" back over bo's note
        assert conflict.value.current.note == "bo: check the bp"
        assert ana.highlight(h.id).note == "bo: check the bp"
        # Her own history goes on where nobody else wrote: undo and redo still work there.
        mine = ana.add_highlight_by_quote(call, "Hello everyone", occurrence=1, note="mine")
        ana.undo()
        assert mine.id not in {x.id for x in ana.highlights(call)}
        ana.redo()
        assert ana.highlight(mine.id).note == "mine"
