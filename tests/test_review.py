"""Reviews: append-only decisions, the audit trail, the interactive walk, survival of re-runs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.models import Discrepancy
from claimcheck.review import (
    QUESTION,
    ReviewError,
    record_review,
    review_history,
    walk_open,
)
from tests.conftest_editors import Seeded, cli_main, seeded_store


@pytest.fixture()
def seeded(tmp_path: Path) -> Seeded:
    return seeded_store(tmp_path / "review.db")


def invoke(db: Seeded, *args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli_main(), ["review", "--db", db.store.url, *args],
                                input=input)
    return result.exit_code, result.output


def status_of(db: Seeded, key: str) -> str:
    did = db.discrepancies[key].id
    return db.store.discrepancies(status="all", ids=[did])[0].status


def test_review_sets_status_and_appends(seeded: Seeded) -> None:
    did = seeded.discrepancies["d-value"].id
    code, out = invoke(seeded, did, "--status", "confirmed", "--note", "NBD misread the chart",
                       "--editor", "ana")
    assert code == 0, out
    assert f"{did}: confirmed by ana" in out
    code, _ = invoke(seeded, did[:6], "--status", "corrected", "--editor", "ben")
    assert code == 0
    assert status_of(seeded, "d-value") == "corrected"
    trail = seeded.store.reviews(did)
    assert [(r.status, r.editor, r.note) for r in trail] == [
        ("confirmed", "ana", "NBD misread the chart"), ("corrected", "ben", None)]


def test_history_shows_the_trail(seeded: Seeded) -> None:
    did = seeded.discrepancies["d-magnitude"].id
    invoke(seeded, did, "--status", "needs_info", "--editor", "ana", "--note", "ask the desk")
    invoke(seeded, did, "--status", "confirmed", "--editor", "ben")
    code, out = invoke(seeded, "--history", did)
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith(f"{did} magnitude_anomaly (medium), status confirmed")
    assert "needs_info" in lines[1] and "by ana: ask the desk" in lines[1]
    assert "confirmed" in lines[2] and "by ben" in lines[2]


def test_history_of_an_unreviewed_discrepancy(seeded: Seeded) -> None:
    code, out = invoke(seeded, "--history", seeded.discrepancies["d-ratio"].id)
    assert code == 0 and "no reviews yet" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope", "--status", "confirmed"), "no discrepancy has an id starting with 'nope'"),
        (("d", "--status", "confirmed"), "or several do"),  # ambiguous prefix
        (("--history", "nope"), "no discrepancy has an id starting with 'nope'"),
        (("d7a1", "--status", "wrong"), "'wrong' is not one of"),
        (("d7a1", "--status", "open"), "'open' is not one of"),
        (("d7a1",), "give --status (or --history)"),
        (("--status", "confirmed"), "need a DISCREPANCY_ID"),
    ],
)
def test_clear_errors(seeded: Seeded, args: tuple[str, ...], message: str) -> None:
    code, out = invoke(seeded, *args)
    assert code != 0
    assert message in out
    assert seeded.store.reviews() == []


@pytest.mark.parametrize("status", ["open", "bogus", ""])
def test_library_rejects_unknown_status(seeded: Seeded, status: str) -> None:
    with pytest.raises(ReviewError, match="unknown status"):
        record_review(seeded.store, seeded.discrepancies["d-value"].id, status, "ana")


def test_library_history_of_unknown_id(seeded: Seeded) -> None:
    with pytest.raises(ReviewError):
        review_history(seeded.store, "zzz")


def test_blank_note_and_editor_are_normalized(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMCHECK_EDITOR", "desk")
    review = record_review(seeded.store, seeded.discrepancies["d-value"].id, "dismissed",
                           "  ", note="   ")
    assert (review.editor, review.note) == ("desk", None)


# -- the interactive walk ---------------------------------------------------------------------


class Script:
    """Answers typed by a pretend editor; records what was shown and asked."""

    def __init__(self, answers: list[str]) -> None:
        self._answers: Iterator[str] = iter(answers)
        self.shown: list[str] = []
        self.asked: list[str] = []

    def show(self, text: str) -> None:
        self.shown.append(text)

    def ask(self, question: str) -> str:
        self.asked.append(question)
        try:
            return next(self._answers)
        except StopIteration:
            raise EOFError from None


def test_walk_records_each_decision_as_it_is_made(seeded: Seeded) -> None:
    # high first: value (confirm + note), then magnitude (skip), then ratio (dismiss, no note)
    script = Script(["c", "NBD chart misread", "s", "dismiss", ""])
    result = walk_open(seeded.store, script.show, script.ask, "ana")
    assert [r.status for r in result.decided] == ["confirmed", "dismissed"]
    assert result.skipped == [seeded.discrepancies["d-magnitude"].id]
    assert not result.quit
    assert status_of(seeded, "d-value") == "confirmed"
    assert status_of(seeded, "d-magnitude") == "open"
    assert status_of(seeded, "d-ratio") == "dismissed"
    assert seeded.store.reviews(seeded.discrepancies["d-value"].id)[0].note == \
        "NBD chart misread"
    assert "(1/3)" in script.shown[0] and "Suggested reading" in script.shown[0]
    assert "2 decided, 1 skipped" in script.shown[-1]


def test_quitting_keeps_the_decisions_made(seeded: Seeded) -> None:
    script = Script(["r", "fixed upstream", "q"])
    result = walk_open(seeded.store, script.show, script.ask, "ana")
    assert result.quit and len(result.decided) == 1
    assert status_of(seeded, "d-value") == "corrected"
    assert status_of(seeded, "d-magnitude") == "open"


def test_unknown_answers_are_asked_again(seeded: Seeded) -> None:
    script = Script(["maybe", "needs info", "", "q"])
    walk_open(seeded.store, script.show, script.ask, "ana")
    assert status_of(seeded, "d-value") == "needs_info"
    assert any("Please answer one of" in s for s in script.shown)
    assert script.asked.count(QUESTION) == 3


def test_end_of_input_ends_the_walk(seeded: Seeded) -> None:
    script = Script(["c"])  # input ends at the note question, then at the next decision
    result = walk_open(seeded.store, script.show, script.ask, "ana")
    assert result.quit and [r.note for r in result.decided] == [None]


def test_walk_skips_what_another_editor_decided_meanwhile(seeded: Seeded) -> None:
    magnitude = seeded.discrepancies["d-magnitude"].id
    script = Script([])

    def ask(question: str) -> str:
        if not script.asked:  # while the first item is on screen, a colleague decides
            seeded.store.add_review(magnitude, "dismissed", "colleague")
        script.asked.append(question)
        return "s"

    walk_open(seeded.store, script.show, ask, "ana")
    assert sum("(" in s and "/3)" in s for s in script.shown) == 2
    assert status_of(seeded, "d-magnitude") == "dismissed"


def test_walk_with_nothing_open(seeded: Seeded) -> None:
    for d in seeded.discrepancies.values():
        seeded.store.add_review(d.id, "dismissed", "ana")
    script = Script([])
    assert walk_open(seeded.store, script.show, script.ask, "ana").decided == []
    assert script.shown == ["No open discrepancies."]


def test_walk_through_the_cli(seeded: Seeded) -> None:
    code, out = invoke(seeded, "--editor", "ana", "--severity", "high",
                       input="confirm\nchecked with OpenRouter\n")
    assert code == 0, out
    assert "Figures disagree" in out and "Saved: confirmed." in out
    assert status_of(seeded, "d-value") == "confirmed"
    assert status_of(seeded, "d-magnitude") == "open"  # not high severity
    assert seeded.store.reviews()[0].editor == "ana"


def test_cli_walk_survives_input_ending(seeded: Seeded) -> None:
    code, out = invoke(seeded, "--editor", "ana", input="d\n\n")
    assert code == 0, out
    assert status_of(seeded, "d-value") == "dismissed"
    assert "(quit)" in out


# -- reviews survive re-ingest, re-reconcile and new evidence ---------------------------------


def test_reviews_survive_reingest_and_rereconcile(seeded: Seeded, tmp_path: Path) -> None:
    store = seeded.store
    value = seeded.discrepancies["d-value"]
    record_review(store, value.id, "confirmed", "ana", "NBD is right")
    # re-ingest: the same articles come back (same content hash) and are left alone
    for article in seeded.articles.values():
        claims = [c for c in seeded.claims.values() if c.article_id == article.id]
        assert not store.add_article(article, claims, ["slot"] * len(claims))
    # re-reconcile the whole store: the same discrepancies are found again
    found = [Discrepancy(**{**d.model_dump(), "status": "open"})
             for d in seeded.discrepancies.values()]
    assert store.save_discrepancies(found, retire=[d.id for d in store.discrepancies()]) == (0, 0)
    assert status_of(seeded, "d-value") == "confirmed"
    assert [r.note for r in store.reviews(value.id)] == ["NBD is right"]
    # an upgrade: a new process opens the same file, the review is still attached
    from claimcheck.store import Store

    reopened = Store(store.url)
    assert reopened.discrepancies(status="confirmed")[0].id == value.id
    assert reopened.reviews(value.id)[0].editor == "ana"


def test_new_evidence_reopens_a_reviewed_discrepancy(seeded: Seeded) -> None:
    store = seeded.store
    value = seeded.discrepancies["d-value"]
    record_review(store, value.id, "dismissed", "ana", "rounding")
    blog = seeded.articles["a-blog"]
    extra = seeded.claims["c-blog"].model_copy(update={"id": "c-blog-2"})
    from claimcheck.models import Article

    other = Article(id="a-late", text=blog.text, source="Late Outlet")
    store.add_article(other, [extra.model_copy(update={"article_id": "a-late"})], ["slot"])
    grown = value.model_copy(update={"claim_ids": [*value.claim_ids, "c-blog-2"]})
    assert store.save_discrepancies([grown]) == (0, 1)
    assert status_of(seeded, "d-value") == "open"
    found, trail = review_history(store, value.id)
    assert found is not None and found.status == "open"
    assert [(r.status, r.note) for r in trail] == [("dismissed", "rounding")]
    code, out = invoke(seeded, "--history", value.id)
    assert "status open" in out and "dismissed" in out


def test_retired_discrepancy_keeps_its_history(seeded: Seeded) -> None:
    store = seeded.store
    ratio = seeded.discrepancies["d-ratio"]
    record_review(store, ratio.id, "confirmed", "ana")
    store.save_discrepancies([], retire=[d.id for d in store.discrepancies()])
    found, trail = review_history(store, ratio.id)
    assert found is None and [r.status for r in trail] == ["confirmed"]
    code, out = invoke(seeded, "--history", ratio.id)
    assert code == 0 and "no longer found" in out
