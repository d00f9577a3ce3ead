"""Checks of one page or download, on small hand-made inputs."""

from __future__ import annotations

import hashlib
import io
import zipfile

from gongkai.spotcheck.checks import (
    SamplePage,
    consistency_problems,
    download_problems,
    internal_links,
    missing_meta,
    missing_parts,
    parse,
)

BASE = "https://host/plans-portal/"


def entry(body: bytes, fmt: str) -> dict:
    return {"format": fmt, "url": f"x.{fmt}", "bytes": len(body), "sha256": hashlib.sha256(body).hexdigest()}


def odf(mimetype: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def test_a_download_that_matches_its_entry_and_opens_has_no_problems():
    for body, fmt in ((b"\xef\xbb\xbfid,status\na1,completed\n", "csv"), (b'{"rows": []}', "json"),
                      (odf("application/vnd.oasis.opendocument.spreadsheet"), "ods")):
        assert download_problems(body, entry(body, fmt)) == []


def test_a_download_that_does_not_open_as_its_format_is_reported():
    for body, fmt in ((b'{"rows": [', "json"), (b"\xff\xfe", "csv"), (b"not a zip", "odt"),
                      (odf("application/vnd.oasis.opendocument.text"), "ods")):
        assert [p.message for p in download_problems(body, entry(body, fmt))] == ["download_unreadable"], fmt


def test_a_changed_download_is_reported_by_size_and_checksum():
    expected = entry(b"id\na1\n", "csv")
    assert [p.message for p in download_problems(b"id\na2\n", expected)] == ["download_checksum"]
    assert [p.message for p in download_problems(b"id\na22\n", expected)] == ["download_size", "download_checksum"]


def test_internal_links_stay_on_the_site_and_keep_their_fragments():
    soup = parse(b'<a href="../../">up</a><a href="#a1">a1</a><a href="https://other/x">x</a>'
                 b'<a href="mailto:a@b">m</a><img src="../../assets/i.png"><a href="../../?q=1#top">q</a>')
    page = BASE + "plans/x/"
    assert internal_links(soup, page, BASE) == [
        (BASE, ""), (page, "a1"), (BASE + "?q=1", "top"), (BASE + "assets/i.png", "")]


def test_required_parts_and_metadata_of_a_plan_page():
    soup = parse(b'<article><h1>t</h1><dl class="gk-fields"></dl><h2 id="sec-body">b</h2></article>'
                 b'<meta name="DC.Title" content="t"><meta name="DC.Creator" content=" ">')
    assert missing_parts(soup, "plan") == ["body_items"]
    missing = missing_meta(soup)
    assert "DC.Title" not in missing and "DC.Creator" in missing and "Keywords" in missing


def test_results_statuses_are_compared_with_the_manifest():
    rows = "".join(f'<tr><th id="a{i}">x</th><td class="gk-col-status"><span class="gk-status gk-status--{s}">s</span></td></tr>'
                   for i, s in enumerate(["completed", "completed", "not-reported"]))
    soup = parse(f'<table class="gk-table gk-body-table"><caption id="gk-results-caption">c</caption>'
                 f'<tbody>{rows}</tbody></table>'.encode())
    plan = {"year": 114, "results": {"downloads": []},
            "completeness": {"leaves": 3, "reported": 3, "statuses": {"completed": 3, "not-reported": 0}}}
    problems = consistency_problems(soup, SamplePage("results", BASE, {}, plan))
    assert [p.message for p in problems] == ["statuses_mismatch", "unreported"]
    assert problems[1].values == {"count": 1, "total": 3}
