"""Discrepancy reports for editors: terminal text, Markdown, HTML and JSON.

``render_report`` is the entry point; ``build_report`` gathers what every format shows.
"""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.report.build import Report, build_report
from claimcheck.report.html import render_html
from claimcheck.report.json_report import render_json
from claimcheck.report.markdown import render_markdown
from claimcheck.report.text import render_text
from claimcheck.store import Store

FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "text": render_text,
    "md": lambda report, _color: render_markdown(report),
    "html": lambda report, _color: render_html(report),
    "json": lambda report, _color: render_json(report),
}


def render_report(
    store: Store,
    fmt: str = "text",
    *,
    color: bool = False,
    status: str | None = "open",
    severity: str | None = None,
    article_id: str | None = None,
) -> str:
    """The discrepancy report of the store in ``fmt`` (text, md, html, json).

    ``status`` None or "all" shows every status; ``color`` only affects text.
    """
    try:
        render = FORMATS[fmt]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown report format {fmt!r}; use one of {known}") from None
    report = build_report(store, status=status, severity=severity, article_id=article_id,
                          with_claims=fmt == "html")
    return render(report, color)


__all__ = ["FORMATS", "Report", "build_report", "render_report"]
