"""The report as Markdown, to paste into a newsroom wiki or a ticket.

Article text is escaped so that a quote can neither format the page nor inject HTML (many wikis
render inline HTML).
"""

from __future__ import annotations

import re

from claimcheck.report.build import Figure, Item, Report
from claimcheck.report.wording import (
    period_words,
    printable,
    severity_words,
    status_words,
    type_words,
)

QUOTE_LIMIT = 400
# [ and ] escaped keep "(...)" from ever forming a link; $ keeps wikis from starting math.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")
_SPACES = re.compile(r"\s+")


def escape_markdown(text: str) -> str:
    """Text that renders literally in CommonMark and GitHub tables (one line, escaped)."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", printable(text)))


def _quote(figure: Figure) -> str:
    before, number, after = figure.quote_parts(QUOTE_LIMIT)
    marked = f"**{escape_markdown(number)}**" if number else ""
    return f"{escape_markdown(before)}{marked}{escape_markdown(after)}"


def _figure_rows(item: Item) -> list[str]:
    slot_period = period_words(item.figures[0].claim.period) if item.figures else ""
    rows = ["| Figure | Outlet | Published | Quote |", "|---|---|---|---|"]
    for f in item.figures:
        value = escape_markdown(f.value)
        own_period = period_words(f.claim.period)
        if own_period != slot_period:
            value += f" (period: {escape_markdown(own_period)})"
        rows.append(f"| **{value}** | {escape_markdown(f.outlet)} | "
                    f"{escape_markdown(f.published)} | {_quote(f)} |")
    return rows


def render_item_markdown(item: Item) -> list[str]:
    d = item.discrepancy
    lines = [
        f"### {escape_markdown(type_words(d.type))}: {escape_markdown(item.slot)}",
        "",
        f"- **Id:** `{d.id}` \u00b7 **Status:** {status_words(d.status)} \u00b7 "
        f"**Type:** `{d.type}` \u00b7 **Severity:** {d.severity}",
        f"- **Independence:** {item.independence.words()}",
    ]
    if item.computation:
        lines.append(f"- **Computation:** {escape_markdown(item.computation)}")
    lines += [f"- **Why:** {escape_markdown(d.explanation)}",
              f"- **Suggested reading:** {escape_markdown(item.suggestion.text)}"]
    for r in item.reviews:
        note = f": {escape_markdown(r.note)}" if r.note else ""
        lines.append(f"- **Review** {r.at:%Y-%m-%d %H:%M} \u2014 {status_words(r.status)} by "
                     f"{escape_markdown(r.editor)}{note}")
    return [*lines, "", *_figure_rows(item), ""]


def render_markdown(report: Report) -> str:
    total = len(report.items)
    lines = ["# claimcheck discrepancy report", "",
             f"{total} discrepanc{'y' if total == 1 else 'ies'} ({report.filters.words()}), "
             f"generated {report.generated:%Y-%m-%d %H:%M} UTC.", ""]
    for severity, items in report.by_severity():
        lines += [f"## {severity_words(severity)} ({len(items)})", ""]
        for item in items:
            lines += render_item_markdown(item)
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["escape_markdown", "render_item_markdown", "render_markdown"]
