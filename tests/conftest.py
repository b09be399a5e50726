"""Shared fixtures: a fresh database per test and the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCHEMAS = ROOT / "schemas"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


@pytest.fixture
def store(db_path: str) -> Store:
    return Store(db_path)
