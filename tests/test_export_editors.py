"""`claimcheck export` (contract and ClaimReview JSON-LD) and `claimcheck claims`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from claimcheck.models import ExportDocument
from claimcheck.report.claimreview import claim_reviews
from tests.conftest import SCHEMAS
from tests.conftest_editors import Seeded, cli_main, seeded_store


@pytest.fixture()
def seeded(tmp_path: Path) -> Seeded:
    return seeded_store(tmp_path / "export.db")


def invoke(db: Seeded, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli_main(), [args[0], "--db", db.store.url, *args[1:]])
    return result.exit_code, result.output


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    return loaded


def reviewed(db: Seeded) -> None:
    db.store.add_review(db.discrepancies["d-value"].id, "needs_info", "ana")
    db.store.add_review(db.discrepancies["d-value"].id, "confirmed", "ben", "checked the chart")
    db.store.add_review(db.discrepancies["d-magnitude"].id, "corrected", "ana")
    db.store.add_review(db.discrepancies["d-ratio"].id, "dismissed", "ana")


# -- contract export --------------------------------------------------------------------------


def test_contract_export_validates_and_keeps_reviews(seeded: Seeded) -> None:
    reviewed(seeded)
    code, out = invoke(seeded, "export")
    assert code == 0, out
    document = json.loads(out)
    jsonschema.validate(document, schema("export"))
    ExportDocument.model_validate(document)
    assert len(document["discrepancies"]) == 3 and len(document["reviews"]) == 4
    assert {d["status"] for d in document["discrepancies"]} == {
        "confirmed", "corrected", "dismissed"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--status", "confirmed"), {"d-value"}),
        (("--status", "open"), set()),
        (("--status", "all"), {"d-value", "d-magnitude", "d-ratio"}),
        (("--since", "2000-01-01"), {"d-value", "d-magnitude", "d-ratio"}),
        (("--since", (dt.date.today() + dt.timedelta(days=2)).isoformat()), set()),
    ],
)
def test_contract_export_filters(seeded: Seeded, args: tuple[str, ...], expected: set[str]) -> None:
    reviewed(seeded)
    code, out = invoke(seeded, "export", *args)
    assert code == 0, out
    document = json.loads(out)
    assert {d["id"] for d in document["discrepancies"]} == {
        seeded.discrepancies[k].id for k in expected}
    assert {r["discrepancy_id"] for r in document["reviews"]} <= {
        d["id"] for d in document["discrepancies"]}


def test_export_to_file(seeded: Seeded, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _ = invoke(seeded, "export", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text("utf-8"))["schema_version"] == "1"


# -- ClaimReview ------------------------------------------------------------------------------


def test_claimreview_validates_and_covers_confirmed_and_corrected(seeded: Seeded) -> None:
    reviewed(seeded)
    code, out = invoke(seeded, "export", "--format", "claimreview", "--publisher",
                       "Newsroom Checks", "--publisher-url", "https://checks.example",
                       "--base-url", "https://checks.example/d/")
    assert code == 0, out
    reviews = json.loads(out)
    jsonschema.validate(reviews, schema("claimreview"))
    by_id = {r["identifier"]: r for r in reviews}
    assert set(by_id) == {seeded.discrepancies["d-value"].id,
                          seeded.discrepancies["d-magnitude"].id}
    value = by_id[seeded.discrepancies["d-value"].id]
    assert value["@context"] == "https://schema.org" and value["@type"] == "ClaimReview"
    assert value["author"] == {"@type": "Organization", "name": "Newsroom Checks",
                               "url": "https://checks.example"}
    assert value["url"] == f"https://checks.example/d/{value['identifier']}"
    assert value["reviewRating"]["alternateName"] == "Conflicting figures"
    assert value["datePublished"] == dt.datetime.now(dt.timezone.utc).date().isoformat()
    assert "checked the chart" in value["reviewBody"]
    appearances = value["itemReviewed"]["appearance"]
    assert {"url": "https://www.nbd.com.cn/articles/1.html"}.items() <= appearances[0].items()
    assert value["itemReviewed"]["firstAppearance"]["datePublished"] == "2026-03-02"
    magnitude = by_id[seeded.discrepancies["d-magnitude"].id]
    assert magnitude["reviewRating"]["alternateName"] == \
        "Wrong order of magnitude (since corrected)"
    assert "9.8 \u00d7 10^13" in magnitude["claimReviewed"]


def test_claimreview_reviews_the_figure_the_majority_disputes(seeded: Seeded) -> None:
    # a third independent outlet agreeing with 4.12 trillion makes 5.16 the disputed figure
    store = seeded.store
    from claimcheck.models import Article

    blog = seeded.articles["a-blog"]
    other = Article(id="a-third", text=blog.text, source="Third Outlet",
                    published=dt.date(2026, 3, 5))
    third = seeded.claims["c-blog"].model_copy(update={"id": "c-third", "article_id": "a-third"})
    store.add_article(other, [third], ["slot"])
    value = seeded.discrepancies["d-value"]
    store.save_discrepancies([value.model_copy(update={"claim_ids": [*value.claim_ids,
                                                                      "c-third"]})])
    store.add_review(value.id, "confirmed", "ana")
    [review] = claim_reviews(store, publisher="Desk", status="confirmed")
    assert "5.16" in review["claimReviewed"]
    outlets = {a["publisher"]["name"] for a in review["itemReviewed"]["appearance"]}
    assert outlets == {"National Business Daily", "AI Large-Model Wave Guide"}


def test_claimreview_with_nothing_reviewed_is_an_empty_list(seeded: Seeded) -> None:
    code, out = invoke(seeded, "export", "--format", "claimreview")
    assert code == 0 and json.loads(out) == []


def test_claimreview_refuses_statuses_it_cannot_publish(seeded: Seeded) -> None:
    code, out = invoke(seeded, "export", "--format", "claimreview", "--status", "open")
    assert code == 2 and "only confirmed and corrected" in out


def test_claimreview_schema_rejects_missing_required_fields(seeded: Seeded) -> None:
    reviewed(seeded)
    [first, *_] = claim_reviews(seeded.store, publisher="Desk")
    assert first["url"] == f"urn:claimcheck:discrepancy:{first['identifier']}"
    for field in ("claimReviewed", "reviewRating", "url", "author", "itemReviewed"):
        broken = {k: v for k, v in first.items() if k != field}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([broken], schema("claimreview"))
    no_verdict = {**first, "reviewRating": {"@type": "Rating", "ratingValue": 2}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([no_verdict], schema("claimreview"))


# -- claims -----------------------------------------------------------------------------------


def test_claims_table_and_filters(seeded: Seeded) -> None:
    code, out = invoke(seeded, "claims")
    assert code == 0, out
    assert "4.12 trillion tokens" in out and "week of 16\u201322 Feb 2026" in out
    assert "6 claims" in out
    code, out = invoke(seeded, "claims", "--kind", "price")
    assert "$0.30 per 1M tokens" in out and "1 claims" in out
    code, out = invoke(seeded, "claims", "--subject", "minimax", "--json")
    rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert {r["id"] for r in rows} == {"c-price", "c-ratio"}
    code, out = invoke(seeded, "claims", "--article", "a-br", "--json")
    assert {json.loads(line)["article_id"] for line in out.splitlines()
            if line.startswith("{")} == {"a-brief"}


def test_claims_rejects_unknown_kind(seeded: Seeded) -> None:
    code, out = invoke(seeded, "claims", "--kind", "tesla")
    assert code == 2 and "tesla" in out
