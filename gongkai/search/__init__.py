"""Site search: a sharded index of the built pages that the reader's browser fetches a little of per query.

Chinese is found by substring: every text is cut into overlapping character n-grams (1 to 3 characters), so a
query of any length is looked up by its own n-grams, whatever words it spans. English is found by words. The
index is written beside each language's pages (`search/`) by `write_index`, which the build calls for every
language (`write_indexes`) once the pages are built, keeping what each page gave the index in its cache
(`gongkai.search.cache`) for the next build; `static/search.js` is the reader's side, and follows the same text
rules (`gongkai.search.text`).
"""

from importlib import resources

from gongkai.search.index import LanguageFolder, interface, write_index, write_indexes

__all__ = ["LanguageFolder", "assets", "interface", "write_index", "write_indexes"]

# The reader's side: site path → file name in static/.
ASSETS = {"assets/search.js": "search.js", "assets/search.css": "search.css"}


def assets() -> list[tuple[str, str]]:
    """The search box's script and stylesheet: (site path, content)."""
    static = resources.files(__name__).joinpath("static")
    return [(path, static.joinpath(name).read_text(encoding="utf-8")) for path, name in ASSETS.items()]
