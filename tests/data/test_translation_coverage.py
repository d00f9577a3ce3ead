from gongkai.data.translation_coverage import file_coverage


def test_counts_translated_text_fields_only():
    plan = {
        "title": {"zh-TW": "計畫", "en": "Plan"},
        "year": 114,
        "sections": [
            {"kind": "goals", "heading": "目標", "items": ["一", {"zh-TW": "二", "en": "Two"}]},
            {"kind": "body", "items": [{"id": "a1", "text": "項目", "deadline": "ongoing", "units": ["秘書室"]}]},
        ],
    }
    coverage = file_coverage(plan, "plan")
    assert (coverage.translated, coverage.total) == (2, 6)


def test_results_keys_are_not_text():
    results = {"results": {"a1": {"status": "completed", "narrative": {"zh-TW": "完成", "en": "Done"}}}}
    coverage = file_coverage(results, "results")
    assert (coverage.translated, coverage.total) == (1, 1)
