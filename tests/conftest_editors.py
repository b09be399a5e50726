"""Hand-made articles, claims and discrepancies for the editors' tests (report, review, export).

They are modelled on the seed articles' discrepancies (4.12T vs 5.16T weekly token volume of
Chinese models, a 9.8 x 10^13 magnitude slip, a price ratio) but do not depend on what the
extractor or the reconciler find: the tests of those live with them.
"""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import click

from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.store import Store

WEEK = Period(start=dt.date(2026, 2, 16), end=dt.date(2026, 2, 22), granularity="week",
              text="the week from the 16th to the 22nd", resolution="explicit")

NBD_TEXT = (
    "In February, there was a surge in AI usage.\n"
    "During the week from the 16th to the 22nd, the weekly call volume of Chinese models "
    "further soared to 5.16\u202ftrillion Tokens, a 127% increase in three weeks.\n"
)
COPY_TEXT = (
    "Why China's AI usage surpassed the US.\n"
    "During the week from the 16th to the 22nd, the weekly call volume of Chinese models "
    "further soared to 5.16 trillion Tokens, a 127% increase in three weeks.\n"
)
BLOG_TEXT = (
    "It\u2019s not what you think!\n"
    "According to OpenRouter, in the last week of February: Chinese models processed "
    "4.12 trillion tokens, while US models processed 2.94 trillion.\n"
)
BRIEF_TEXT = (
    "China Overtakes US in AI Calls.\n"
    "Chinese models handled 9.8 \u00d7 10^13 tokens in a single day, the platform said.\n"
    "MiniMax M2.5 charges $0.30 per million input tokens, one-eighteenth of the $15 "
    "Claude charges.\n"
)
HOSTILE_TEXT = (
    "<script>alert('pwned')</script> Weekly volume hit <b>3 trillion</b> tokens & more.\n"
)


def article(aid: str, text: str, **meta: Any) -> Article:
    return Article(id=aid, text=text, lang=meta.pop("lang", "en"), **meta)


def claim(a: Article, cid: str, figure: str, sentence_start: str, **fields: Any) -> Claim:
    """A claim whose span is the figure's position in the article and quote its sentence."""
    start = a.text.index(figure)
    line_start = a.text.rfind("\n", 0, start) + 1
    line_end = a.text.index("\n", start)
    quote = a.text[line_start:line_end]
    assert quote.startswith(sentence_start)
    defaults: dict[str, Any] = {
        "kind": "token_volume", "subject": "Chinese models", "subject_text": "Chinese models",
        "unit": "tokens", "period": WEEK, "confidence": 0.9,
    }
    defaults.update(fields)
    return Claim(id=cid, article_id=a.id, quote=quote, span=(start, start + len(figure)),
                 **defaults)


@dataclass
class Seeded:
    store: Store
    articles: dict[str, Article]
    claims: dict[str, Claim]
    discrepancies: dict[str, Discrepancy]


def seeded_store(path: Path, hostile: bool = False) -> Seeded:
    """A store holding seed-like articles, claims and three discrepancies (four if hostile).

    Built once per session and copied: a file copy is much faster than the inserts."""
    template = _template(hostile)
    shutil.copyfile(template.store.url.removeprefix("sqlite:///"), path)
    return Seeded(Store(str(path)), template.articles, template.claims, template.discrepancies)


@lru_cache(maxsize=2)
def _template(hostile: bool) -> Seeded:
    directory = tempfile.mkdtemp(prefix="claimcheck-editors-")
    atexit.register(shutil.rmtree, directory, True)
    seeded = _build(Path(directory) / "seeded.db", hostile)
    seeded.store.close()  # the last connection closing checkpoints the WAL into the file
    return seeded


def _build(path: Path, hostile: bool) -> Seeded:
    store = Store(str(path))
    nbd = article("a-nbd", NBD_TEXT, title="China's AI call volume exceeded the US",
                  source="National Business Daily", published=dt.date(2026, 3, 2),
                  published_origin="inferred", url="https://www.nbd.com.cn/articles/1.html")
    copy = article("a-copy", COPY_TEXT, title="Why China's AI usage surpassed the US",
                   source="AI Large-Model Wave Guide")
    blog = article("a-blog", BLOG_TEXT, title="中国AI调用量首超美国", source="Cael Lee (blog)",
                   published=dt.date(2026, 6, 24), published_origin="metadata")
    brief = article("a-brief", BRIEF_TEXT, title="China Overtakes US in AI Calls",
                    source="China Daily Brief")
    claims = {
        "c-nbd": claim(nbd, "c-nbd", "5.16\u202ftrillion Tokens", "During", value=5.16e12),
        "c-copy": claim(copy, "c-copy", "5.16 trillion Tokens", "During", value=5.16e12),
        "c-blog": claim(blog, "c-blog", "4.12 trillion tokens", "According", value=4.12e12),
        "c-daily": claim(brief, "c-daily", "9.8 \u00d7 10^13 tokens", "Chinese", value=9.8e13,
                         period=Period(start=dt.date(2026, 2, 20), end=dt.date(2026, 2, 20),
                                       granularity="day", resolution="inferred")),
        "c-price": claim(brief, "c-price", "$0.30", "MiniMax", kind="price",
                         subject="MiniMax M2.5", subject_text="MiniMax M2.5", value=0.3,
                         unit="USD/1M tokens", period=Period(),
                         attributes={"direction": "input", "currency": "USD"}),
        "c-ratio": claim(brief, "c-ratio", "one-eighteenth", "MiniMax", kind="quantity",
                         subject="MiniMax M2.5", subject_text="MiniMax M2.5", value=0.0556,
                         unit="x", period=Period(), qualifier="approx"),
    }
    arts = {a.id: a for a in (nbd, copy, blog, brief)}
    owners = {"a-nbd": ["c-nbd"], "a-copy": ["c-copy"], "a-blog": ["c-blog"],
              "a-brief": ["c-daily", "c-price", "c-ratio"]}
    discrepancies = {
        "d-value": Discrepancy(
            id="d7a1c3e5value", type="value_mismatch", severity="high",
            claim_ids=["c-nbd", "c-copy", "c-blog"], article_ids=["a-blog", "a-copy", "a-nbd"],
            explanation="National Business Daily says 5.16 trillion tokens for the week of "
                        "16-22 Feb 2026; Cael Lee (blog) says 4.12 trillion."),
        "d-magnitude": Discrepancy(
            id="d9b2magnitude", type="magnitude_anomaly", severity="medium",
            claim_ids=["c-daily"], article_ids=["a-brief"], expected=9.8e12, stated=9.8e13,
            explanation="9.8 x 10^13 tokens a day is ten times the weekly total reported "
                        "elsewhere; 9.8 x 10^12 fits."),
        "d-ratio": Discrepancy(
            id="d4c6ratio", type="arithmetic", severity="low",
            claim_ids=["c-ratio", "c-price"], article_ids=["a-brief"], expected=0.02,
            stated=0.0556,
            explanation="$0.30 is one-fiftieth of $15, not one-eighteenth."),
    }
    if hostile:
        bad = article("a-evil", HOSTILE_TEXT, title="<script>alert(1)</script>",
                      source="<img src=x onerror=alert(2)>", url="javascript:alert(3)")
        arts[bad.id] = bad
        claims["c-evil"] = claim(bad, "c-evil", "<b>3 trillion</b> tokens", "<script>",
                                 value=3e12, subject="<i>Chinese</i> models")
        owners["a-evil"] = ["c-evil"]
        discrepancies["d-evil"] = Discrepancy(
            id="d0evil", type="value_mismatch", severity="high",
            claim_ids=["c-evil", "c-blog"], article_ids=["a-blog", "a-evil"],
            explanation="<script>alert('explanation')</script> disagrees.")
    for aid, cids in owners.items():
        cs = [claims[c] for c in cids]
        store.add_article(arts[aid], cs, [f"slot:{c.kind}:{c.subject}" for c in cs])
    store.link_articles("a-copy", {"a-nbd": 3})
    store.save_discrepancies(list(discrepancies.values()))
    return Seeded(store, {a: arts[a] for a in arts}, claims,
                  {k: _stored(store, d.id) for k, d in discrepancies.items()})


def _stored(store: Store, did: str) -> Discrepancy:
    return store.discrepancies(status="all", ids=[did])[0]


def cli_main() -> click.Group:
    """The CLI group, imported late so that a broken pipeline import fails these tests only."""
    from claimcheck.cli import main

    return main
