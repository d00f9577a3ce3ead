"""A term's postings as a shard holds them: written short, and read back as they were."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.search.postings import DIGITS, decode, encode

EXAMPLES = settings(max_examples=300, deadline=None, derandomize=True, database=None)
MASKS = st.integers(min_value=1, max_value=(1 << 31) - 1)


@st.composite
def postings(draw) -> tuple[list[int], list[int]]:
    numbers = sorted(draw(st.sets(st.integers(min_value=0, max_value=5000), min_size=1, max_size=60)))
    table = draw(st.lists(MASKS, min_size=1, max_size=40, unique=True))
    return numbers, [draw(st.sampled_from(table)) for _ in numbers]


@EXAMPLES
@given(postings())
def test_postings_are_read_back_as_they_were_written(written):
    text = encode(*written)
    assert set(text) <= set(DIGITS)  # nothing JSON would escape
    assert decode(text) == written


def test_the_written_form_is_the_documented_one():
    # Two masks (2, the most frequent, then 4); two runs: pages 0-2 (gap 0, length 3) and 5 (gap 2, length 1);
    # each page's mask by its place in the masks.
    assert encode([0, 1, 2, 5], [2, 4, 2, 2]) == "C" + "CE" + "C" + "AC" + "CA" + "ABAA"
    # One mask: no places. A number of 32 or more takes a character a further one follows.
    assert encode([40], [1 << 30]) == "B" + "ggggggB" + "B" + "oBA"


def test_a_term_on_consecutive_pages_with_one_mask_takes_a_few_characters_however_many_the_pages():
    assert len(encode(list(range(2000)), [6] * 2000)) <= 8
    many = encode(list(range(0, 4000, 2)), [6, 2] * 1000)
    assert len(many) <= 3 * 2000 + 10
