"""Readers, decoding, metadata and the ingest batch: good input goes in, bad input is named."""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path

import pytest

from claimcheck.batch import IngestSummary, ingest
from claimcheck.ingest import NO_DEFAULTS, Defaults, Problem, load_article, load_articles
from claimcheck.ingest.metadata import detected_language, inferred_published, inferred_source
from claimcheck.ingest.readers import parse_front_matter
from claimcheck.ingest.text import DecodeError, article_id, decode, normalize_text
from claimcheck.store import Store

from .conftest import SEEDS


def _load(*paths: Path, defaults: Defaults = NO_DEFAULTS) -> list:
    return list(load_articles([str(p) for p in paths], defaults))


def test_seeds_go_in_with_their_metadata(store: Store) -> None:
    summary = ingest(store, [str(SEEDS)])
    assert (summary.new, summary.unchanged, summary.failed) == (5, 0, 0)
    by_source = {a.source: a for a in store.articles()}
    assert by_source["National Business Daily"].published is None
    blog = by_source["Cael Lee (blog)"]
    assert blog.published == dt.date(2026, 6, 24)
    assert all(a.lang == "en" for a in store.articles())


def test_a_caller_can_watch_the_summary_during_the_run(store: Store) -> None:
    summary = IngestSummary()
    seen: list[int] = []
    result = ingest(store, [str(SEEDS)], progress=lambda _: seen.append(summary.new),
                    summary=summary)
    assert result is summary and summary.new == 5
    assert seen[-1] == 5  # filled while the run goes on, not only when it returns
    assert sum(n for n, _ in summary.reconciliations) == 5


def test_the_caller_is_told_when_the_last_batch_starts(store: Store) -> None:
    stages: list[str] = []
    ingest(store, [str(SEEDS)], stage=stages.append)
    assert stages == ["Reconciling 5 articles"]
    ingest(store, [str(SEEDS)], stage=stages.append)  # nothing new: nothing to wait for
    assert stages == ["Reconciling 5 articles"]


def test_objects_alive_at_the_start_are_left_to_the_children_during_the_run(
    store: Store,
) -> None:
    """Forked workers share the writer's memory while nothing writes to it: the collector is
    kept off what was alive when the run started, and given it back at the end."""
    frozen: list[int] = []
    ingest(store, [str(SEEDS)], progress=lambda _: frozen.append(gc.get_freeze_count()))
    assert min(frozen) > 0 and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own frozen objects stay frozen
    try:
        ingest(store, [str(SEEDS)])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_reingest_adds_nothing(store: Store) -> None:
    first = ingest(store, [str(SEEDS)])
    counts = store.counts()
    second = ingest(store, [str(SEEDS)])
    assert (second.new, second.unchanged, second.failed) == (0, 5, 0)
    assert store.counts() == counts
    assert first.claims == store.counts()["claims"]


def test_same_text_with_other_whitespace_is_the_same_article(tmp_path: Path, store: Store) -> None:
    (tmp_path / "a.txt").write_text(
        "Title\r\n\r\nChinese models processed 4.12 trillion tokens.  \r\n"
    )
    (tmp_path / "b.txt").write_text("Title\n\nChinese models processed 4.12 trillion tokens.\n\n\n")
    summary = ingest(store, [str(tmp_path)])
    assert (summary.new, summary.unchanged) == (1, 1)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"   \n\n", "empty"),
        ("latin1.txt", "Caf\xe9 na\xefve \xe0 ".encode("latin-1") * 20, "not UTF-8"),
        ("notes.docx", b"PK\x03\x04 word", "unsupported file type"),
        ("bad.json", b'{"text": "x",', "malformed JSON"),
        ("list.json", b"[1]", "not an object"),
        ("notext.json", b'{"title": "no body"}', "no 'text'"),
    ],
)
def test_bad_input_is_one_clear_line(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problems = [p for p in _load(path) if isinstance(p, Problem)]
    assert len(problems) == 1
    assert problems[0].fatal
    assert str(path) in str(problems[0]) and reason in str(problems[0])
    assert "\n" not in str(problems[0])


def test_missing_path_is_reported_and_others_still_go_in(tmp_path: Path, store: Store) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Chinese models processed 4.12 trillion tokens in the week of Feb 9-15, 2026.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    summary = ingest(store, [str(tmp_path / "missing.txt"), str(tmp_path)])
    assert summary.new == 1 and summary.failed == 2
    reasons = " | ".join(str(p) for p in summary.problems)
    assert "missing.txt: no such file or directory" in reasons
    assert "bad.txt: binary file" in reasons


def test_a_few_invalid_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "mostly.txt"
    path.write_bytes(
        ("Chinese models processed 4.12 trillion tokens. " * 20).encode() + b"\xff\xfe!"
    )
    items = _load(path)
    warnings = [p for p in items if isinstance(p, Problem)]
    articles = [a for a in items if not isinstance(a, Problem)]
    assert len(articles) == 1 and "\ufffd" in articles[0].article.text
    assert len(warnings) == 1 and not warnings[0].fatal and "replaced" in warnings[0].reason


def test_utf16_with_bom_is_read() -> None:
    text, warnings = decode("中国模型 4.12万亿Token".encode("utf-16"))
    assert text == "中国模型 4.12万亿Token" and warnings == []


def test_decode_rejects_empty() -> None:
    with pytest.raises(DecodeError):
        decode(b"  \n")


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        '---\ntitle: "Token race"\nurl: https://example.com/a\nsource: Example Wire\n'
        "published: 2026-03-02\nlang: en\n---\n# Token race\n\nBody with 5.16 trillion tokens.\n"
    )
    [loaded] = _load(path)
    article = loaded.article
    assert (article.title, article.url, article.source) == (
        "Token race",
        "https://example.com/a",
        "Example Wire",
    )
    assert article.published == dt.date(2026, 3, 2) and article.published_origin == "metadata"
    assert article.text.startswith("# Token race")


def test_front_matter_parser_keeps_simple_values() -> None:
    assert parse_front_matter("title: 'A: B'\npublished:\n# comment\nlang: zh") == {
        "title": "A: B",
        "published": None,
        "lang": "zh",
    }


def test_html_reader_strips_markup_scripts_and_styles(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Prices &amp; tokens</title><style>p{color:red}</style></head>"
        "<body><script>var x = '9.9 trillion tokens';</script><h1>Prices</h1>"
        "<p>Input costs <b>$0.30</b> per million tokens.</p>"
        "<p>A &lt;script&gt; tag.</p></body></html>"
    )
    [loaded] = _load(path)
    assert loaded.article.title == "Prices & tokens"
    assert "Input costs $0.30 per million tokens." in loaded.article.text
    assert "A <script> tag." in loaded.article.text
    assert "9.9 trillion" not in loaded.article.text and "color" not in loaded.article.text


def test_jsonl_reader_reports_a_bad_line_by_number(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    records = [
        json.dumps(
            {"text": "First story: 4.12 trillion tokens.", "source": "A", "published": "2026-02-20"}
        ),
        "{not json",
        json.dumps({"text": "Second story: 5.16 trillion tokens.", "title": "Two", "lang": "en"}),
    ]
    path.write_text("\n".join(records) + "\n")
    items = _load(path)
    problems = [p for p in items if isinstance(p, Problem)]
    articles = [a.article for a in items if not isinstance(a, Problem)]
    assert [p.origin for p in problems] == [f"{path}#2"]
    assert [a.source for a in articles] == ["A", None]
    assert articles[0].published == dt.date(2026, 2, 20)
    assert articles[1].title == "Two"


def test_cli_defaults_fill_missing_metadata_only(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nsource: Own\n---\nText with 3 trillion tokens.\n")
    defaults = Defaults(published=dt.date(2026, 3, 1), source="Fallback", lang="en")
    [loaded] = _load(path, defaults=defaults)
    assert loaded.article.source == "Own"
    assert loaded.article.published == dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Title\nGenerated: 2026-06-24 04:57:20\n---\nBody", dt.date(2026, 6, 24)),
        ("Title\nPublished: March 3, 2026\nBody", dt.date(2026, 3, 3)),
        ("Title\nUpdated on 4 Feb 2026\nBody", dt.date(2026, 2, 4)),
        ("BEIJING, March 2, 2026 (Wire) - Chinese models ...", dt.date(2026, 3, 2)),
        ("标题\n发布时间：2026年3月2日\n正文", dt.date(2026, 3, 2)),
        # a masthead or byline line that ends on the date, or a line that is only the date
        ("THE TOKEN TALLY\nIssue #14 · Monday, March 16, 2026\nHi all,", dt.date(2026, 3, 16)),
        ("Headline\nBy Jane Doe | March 31, 2026\nBody", dt.date(2026, 3, 31)),
        ("Headline\nMarch 31, 2026\nBody", dt.date(2026, 3, 31)),
        ("标题\n2026年4月21日\n正文", dt.date(2026, 4, 21)),
        ("标题\n36氪 · 2026年4月21日 08:30\n正文", dt.date(2026, 4, 21)),
        ("Headline\n2026-04-21 08:30\nBody", dt.date(2026, 4, 21)),
        # must NOT: a date inside a sentence is news, not the publication date
        ("Chinese models led in the week to March 1, 2026\nBody", None),
        ("In February 2026 Chinese models processed 4.12 trillion tokens.", None),
        ("2026年4月13日至19日当周，中国模型周调用量达5.6万亿Token。", None),
        ("NetEase data published on Feb. 26, 2026, shows" + " x" * 400, None),
    ],
)
def test_inferred_published(head: str, expected: dt.date | None) -> None:
    assert inferred_published(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("BEIJING, March 2, 2026 (Reuters) - Chinese AI models ...", "Reuters"),
        ("SHANGHAI, March 2 (Bloomberg) — Chinese AI models ...", "Bloomberg"),
        ("Source: South China Morning Post\nText", "South China Morning Post"),
        ("界面新闻记者 | 李明\n2026年3月11日\n\n正文", "界面新闻"),
        ("第一财经记者 王晶\n正文", "第一财经"),
        ("36氪 · 2026年4月21日 08:30\n正文", "36氪"),
        # must NOT: a name in parentheses in the text, a byline without an outlet
        ("By Jane Doe | March 31, 2026\nChinese models (DeepSeek) - big", None),
        ("据OpenRouter数据，记者注意到国产模型调用量上升", None),
    ],
)
def test_inferred_source(head: str, expected: str | None) -> None:
    assert inferred_source(head) == expected


def test_metadata_source_wins_over_a_byline(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nsource: Caixin\n---\n\n第一财经记者 王晶\n国产模型调用量上升。\n",
                    encoding="utf-8")
    assert load_article(path).source == "Caixin"


def test_inferred_date_is_marked_inferred_and_never_today(tmp_path: Path) -> None:
    dated = tmp_path / "dated.txt"
    dated.write_text("Story\nGenerated: 2026-06-24 04:57:20\nChinese models: 4.12 trillion tokens.")
    undated = tmp_path / "undated.txt"
    undated.write_text("Story\nChinese models: 4.12 trillion tokens last week.")
    loaded = {Path(a.origin).name: a.article for a in _load(dated, undated)}
    assert loaded["dated.txt"].published == dt.date(2026, 6, 24)
    assert loaded["dated.txt"].published_origin == "inferred"
    assert loaded["undated.txt"].published is None
    assert loaded["undated.txt"].published_origin is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中国模型的调用量达到4.12万亿Token，超过美国模型。", "zh"),
        ("Chinese models processed 4.12 trillion tokens.", "en"),
        (
            "中国AI调用量首超美国 (English)\nIt was an ordinary weekday evening in March 2026, "
            "and the story went on in English for a long while.",
            "en",
        ),
    ],
)
def test_language_detection(text: str, lang: str) -> None:
    assert detected_language(text) == lang


def test_article_id_depends_on_normalized_text_only() -> None:
    assert article_id("a\r\nb  \n") == article_id("a\nb")
    assert article_id("a b") != article_id("a c")
    assert normalize_text("x\u202fy") == "x\u202fy"  # Unicode spaces are kept for quoting
