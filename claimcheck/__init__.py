"""claimcheck: fact-check the numbers in news about AI models."""

# The function shadows the subpackage of the same name on purpose: `from claimcheck import
# extract` is the public entry point (imported after the subpackage, so the function wins).
from claimcheck.extract.api import extract
from claimcheck.models import Article, Claim, Discrepancy, Period, Review

__all__ = ["Article", "Claim", "Discrepancy", "Period", "Review", "extract"]
__version__ = "0.1.0"
