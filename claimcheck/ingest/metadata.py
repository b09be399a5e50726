"""Article metadata: the publication date, outlet, title and language when the file does not
say."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from claimcheck.models import PublishedOrigin

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Only the top of an article is searched, and only for phrases that say "this was published":
# a date deep in the body is about the news, not about the article.
_HEAD_CHARS = 600
# a label that starts a line ("Published: ...", "Generated: ..."); mid-sentence dates are news
_LABEL = (
    r"^[ \t*_]*(?:generated|published|posted|updated|date|released)(?:\s+(?:on|at))?\s*[:：]?\s*"
)
_PUBLISHED_PATTERNS = [
    re.compile(_LABEL + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b", re.I | re.M),
    re.compile(
        _LABEL + r"(?:\w+day,?\s+)?" + _MONTH + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})\b", re.I | re.M
    ),
    re.compile(_LABEL + r"(?P<d>\d{1,2})\s+" + _MONTH + r"\s+(?P<y>\d{4})\b", re.I | re.M),
    re.compile(
        r"(?:发布(?:时间|日期)?|时间|日期)\s*[:：]?\s*(?P<y>\d{4})[-年/.](?P<m>\d{1,2})"
        r"[-月/.](?P<d>\d{1,2})日?"
    ),
    # a masthead or byline line ending on the date: "Issue #14 · Monday, March 16, 2026",
    # "By Jane Doe | March 31, 2026", or a line that is only the date
    re.compile(
        r"^(?:[^\n]{0,80}\s[·•|—–-]\s*)?(?:\w+day,?\s+)?" + _MONTH
        + r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})[ \t]*$",
        re.M | re.I,
    ),
    # the same in Chinese or ISO form, a time of day allowed: "36氪 · 2026年4月21日 08:30",
    # "2026-04-21 08:30"
    re.compile(
        r"^(?:[^\n]{0,40}?\s*[·•|—–-]\s*)?(?P<y>\d{4})(?:年|-)(?P<m>\d{1,2})(?:月|-)(?P<d>\d{1,2})"
        r"日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*$",
        re.M,
    ),
    # a wire dateline: "BEIJING, March 2, 2026 (Reuters) -"
    re.compile(
        r"^[A-Z][A-Z .'-]{2,30},\s+" + _MONTH + r"\s+(?P<d>\d{1,2}),\s+(?P<y>\d{4})\b", re.M | re.I
    ),
]


def parse_date(value: Any) -> dt.date | None:
    """A date from metadata: a date object or an ISO string (a datetime's date part is used)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"published date {text!r} is not YYYY-MM-DD") from None


def inferred_published(text: str) -> dt.date | None:
    """The publication date stated at the top of the text ("Generated: 2026-06-24"), if any."""
    head = text[:_HEAD_CHARS]
    for pattern in _PUBLISHED_PATTERNS:
        match = pattern.search(head)
        if match:
            groups = match.groupdict()
            month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"].lower()]
            try:
                return dt.date(int(groups["y"]), month, int(groups["d"]))
            except ValueError:
                continue
    return None


# Where the top of an article names its outlet: a wire dateline's agency ("BEIJING, March 2
# (Reuters) -"), a "Source:" / "来源：" line, a Chinese byline ("界面新闻记者 | 李明",
# "第一财经记者 王晶"), a masthead before the date ("36氪 · 2026年4月21日 08:30")
_SOURCE_PATTERNS = [
    re.compile(r"^[A-Z][A-Z .'-]{2,30},[^\n()]{0,30}\((?P<src>[A-Z][A-Za-z.&' ]{1,30}?)\)"
               r"\s*[-—–]", re.M),
    re.compile(r"^[ \t*_]*(?:source|来源)\s*[:：]\s*(?P<src>[^\n|·•,，]{2,40}?)[ \t]*$",
               re.I | re.M),
    re.compile(r"^[ \t]*(?P<src>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?:特约)?记者"
               r"(?:[ \t]*[|｜丨/]|[ \t])", re.M),
    re.compile(r"^[ \t]*(?P<src>[^\n·•|]{2,20}?)[ \t]*[·•|][ \t]*\d{4}年\d{1,2}月\d{1,2}日", re.M),
]


def inferred_source(text: str) -> str | None:
    """The outlet the top of the text names (a dateline, a byline, a masthead), if any."""
    head = text[:_HEAD_CHARS]
    found = [m for pattern in _SOURCE_PATTERNS if (m := pattern.search(head))]
    if not found:
        return None
    return min(found, key=lambda m: m.start())["src"].strip()


def published_date(
    meta: dict[str, Any], text: str, default: dt.date | None = None
) -> tuple[dt.date | None, PublishedOrigin | None]:
    """The publication date and where it came from: metadata, else the text, else the default.

    Never today's date: an article whose date is unknown keeps ``None``.
    """
    stated = parse_date(meta.get("published"))
    if stated:
        return stated, "metadata"
    inferred = inferred_published(text)
    if inferred:
        return inferred, "inferred"
    if default:
        return default, "metadata"
    return None, None


_CJK = re.compile(r"[\u4e00-\u9fff]")


def detected_language(text: str) -> str:
    """``zh`` when Chinese characters make up a good part of the letters, else ``en``."""
    sample = text[:5000]
    cjk = len(_CJK.findall(sample))
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    # a Chinese character carries about as much as a short English word
    return "zh" if cjk * 3 >= latin else "en"


def inferred_title(text: str) -> str | None:
    """The first line, when it is short enough to be a headline."""
    first = text.lstrip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else None
