"""Make tests/data/schema_v1.sqlite: a database written by the oldest schema (version 1).

It was made once, with the schema-1 code, and is checked in: tests open it with the current code
and check that articles, claims, discrepancies and reviews survive the upgrade. Run it again
only to recreate that file (never after a schema change, or the fixture stops being "old").

    python -m benchmarks.make_oldest_db [OUT]

(The name ends in .sqlite because .gitignore leaves *.db files out.)
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

from claimcheck.models import Article, Claim, Discrepancy, Period
from claimcheck.store import Store
from claimcheck.store.database import SCHEMA_VERSION

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "schema_v1.sqlite"
WEEK = Period(start=dt.date(2026, 2, 9), end=dt.date(2026, 2, 15), granularity="week",
              text="the week of February 9-15, 2026", resolution="explicit")


def _article(n: int, text: str, source: str) -> Article:
    return Article(id=f"oldart{n:010d}", title=f"Story {n}", url=f"https://old.example/{n}",
                   source=source, published=dt.date(2026, 2, 17 + n), published_origin="metadata",
                   lang="en", text=text)


def _claim(article: Article, value: float, written: str) -> Claim:
    start = article.text.index(written)
    return Claim(id=f"{article.id}-c1", article_id=article.id, kind="token_volume",
                 subject="Chinese models", subject_text="Chinese models", value=value,
                 unit="tokens", qualifier="exact", period=WEEK,
                 attributes={"platform": "OpenRouter"}, quote=article.text,
                 span=(start, start + len(written)), confidence=0.9)


def make(out: Path) -> Path:
    if SCHEMA_VERSION != 1:
        raise SystemExit("this fixture must be made by the schema-1 code")
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    store = Store(str(out))
    a1 = _article(1, "Chinese models processed 4.12 trillion tokens in the week of February "
                     "9-15, 2026, according to OpenRouter.", "Wire One")
    a2 = _article(2, "In the week of February 9-15, 2026, Chinese models processed 5.16 "
                     "trillion tokens on OpenRouter, a new record.", "Daily Two")
    c1 = _claim(a1, 4.12e12, "4.12 trillion tokens")
    c2 = _claim(a2, 5.16e12, "5.16 trillion tokens")
    store.add_article(a1, [c1], ["token_volume|chinese models|openrouter"], {11, 12}, "one.txt")
    store.add_article(a2, [c2], ["token_volume|chinese models|openrouter"], {12, 13}, "two.txt")
    store.link_articles(a1.id, {})
    store.save_discrepancies([Discrepancy(
        id="disc-oldfixture0001", type="value_mismatch", severity="high",
        claim_ids=[c1.id, c2.id], article_ids=[a1.id, a2.id], stated=5.16e12, expected=4.12e12,
        explanation="Wire One says 4.12 trillion tokens; Daily Two says 5.16 trillion for the "
                    "same week.")])
    store.add_review("disc-oldfixture0001", "needs_info", "editor-a", "asked OpenRouter")
    store.add_review("disc-oldfixture0001", "confirmed", "editor-b", "OpenRouter says 4.12T")
    store.close()
    # one self-contained file: fold the WAL back in and leave rollback-journal mode
    with sqlite3.connect(out) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return out


if __name__ == "__main__":
    target = make(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {target}")
