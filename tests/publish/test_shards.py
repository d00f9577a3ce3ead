"""Who owns which file of the site, and how agencies are cut into shards."""

from __future__ import annotations

import pytest

from gongkai.publish.shards import Part, ShardError, owner, parse_shard, shard_part, site_owner, split


def test_an_agencys_pages_downloads_and_annexes_are_its_own_and_the_rest_is_portal_wide():
    assert owner("plans/a-office/index.md") == "a-office"
    assert owner("plans/a-office/114/downloads/a-office-114-plan.csv") == "a-office"
    assert owner("plans/index.md") is None
    assert owner("status/index.html") is None and owner("sitemap.xml") is None
    assert site_owner("en/plans/a-office/114/index.html") == "a-office"
    assert site_owner("en/plans/index.html") is None


def test_a_part_writes_only_its_agencies_and_the_portal_wide_files_only_if_shared():
    part = Part(agencies=frozenset({"a"}), shared=False)
    assert part.owns("plans/a/index.md") and not part.owns("plans/b/index.md") and not part.owns("index.md")
    assert Part(agencies=frozenset(), shared=True).owns("index.md")


def test_agencies_are_cut_in_order_into_runs_of_about_equal_pages_and_every_one_is_in_exactly_one():
    weights = [(f"agency-{n:02}", 1 + n % 4) for n in range(30)]
    runs = split(weights, 4)
    assert [a for run in runs for a in run] == [a for a, _ in weights]
    totals = [sum(w for a, w in weights if a in run) for run in runs]
    assert max(totals) - min(totals) <= 4
    assert shard_part(weights, 1, 4).shared and not shard_part(weights, 2, 4).shared


def test_more_shards_than_agencies_leaves_some_shards_empty_but_loses_none():
    runs = split([("a", 3), ("b", 3)], 5)
    assert sorted(a for run in runs for a in run) == ["a", "b"]


@pytest.mark.parametrize("value", ["0/3", "4/3", "1", "x/3", "1/0"])
def test_a_shard_is_k_of_n_with_k_from_1_to_n(value):
    with pytest.raises(ShardError):
        parse_shard(value)
    assert parse_shard("3/3") == (3, 3)
