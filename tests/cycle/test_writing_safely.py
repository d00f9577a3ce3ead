"""The yearly tools and the build when writing fails or is interrupted: a message in both languages, a
non-zero exit, no traceback and nothing left half-done. Files keep their byte-order mark and line ends,
and a link is never replaced by a file."""

import errno
import os

import pytest
from support import EXAMPLE_AGENCY

from gongkai.cli import main
from gongkai.cycle import yaml_writer
from gongkai.cycle.agency_files import ToolError
from gongkai.cycle.yaml_writer import write_atomically
from gongkai.data.project import load_project
from gongkai.publish import build

AGENCY = EXAMPLE_AGENCY
REASONS = {errno.EROFS: "read-only disk", errno.EACCES: "no permission", errno.ENOSPC: "disk is full"}


def run(capsys, *args):
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def refuse_temporary_files(number):
    """mkstemp as in a folder that cannot be written (the tests run as root, who may write anywhere)."""
    def mkstemp(*args, **kwargs):
        raise OSError(number, os.strerror(number), str(kwargs.get("dir")))
    return mkstemp


class FailingFile:
    """Stands in for the file yaml_writer writes: each write raises `error`."""

    def __init__(self, error):
        self.error = error

    def __call__(self, handle, mode):
        self.handle = handle
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        os.close(self.handle)

    def write(self, data):
        raise self.error


def leftovers(folder):
    return [p.name for p in folder.rglob(".*.tmp")]


def assert_told(code, output, words, exit_code=1):
    assert code == exit_code
    assert "Traceback" not in output
    assert words in output
    assert any("\u4e00" <= c <= "\u9fff" for c in output)  # and in Chinese


@pytest.mark.parametrize("number", [errno.EROFS, errno.EACCES])
def test_new_year_into_a_folder_that_cannot_be_written(plans, capsys, monkeypatch, number):
    monkeypatch.setattr(yaml_writer.tempfile, "mkstemp", refuse_temporary_files(number))
    code, output = run(capsys, "new-year", AGENCY, "--plans", plans)
    assert_told(code, output, REASONS[number])
    assert "plan.yml could not be written" in output and "無法寫入 plan.yml" in output
    assert not (plans / AGENCY / "116").exists()


def test_new_year_on_a_full_disk_leaves_no_empty_year_folder(plans, capsys, monkeypatch):
    monkeypatch.setattr(yaml_writer, "open", FailingFile(OSError(errno.ENOSPC, "No space left on device")), raising=False)
    code, output = run(capsys, "new-year", AGENCY, "--plans", plans)
    assert_told(code, output, "disk is full")
    assert not (plans / AGENCY / "116").exists() and not leftovers(plans)
    _, report = load_project(plans)
    assert report.ok, report.format()


def test_new_year_interrupted_leaves_nothing_behind(plans, capsys, monkeypatch):
    monkeypatch.setattr(yaml_writer, "open", FailingFile(KeyboardInterrupt()), raising=False)
    code, output = run(capsys, "new-year", AGENCY, "--plans", plans)
    assert_told(code, output, "Interrupted", exit_code=130)
    assert not (plans / AGENCY / "116").exists() and not leftovers(plans)


def test_new_year_with_force_onto_a_folder_is_refused(plans, capsys):
    (plans / AGENCY / "116" / "plan.yml").mkdir(parents=True)
    code, output = run(capsys, "new-year", AGENCY, "--force", "--plans", plans)
    assert_told(code, output, "could not be written")
    assert (plans / AGENCY / "116" / "plan.yml").is_dir()


@pytest.mark.parametrize("year", [114, 115], ids=["existing", "new"])
@pytest.mark.parametrize("number", [errno.EROFS, errno.ENOSPC])
def test_results_skeleton_that_cannot_write(plans, capsys, monkeypatch, year, number):
    path = plans / AGENCY / str(year) / "results.yml"
    before = path.read_bytes() if path.exists() else None
    monkeypatch.setattr(yaml_writer.tempfile, "mkstemp", refuse_temporary_files(number))
    code, output = run(capsys, "results-skeleton", AGENCY, year, "--plans", plans)
    assert_told(code, output, REASONS[number])
    assert (path.read_bytes() if path.exists() else None) == before


def test_build_into_a_folder_that_cannot_be_written(minimal_plans, capsys, monkeypatch, tmp_path):
    def staging_dir(target):
        raise PermissionError(errno.EACCES, "Permission denied", str(target.parent))
    monkeypatch.setattr(build, "staging_dir", staging_dir)
    code, output = run(capsys, "build", "--plans", minimal_plans, "--out", tmp_path / "read-only" / "site")
    assert_told(code, output, "no permission to write")
    assert "The site could not be written" in output


def test_build_on_a_full_disk_says_so_instead_of_showing_a_traceback(minimal_plans, capsys, monkeypatch, tmp_path):
    def mkdocs_build(config, **options):
        raise OSError(errno.ENOSPC, "No space left on device", "/srv/.site-new-x/home.png")
    monkeypatch.setattr(build, "mkdocs_build", mkdocs_build)
    code, output = run(capsys, "build", "--plans", minimal_plans, "--out", tmp_path / "site")
    assert_told(code, output, "the disk is full")
    assert "磁碟已滿" in output and "home.png" in output
    assert not (tmp_path / "site").exists()


# Line ends, byte-order marks and links ---------------------------------------------------------------------

def test_results_skeleton_keeps_crlf_line_ends_and_the_byte_order_mark(plans):
    path = plans / AGENCY / "114" / "results.yml"
    before = path.read_bytes()
    path.write_bytes(b"\xef\xbb\xbf" + before.replace(b"\n", b"\r\n"))
    main(["results-skeleton", AGENCY, "114", "--plans", str(plans)])
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf")
    assert after.count(b"\n") == after.count(b"\r\n") > before.count(b"\n")
    # Every line that was there is there still, byte for byte.
    old_lines = (b"\xef\xbb\xbf" + before.replace(b"\n", b"\r\n")).splitlines(keepends=True)
    new_lines = after.splitlines(keepends=True)
    assert [line for line in new_lines if line in old_lines] == old_lines


def test_a_new_results_file_takes_the_line_ends_of_its_plan(plans):
    plan = plans / AGENCY / "115" / "plan.yml"
    plan.write_bytes(plan.read_bytes().replace(b"\n", b"\r\n"))
    main(["results-skeleton", AGENCY, "115", "--plans", str(plans)])
    written = (plans / AGENCY / "115" / "results.yml").read_bytes()
    assert written.count(b"\n") == written.count(b"\r\n") > 0


def test_new_year_keeps_the_line_ends_and_byte_order_mark_of_the_plan_it_copies(plans):
    plan = plans / AGENCY / "115" / "plan.yml"
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes().replace(b"\n", b"\r\n"))
    assert main(["new-year", AGENCY, "--plans", str(plans)]) == 0
    written = (plans / AGENCY / "116" / "plan.yml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf")
    assert written.count(b"\n") == written.count(b"\r\n") > 0
    _, report = load_project(plans)
    assert report.ok, report.format()


def test_results_skeleton_does_not_replace_a_link(plans, capsys, tmp_path):
    path = plans / AGENCY / "114" / "results.yml"
    kept = plans / AGENCY / "114" / "kept-results.yml"
    path.rename(kept)
    path.symlink_to(kept.name)
    before = kept.read_bytes()
    code, output = run(capsys, "results-skeleton", AGENCY, "114", "--plans", plans)
    assert_told(code, output, "symbolic link")
    assert path.is_symlink() and kept.read_bytes() == before


def test_write_atomically_keeps_what_it_finds(tmp_path):
    path = tmp_path / "results.yml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n")
    write_atomically(path, "a: 1\nb: 2\nc: 3\n")
    assert path.read_bytes() == b"\xef\xbb\xbfa: 1\r\nb: 2\r\nc: 3\r\n"
    path.write_bytes(b"a: 1\n")
    write_atomically(path, "a: 2\n")
    assert path.read_bytes() == b"a: 2\n"


def test_write_atomically_refuses_links_and_folders(tmp_path):
    (tmp_path / "target.yml").write_text("a: 1\n")
    (tmp_path / "link.yml").symlink_to("target.yml")
    (tmp_path / "folder.yml").mkdir()
    for name in ("link.yml", "folder.yml"):
        with pytest.raises(ToolError) as refused:
            write_atomically(tmp_path / name, "a: 2\n")
        assert "could not be written" in refused.value.format() and "無法寫入" in refused.value.format()
    assert (tmp_path / "link.yml").is_symlink() and (tmp_path / "target.yml").read_text() == "a: 1\n"
