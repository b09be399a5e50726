"""Every report format renders the discrepancies the seeds really produce."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.report.build import build_report
from claimcheck.store import Store

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", db])
    assert result.exit_code == 0, result.output
    return db


def test_seeds_produce_the_expected_kinds_of_discrepancy(seeded_db: str) -> None:
    types = {d.type for d in Store(seeded_db).discrepancies()}
    assert {"period_mismatch", "magnitude_anomaly", "internal"} <= types


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_every_format_renders_every_seed_discrepancy(
    seeded_db: str, fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / f"report.{fmt}"
    result = CliRunner().invoke(
        main, ["report", "--db", seeded_db, "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rendered = out.read_text(encoding="utf-8")
    discrepancies = Store(seeded_db).discrepancies()
    assert discrepancies
    for d in discrepancies:
        assert d.id in rendered, (fmt, d.id)
    if fmt == "json":
        json.loads(rendered)
    if fmt == "html":
        assert "<mark" in rendered and "http://" not in rendered.split("<body")[0]


def test_check_prints_the_period_misattribution(tmp_path: Path) -> None:
    db = str(tmp_path / "check.db")
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--db", db])
    assert result.exit_code == 0, result.output
    assert "period_mismatch" in result.output
    assert "4.12 trillion" in result.output and "last week of February" in result.output


def test_a_share_two_outlets_disagree_on_prefers_the_one_that_follows_from_the_figures(
    tmp_path: Path,
) -> None:
    # en_15 states 57% of the two groups where its own 5.6T and 4.9T give 53.3%; zh_12 states
    # 53.3%: one source each, and the arithmetic finding breaks the tie
    articles = Path(__file__).parent.parent / "corpora" / "articles"
    db = str(tmp_path / "two.db")
    result = CliRunner().invoke(main, ["ingest", str(articles / "en_15_weekly_roundup.txt"),
                                       str(articles / "zh_12_weekly_36kr.txt"), "--db", db])
    assert result.exit_code == 0, result.output
    items = [i for i in build_report(Store(db)).items
             if i.discrepancy.type == "value_mismatch" and i.figures[0].claim.kind == "share"]
    assert [i.suggestion.preferred for i in items] == [53.3]
