"""The checked-in JSON Schemas are the ones the models generate."""

from __future__ import annotations

from claimcheck.schemas import schema_texts

from .conftest import SCHEMAS


def test_checked_in_schemas_are_current() -> None:
    for name, text in schema_texts().items():
        path = SCHEMAS / name
        assert path.exists(), f"{name} missing: run python -m claimcheck.schemas"
        assert path.read_text(encoding="utf-8") == text, (
            f"schemas/{name} is stale: run python -m claimcheck.schemas")
