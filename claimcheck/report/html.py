"""The report as one self-contained HTML page: inline CSS, no scripts, no external assets.

Every piece of text from an article or the store goes through ``html.escape``; figures are
highlighted with <mark> from the claim's span, never by searching the markup.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Mapping

from claimcheck.models import Article, Claim
from claimcheck.report.build import Figure, Item, Report
from claimcheck.report.wording import (
    claim_value_words,
    kind_words,
    outlet_words,
    period_words,
    published_words,
    severity_words,
    status_words,
    type_words,
)

_CSS = """
:root{--fg:#1d2330;--muted:#5b6474;--line:#d9dee7;--bg:#f6f7f9;--card:#fff;
--high:#b3261e;--medium:#9a6700;--low:#1f6feb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC",
"Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:0 0 4px}h2{margin:32px 0 12px;font-size:1.25rem}
.muted{color:var(--muted)}
.summary{display:flex;flex-wrap:wrap;gap:16px;margin:16px 0}
.summary table{background:var(--card);border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:6px 10px;border-bottom:1px solid var(--line)}
th{font-weight:600;background:#eef1f5}
.summary table{width:auto;min-width:220px}
.card{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--line);
border-radius:8px;padding:16px 20px;margin:0 0 16px}
.card.high{border-left-color:var(--high)}.card.medium{border-left-color:var(--medium)}
.card.low{border-left-color:var(--low)}
.card h3{margin:0 0 4px;font-size:1.1rem}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:.8rem;
background:#eef1f5;margin-right:6px}
.badge.high{background:#fbe9e7;color:var(--high)}.badge.medium{background:#fff4d6;
color:var(--medium)}.badge.low{background:#e7f0ff;color:var(--low)}
blockquote{margin:4px 0 0;padding:4px 12px;border-left:3px solid var(--line);color:#333}
mark{background:#ffe58a;padding:0 2px;border-radius:2px;font-weight:600}
.figures td:first-child{white-space:nowrap;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:12px 0 0}
dt{font-weight:600;color:var(--muted)}dd{margin:0}
code{font-size:.85em;background:#eef1f5;padding:1px 4px;border-radius:3px}
details{margin:0 0 12px;background:var(--card);border:1px solid var(--line);border-radius:8px;
padding:8px 16px}
summary{cursor:pointer;font-weight:600}
@media print{body{background:#fff}.card{break-inside:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _marked_quote(before: str, figure: str, after: str) -> str:
    mark = f"<mark>{_e(figure)}</mark>" if figure else ""
    return f"{_e(before)}{mark}{_e(after)}"


def _claim_quote(claim: Claim, article: Article) -> str:
    return _marked_quote(*Figure(claim, article).quote_parts())


def _count_table(title: str, counts: Counter[str], words: dict[str, str]) -> str:
    rows = "".join(f"<tr><td>{_e(words.get(k, k))}</td><td>{n}</td></tr>"
                   for k, n in counts.most_common())
    return (f"<table><thead><tr><th>{_e(title)}</th><th>count</th></tr></thead>"
            f"<tbody>{rows or '<tr><td colspan=2>none</td></tr>'}</tbody></table>")


def _summary(report: Report) -> str:
    types = {k: f"{type_words(k)} ({k})" for k in report.counts("type")}
    severities = {k: severity_words(k) for k in report.counts("severity")}
    statuses = {k: status_words(k) for k in report.counts("status")}
    return ('<section class="summary">'
            + _count_table("Type", report.counts("type"), types)
            + _count_table("Severity", report.counts("severity"), severities)
            + _count_table("Status", report.counts("status"), statuses)
            + "</section>")


def _figure_row(figure: Figure, slot_period: str) -> str:
    claim = figure.claim
    own_period = period_words(claim.period)
    period = (f'<br><span class="muted">period: {_e(own_period)}</span>'
              if own_period != slot_period else "")
    article_link = f'<a href="#article-{_e(claim.article_id)}">{_e(figure.outlet)}</a>'
    return (f"<tr><td>{_e(figure.value)}{period}</td>"
            f"<td>{article_link}<br><span class=\"muted\">{_e(figure.published)}</span></td>"
            f"<td><blockquote>{_marked_quote(*figure.quote_parts())}</blockquote></td></tr>")


def _reviews(item: Item) -> str:
    if not item.reviews:
        return ""
    rows = "".join(
        f"<li>{_e(f'{r.at:%Y-%m-%d %H:%M}')} \u2014 {_e(status_words(r.status))} by "
        f"{_e(r.editor)}{': ' + _e(r.note) if r.note else ''}</li>" for r in item.reviews)
    return f"<dt>History</dt><dd><ol>{rows}</ol></dd>"


def render_card(item: Item) -> str:
    d = item.discrepancy
    slot_period = period_words(item.figures[0].claim.period) if item.figures else ""
    rows = "".join(_figure_row(f, slot_period) for f in item.figures)
    computation = (f"<dt>Computation</dt><dd>{_e(item.computation)}</dd>"
                   if item.computation else "")
    return f"""
<article class="card {_e(d.severity)}" id="d-{_e(d.id)}">
<h3>{_e(type_words(d.type))}: {_e(item.slot)}</h3>
<p><span class="badge {_e(d.severity)}">{_e(d.severity)}</span><span class="badge">{_e(
        status_words(d.status))}</span><span class="badge">{_e(d.type)}</span>
<code>{_e(d.id)}</code></p>
<table class="figures"><thead><tr><th>Figure</th><th>Outlet</th><th>Quote</th></tr></thead>
<tbody>{rows}</tbody></table>
<dl>{computation}<dt>Independence</dt><dd>{_e(item.independence.words())}</dd>
<dt>Why</dt><dd>{_e(d.explanation)}</dd>
<dt>Suggested reading</dt><dd>{_e(item.suggestion.text)}</dd>{_reviews(item)}</dl>
</article>"""


def _flag_links(claim_id: str, flagged: Mapping[str, list[str]]) -> str:
    return " ".join(f'<a href="#d-{_e(d)}">{_e(d)}</a>' for d in flagged.get(claim_id, ()))


def _claims_table(article: Article, claims: Iterable[Claim],
                  flagged: Mapping[str, list[str]]) -> str:
    rows = "".join(
        f'<tr id="claim-{_e(c.id)}"><td>{_e(c.subject)}</td><td>{_e(kind_words(c))}</td>'
        f"<td>{_e(claim_value_words(c))}</td><td>{_e(period_words(c.period))}</td>"
        f"<td>{_claim_quote(c, article)}</td><td>{_flag_links(c.id, flagged)}</td></tr>"
        for c in claims)
    title = article.title or article.id
    meta = " \u00b7 ".join(_e(x) for x in (outlet_words(article), published_words(article),
                                           article.lang) if x)
    link = (f' \u00b7 <a href="{_e(article.url)}" rel="noreferrer noopener">link</a>'
            if article.url and article.url.lower().startswith(("http://", "https://")) else "")
    return (f'<details id="article-{_e(article.id)}"><summary>{_e(title)}</summary>'
            f'<p class="muted">{meta}{link} \u00b7 <code>{_e(article.id)}</code></p>'
            "<table><thead><tr><th>Subject</th><th>What</th><th>Value</th><th>Period</th>"
            f"<th>Quote</th><th>Flagged in</th></tr></thead><tbody>{rows}</tbody></table>"
            "</details>")


def _flagged(report: Report) -> dict[str, list[str]]:
    """Claim id -> the shown discrepancies it takes part in."""
    flagged: dict[str, list[str]] = {}
    for item in report.items:
        for claim_id in item.discrepancy.claim_ids:
            flagged.setdefault(claim_id, []).append(item.discrepancy.id)
    return flagged


def render_html(report: Report) -> str:
    total = len(report.items)
    sections = []
    for severity, items in report.by_severity():
        sections.append(f"<h2>{_e(severity_words(severity))} ({len(items)})</h2>")
        sections.extend(render_card(i) for i in items)
    if not total:
        sections.append("<p>Nothing to review.</p>")
    flagged = _flagged(report)
    articles = "".join(_claims_table(a, report.claims_by_article.get(a.id, ()), flagged)
                       for a in report.articles)
    if articles:
        sections.append(f"<h2>Claims by article</h2>{articles}")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimcheck report</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>claimcheck discrepancy report</h1>
<p class="muted">{total} discrepanc{'y' if total == 1 else 'ies'} ({_e(report.filters.words())}),
generated {_e(f'{report.generated:%Y-%m-%d %H:%M}')} UTC.</p>
{_summary(report)}
{''.join(sections)}
</main>
</body>
</html>
"""


__all__ = ["render_card", "render_html"]
