"""Editors' decisions: one review at a time, or a walk through the open discrepancies.

Reviews are only ever appended (Store.add_review); the latest sets a discrepancy's status. The
walk takes a ``show`` and an ``ask`` callable instead of a terminal, so tests script it, and
saves each decision the moment it is made: quitting, or losing the terminal, loses nothing.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import cast

from claimcheck.models import Discrepancy, Review, Status
from claimcheck.report.build import build_items
from claimcheck.report.text import render_item
from claimcheck.store import Store, UnknownDiscrepancy

DECISIONS: tuple[Status, ...] = ("confirmed", "dismissed", "corrected", "needs_info")
EDITOR_ENV = "CLAIMCHECK_EDITOR"

# answer -> decision; None means skip, "quit" stops the walk
_ANSWERS: dict[str, str | None] = {
    "c": "confirmed", "confirm": "confirmed", "confirmed": "confirmed",
    "d": "dismissed", "dismiss": "dismissed", "dismissed": "dismissed",
    "r": "corrected", "correct": "corrected", "corrected": "corrected",
    "n": "needs_info", "needs info": "needs_info", "needs_info": "needs_info",
    "s": None, "skip": None, "": None,
    "q": "quit", "quit": "quit",
}
QUESTION = "[c]onfirm, [d]ismiss, co[r]rected, [n]eeds info, [s]kip, [q]uit?"
NOTE_QUESTION = "Note (optional, Enter for none):"


class ReviewError(ValueError):
    """A review that cannot be recorded: unknown discrepancy or status."""


def default_editor() -> str:
    """Who is reviewing: $CLAIMCHECK_EDITOR, else the login name."""
    try:
        return os.environ.get(EDITOR_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers
        return "editor"


def resolve(store: Store, discrepancy_id: str) -> str:
    """The full id from what an editor typed (a unique prefix will do)."""
    try:
        return store.resolve_discrepancy_id(discrepancy_id.strip())
    except UnknownDiscrepancy:
        raise ReviewError(
            f"no discrepancy has an id starting with {discrepancy_id!r} "
            "(or several do: type more of it)"
        ) from None


def checked_status(status: str) -> Status:
    if status not in DECISIONS:
        raise ReviewError(f"unknown status {status!r}; use one of {', '.join(DECISIONS)}")
    return cast(Status, status)


def record_review(
    store: Store, discrepancy_id: str, status: str, editor: str, note: str | None = None
) -> Review:
    """Append a decision on one discrepancy; it becomes the discrepancy's status."""
    decided = checked_status(status)
    full_id = resolve(store, discrepancy_id)
    note = note.strip() if note and note.strip() else None
    return store.add_review(full_id, decided, editor.strip() or default_editor(), note)


def review_history(store: Store, discrepancy_id: str) -> tuple[Discrepancy | None, list[Review]]:
    """A discrepancy (None once a re-run no longer finds it) and its reviews, oldest first."""
    full_id = resolve(store, discrepancy_id)
    found = store.discrepancies(status="all", ids=[full_id])
    return (found[0] if found else None), store.reviews(full_id)


def history_words(discrepancy_id: str, d: Discrepancy | None, reviews: list[Review]) -> str:
    """The audit trail as lines of text."""
    head = (f"{d.id} {d.type} ({d.severity}), status {d.status}" if d
            else f"{discrepancy_id} (no longer found by reconciliation)")
    lines = [head]
    lines += [f"  {r.at:%Y-%m-%d %H:%M:%S} {r.status:<10} by {r.editor}"
              + (f": {r.note}" if r.note else "") for r in reviews]
    if not reviews:
        lines.append("  no reviews yet")
    return "\n".join(lines)


@dataclass
class WalkResult:
    decided: list[Review] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    quit: bool = False

    def words(self) -> str:
        stopped = " (quit)" if self.quit else ""
        return f"{len(self.decided)} decided, {len(self.skipped)} skipped{stopped}"


def _answer(ask: Callable[[str], str], show: Callable[[str], None]) -> str | None:
    """The editor's decision, asking again until the answer is one we know."""
    while True:
        try:
            raw = ask(QUESTION)
        except EOFError:
            return "quit"
        key = " ".join(raw.strip().lower().replace("_", " ").split())
        if key in _ANSWERS:
            return _ANSWERS[key]
        show(f"Please answer one of: {QUESTION}")


def _note(ask: Callable[[str], str]) -> str | None:
    try:
        note = ask(NOTE_QUESTION).strip()
    except EOFError:
        return None
    return note or None


def _still_open(store: Store, discrepancy_id: str) -> bool:
    """Another editor may have decided it since the walk began."""
    return bool(store.discrepancies(status="open", ids=[discrepancy_id]))


def walk_open(
    store: Store,
    show: Callable[[str], None],
    ask: Callable[[str], str],
    editor: str,
    *,
    severity: str | None = None,
    article_id: str | None = None,
    color: bool = False,
) -> WalkResult:
    """Show each open discrepancy and record the editor's answer before moving on.

    ``ask`` receives a question and returns the answer typed; raising EOFError ends the walk.
    """
    result = WalkResult()
    pending = store.discrepancies(status="open", severity=severity, article_id=article_id)
    if not pending:
        show("No open discrepancies.")
        return result
    for n, d in enumerate(pending, 1):
        if not _still_open(store, d.id):
            continue
        item = build_items(store, [d])[0]
        show(f"\n({n}/{len(pending)})\n{render_item(item, color)}")
        decision = _answer(ask, show)
        if decision == "quit":
            result.quit = True
            break
        if decision is None:
            result.skipped.append(d.id)
            continue
        note = _note(ask)
        result.decided.append(store.add_review(d.id, cast(Status, decision), editor, note))
        show(f"Saved: {decision}.")
    show(result.words())
    return result


__all__ = [
    "DECISIONS", "ReviewError", "WalkResult", "checked_status", "default_editor",
    "history_words", "record_review", "resolve", "review_history", "walk_open",
]
