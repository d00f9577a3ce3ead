"""The text rules the index and the reader's script share."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.search import text
from gongkai.search.index import fnv1a
from gongkai.search.page_index import terms

EXAMPLES = settings(max_examples=300, deadline=None, derandomize=True, database=None)
# Chinese, English, full-width forms, compatibility characters, marks, invisible and odd spaces.
SAMPLES = st.text(alphabet=st.sampled_from(list("服務滿意度臺台年度ＳＯＰ（）㈱ｶﾞé\u0301 \t\u3000\u200b\u00ad,.;-_'"
                                              "AbcServicesagenciesboxes19９")), max_size=40)


def test_folding_drops_invisible_characters_and_evens_out_forms():
    assert text.fold("服務\u200b滿意度") == "服務滿意度"
    assert text.fold("ＳＯＰ（一）") == "sop(一)"
    assert text.fold("臺南市") == "台南市"
    assert text.fold("A\u3000b\tc") == "a b c"


def test_segments_are_runs_of_letters_and_digits():
    assert text.segments(text.fold("標準作業流程（SOP），公布於1999專線。")) == ["標準作業流程", "sop", "公布於1999專線"]


def test_grams_of_a_run_are_every_substring_up_to_three_characters():
    found = {"服務"}
    text.add_grams("滿意度", found)
    assert found == {"服務", "滿", "意", "度", "滿意", "意度", "滿意度"}


def test_a_query_is_looked_up_by_itself_or_by_enough_longest_grams_to_cover_it():
    assert text.query_grams("滿意") == ["滿意"]
    assert text.query_grams("滿意度調") == ["滿意度", "意度調"]
    assert text.query_grams("標準作業流程") == ["標準作", "業流程"]
    assert text.query_grams("一二三四五六七") == ["一二三", "四五六", "五六七"]


@EXAMPLES
@given(st.text(alphabet="服務滿意度調查", min_size=1, max_size=12))
def test_a_query_is_looked_up_by_few_of_its_own_grams_from_its_start_to_its_end(query):
    # Each is a piece of the query, so every page holding the query holds them all: nothing is missed.
    grams = text.query_grams(query)
    assert all(gram in query and len(gram) == min(len(query), text.GRAM) for gram in grams)
    assert query.startswith(grams[0]) and any(query.endswith(gram) for gram in grams)
    assert len(grams) <= -(-len(query) // text.GRAM)


def test_english_words_fold_their_plural():
    cases = {"services": "service", "agencies": "agency", "processes": "process", "boxes": "box", "status": "status",
             "access": "access", "analysis": "analysis", "bus": "bus", "plans": "plan", "is": "is", "ramps": "ramp"}
    assert {w: text.word(w) for w in cases} == cases


def test_english_segments_split_chinese_from_words():
    assert list(text.words_and_runs("114年度")) == [(False, "114"), (True, "年度")]


def test_the_shard_hash_is_fnv1a_over_code_points():
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C


@EXAMPLES
@given(SAMPLES)
def test_the_index_cuts_a_text_into_the_segments_the_rules_give(value):
    assert text.indexed_segments(value) == text.segments(text.fold(value))


def _rules_terms(value: str, how: str) -> set[str]:
    """The terms of a text as the rules say, one step after the other."""
    found: set[str] = set()
    previous = None
    for segment in text.segments(text.fold(value)):
        if how == "zh":
            text.add_grams(segment, found)
            continue
        for cjk, run in text.words_and_runs(segment):
            if cjk:
                text.add_grams(run, found)
                previous = None
            else:
                found.add(text.word(run))
                if previous is not None:
                    found.add(previous + " " + text.word(run))
                previous = text.word(run)
    return found


@EXAMPLES
@given(SAMPLES, st.sampled_from(["zh", "en"]))
def test_a_texts_terms_are_those_the_rules_give(value, how):
    assert terms(value, how) == _rules_terms(value, how)
