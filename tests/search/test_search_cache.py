"""The index kept between builds: after some pages changed, only those are read again, and the index written
is the very bytes a cold index of the same pages gives; an entry that is not whole is never trusted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gongkai.search import LanguageFolder, indexing, write_index, write_indexes
from gongkai.search.cache import PageCache

PAGE = """<!doctype html><html lang="zh-Hant-TW"><head><meta name="DC.Creator" content="{agency}"></head><body>
<nav>導覽</nav><article><h1>{title}</h1>
<h2 id="goals">計畫目標</h2><p>{text}</p>
<h2 id="items">執行項目</h2><ul><li>志工服務，提升民眾滿意度。</li><li>{text}</li></ul>
<table><tr><th id="a1">推動 volunteers service</th><td>{text}</td></tr></table>
</article></body></html>"""

PAGES = {
    "plans/a-office/114/": ("甲公所", "甲公所114年服務品質計畫", "簡化申辦流程，縮短等候時間。"),
    "plans/a-office/113/": ("甲公所", "甲公所113年服務品質計畫", "設置單一窗口，便民服務。"),
    "plans/a-office/114/results/": ("甲公所", "甲公所114年執行成效", "滿意度達九成。"),
    "plans/b-office/114/": ("乙戶政", "乙戶政114年服務品質計畫", "臺南市戶政服務 online booking。"),
    "plans/a-office/": ("甲公所", "甲公所", "機關簡介。"),
    "about/": ("", "關於本站", "本站公開各機關的服務品質計畫。"),
}


def _write(site: Path, url: str, agency: str, title: str, text: str) -> None:
    folder = site / url
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(PAGE.format(agency=agency, title=title, text=text), encoding="utf-8")


def _site(folder: Path, pages: dict[str, tuple[str, str, str]] = PAGES) -> Path:
    for url, page in pages.items():
        _write(folder, url, *page)
    return folder


def _index_bytes(site: Path) -> dict[str, bytes]:
    target = site / "search"
    return {p.relative_to(target).as_posix(): p.read_bytes() for p in sorted(target.rglob("*")) if p.is_file()}


def _cold(site: Path, tmp_path: Path, lang: str = "zh-TW") -> dict[str, bytes]:
    """The index a build without a cache writes for the same pages."""
    copy = tmp_path / "cold"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("search"))
    write_index(copy, lang)
    return _index_bytes(copy)


@pytest.fixture
def counted(monkeypatch) -> dict[str, int]:
    """How many pages are read, and how many kept shares are loaded."""
    counts = {"read": 0, "loaded": 0}
    read, load = indexing.read_page, PageCache.load

    def counting_read(html, url):
        counts["read"] += 1
        return read(html, url)

    def counting_load(self, key):
        counts["loaded"] += 1
        return load(self, key)

    monkeypatch.setattr(indexing, "read_page", counting_read)
    monkeypatch.setattr(PageCache, "load", counting_load)
    return counts


def _entries(cache: Path, lang: str = "zh-TW") -> set[str]:
    return {p.name for p in PageCache(cache, lang).pages.iterdir()}


def test_after_one_page_changed_only_it_is_read_and_the_index_is_the_same_as_a_cold_one(tmp_path, counted):
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    assert counted["read"] == len(PAGES)
    _write(site, "plans/a-office/113/", "甲公所", "甲公所113年服務品質計畫", "改為線上預約，不必排隊。")
    counted.update(read=0, loaded=0)
    write_index(site, "zh-TW", cache=cache)
    # The changed page is read; of the kept shares, only its old one is loaded (its new one is not kept yet).
    assert counted == {"read": 1, "loaded": 2}
    assert _index_bytes(site) == _cold(site, tmp_path)


def test_an_unchanged_site_reads_no_page(tmp_path, counted):
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    first = _index_bytes(site)
    counted.update(read=0, loaded=0)
    write_index(site, "zh-TW", cache=cache)
    assert counted == {"read": 0, "loaded": 0}
    assert _index_bytes(site) == first


def test_a_page_whose_place_changed_gives_the_same_index_as_a_cold_one(tmp_path, counted):
    # Another agency name sorts the page elsewhere: the pages after it are numbered anew.
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    _write(site, "plans/b-office/114/", "丙戶政", "乙戶政114年服務品質計畫", "臺南市戶政服務 online booking。")
    counted.update(read=0)
    write_index(site, "zh-TW", cache=cache)
    assert counted["read"] == 1
    assert _index_bytes(site) == _cold(site, tmp_path)


def test_pages_added_and_removed_give_the_same_index_as_a_cold_one_and_the_cache_keeps_only_the_current_pages(
        tmp_path, counted):
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    assert len(_entries(cache)) == len(PAGES)
    shutil.rmtree(site / "about")
    _write(site, "plans/c-office/114/", "丙公所", "丙公所114年服務品質計畫", "增設無障礙坡道。")
    counted.update(read=0)
    write_index(site, "zh-TW", cache=cache)
    assert counted["read"] == 1
    assert _index_bytes(site) == _cold(site, tmp_path)
    current = {PageCache.key((site / url / "index.html").read_bytes(), url)
               for url in [*PAGES.keys() - {"about/"}, "plans/c-office/114/"]}
    assert _entries(cache) == current


def test_a_damaged_or_half_written_entry_is_not_trusted(tmp_path, counted):
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    folder = PageCache(cache, "zh-TW").pages
    cut, damaged = (folder / PageCache.key((site / url / "index.html").read_bytes(), url)
                    for url in ("plans/a-office/113/", "about/"))
    cut.write_bytes(cut.read_bytes()[:-10])  # as if the build had stopped while writing it
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    (folder / ".0a1b2c3d.4242-5e6f7a8b.partial").write_bytes(b"half")  # what an interrupted build leaves
    _write(site, "plans/a-office/113/", "甲公所", "甲公所113年服務品質計畫", "改為線上預約，不必排隊。")
    counted.update(read=0)
    write_index(site, "zh-TW", cache=cache)
    # The changed page's old share is cut short: the index is made again from every page's share, and the
    # page whose share is damaged is read again.
    assert counted["read"] == 2
    assert _index_bytes(site) == _cold(site, tmp_path)
    assert not (folder / ".0a1b2c3d.4242-5e6f7a8b.partial").exists()


def test_a_damaged_kept_index_is_not_trusted(tmp_path, counted):
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache)
    kept = PageCache(cache, "zh-TW").index_file
    kept.write_bytes(kept.read_bytes()[:-1] + b"\x00")
    _write(site, "plans/a-office/113/", "甲公所", "甲公所113年服務品質計畫", "改為線上預約，不必排隊。")
    counted.update(read=0, loaded=0)
    write_index(site, "zh-TW", cache=cache)
    # The index is made again from every page's share: the changed page is read, the others' loaded.
    assert counted["read"] == 1 and counted["loaded"] == len(PAGES)
    assert _index_bytes(site) == _cold(site, tmp_path)


def test_languages_indexed_side_by_side_in_processes_give_the_same_files(tmp_path):
    sites = {}
    for jobs in (1, 2):
        site = _site(tmp_path / f"site-{jobs}")
        _site(site / "en")
        write_indexes([LanguageFolder(site, "zh-TW", skip=("en/",)), LanguageFolder(site / "en", "en")],
                      cache=tmp_path / f"cache-{jobs}", jobs=jobs)
        sites[jobs] = (_index_bytes(site), _index_bytes(site / "en"))
    assert sites[1] == sites[2]
    assert sites[1][0] != sites[1][1]  # Chinese and English are indexed each in its own way


def _rebuilt(site: Path, folder: Path) -> Path:
    """The pages of `site` in a new folder, as the next build stages them, the site built before left as it is."""
    shutil.copytree(site, folder, ignore=shutil.ignore_patterns("search"))
    return folder


def test_unchanged_files_are_linked_from_the_site_built_before_which_keeps_its_own(tmp_path):
    before, cache = _site(tmp_path / "before"), tmp_path / "cache"
    write_index(before, "zh-TW", cache=cache)
    first = _index_bytes(before)
    site = _rebuilt(before, tmp_path / "site")
    _write(site, "about/", "", "關於本站", "本站公開各機關的服務品質計畫與執行成效。")
    write_index(site, "zh-TW", cache=cache, before=before)
    assert _index_bytes(site) == _cold(site, tmp_path)
    assert _index_bytes(before) == first
    # The plans' chunks did not change: the very files of the site before; the changed page's chunk is new.
    about = next(name for name, data in first.items() if name.startswith("d/") and b'"u":"about/"' in data)
    plan = next(name for name, data in first.items() if name.startswith("d/") and b'"u":"plans/' in data)
    assert (site / "search" / plan).stat().st_ino == (before / "search" / plan).stat().st_ino
    assert (site / "search" / about).stat().st_ino != (before / "search" / about).stat().st_ino


def test_a_site_built_before_from_another_index_is_not_linked_from(tmp_path):
    # The site in place is not the one the kept index wrote (a build that failed after indexing, or a site
    # put there by hand): none of its files is taken.
    before, cache = _site(tmp_path / "before"), tmp_path / "cache"
    write_index(before, "zh-TW", cache=cache)
    index = before / "search" / "index.json"
    index.unlink()
    index.write_text("{}", encoding="utf-8")
    shard = before / "search" / "t" / "0.json"
    shard.unlink()
    shard.write_text("{}", encoding="utf-8")
    site = _rebuilt(before, tmp_path / "site")
    write_index(site, "zh-TW", cache=cache, before=before)
    assert _index_bytes(site) == _cold(site, tmp_path)
    assert not any(p.stat().st_nlink > 1 for p in (site / "search").rglob("*") if p.is_file())


def test_an_index_rebuilt_in_its_own_folder_rewrites_only_what_changed_and_drops_what_is_gone(tmp_path):
    # The preview rebuilds its site in place: the index there is updated, not written anew.
    site, cache = _site(tmp_path / "site"), tmp_path / "cache"
    write_index(site, "zh-TW", cache=cache, before=site)
    first = _index_bytes(site)
    plan = next(name for name, data in first.items() if name.startswith("d/") and b'"u":"plans/' in data)
    kept = (site / "search" / plan).stat().st_ino
    stale = site / "search" / "d" / "999" / "1.json"
    stale.parent.mkdir()
    stale.write_text("{}", encoding="utf-8")
    _write(site, "about/", "", "關於本站", "本站公開各機關的服務品質計畫與執行成效。")
    write_index(site, "zh-TW", cache=cache, before=site)
    assert _index_bytes(site) == _cold(site, tmp_path)
    assert (site / "search" / plan).stat().st_ino == kept
    assert not stale.parent.exists()
