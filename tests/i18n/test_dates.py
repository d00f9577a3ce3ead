import datetime

from gongkai.i18n.dates import format_date, format_deadline, year_label


def test_chinese_dates_use_the_roc_calendar():
    assert format_date("2025-01-31", "zh-TW") == "民國114年1月31日"
    assert format_date("2025-01-31", "zh-TW", short=True) == "114年1月31日"
    assert format_date(datetime.date(2006, 12, 31), "zh-TW") == "民國95年12月31日"


def test_english_dates_read_day_month_year():
    assert format_date("2025-01-31", "en") == "31 January 2025"


def test_months_without_day():
    assert format_date("2014-04", "zh-TW") == "民國103年4月"
    assert format_date("2014-04", "en") == "April 2014"


def test_years_show_both_calendars_in_english():
    assert year_label(114, "en") == "2025 (ROC 114)"
    assert year_label(114, "zh-TW") == "114年"


def test_deadlines_in_both_languages():
    assert format_deadline("ongoing", "zh-TW") == "持續辦理"
    assert format_deadline("ongoing", "en") == "Ongoing"
    assert format_deadline({"every_year": "12-31"}, "zh-TW") == "每年12月31日前"
    assert format_deadline({"every_year": "12-31"}, "en") == "By 31 December each year"
    assert format_deadline("2006-10-30", "zh-TW") == "95年10月30日"
    assert format_deadline({"as_written": "95.11.31"}, "en") == "95.11.31"
