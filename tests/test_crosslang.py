"""A Chinese and an English article about the same week meet in one slot (zh_02 vs seed 003)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.extract import extract_claims
from claimcheck.ingest import LoadedArticle, load_articles
from claimcheck.models import Article, Claim
from claimcheck.reconcile import reconcile, slot_key

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "corpora" / "articles" / "zh_02_zhihu_answer.txt"
EN = ROOT / "seeds" / "003_ddd2a2b18123b850.txt"


def _article(path: Path) -> Article:
    loaded = [i for i in load_articles([str(path)]) if isinstance(i, LoadedArticle)]
    return loaded[0].article


def _claim_at(article: Article, claims: list[Claim], quote: str, figure: str) -> Claim:
    start = article.text.index(quote) + quote.index(figure)
    end = start + len(figure)
    found = [c for c in claims if c.span[0] < end and start < c.span[1]]
    assert found, f"no claim at {figure!r}"
    return found[0]


@pytest.fixture(scope="module")
def pair() -> tuple[dict[str, Article], Claim, Claim, list[Claim]]:
    zh, en = _article(ZH), _article(EN)
    zh_claims, en_claims = extract_claims(zh), extract_claims(en)
    zh_claim = _claim_at(zh, zh_claims, "国产模型一共被调了4.21万亿Token", "4.21万亿")
    en_claim = _claim_at(
        en,
        en_claims,
        "Chinese models had a call volume of 4.12 trillion Tokens",
        "4.12 trillion Tokens",
    )
    return {zh.id: zh, en.id: en}, zh_claim, en_claim, zh_claims + en_claims


def test_same_week_same_slot(pair: tuple[dict[str, Article], Claim, Claim, list[Claim]]) -> None:
    _, zh_claim, en_claim, _ = pair
    assert zh_claim.value == pytest.approx(4.21e12) and en_claim.value == pytest.approx(4.12e12)
    assert slot_key(zh_claim) == slot_key(en_claim)
    assert (zh_claim.period.start, zh_claim.period.end) == (
        en_claim.period.start,
        en_claim.period.end,
    )


def test_different_figures_are_a_value_mismatch(
    pair: tuple[dict[str, Article], Claim, Claim, list[Claim]],
) -> None:
    articles, zh_claim, en_claim, claims = pair
    found = [
        d
        for d in reconcile(claims, articles)
        if d.type == "value_mismatch" and {zh_claim.id, en_claim.id} <= set(d.claim_ids)
    ]
    assert found
    assert len(found[0].article_ids) == 2
    assert "4.21" in found[0].explanation and "4.12" in found[0].explanation
