"""claimcheck: fact-check the numbers in news about AI models."""

from claimcheck.models import Article, Claim, Discrepancy, Period, Review

__all__ = ["Article", "Claim", "Discrepancy", "Period", "Review", "extract"]
__version__ = "0.1.0"


def __getattr__(name: str):  # noqa: ANN202 - lazy so that importing models never loads spaCy
    if name == "extract":
        from claimcheck.extract.api import extract

        return extract
    raise AttributeError(name)
