"""The terminal report: discrepancies grouped by severity, figures side by side.

Colors come from click.style and only when asked for, so piped output stays plain text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import click

from claimcheck.report.build import Figure, Item, Report
from claimcheck.report.wording import (
    period_words,
    printable,
    severity_words,
    status_words,
    type_words,
)

QUOTE_LIMIT = 320
WIDTH = 100
_SEVERITY_COLORS = {"high": "red", "medium": "yellow", "low": "cyan"}

Style = Callable[..., str]


def _styler(color: bool) -> Style:
    if color:
        return click.style

    def plain(text: str, **_kwargs: object) -> str:
        return text

    return plain


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(printable(text), WIDTH, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False) or [indent]


def _quote(figure: Figure, style: Style) -> str:
    before, number, after = (printable(p) for p in figure.quote_parts(QUOTE_LIMIT))
    marked = style(number, bold=True, fg="yellow", underline=True) if number else ""
    return f"\u201c{before}{marked}{after}\u201d"


def _figure_lines(index: int, figure: Figure, slot_period: str, style: Style) -> list[str]:
    claim = figure.claim
    head = (f"  [{index}] {style(printable(figure.value), bold=True)} \u2014 "
            f"{printable(figure.outlet)}, {printable(figure.published)}")
    own_period = period_words(claim.period)
    if own_period != slot_period:
        head += f" (period: {printable(own_period)})"
    # the quote is not wrapped: wrapping would split the ANSI-highlighted figure
    ids = printable(f"      claim {claim.id} in article {claim.article_id}")
    return [head, f"      {_quote(figure, style)}", style(ids, dim=True)]


def _side_by_side(item: Item) -> str:
    return " vs ".join(f"{label} ({', '.join(outlets)})" for label, outlets in item.readings())


def render_item(item: Item, color: bool = False) -> str:
    """One discrepancy as a block of terminal text."""
    style = _styler(color)
    d = item.discrepancy
    slot_period = period_words(item.figures[0].claim.period) if item.figures else ""
    lines = [
        style(f"\u25cf {type_words(d.type)} ({d.type})", bold=True)
        + f" \u00b7 {printable(item.slot)}",
        f"  id {style(printable(d.id), bold=True)}  status {status_words(d.status)}  "
        f"severity {d.severity}",
    ]
    if d.expected is None and len(item.readings()) > 1:
        lines.extend(_wrapped(_side_by_side(item), "  "))
    for n, figure in enumerate(item.figures, 1):
        lines.extend(_figure_lines(n, figure, slot_period, style))
    if item.computation:
        lines.append(f"  Computation: {item.computation}")
    lines.append(f"  Independence: {item.independence.words()}")
    lines.extend(_wrapped(f"Why: {d.explanation}", "  "))
    lines.extend(_wrapped(f"Suggested reading: {item.suggestion.text}", "  "))
    if item.reviews:
        last = item.reviews[-1]
        note = f": {last.note}" if last.note else ""
        lines.extend(_wrapped(f"Last review: {status_words(last.status)} by {last.editor}, "
                              f"{last.at:%Y-%m-%d %H:%M}{note} ({len(item.reviews)} in history)",
                              "  "))
    return "\n".join(lines)


def render_text(report: Report, color: bool = False) -> str:
    style = _styler(color)
    total = len(report.items)
    lines = [style(f"claimcheck: {total} discrepanc{'y' if total == 1 else 'ies'}", bold=True)
             + f" ({report.filters.words()})"]
    if not total:
        lines.append("Nothing to review.")
    for severity, items in report.by_severity():
        title = f"{severity_words(severity)} ({len(items)})"
        lines += ["", style(title.upper(), fg=_SEVERITY_COLORS.get(severity), bold=True),
                  style("\u2500" * len(title), fg=_SEVERITY_COLORS.get(severity))]
        for item in items:
            lines += [render_item(item, color), ""]
    return "\n".join(lines).rstrip() + "\n"


__all__ = ["render_item", "render_text"]
