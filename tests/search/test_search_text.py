"""The text rules the index and the reader's script share."""

from __future__ import annotations

from gongkai.search import text
from gongkai.search.index import fnv1a


def test_folding_drops_invisible_characters_and_evens_out_forms():
    assert text.fold("服務\u200b滿意度") == "服務滿意度"
    assert text.fold("ＳＯＰ（一）") == "sop(一)"
    assert text.fold("臺南市") == "台南市"
    assert text.fold("A\u3000b\tc") == "a b c"


def test_segments_are_runs_of_letters_and_digits():
    assert text.segments(text.fold("標準作業流程（SOP），公布於1999專線。")) == ["標準作業流程", "sop", "公布於1999專線"]


def test_grams_of_a_run_are_every_substring_up_to_three_characters():
    assert text.grams("滿意度") == {"滿", "意", "度", "滿意", "意度", "滿意度"}
    assert text.query_grams("滿意") == ["滿意"]
    assert text.query_grams("標準作業流程") == ["標準作", "準作業", "作業流", "業流程"]


def test_english_words_fold_their_plural():
    cases = {"services": "service", "agencies": "agency", "processes": "process", "boxes": "box", "status": "status",
             "access": "access", "analysis": "analysis", "bus": "bus", "plans": "plan", "is": "is", "ramps": "ramp"}
    assert {w: text.word(w) for w in cases} == cases


def test_english_segments_split_chinese_from_words():
    assert list(text.words_and_runs("114年度")) == [(False, "114"), (True, "年度")]


def test_the_shard_hash_is_fnv1a_over_code_points():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C
