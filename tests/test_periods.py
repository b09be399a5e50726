"""Table-driven tests for claimcheck.extract.periods: one row per phrasing.

Adding a phrasing is adding a row. Rows use a publication date of 2026-03-05 (a Thursday)
unless they say otherwise.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest

from claimcheck.extract.periods import WEEK_START, find_periods, granularity_cues
from claimcheck.extract.types import PeriodMention

PUB = dt.date(2026, 3, 5)
D = dt.date


def only(text: str, published: dt.date | None = PUB, phrase: str | None = None) -> PeriodMention:
    """The mention whose text is ``phrase`` (default: the only mention in ``text``)."""
    mentions = find_periods(text, published)
    if phrase is None:
        assert len(mentions) == 1, [m.text for m in mentions]
        return mentions[0]
    matching = [m for m in mentions if m.text == phrase]
    assert matching, (phrase, [m.text for m in mentions])
    return matching[0]


def check(
    m: PeriodMention,
    start: dt.date | None,
    end: dt.date | None,
    granularity: str | None,
    resolution: str,
    role: str = "date",
) -> None:
    got = (m.period.start, m.period.end, m.period.granularity, m.period.resolution, m.role)
    assert got == (start, end, granularity, resolution, role), m


# --- absolute -------------------------------------------------------------------------------

ABSOLUTE = [
    ("February 26, 2026", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("Feb. 26, 2026", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("February 26th, 2026", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("26 Feb 2026", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("the 26th of February, 2026", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("2026-02-26", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("2026年2月26日", D(2026, 2, 26), D(2026, 2, 26), "day"),
    ("March 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("in March of 2026", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("2026年2月", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("Q1 2026", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("2026 Q3", D(2026, 7, 1), D(2026, 9, 30), "quarter"),
    ("the fourth quarter of 2025", D(2025, 10, 1), D(2025, 12, 31), "quarter"),
    ("2026年第一季度", D(2026, 1, 1), D(2026, 3, 31), "quarter"),
    ("in 2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("of 2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("since 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("in the whole year of 2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("2025年", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("H2 2025", D(2025, 7, 1), D(2025, 12, 31), None),
    ("H1 2026", D(2026, 1, 1), D(2026, 6, 30), None),
    ("the second half of 2025", D(2025, 7, 1), D(2025, 12, 31), None),
    ("2025年下半年", D(2025, 7, 1), D(2025, 12, 31), None),
    ("2024年8月至2025年8月", D(2024, 8, 1), D(2025, 8, 31), "total"),
    ("2025年3月到5月", D(2025, 3, 1), D(2025, 5, 31), "total"),
    ("from 2025 to 2030", D(2025, 1, 1), D(2030, 12, 31), "total"),
    ("between 2025 and 2030", D(2025, 1, 1), D(2030, 12, 31), "total"),
    ("from August 2024 to August 2025", D(2024, 8, 1), D(2025, 8, 31), "total"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), ABSOLUTE)
def test_absolute(text: str, start: dt.date, end: dt.date, granularity: str | None) -> None:
    m = only(text)
    check(m, start, end, granularity, "explicit")
    assert m.period.text == text == m.text


def test_since_marks_a_lower_bound() -> None:
    assert only("since 2024").attributes == {"since": True}
    assert only("2025年以来").attributes == {"since": True}
    assert only("by the end of 2026").attributes == {"by": True}
    assert "since" not in only("from 2025 to 2030").attributes


def test_the_year_comes_from_context() -> None:
    text = "In the second half of 2025 it led; in the first half of the year it trailed."
    check(only(text, phrase="in the first half of the year"), D(2025, 1, 1), D(2025, 6, 30),
          None, "inferred")


# --- weeks ------------------------------------------------------------------------------------

WEEKS = [
    ("the week of February 16-22, 2026", D(2026, 2, 16), D(2026, 2, 22), "explicit"),
    ("For the week of February 16-22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("the week from February 9th to 15th", D(2026, 2, 9), D(2026, 2, 15), "inferred"),
    ("the week of February 16th", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("the week of February 18, 2026", D(2026, 2, 16), D(2026, 2, 22), "explicit"),
    # the week a date ends, however it is said
    ("in the week ended February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("in the week ended Sunday, February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("the week through February 22, 2026", D(2026, 2, 16), D(2026, 2, 22), "explicit"),
    ("in the seven days to February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("w/e February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("during February's final week", D(2026, 2, 23), D(2026, 3, 1), "fuzzy"),
    ("over the seven-day period ended February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("in the 7-day window to February 22", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("from March 3rd to 9th, 2025", D(2025, 3, 3), D(2025, 3, 9), "explicit"),
    ("February 23–March 1, 2026", D(2026, 2, 23), D(2026, 3, 1), "explicit"),
    ("December 29 - January 4, 2026", D(2025, 12, 29), D(2026, 1, 4), "explicit"),
    ("16-22 February 2026", D(2026, 2, 16), D(2026, 2, 22), "explicit"),
    ("the first week of February 2026 (from the 2nd to the 8th)", D(2026, 2, 2), D(2026, 2, 8),
     "explicit"),
    ("the weekly list from February 16th to 22nd, 2026", D(2026, 2, 16), D(2026, 2, 22),
     "explicit"),
    ("Feb 9-15", D(2026, 2, 9), D(2026, 2, 15), "inferred"),
    ("2月9日至15日", D(2026, 2, 9), D(2026, 2, 15), "inferred"),
    ("2月16日-22日当周", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("2月16日至22日", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
    ("2026年2月9日至15日当周", D(2026, 2, 9), D(2026, 2, 15), "explicit"),
    ("截至2月22日的一周内", D(2026, 2, 16), D(2026, 2, 22), "relative"),  # "by" a date
    ("2月18日所在的一周", D(2026, 2, 16), D(2026, 2, 22), "inferred"),
]


@pytest.mark.parametrize(("text", "start", "end", "resolution"), WEEKS)
def test_weeks(text: str, start: dt.date, end: dt.date, resolution: str) -> None:
    m = only(text)
    check(m, start, end, "week", resolution)
    assert m.period.text == text


def test_en_dash_range_infers_the_year_on_or_before_publication() -> None:
    # March 9-15 would be after 2026-03-05, so it is last year's
    check(only("March 9–15"), D(2025, 3, 9), D(2025, 3, 15), "week", "inferred")


def test_month_is_carried_from_the_surrounding_text() -> None:
    text = "In February, calls surged. During the week from the 9th to the 15th they doubled."
    m = only(text, phrase="During the week from the 9th to the 15th")
    check(m, D(2026, 2, 9), D(2026, 2, 15), "week", "inferred")


def test_carried_month_keeps_its_stated_year() -> None:
    text = "In February 2025, calls surged. From the 10th to the 16th they doubled."
    check(only(text, phrase="From the 10th to the 16th"), D(2025, 2, 10), D(2025, 2, 16),
          "week", "inferred")


def test_weeks_start_on_the_convention_day() -> None:
    for text, *_ in WEEKS:
        start = only(text).period.start
        assert start is not None and start.weekday() == WEEK_START, text


def test_a_day_range_that_is_not_a_week() -> None:
    check(only("February 1-15, 2026"), D(2026, 2, 1), D(2026, 2, 15), "total", "explicit")


# --- fuzzy ------------------------------------------------------------------------------------

FUZZY = [
    ("early February", D(2026, 2, 1), D(2026, 2, 10), None),
    ("mid February", D(2026, 2, 11), D(2026, 2, 20), None),
    ("mid-February", D(2026, 2, 11), D(2026, 2, 20), None),
    ("late February", D(2026, 2, 21), D(2026, 2, 28), None),
    ("mid - February 2026", D(2026, 2, 11), D(2026, 2, 20), None),
    ("the end of February 2024", D(2024, 2, 21), D(2024, 2, 29), None),
    ("the end of 2026", D(2026, 12, 1), D(2026, 12, 31), "month"),
    ("late 2024", D(2024, 9, 1), D(2024, 12, 31), None),
    ("early 2025", D(2025, 1, 1), D(2025, 4, 30), None),
    ("mid-2025", D(2025, 5, 1), D(2025, 8, 31), None),
    ("the beginning of 2025", D(2025, 1, 1), D(2025, 1, 31), "month"),
    ("the end of this year", D(2026, 12, 1), D(2026, 12, 31), "month"),
    ("the last week of February", D(2026, 2, 23), D(2026, 3, 1), "week"),
    ("the last week of February 2025", D(2025, 2, 24), D(2025, 3, 2), "week"),
    ("the first week of March", D(2026, 3, 2), D(2026, 3, 8), "week"),
    ("the first week of February 2026", D(2026, 2, 2), D(2026, 2, 8), "week"),
    ("2月中旬", D(2026, 2, 11), D(2026, 2, 20), None),
    ("2月下旬", D(2026, 2, 21), D(2026, 2, 28), None),
    ("2月上旬", D(2026, 2, 1), D(2026, 2, 10), None),
    ("2月第一周", D(2026, 2, 2), D(2026, 2, 8), "week"),
    ("年底", D(2026, 12, 1), D(2026, 12, 31), "month"),
    ("2026年底", D(2026, 12, 1), D(2026, 12, 31), "month"),
    ("今年年底", D(2026, 12, 1), D(2026, 12, 31), "month"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), FUZZY)
def test_fuzzy(text: str, start: dt.date, end: dt.date, granularity: str | None) -> None:
    check(only(text), start, end, granularity, "fuzzy")


# --- relative to publication ------------------------------------------------------------------

RELATIVE = [
    ("last week", D(2026, 2, 23), D(2026, 3, 1), "week"),
    ("this week", D(2026, 3, 2), D(2026, 3, 8), "week"),
    ("yesterday", D(2026, 3, 4), D(2026, 3, 4), "day"),
    ("last month", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("this month", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("in the past year", D(2025, 3, 6), D(2026, 3, 5), "total"),
    ("over the past year", D(2025, 3, 6), D(2026, 3, 5), "total"),
    ("the past 30 days", D(2026, 2, 4), D(2026, 3, 5), "total"),
    ("two years ago", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("两年前", D(2024, 1, 1), D(2024, 12, 31), "year"),
    ("三个月以前", D(2025, 12, 1), D(2025, 12, 31), "month"),
    ("2周之前", D(2026, 2, 16), D(2026, 2, 22), "week"),
    ("three weeks ago", D(2026, 2, 9), D(2026, 2, 15), "week"),
    ("last year", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("so far this year", D(2026, 1, 1), D(2026, 3, 5), "total"),
    ("by March", D(2026, 3, 1), D(2026, 3, 31), "month"),
    # "last <month>": the latest such month before the publication month
    ("last March", D(2025, 3, 1), D(2025, 3, 31), "month"),
    ("last May", D(2025, 5, 1), D(2025, 5, 31), "month"),
    ("last February", D(2026, 2, 1), D(2026, 2, 28), "month"),
    ("this March", D(2026, 3, 1), D(2026, 3, 31), "month"),
    ("上周", D(2026, 2, 23), D(2026, 3, 1), "week"),
    ("上上周", D(2026, 2, 16), D(2026, 2, 22), "week"),
    ("本周", D(2026, 3, 2), D(2026, 3, 8), "week"),
    ("去年", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("过去一年", D(2025, 3, 6), D(2026, 3, 5), "total"),
    ("今年", D(2026, 1, 1), D(2026, 12, 31), "year"),
    ("近30天", D(2026, 2, 4), D(2026, 3, 5), "total"),
]


@pytest.mark.parametrize(("text", "start", "end", "granularity"), RELATIVE)
def test_relative(text: str, start: dt.date, end: dt.date, granularity: str) -> None:
    check(only(text), start, end, granularity, "relative")


@pytest.mark.parametrize(("text", "_s", "_e", "_g"), RELATIVE)
def test_relative_without_publication_date_is_unresolved(
    text: str, _s: dt.date, _e: dt.date, _g: str
) -> None:
    m = only(text, published=None)
    assert (m.role, m.period.start, m.period.end, m.period.resolution) == (
        "date", None, None, "unresolved"
    )


def test_by_month_is_the_month_on_or_before_publication() -> None:
    check(only("By May, it had grown."), D(2025, 5, 1), D(2025, 5, 31), "month", "relative")
    assert only("by March").attributes == {"by": True}


# --- anchors ----------------------------------------------------------------------------------

ANCHORS = [
    ("For the week of February 16-22, China led; in the following week the US did.",
     "in the following week", D(2026, 2, 23), D(2026, 3, 1), "week", "inferred"),
    ("Feb 9-15, 2026 it rose; the next week it fell.", "the next week",
     D(2026, 2, 16), D(2026, 2, 22), "week", "explicit"),
    ("In the first week of February 2026 (from the 2nd to the 8th) it rose. Just one week "
     "later it doubled.", "Just one week later", D(2026, 2, 9), D(2026, 2, 15), "week",
     "explicit"),
    ("During the week from February 9th to 15th, 2026, China had 4.12T, vs 2.94T for the US "
     "during the same period.", "during the same period", D(2026, 2, 9), D(2026, 2, 15), "week",
     "explicit"),
    ("In 2025 US models led, and Chinese ones had under 20% in the same period.",
     "in the same period", D(2025, 1, 1), D(2025, 12, 31), "year", "explicit"),
    ("2026年2月9日至15日，中国模型调用量4.12万亿，同期美国模型2.94万亿。", "同期",
     D(2026, 2, 9), D(2026, 2, 15), "week", "explicit"),
    ("2026年2月9日至15日涨了，次周又涨。", "次周", D(2026, 2, 16), D(2026, 2, 22), "week",
     "explicit"),
    ("上周调用量5.2万亿。再往前一周，调用量4.12万亿。", "再往前一周", D(2026, 2, 16),
     D(2026, 2, 22), "week", "relative"),
    ("In Q1 2026 revenue doubled compared with the same period last year.",
     "the same period last year", D(2025, 1, 1), D(2025, 3, 31), "quarter", "explicit"),
    ("2026年2月收入翻倍，去年同期仅一半。", "去年同期", D(2025, 2, 1), D(2025, 2, 28), "month",
     "explicit"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "granularity", "resolution"), ANCHORS
)
def test_anchors(
    text: str, phrase: str, start: dt.date, end: dt.date, granularity: str, resolution: str
) -> None:
    check(only(text, phrase=phrase), start, end, granularity, resolution, role="anchor")


WEEKDAYS = [
    # the latest such day on or before publication (2026-03-05 is a Thursday)
    ("Shares fell 6.2% on Monday.", "on Monday", D(2026, 3, 2)),
    ("Moonshot AI said Thursday that", "Thursday", D(2026, 3, 5)),
    ("The cut took effect on Friday", "on Friday", D(2026, 2, 27)),
    ("公司周一宣布降价", "周一", D(2026, 3, 2)),
    ("星期三公布的数据", "星期三", D(2026, 3, 4)),
]


@pytest.mark.parametrize(("text", "phrase", "day"), WEEKDAYS)
def test_weekdays(text: str, phrase: str, day: dt.date) -> None:
    check(only(text, phrase=phrase), day, day, "day", "relative")


def test_weekday_without_publication_date_is_unresolved() -> None:
    check(only("Shares fell on Monday.", None), None, None, "day", "unresolved")


@pytest.mark.parametrize("text", ["the following week", "during the same period", "同期", "次周",
                                  "one week later"])
def test_anchor_without_a_previous_period_is_unresolved(text: str) -> None:
    check(only(text), None, None, None, "unresolved", role="anchor")


def test_anchor_skips_event_dates() -> None:
    text = ("In the week of Feb 9-15, 2026, the model released on February 13th led; US models "
            "had 2.94T during the same period.")
    m = only(text, phrase="during the same period")
    check(m, D(2026, 2, 9), D(2026, 2, 15), "week", "explicit", role="anchor")


# --- years left out ---------------------------------------------------------------------------

INFERRED_YEARS = [
    # the year that puts the date on or before publication, nearest to it, even when the text
    # names an older year: news states the old year and leaves out the current one
    ("Feb. 26", "Feb. 26", D(2026, 2, 26)),
    ("2月9日", "2月9日", D(2026, 2, 9)),
    ("on December 3rd", "on December 3rd", D(2025, 12, 3)),
    ("In 2024 it started; on January 27th it launched.", "on January 27th", D(2026, 1, 27)),
    ("1.24T in March 3rd to 9th, 2025; on March 2nd, 13.95T", "on March 2nd", D(2026, 3, 2)),
]


@pytest.mark.parametrize(("text", "phrase", "day"), INFERRED_YEARS)
def test_inferred_years(text: str, phrase: str, day: dt.date) -> None:
    check(only(text, phrase=phrase), day, day, "day", "inferred")


INFERRED_WITHOUT_PUBLICATION = [
    # the nearest mention of the same month with a year, even a later one
    ("On February 16th it led. By mid-February 2025 it had doubled.", "On February 16th",
     D(2025, 2, 16)),
    # else the year named last before the date
    ("In 2024 it started; on January 27th it launched.", "on January 27th", D(2024, 1, 27)),
    # a month named with a year the text marks as N years back is that month N years later
    ("一年前（2025年3月3日-9日）才1.24万亿，截至3月5日已经13.95万亿", "截至3月5日", D(2026, 3, 5)),
    ("In March 3rd to 9th, 2025, a year ago, it was small; on March 2nd it led.", "on March 2nd",
     D(2026, 3, 2)),
    # must NOT: without the mark, the nearest year named stays
    ("In March 3rd to 9th, 2025, it was small; on March 2nd it led.", "on March 2nd",
     D(2025, 3, 2)),
]


@pytest.mark.parametrize(("text", "phrase", "day"), INFERRED_WITHOUT_PUBLICATION)
def test_inferred_years_without_publication_date(text: str, phrase: str, day: dt.date) -> None:
    check(only(text, published=None, phrase=phrase), day, day, "day", "inferred")


WEEKDAY_PINNED = [
    # a Monday-Sunday week written without its year, in a text that names other years only:
    # the one year near them in which it starts on a Monday; it also dates the month elsewhere
    ("From August 2024 to August 2025 ... For the week of February 16-22, 61%.",
     "For the week of February 16-22", D(2026, 2, 16), D(2026, 2, 22), "week", "inferred"),
    ("A milestone came in late February. In 2025 ... For the week of February 16-22, 61%.",
     "in late February", D(2026, 2, 21), D(2026, 2, 28), None, "fuzzy"),
    ("Since 2024 ... during the week of March 3-9 it led.", "during the week of March 3-9",
     D(2025, 3, 3), D(2025, 3, 9), "week", "inferred"),
]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end", "granularity", "resolution"), WEEKDAY_PINNED
)
def test_a_week_without_its_year_is_pinned_by_its_weekdays(
    text: str, phrase: str, start: dt.date, end: dt.date, granularity: str | None,
    resolution: str,
) -> None:
    check(only(text, published=None, phrase=phrase), start, end, granularity, resolution)


@pytest.mark.parametrize("text", [
    "the week of February 16-22 (no year named anywhere)",
    # 1999-2001: February 16th is never a Monday, so nothing pins the year
    "For the week of February 16-22, 61%. It had begun in 2000.",
])
def test_no_weekday_pin_leaves_the_year_unresolved(text: str) -> None:
    mentions = [m for m in find_periods(text, None) if "February" in m.text]
    assert mentions and all(m.period.start is None for m in mentions), mentions


@pytest.mark.parametrize("text", ["February 16th", "Feb. 26", "2月9日", "late February",
                                  "the week from the 9th to the 15th"])
def test_no_year_anywhere_is_unresolved(text: str) -> None:
    m = only(text, published=None)
    assert (m.period.start, m.period.end, m.period.resolution) == (None, None, "unresolved")


# --- durations --------------------------------------------------------------------------------

DURATIONS = [
    ("in three weeks", 21, "exact"),
    ("in less than a year", 365, "at_most"),
    ("in 20 days", 20, "exact"),
    ("in just five years", 1825, "exact"),
    ("five years", 1825, "exact"),
    ("within a month", 30, "exact"),
    ("in less than a week", 7, "at_most"),
    ("within 30\u202fdays", 30, "exact"),
    ("in two years", 730, "exact"),
    ("三周内", 21, "exact"),
    ("不到一年", 365, "at_most"),
    ("两个月", 60, "exact"),
]


@pytest.mark.parametrize(("text", "days", "qualifier"), DURATIONS)
def test_durations(text: str, days: int, qualifier: str) -> None:
    m = only(text)
    assert m.role == "duration"
    assert (m.attributes["days"], m.attributes["qualifier"]) == (days, qualifier)
    assert m.period.start is None and m.period.end is None


# --- events -----------------------------------------------------------------------------------

EVENTS = [
    ("released on February 13th", "on February 13th", True),
    ("the M2.5 model released by MiniMax on February 13th", "on February 13th", True),
    ("NetEase data published on Feb. 26, 2026, shows", "on Feb. 26, 2026", True),
    ("Since the release of GLM-5 on February 12th, usage grew", "on February 12th", True),
    ("2月13日发布的M2.5", "2月13日", True),
    ("2月13日刚刚发布的MiniMax M2.5", "2月13日", True),
    ("2月12日正式上线的GLM-5", "2月12日", True),
    ("2月13日调用量上升", "2月13日", False),
    ("Usage on February 13th rose", "on February 13th", False),
    ("It was released. On February 13th usage rose", "On February 13th", False),
]


@pytest.mark.parametrize(("text", "phrase", "event"), EVENTS)
def test_event_dates(text: str, phrase: str, event: bool) -> None:
    m = only(text, phrase=phrase)
    assert m.role == "date" and m.period.granularity == "day"
    assert m.attributes.get("event", False) is event


# --- must not parse ---------------------------------------------------------------------------

MUST_NOT_PARSE = [
    "M2.5", "V3.2", "4.12 trillion", "No. 1", "16.7 times", "127%", "15-year plan", "24/7",
    "K2.5", "2.45 trillion", "2025 tokens", "the 9th", "Grok 4 (expected 2027 release)",
    "we may see", "the march of progress", "Jan", "1,2025", "up 2025%", "Nvidia's H200",
    "Q4_K_M", "第三周", "2月后", "近年来", "GPT-4o", "+45 %", "10^13", "$25", "35%",
    "2.5 years",
    # day names: lower case is not a name, a "Monday to Sunday" span is no date, 周日均 is
    # "weekly daily average", 每周一 is every Monday
    "the monday slump", "Weeks run Monday to Sunday", "Monday-Friday", "（周一至周日）",
    "周日均调用量", "每周一更新",
]


@pytest.mark.parametrize("text", MUST_NOT_PARSE)
def test_must_not_parse(text: str) -> None:
    assert find_periods(text, PUB) == []


@pytest.mark.parametrize("text", ["两周前五名", "三天前后", "上一周前十", "3月前", "第二年前"])
def test_not_ago(text: str) -> None:
    """前 starting a ranking ("前五名"), 前后 (around) and a month name are no "ago"."""
    assert not [m for m in find_periods(text, PUB) if m.attributes.get("ago")]


@pytest.mark.parametrize(("text", "phrase", "start", "end", "granularity"), [
    # right after a shorter period, "N units ago" moves that period back, as "earlier" does
    ("13% last week, up from 1% a year ago", "a year ago", D(2025, 2, 23), D(2025, 3, 1), "week"),
    ("上周份额为13%，一年前仅为1%", "一年前", D(2025, 2, 23), D(2025, 3, 1), "week"),
    # must NOT: alone, or glued to the date it restates, it is the calendar unit
    ("1% a year ago", "a year ago", D(2025, 1, 1), D(2025, 12, 31), "year"),
    ("In March 3rd to 9th, 2025, a year ago, it was small", "a year ago", D(2025, 1, 1),
     D(2025, 12, 31), "year"),
])
def test_ago_after_a_shorter_period(
    text: str, phrase: str, start: dt.date, end: dt.date, granularity: str
) -> None:
    m = only(text, phrase=phrase)
    assert (m.period.start, m.period.end, m.period.granularity) == (start, end, granularity)
    assert m.attributes.get("ago")


@pytest.mark.parametrize(("text", "start", "end"), [
    # the weeks that end with the week of a day: a total, marked with how many weeks
    ("in the three weeks to February 22", D(2026, 2, 2), D(2026, 2, 22)),
    ("over the past 4 weeks ending March 1", D(2026, 2, 2), D(2026, 3, 1)),
])
def test_weeks_to_a_day(text: str, start: dt.date, end: dt.date) -> None:
    m = only(text)
    assert (m.period.start, m.period.end, m.period.granularity) == (start, end, "total")
    assert m.attributes["weeks"] == int((end - start).days + 1) // 7


@pytest.mark.parametrize(("text", "start", "end"), [
    ("in Q1", D(2026, 1, 1), D(2026, 3, 31)),
    ("the Q4 results", D(2025, 10, 1), D(2025, 12, 31)),  # the last Q4, not one to come
])
def test_a_quarter_without_its_year(text: str, start: dt.date, end: dt.date) -> None:
    check(only(text), start, end, "quarter", "inferred")


def test_a_comparison_base_is_not_what_the_same_period_refers_to() -> None:
    text = ("6.49 trillion tokens in the week to March 1, up 10% from the previous week, while "
            "US models handled 4.7 trillion in the same period")
    same = only(text, phrase="in the same period")
    assert (same.period.start, same.period.end) == (D(2026, 2, 23), D(2026, 3, 1))


def test_a_lone_ordinal_with_no_month_anywhere_is_never_a_date() -> None:
    for m in find_periods("from the 9th to the 15th", PUB):
        assert m.period.resolution == "unresolved"


# --- offsets and Unicode ----------------------------------------------------------------------

UNICODE = [
    ("by the end of 2026\u202fit", "by the end of 2026", D(2026, 12, 1)),
    ("February\u00a016\u201322,\u202f2026", "February\u00a016\u201322,\u202f2026", D(2026, 2, 16)),
    ("Ｑ１ ２０２６", "Ｑ１ ２０２６", D(2026, 1, 1)),
    ("２０２６年２月９日至１５日", "２０２６年２月９日至１５日", D(2026, 2, 9)),
    ("mid\u2011February\u00a02026", "mid\u2011February\u00a02026", D(2026, 2, 11)),
    ("İİ In February 2026", "In February 2026", D(2026, 2, 1)),
    ("IN MARCH 2026", "IN MARCH 2026", D(2026, 3, 1)),
]


@pytest.mark.parametrize(("text", "phrase", "start"), UNICODE)
def test_offsets_index_the_original_text(text: str, phrase: str, start: dt.date) -> None:
    m = only(text, phrase=phrase)
    assert text[m.start : m.end] == m.text == m.period.text == phrase
    assert m.period.start == start


def test_mentions_come_in_text_order() -> None:
    text = ("In February, calls surged. During the week from the 9th to the 15th they doubled; "
            "during the same period US calls fell. In the past year, totals grew in three weeks.")
    mentions = find_periods(text, PUB)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [m.role for m in mentions] == ["date", "date", "anchor", "date", "duration"]


# --- granularity cues -------------------------------------------------------------------------

CUES = [
    ("weekly call volume", "week"),
    ("in a single week", "week"),
    ("calls per week", "week"),
    ("周调用量", "week"),
    ("daily average", "day"),
    ("140 billion a day", "day"),
    ("per day", "day"),
    ("日均调用量", "day"),
    ("monthly token call share", "month"),
    ("月度调用量", "month"),
    ("in the past year", "total"),
    ("processed 50 trillion tokens in total", "total"),
    # must NOT: "total" of all the parts, not of all time ("the total call volume of the Top
    # 5", "in total OpenRouter traffic")
    ("the total call volume", None),
    ("in total OpenRouter traffic", None),
    ("cumulative revenue", "total"),
    ("累计收入", "total"),
    ("annual compound growth rate", "year"),
    ("年度收入", "year"),
    ("in less than a week", None),
    ("the week-over-week change", None),
    ("周年庆", None),
    ("4.12 trillion tokens", None),
]


@pytest.mark.parametrize(("text", "granularity"), CUES)
def test_granularity_cue(text: str, granularity: str | None) -> None:
    first = [g for _start, _end, g in granularity_cues(text)][:1]
    assert first == ([granularity] if granularity else [])


def test_granularity_cues_come_with_their_offsets_in_order() -> None:
    text = "weekly usage reached 9.8T, pushing the daily average above 1.5T"
    assert granularity_cues(text) == [(0, 6, "week"), (39, 44, "day")]


# --- speed and pathological inputs ------------------------------------------------------------

PATHOLOGICAL = [
    "1" * 50000, "$" * 50000, "1." * 20000, "(" * 20000, "trillion " * 10000,
    "February " * 10000, "the week of " * 5000, "2025 " * 10000, "in " * 10000, "1-" * 20000,
    "Feb 1-" * 5000, "年" * 30000, "2月" * 20000, "the same period " * 5000,
]


@pytest.mark.parametrize("text", PATHOLOGICAL, ids=lambda t: repr(t[:12]))
def test_pathological_inputs_return_quickly(text: str) -> None:
    started = time.perf_counter()
    find_periods(text, PUB)
    granularity_cues(text)
    assert time.perf_counter() - started < 2.0
