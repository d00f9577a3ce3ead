"""A language's index redone only where some pages changed is the index made from every page anew."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.search.page_index import PageIndex, PageText
from gongkai.search.postings import decode
from gongkai.search.site_index import SiteIndex

EXAMPLES = settings(max_examples=150, deadline=None, derandomize=True, database=None)
TERMS = st.sampled_from(["服", "服務", "服務品", "滿意度", "service", "service quality", 'a "quoted" \\ term', "臺"])
MASKS = st.dictionaries(TERMS, st.integers(min_value=1, max_value=(1 << 31) - 1), max_size=6)


def _page(number: int, masks: dict[str, int], chunks: tuple[str, ...] = ('[["",["text"]]]',)) -> PageIndex:
    kind = ("plan", "results", "agency", "page")[number % 4]
    return PageIndex(PageText(url=f"p{number}/", title=f"page {number}", kind=kind, agency=f"agency {number % 3}",
                              year=110 + number % 5 if kind in ("plan", "results") else None, chunks=chunks),
                     masks)


@EXAMPLES
@given(st.lists(MASKS, min_size=1, max_size=8), st.data())
def test_an_index_with_some_pages_changed_is_the_index_of_the_changed_pages(before, data):
    pages = [_page(number, masks) for number, masks in enumerate(before)]
    index = SiteIndex.of(pages)
    numbers = {page.url: n for n, page in enumerate(index.pages)}
    changed = data.draw(st.lists(st.sampled_from(range(len(pages))), unique=True, max_size=len(pages)))
    after = list(pages)
    changes = {}
    for n in changed:
        after[n] = _page(n, data.draw(MASKS), chunks=('[["x",["changed"]]]',))
        changes[numbers[after[n].text.url]] = (pages[n], after[n])
    assert index.patched(changes) == SiteIndex.of(after)


def test_a_term_no_page_holds_any_more_leaves_the_index():
    pages = [_page(0, {"服務": 1, "滿意度": 2}), _page(1, {"服務": 2})]
    index = SiteIndex.of(pages)
    patched = index.patched({0: (pages[0], _page(0, {"服務": 4}))})
    assert set(patched.pieces) == {"服務"}
    assert decode(json.loads(b"{" + patched.pieces["服務"] + b"}")["服務"]) == ([0, 1], [4, 2])


def test_an_index_holds_the_terms_of_one_page_at_a_time() -> None:
    """However large the site, the pages' shares are not all held at once: each is let go once taken in."""
    import gc
    import weakref

    taken: list[weakref.ref] = []

    def shares():
        for number in range(8):
            page = _page(number, {"服務": 2, f"t{number}": 4})
            taken.append(weakref.ref(page))
            yield page
            del page
            gc.collect()
            # The share before the one just taken is held by nothing any more.
            assert len(taken) < 2 or taken[-2]() is None

    index = SiteIndex.of(shares())
    assert index == SiteIndex.of([_page(number, {"服務": 2, f"t{number}": 4}) for number in range(8)])
    assert [page.kind for page in index.pages] == ["plan", "plan", "results", "results", "agency", "agency",
                                                   "page", "page"]
