"""The checked-in JSON Schemas are the ones the models generate; the models' own rules."""

from __future__ import annotations

import pytest

from claimcheck.models import Claim, Discrepancy
from claimcheck.schemas import schema_texts

from .conftest import SCHEMAS


def test_checked_in_schemas_are_current() -> None:
    for name, text in schema_texts().items():
        path = SCHEMAS / name
        assert path.exists(), f"{name} missing: run python -m claimcheck.schemas"
        assert path.read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run python -m claimcheck.schemas")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-0.0, "0.0"), (0.0, "0.0"), (-12.0, "-12.0"), (4.12e12, "4120000000000.0")],
)
def test_a_claim_value_of_minus_zero_is_zero(value: float, expected: str) -> None:
    # "-0% from the previous week": SQLite would store 0, PostgreSQL -0, and ids differ
    claim = Claim(id="c", article_id="a", kind="change", subject="Grok 4", subject_text="Grok 4",
                  value=value, unit="%", quote="(-0% from the previous week)", span=(1, 4),
                  confidence=0.9)
    discrepancy = Discrepancy(id="d", type="arithmetic", severity="low", claim_ids=["c"],
                              article_ids=["a"], expected=value, stated=value, explanation="")
    assert repr(claim.value) == expected
    assert repr(discrepancy.expected) == repr(discrepancy.stated) == expected
