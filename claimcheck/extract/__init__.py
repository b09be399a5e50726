"""Extraction: article text -> typed claims (see api.extract)."""

from claimcheck.extract.api import extract, extract_claims

__all__ = ["extract", "extract_claims"]
