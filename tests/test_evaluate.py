"""Evaluation against gold: the period-miss listing behind `eval --show-period-misses`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.evaluate import period_misses

_TEXT = "Chinese models processed 4.12 trillion tokens in the week of February 9-15, 2026.\n"


def _gold_dir(tmp_path: Path, start: str | None, end: str | None) -> Path:
    (tmp_path / "a.txt").write_text(_TEXT, encoding="utf-8")
    gold_dir = tmp_path / "corpora" / "gold"
    gold_dir.mkdir(parents=True)
    period = {"start": start, "end": end, "granularity": "week"} if start else None
    claim = {
        "kind": "token_volume",
        "subject": "Chinese models",
        "value": 4.12e12,
        "unit": "tokens",
        "qualifier": "exact",
        "period": period,
        "attributes": {},
        "text": "4.12 trillion tokens",
    }
    doc = {"article": "a.txt", "published": "2026-02-27", "lang": "en", "claims": [claim]}
    (gold_dir / "a.json").write_text(json.dumps(doc), encoding="utf-8")
    return gold_dir


@pytest.mark.parametrize(
    ("start", "end", "misses"),
    [
        ("2026-02-09", "2026-02-15", 0),  # same period: nothing to list
        ("2026-02-16", "2026-02-22", 1),  # other week: listed
        (None, None, 1),  # gold says no period, the text gives one: listed
    ],
)
def test_period_misses_rows(
    tmp_path: Path, start: str | None, end: str | None, misses: int
) -> None:
    rows = period_misses(_gold_dir(tmp_path, start, end))
    assert len(rows) == misses
    for row in rows:
        assert (row.gold_start, row.gold_end) == (start, end)
        assert (row.predicted_start, row.predicted_end) == ("2026-02-09", "2026-02-15")
        assert row.kind == "token_volume" and row.subject == "Chinese models"


def test_eval_show_period_misses_prints_one_line_per_row(tmp_path: Path) -> None:
    gold_dir = _gold_dir(tmp_path, "2026-02-16", "2026-02-22")
    result = CliRunner().invoke(main, ["eval", str(gold_dir), "--show-period-misses"])
    assert result.exit_code == 0, result.output
    assert "period misses (1):" in result.output
    line = next(x for x in result.output.splitlines() if x.startswith("  a.json:"))
    assert "gold=2026-02-16..2026-02-22" in line and "pred=2026-02-09..2026-02-15" in line
