"""Hostile and broken input: extraction never raises, regexes stay linear, files never crash.

Long runs (1 MB inputs, 100,000 articles) are in benchmarks/; these stay within seconds.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import multiprocessing
import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.synth import articles as synthetic_articles
from claimcheck import batch, copies
from claimcheck.batch import ingest
from claimcheck.extract import extract
from claimcheck.ingest import LoadedArticle, Problem, load_articles
from claimcheck.ingest.text import normalize_text
from claimcheck.models import Article, Claim
from claimcheck.store import Store
from claimcheck.store.database import SCHEMA_VERSION

DATA = Path(__file__).resolve().parent / "data"

# Pieces the extractor reacts to, so random strings reach its deeper paths.
FRAGMENTS = [
    "4.12", "trillion", " tokens", "万亿", "亿", "Token", "$", "¥", "0.30", "/M", "per 1K",
    "%", "+45", "–5", "−12", "×", "10^13", "No. 1", "第二", "ten-fold", "one-eighteenth",
    "week of Feb 9-15, 2026", "last week", "2月16日-22日", "about ", "over ", "Chinese models",
    "MiniMax M2.5", "Kimi K2.5", "DeepSeek", "OpenRouter", "\u202f", "\u00a0", "—", "１２３",
    "，", "。", ". ", "\n", "\n\n", "(", ")", "\x00", "\x1b[31m", "🚀", "\ud7ff", "ﷺ", "\u200b",
    "1,234,567", "1.", "..", "e", "T", "B", "M", "K",
    # letters that case-fold onto ASCII ones ("doubleſ" once matched a word no list holds)
    "doubleſ", "ſ", "K", "İ", "ı",
]


def _check_spans(text: str, published: dt.date | None = None, lang: str | None = None) -> None:
    for claim in extract(text, published, lang):
        start, end = claim.span
        assert 0 <= start < end <= len(text), claim
        assert text[start:end].strip(), claim


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_unicode_string_gives_claims_or_nothing(text: str) -> None:
    _check_spans(text)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=60).map("".join),
    st.sampled_from([None, "en", "zh"]),
    st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
)
def test_figure_like_noise_gives_valid_spans(text: str, lang: str | None,
                                             published: dt.date | None) -> None:
    _check_spans(text, published, lang)


# Each must finish far below this: a backtracking regex or a quadratic loop takes minutes.
DEADLINE_SECONDS = 8.0


def _finishes_in_time(text: str, seconds: float = DEADLINE_SECONDS) -> None:
    """Extract (and check) ``text`` in a forked child, killed at the deadline: a regression
    fails this test in seconds instead of hanging the suite for minutes."""
    context = multiprocessing.get_context("fork")
    child = context.Process(target=_extract_and_normalize, args=(text,))
    started = time.perf_counter()
    child.start()
    child.join(seconds)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"extraction of {text[:12]!r}... ({len(text)} chars) took over {seconds} s")
    assert child.exitcode == 0, "extraction raised (see the captured stderr)"
    assert time.perf_counter() - started < seconds


def _extract_and_normalize(text: str) -> None:
    _check_spans(text)
    normalize_text(text)


def test_a_100k_character_line() -> None:
    line = " ".join(["Chinese models processed 4.12\u202ftrillion tokens, up 12% 🚀"] * 2000)
    assert len(line) > 100_000 and "\n" not in line
    _finishes_in_time(line)


@pytest.mark.parametrize("text", ["Prices doubleſ.", "tenfoldſ", "İstanbul tripled", "KIMI"])
def test_case_folded_lookalikes_do_not_raise(text: str) -> None:
    _check_spans(text)


def test_a_line_longer_than_a_spacy_doc_allows() -> None:
    # spaCy refuses Docs over 1,000,000 characters; a sentence is cut into pieces long before
    line = "Kimi used 4.12 trillion tokens, " * 32_000
    assert len(line) > 1_000_000
    claims = extract(line, None, "en")
    assert len(claims) > 30_000
    assert all(line[c.span[0] : c.span[1]].startswith("4.12 trillion") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 50_000, "$" * 50_000, "1." * 20_000, "(" * 20_000, "trillion " * 10_000,
        "1," * 20_000, "1 " * 25_000, "-" * 50_000, "万亿" * 10_000, "第" * 30_000,
        "１" * 50_000, "1.1." * 10_000, "$1" * 20_000, "%" * 50_000, "\u202f" * 50_000,
        "No. " * 10_000, "a" * 50_000, " " * 50_000 + "x", "4.12T " * 8_000, "10^" * 15_000,
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_pathological_input_is_fast(text: str) -> None:
    _finishes_in_time(text)


def _seconds_per_char(text: str) -> float:
    started = time.perf_counter()
    extract(text, dt.date(2026, 3, 1), "en")
    return (time.perf_counter() - started) / len(text)


def test_time_per_character_stays_flat() -> None:
    body = "\n\n".join(r["text"] for r in synthetic_articles(60, seed=3, zh_share=0.0))
    small, large = body[:10_000], body[:150_000]
    _seconds_per_char(small)  # warm the pipeline and caches
    ratio = _seconds_per_char(large) / _seconds_per_char(small)
    assert ratio < 3, f"15x the text took {ratio:.1f}x the time per character"


# -- files ------------------------------------------------------------------------------

def _loaded(*paths: Path) -> tuple[list[LoadedArticle], list[Problem]]:
    items = list(load_articles([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, LoadedArticle)],
            [i for i in items if isinstance(i, Problem)])


def test_invalid_utf8_goes_in_with_a_warning(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "dirty.txt"
    path.write_bytes(b"Chinese models processed 4.12 trillion tokens last week. " * 10
                     + b"\xc3\x28 and \xff more.")
    summary = ingest(store, [str(tmp_path)])
    assert summary.new == 1 and summary.ok
    [warning] = summary.problems
    assert not warning.fatal and str(path) in str(warning) and "replaced" in warning.reason
    assert "\ufffd" in store.articles()[0].text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_file_with_bom(tmp_path: Path, encoding: str) -> None:
    text = "中国模型的调用量达到4.12万亿Token。\nChinese models: 5.16 trillion tokens."
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    (tmp_path / "wide.txt").write_bytes(bom + text.encode(encoding))
    [article], problems = _loaded(tmp_path / "wide.txt")
    assert article.article.text == text and not problems


def _feed_line(text: str) -> bytes:
    return (json.dumps({"text": text, "source": "Wire"}, ensure_ascii=False) + "\n").encode()


@pytest.mark.parametrize(
    ("lines", "articles", "problems"),
    [
        # a bad byte in line 2: it goes in with a warning naming the line
        ([_feed_line("One: 4.12 trillion tokens."),
          _feed_line("Two: 5.16 trillion tokens.").replace(b"Two", b"Tw\xff")], 2, ["#2"]),
        # a UTF-8 BOM, CRLF endings and blank lines are fine
        ([codecs.BOM_UTF8 + _feed_line("One: 1 trillion.").replace(b"\n", b"\r\n"), b"\n",
          _feed_line("Two: 2 trillion.")], 2, []),
        # U+2028 is legal inside a JSON string: the record is not cut in two
        ([_feed_line("First line\u2028second: 3 trillion tokens.")], 1, []),
        # NUL bytes past the sniffed head make that line's problem only
        ([_feed_line("One: 1 trillion.")] * 400 + [b"\x00\x01\x02\n",
          _feed_line("Last: 2 trillion.")], 2, ["#401"]),
        ([b"\n", b"  \n"], 0, [""]),  # an empty feed is named
    ],
)
def test_jsonl_feeds_are_read_line_by_line(
    tmp_path: Path, monkeypatch, lines: list[bytes], articles: int, problems: list[str],
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(lines))

    def whole_file(self: Path) -> bytes:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", whole_file)  # a feed may be larger than memory
    loaded, found = _loaded(path)
    assert len({a.article.id for a in loaded}) == articles
    assert [p.origin.removeprefix(str(path)) for p in found] == problems
    assert all(a.article.source == "Wire" for a in loaded)


def test_a_utf16_jsonl_feed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    feed = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\r\n"
                   for t in ("中国模型的调用量达到4.12万亿Token。", "Two: 5.16 trillion tokens."))
    path.write_bytes(codecs.BOM_UTF16_LE + feed.encode("utf-16-le"))
    loaded, problems = _loaded(path)
    assert [a.article.text[:2] for a in loaded] == ["中国", "Tw"] and not problems


def test_a_50_mb_article_is_read_without_trouble(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = "Chinese models processed 4.12 trillion tokens in the week of Feb 9-15, 2026.\n"
    with path.open("w", encoding="utf-8") as f:
        f.write(line * (50_000_000 // len(line) + 1))
    assert path.stat().st_size >= 50_000_000
    started = time.perf_counter()
    articles, problems = _loaded(path)
    # read as one article, or refused by name; never an exception, never silence
    assert len(articles) + len([p for p in problems if p.fatal]) == 1
    assert time.perf_counter() - started < 30


def test_an_empty_directory_is_a_quiet_no_op(tmp_path: Path, store: Store) -> None:
    (tmp_path / "empty").mkdir()
    summary = ingest(store, [str(tmp_path / "empty")])
    assert (summary.new, summary.unchanged, summary.failed, summary.problems) == (0, 0, 0, [])
    assert store.counts()["articles"] == 0


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    root = tmp_path / "dump"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "story.txt").write_text("Kimi K2.5 processed 1.2 trillion tokens.")
    os.symlink(root, root / "sub" / "loop")
    os.symlink(root / "sub", root / "again")
    os.symlink(tmp_path / "missing", root / "dangling.txt")
    started = time.perf_counter()
    articles, _problems = _loaded(root)
    assert len({a.article.id for a in articles}) == 1
    assert time.perf_counter() - started < 5


def test_unreadable_file_is_reported_and_the_rest_goes_in(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Chinese models processed 4.12 trillion tokens.")
    locked = tmp_path / "locked.txt"
    locked.write_text("Secret: 9.9 trillion tokens.")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the read fail as it would for others
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == "locked.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    summary = ingest(store, [str(tmp_path)])
    assert summary.new == 1 and summary.failed == 1
    assert "locked.txt" in str(summary.problems[0]) and "ermission" in str(summary.problems[0])


def test_an_article_that_breaks_the_extractor_is_reported_not_fatal(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}: Kimi K2.5 processed 1.2 trillion.")
    real = batch.extract_claims

    def fragile(article: Article, *, model: str | None = None) -> list[Claim]:
        if "Story b" in article.text:
            raise RecursionError("boom")
        return real(article, model=model)

    monkeypatch.setattr(batch, "extract_claims", fragile)
    summary = ingest(store, [str(tmp_path)])
    assert (summary.new, summary.failed) == (2, 1)
    assert "b.txt" in str(summary.problems[0]) and "extraction failed" in str(summary.problems[0])


def test_worker_processes_give_the_same_store_as_one_process(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n"
                            for r in synthetic_articles(24, seed=11, length=1200)))
    stores = []
    for jobs in (1, 2):
        store = Store(str(tmp_path / f"jobs{jobs}.db"))
        summary = ingest(store, [str(feed)], jobs=jobs, chunk_size=5)
        assert summary.new == 24 and summary.ok
        stores.append(store)
    one, two = (_contents(s) for s in stores)
    assert one == two


@pytest.mark.parametrize("worker_store", ["opens", "fails"])
def test_copies_found_by_workers_and_writer_are_those_one_process_finds(
    tmp_path: Path, monkeypatch, worker_store: str
) -> None:
    """With workers, a worker compares an article with the candidate copies stored when it
    extracts it; the writer looks for candidates again when it writes the article (copies
    still in flight then, or in its chunk) and compares only those the worker did not: the
    links are the ones a single process makes."""
    if worker_store == "fails":  # the writer compares every candidate itself
        parent, confirmed = os.getpid(), copies.confirmed

        def in_the_writer_only(*args: Any) -> dict[str, int]:
            if os.getpid() != parent:
                raise RuntimeError("the store cannot be read from a worker")
            return confirmed(*args)

        monkeypatch.setattr(copies, "confirmed", in_the_writer_only)
    records = list(synthetic_articles(16, seed=13, length=1200))
    copied = {1: 0, 3: 2, 9: 8, 12: 4, 15: 0}  # same chunk, next chunks, far apart
    for copy, original in copied.items():
        paragraph = max(records[original]["text"].split("\n\n"), key=len)
        records[copy]["text"] = f"Reposted.\n\n{paragraph}\n\n{records[copy]['text']}"
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    links = []
    for jobs in (1, 2):
        store = Store(str(tmp_path / f"links{jobs}.db"))
        assert ingest(store, [str(feed)], jobs=jobs, chunk_size=2).new == len(records)
        ids = [a.id for a in sorted(store.articles(), key=lambda a: records.index(
            next(r for r in records if normalize_text(r["text"]) == a.text)))]
        links.append({(ids.index(a), ids.index(b)) for a, bs in store.copies().items()
                      for b in bs})
    one, two = links
    assert {(c, o) for c, o in copied.items()} <= one
    assert one == two


def test_a_candidate_holding_a_whole_sentence_is_confirmed_without_comparing_texts(
    tmp_path: Path, monkeypatch
) -> None:
    """An identical sentence is a near-duplicate, which links two articles by itself: when
    the fingerprint index shows the sentence's hash and the candidate's text holds the
    sentence as written, the texts are not analysed and compared; the other candidates are,
    and the links are those the full comparison gives. A candidate holding the hash through
    another passage (a crc32 collision) is compared in full."""
    from claimcheck.reconcile import passage_fingerprints, sentence_fingerprints, shared_passages
    from claimcheck.store import NewArticle

    copied = ("Data from OpenRouter, the largest AI model API aggregation platform, shows "
              "Chinese models used 4.12 trillion tokens in the week of Feb 9-15.")
    usage = "US models used 2.94 trillion tokens and Google models 1.25 trillion tokens"
    prices = "The price fell to $0.28 per million tokens from $0.42 per million tokens"
    texts = {
        "new": f"{copied} {usage} that week. {prices} in January.",
        "copy": f"A reposted story. {copied} More news follows tomorrow from our desk.",
        # the same figures, reworded, in two sentences: two echoes
        "echo": "American models consumed 2.94 trillion tokens and Google models 1.25 "
                "trillion tokens. In January the price fell to $0.28 per million tokens from "
                "$0.42 per million tokens.",
        # the same figures in one sentence: one echo, not enough
        "other": "Numbers of the week: 2.94 trillion, 1.25 trillion, $0.28 and $0.42, none of "
                 "them about what this piece is about.",
        "collision": "An unrelated story about the weather in the mountains this weekend.",
    }
    articles = {k: Article(id=k, text=t, lang="en", published=dt.date(2026, 2, 20))
                for k, t in texts.items()}
    prints = {k: passage_fingerprints(t) for k, t in texts.items()}
    prints["collision"] |= set(sentence_fingerprints(texts["new"])) | prints["echo"]
    store = Store(str(tmp_path / "copies.db"))
    store.add_articles([NewArticle(a, [], [], prints[k])
                        for k, a in articles.items() if k != "new"])
    compared: list[str] = []

    def comparing(a: str, b: str) -> list[tuple[str, str, float]]:
        compared.append(next(k for k, t in texts.items() if t == b))
        return shared_passages(a, b)

    monkeypatch.setattr(copies, "shared_passages", comparing)
    candidates = store.copy_candidates("new", prints["new"], copies.MIN_SHARED_FINGERPRINTS)
    assert candidates == ["collision", "copy", "echo", "other"]
    found = copies.confirmed(store, articles["new"], candidates)
    assert sorted(compared) == ["collision", "echo", "other"]
    assert found.keys() == {k for k in candidates if shared_passages(texts["new"], texts[k])}
    assert found.keys() == {"copy", "echo"} and found["copy"] == 1


def _contents(store: Store) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    return ({a.id for a in store.articles()}, {c.id for c in store.claims()},
            {(d.id, ",".join(sorted(d.claim_ids))) for d in store.discrepancies()})


# -- schema upgrades --------------------------------------------------------------------

def test_a_database_of_the_oldest_schema_keeps_its_articles_and_reviews(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    shutil.copy(DATA / "schema_v1.sqlite", old)
    store = Store(str(old))
    counts = store.counts()
    assert counts == {"articles": 2, "claims": 2, "discrepancies": 1, "reviews": 2}
    [discrepancy] = store.discrepancies(status="all")
    assert discrepancy.status == "confirmed"
    assert sorted(discrepancy.claim_ids) == sorted(c.id for c in store.claims())
    assert [r.editor for r in store.reviews(discrepancy.id)] == ["editor-a", "editor-b"]
    assert {a.source for a in store.articles()} == {"Wire One", "Daily Two"}
    with sqlite3.connect(old) as conn:
        version = conn.execute(
            "SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()[0]
    assert version == str(SCHEMA_VERSION)
    # and it is still a working store
    store.add_review(discrepancy.id, "corrected", "editor-c", "Daily Two fixed its figure")
    assert Store(str(old)).discrepancies(status="corrected")[0].id == discrepancy.id


# -- other databases --------------------------------------------------------------------

@pytest.mark.skipif(not os.environ.get("CLAIMCHECK_TEST_PG_URL"),
                    reason="CLAIMCHECK_TEST_PG_URL: a scratch PostgreSQL database (emptied)")
def test_the_store_runs_on_postgresql() -> None:
    from sqlalchemy import text

    from claimcheck.store import NewArticle
    from claimcheck.store.database import session

    url = os.environ["CLAIMCHECK_TEST_PG_URL"]
    store = Store(url)
    with session(store.engine) as s, s.begin():
        for table in ("discrepancy_claims", "reviews", "discrepancies", "article_links",
                      "passage_fingerprints", "claims", "articles"):
            s.connection().execute(text(f"DELETE FROM {table}"))
    records = list(synthetic_articles(2, seed=2, length=800))
    items = [NewArticle(Article(id=f"pg{n}", text=r["text"]), [], [], {2**32 - 1, 7, n})
             for n, r in enumerate(records)]
    assert store.add_articles(items, pending="pg") == ["pg0", "pg1"]
    assert store.copy_candidates("pg0", {2**32 - 1, 7}, 2) == ["pg1"]  # unsigned hashes fit
    assert store.pending_articles() == {"pg": ["pg0", "pg1"]}
    store.clear_pending("pg")
    assert store.counts()["articles"] == 2
