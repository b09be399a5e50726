"""`claimcheck report` in every format, driven through the CLI on seed-like discrepancies."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.report import render_report
from tests.conftest_editors import Seeded, cli_main, seeded_store

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture()
def seeded(tmp_path: Path) -> Seeded:
    return seeded_store(tmp_path / "report.db")


@pytest.fixture()
def hostile(tmp_path: Path) -> Seeded:
    return seeded_store(tmp_path / "hostile.db", hostile=True)


def run(db: Seeded, *args: str, color: bool = False) -> str:
    result = CliRunner().invoke(cli_main(), ["report", "--db", db.store.url, *args], color=color)
    assert result.exit_code == 0, result.output
    return result.output


def test_text_report_groups_by_severity_and_shows_each_discrepancy(seeded: Seeded) -> None:
    out = run(seeded)
    assert out.index("HIGH SEVERITY") < out.index("MEDIUM SEVERITY") < out.index("LOW SEVERITY")
    for d in seeded.discrepancies.values():
        assert d.id in out
    assert "Chinese models, weekly token volume, week of 16\u201322 Feb 2026" in out
    assert "5.16 trillion tokens (National Business Daily, AI Large-Model Wave Guide) vs " \
           "4.12 trillion tokens" in out.replace("\n  ", " ")
    assert "Cael Lee (blog), 2026-06-24" in out
    assert "3 sources, 2 independent" in out
    assert "Computation: expected 9.8 trillion tokens, stated 98 trillion tokens" in out
    assert "Suggested reading:" in out
    assert "status open" in out
    assert "\u201cChinese models handled 9.8 \u00d7 10^13 tokens in a single day" in out


def test_text_report_is_plain_when_piped_and_colored_on_request(seeded: Seeded) -> None:
    assert not ANSI.search(run(seeded))
    colored = run(seeded, "--color", color=True)
    assert ANSI.search(colored)
    # the figure itself is highlighted, not the whole quote
    assert re.search(r"\x1b\[[0-9;]*m5\.16\u202ftrillion Tokens\x1b\[0m", colored)
    assert ANSI.sub("", colored) == run(seeded)


def test_render_report_text_uses_color_only_when_asked(seeded: Seeded) -> None:
    assert not ANSI.search(render_report(seeded.store, "text"))
    assert ANSI.search(render_report(seeded.store, "text", color=True))


def test_markdown_report(seeded: Seeded) -> None:
    out = run(seeded, "--format", "md")
    assert out.startswith("# claimcheck discrepancy report")
    assert "## High severity (1)" in out
    assert "| Figure | Outlet | Published | Quote |" in out
    assert "**4.12 trillion tokens**" in out
    assert "**Independence:** 3 sources, 2 independent" in out
    for d in seeded.discrepancies.values():
        assert f"`{d.id}`" in out
    # a dollar sign would start inline math in some wikis
    assert "\\$0.30 per 1M tokens" in out


def test_markdown_escapes_article_text(hostile: Seeded) -> None:
    out = run(hostile, "--format", "md")
    # every angle bracket from the article is backslash-escaped, so no HTML survives
    assert not re.search(r"(?<!\\)[<>]", out)
    assert "\\<script\\>" in out
    assert "**\\<b\\>3 trillion\\</b\\> tokens**" in out


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)


def _parsed(page: str) -> _Collector:
    parser = _Collector()
    parser.feed(page)
    return parser


def test_html_report_is_one_self_contained_page(seeded: Seeded, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    run(seeded, "--format", "html", "-o", str(target))
    page = target.read_text(encoding="utf-8")
    parsed = _parsed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "style" in parsed.tags and "script" not in parsed.tags
    assert not [v for k, v in parsed.attrs if k in ("src",) or (k == "href" and v and
                v.startswith("http") and "nbd.com.cn" not in v)]
    assert "<link" not in page and "@import" not in page and "url(" not in page
    # summary counts by type, severity and status
    assert "Figures disagree (value_mismatch)</td><td>1</td>" in page
    assert "<th>Severity</th>" in page and "<th>Status</th>" in page
    # one card per discrepancy, figures marked from their spans
    assert page.count('<article class="card') == len(seeded.discrepancies)
    assert "<mark>5.16\u202ftrillion Tokens</mark>" in page
    assert "<mark>9.8 \u00d7 10^13 tokens</mark>" in page
    # per-article claim tables
    for article_id in seeded.articles:
        assert f'id="article-{article_id}"' in page
    assert 'id="claim-c-price"' in page
    # a claim row links back to the card of the discrepancy it takes part in
    magnitude = seeded.discrepancies["d-magnitude"].id
    assert f'<a href="#d-{magnitude}">{magnitude}</a>' in page
    assert f'<article class="card medium" id="d-{magnitude}">' in page


def test_html_escapes_hostile_text(hostile: Seeded) -> None:
    page = run(hostile, "--format", "html", "--status", "all")
    parsed = _parsed(page)
    assert "script" not in parsed.tags and "img" not in parsed.tags and "b" not in parsed.tags
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page
    assert "<mark>&lt;b&gt;3 trillion&lt;/b&gt; tokens</mark>" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title
    assert 'href="javascript:' not in page  # only http(s) article URLs become links


def test_json_report(seeded: Seeded) -> None:
    data = json.loads(run(seeded, "--format", "json"))
    assert data["schema_version"] == "1"
    assert data["summary"]["severity"] == {"high": 1, "low": 1, "medium": 1}
    by_id = {d["id"]: d for d in data["discrepancies"]}
    value = by_id[seeded.discrepancies["d-value"].id]
    assert value["slot"] == "Chinese models, weekly token volume, week of 16\u201322 Feb 2026"
    assert value["independence"] == {"sources": 3, "independent": 2,
                                     "copy_groups": [["a-copy", "a-nbd"]]}
    assert {c["outlet"] for c in value["claims"]} == {
        "National Business Daily", "AI Large-Model Wave Guide", "Cael Lee (blog)"}
    magnitude = by_id[seeded.discrepancies["d-magnitude"].id]
    assert magnitude["suggestion"]["preferred"] == 9.8e12
    assert magnitude["suggestion"]["disputed_claim_ids"] == ["c-daily"]


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        ((), {"d-value", "d-magnitude", "d-ratio"}),
        (("--severity", "high"), {"d-value"}),
        (("--article", "a-brief"), {"d-magnitude", "d-ratio"}),
        (("--article", "a-bl"), {"d-value"}),  # a unique prefix of an article id
        (("--status", "confirmed"), set()),
        (("--status", "all"), {"d-value", "d-magnitude", "d-ratio"}),
    ],
)
def test_report_filters(seeded: Seeded, args: tuple[str, ...], shown: set[str]) -> None:
    data = json.loads(run(seeded, "--format", "json", *args))
    assert {d["id"] for d in data["discrepancies"]} == {
        seeded.discrepancies[k].id for k in shown}


def test_reviewed_discrepancies_leave_the_default_report(seeded: Seeded) -> None:
    seeded.store.add_review(seeded.discrepancies["d-ratio"].id, "dismissed", "ana", "fine")
    assert seeded.discrepancies["d-ratio"].id not in run(seeded)
    everything = run(seeded, "--status", "all")
    assert "Last review: dismissed by ana" in everything


def test_unknown_article_is_a_clear_error(seeded: Seeded) -> None:
    result = CliRunner().invoke(cli_main(), ["report", "--db", seeded.store.url,
                                             "--article", "nope"])
    assert result.exit_code == 2
    assert "no single article id starts with 'nope'" in result.output


def test_empty_store_reports_nothing_to_review(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_main(), ["report", "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 0
    assert "0 discrepancies" in result.output and "Nothing to review." in result.output


def test_unknown_format_is_rejected(seeded: Seeded) -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render_report(seeded.store, "pdf")
