"""scripts/generate writes the same pages for engines that run no hooks."""

import subprocess

from support import GONGKAI


def test_generate_writes_every_page_and_fills_the_home_page(tmp_path):
    out = tmp_path / "docs"
    result = subprocess.run([*GONGKAI, "generate", "en", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "plans" / "example-district-office" / "114" / "results" / "index.md").is_file()
    assert (out / "assets" / "gongkai.css").is_file()
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "gongkai:agencies" not in home and "Example District Office" in home


def test_generate_refuses_to_write_into_a_folder_with_files(tmp_path):
    (tmp_path / "keep.md").write_text("mine", encoding="utf-8")
    result = subprocess.run([*GONGKAI, "generate", "en", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert (tmp_path / "keep.md").read_text(encoding="utf-8") == "mine"


def test_generate_writes_the_downloads_and_manifest_once_at_the_root(tmp_path):
    zh, en = tmp_path / "zh", tmp_path / "en"
    for lang, out in (("zh-TW", zh), ("en", en)):
        result = subprocess.run([*GONGKAI, "generate", lang, str(out)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    assert (zh / "transparency.json").is_file() and (zh / "transparency.schema.json").is_file()
    assert (zh / "downloads" / "gongkai-open-data.zip").is_file()
    assert (zh / "plans" / "example-district-office" / "114" / "downloads" / "example-district-office-114-plan.ods").is_file()
    assert not (en / "transparency.json").exists() and not (en / "downloads").exists()
    assert (zh / "status" / "index.md").is_file() and (en / "status" / "index.md").is_file()
