"""JSON Schemas of the contract, generated from claimcheck.models.

``python -m claimcheck.schemas`` rewrites ``schemas/``; a test fails when they are stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from claimcheck.models import (
    Article,
    Claim,
    Discrepancy,
    ExportDocument,
    ExtractDocument,
    Period,
    Review,
)

MODELS: dict[str, type[BaseModel]] = {
    "article": Article,
    "claim": Claim,
    "period": Period,
    "discrepancy": Discrepancy,
    "review": Review,
    "extract": ExtractDocument,
    "export": ExportDocument,
}


def schema_texts() -> dict[str, str]:
    """File name -> JSON Schema text, for every model of the contract."""
    return {
        f"{name}.schema.json": json.dumps(
            model.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False
        )
        + "\n"
        for name, model in MODELS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "schemas"
    for path in write_schemas(target):
        print(path)
