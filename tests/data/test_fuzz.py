"""The one load-and-check never raises, whatever the files hold: it only returns problems.

Hypothesis writes random bytes, YAML-like text and random structures into plan.yml and results.yml of a
small valid project. The examples are derived from the test itself (derandomize), so CI sees the same
ones on every run."""

import io
import shutil
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from support import FIXTURES

from gongkai.data.project import load_project

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
YEAR = Path("sample-office") / "114"

# What YAML gives meaning to, with some Chinese, digits, and characters the loader must refuse.
YAML_CHARACTERS = (string.ascii_letters[:12] + string.digits + " \t\n\r-:?,[]{}&*!|>'\"%@`#.+_/\\~"
                   + "計畫項目服務提升" + "\x00\x1b\x85\u2028\u202e\u200b\ufeff")
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10 ** 30), max_value=10 ** 30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["a1-1", "a1-2", "completed", "not-achieved", "ongoing", "body", "goals", "2025-12-31",
                     "114", "甲、", ">=", "../plan.yml", "/etc/passwd"]),
)
KEYS = st.one_of(st.text(max_size=12), st.sampled_from(
    ["title", "year", "sections", "kind", "items", "id", "text", "targets", "value", "status", "results",
     "measured", "target", "evidence", "file", "annexes", "list_style", "deadline", "zh-TW", "en"]))
STRUCTURES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=6),
                                                           st.dictionaries(KEYS, inner, max_size=6)),
                          max_leaves=40)


def check(plan: bytes | None = None, results: bytes | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plans = Path(folder) / "plans"
        shutil.copytree(FIXTURES / "minimal", plans)
        if plan is not None:
            (plans / YEAR / "plan.yml").write_bytes(plan)
        if results is not None:
            (plans / YEAR / "results.yml").write_bytes(results)
        _, report = load_project(plans)
        report.format(plans.parent)


def dumped(value) -> bytes:
    out = io.StringIO()
    YAML(typ="safe").dump(value, out)
    return out.getvalue().encode("utf-8")


def valid_plan():
    return YAML(typ="safe").load((FIXTURES / "minimal" / YEAR / "plan.yml").read_text(encoding="utf-8"))


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(raw):
    check(plan=raw, results=raw[::-1])


@FUZZ
@given(st.text(alphabet=YAML_CHARACTERS, max_size=400))
def test_random_yaml_like_text(text):
    check(plan=text.encode("utf-8"), results=("results:\n  " + text).encode("utf-8"))


@FUZZ
@given(STRUCTURES, STRUCTURES)
def test_random_structures(plan, results):
    check(plan=dumped(plan), results=dumped(results))


@FUZZ
@given(st.sampled_from(["title", "year", "sections", "annexes", "history", "period"]), STRUCTURES,
       st.dictionaries(st.sampled_from(["a1-1", "a1-2", "a9", "1"]), STRUCTURES, max_size=3))
def test_a_valid_plan_with_one_part_replaced_at_random(key, value, entries):
    plan = valid_plan()
    plan[key] = value
    check(plan=dumped(plan), results=dumped({"results": entries}))


@FUZZ
@given(st.integers(min_value=0, max_value=5), st.sampled_from(["items", "text", "id", "targets", "deadline",
                                                              "units", "actions", "outcomes", "frequency"]),
       STRUCTURES)
def test_a_valid_body_with_one_field_replaced_at_random(index, field, value):
    plan = valid_plan()
    items = plan["sections"][1]["items"][0]["items"]
    items[index % len(items)][field] = value
    check(plan=dumped(plan))
