from gongkai.i18n.quantities import format_frequency, format_measured, format_target, target_figure, target_for

SCORE = {"metric": "測試分數", "comparator": ">=", "value": 80, "unit": "分"}
SAMPLE = {"metric": "抽測正確件數", "comparator": ">=", "value": 26, "unit": "件", "of": 30}


def test_targets_read_as_comparisons():
    assert format_target(SCORE, "zh-TW") == "測試分數 ≥ 80分"
    assert format_target(SAMPLE, "zh-TW") == "抽測正確件數 ≥ 26件（共30件）"
    assert format_target({"metric": {"zh-TW": "解決率", "en": "Resolution rate"}, "comparator": ">=",
                          "value": 95, "unit": "%"}, "en") == "Resolution rate ≥ 95%"


def test_frequencies_in_both_languages():
    half_year = {"times": 1, "per": "half-year", "at_least": True}
    assert format_frequency(half_year, "zh-TW") == "每半年至少1次"
    assert format_frequency(half_year, "en") == "At least once every six months"
    assert format_frequency({"times": 2, "per": "month"}, "en") == "Twice a month"


def test_measured_values_find_their_target():
    targets = [dict(SCORE, id="score"), SAMPLE]
    assert target_for({"value": 1, "target": "score"}, targets) is targets[0]
    assert target_for({"value": 1, "target": 2}, targets) is targets[1]
    assert target_for({"value": 1}, [SCORE]) is SCORE
    assert target_for({"value": 1}, targets) is None
    assert format_measured({"value": 85}, SCORE, "zh-TW") == "測試分數：85分"


def test_target_figure_keeps_multi_word_english_metrics_apart():
    target = {"metric": {"zh-TW": "7日內回復比率", "en": "Share of cases answered within 7 days"},
              "comparator": ">=", "value": 95, "unit": "%"}
    assert target_figure(target, "en") == "≥ 95%"
    assert format_target(target, "en") == "Share of cases answered within 7 days ≥ 95%"
