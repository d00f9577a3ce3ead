from gongkai.publish.swap import discard, staging_dir, swap_in


def test_swap_replaces_the_old_site_whole(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old")
    staged = staging_dir(target)
    (staged / "new.html").write_text("new")
    swap_in(staged, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_discarding_a_staged_build_leaves_the_site(tmp_path):
    target = tmp_path / "site"
    target.mkdir()
    staged = staging_dir(target)
    discard(staged)
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
