"""The fast readers (libyaml, compiled schema) answer as the careful ones do, or step aside."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from support import FIXTURES, PLANS, ROOT

from gongkai.data.schemas import SCHEMA_FILES, fast_validator, validator
from gongkai.data.yaml_fast import plain_load
from gongkai.data.yaml_source import load, yaml_loader

YAML_FILES = sorted([*PLANS.rglob("*.yml"), *FIXTURES.rglob("*.yml"), ROOT / "portal.yml", ROOT / "glossary.yml"])


def comparable(value: Any) -> Any:
    """The value with ruamel's and PyYAML's types made alike, so the types themselves are compared."""
    if isinstance(value, dict):
        return {str(k): comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    for kind in (int, float, str):
        if isinstance(value, kind):
            return (kind.__name__, kind(value))
    raise AssertionError(type(value))


def careful(text: str) -> Any:
    return yaml_loader().load(text)


def test_every_data_file_reads_the_same_either_way():
    for path in YAML_FILES:
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        data = plain_load(text)
        if data is not None:
            assert comparable(data) == comparable(careful(text)), path
        else:
            # Only the deliberately broken files need the careful reader.
            assert "broken" in path.parts, path


SCALARS = st.one_of(
    st.sampled_from(["yes", "no", "on", "off", "y", "n", "true", "False", "NULL", "~", "", "010", "0o17", "0x1F",
                     "1_000", "1e3", "-1.5", ".5", "5.", ".inf", "-.Inf", ".nan", "2025-01-31", "2025-02-30",
                     "95.12.31", "1:20", "+1", "-0", "0", "12:30:00", "'quoted'", '"dq"', "a: b", "- x"]),
    st.from_regex(r"[-+]?[0-9_.eExo]{1,8}", fullmatch=True),
    st.text(alphabet="0123456789.:-+_eE ", max_size=8),
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(SCALARS)
def test_a_scalar_reads_the_same_either_way_or_takes_the_careful_reader(scalar):
    text = f"value: {scalar}\nlist:\n  - {scalar}\n"
    data = plain_load(text)
    if data is not None:
        assert comparable(data) == comparable(careful(text))


def _documents() -> list[tuple[str, Any]]:
    kinds = {"agency.yml": "agency", "plan.yml": "plan", "results.yml": "results"}
    found = []
    for path in [*PLANS.rglob("*.yml"), *FIXTURES.rglob("*.yml")]:
        kind = next((k for name, k in kinds.items() if path.name.endswith(name)), None)
        document, _ = load(path)
        if kind and document is not None:
            found.append((kind, document.data))
    return found


def agree(kind: str, data: Any) -> bool:
    return fast_validator(kind).is_valid(data) == (not any(True for _ in validator(kind).iter_errors(data)))


def test_the_compiled_schema_agrees_on_every_file():
    documents = _documents()
    assert {kind for kind, _ in documents} == set(SCHEMA_FILES) - {"portal"}
    for kind, data in documents:
        assert agree(kind, data), kind


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    if isinstance(value, dict):
        return [prefix, *(p for k, v in value.items() for p in _paths(v, (*prefix, k)))]
    if isinstance(value, list):
        return [prefix, *(p for i, v in enumerate(value) for p in _paths(v, (*prefix, i)))]
    return [prefix]


VALUES = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False, allow_infinity=False),
                   st.sampled_from(["", "ongoing", "2025-02-30", "2025-12-31", "12-31", "x@y.tw", "https://a.tw/",
                                    "javascript:x", "114", "a1-2", "completed", "not-achieved", "壹", "2025-13"]),
                   st.text(max_size=5), st.lists(st.text(max_size=3), max_size=2), st.just({}), st.just({"zh-TW": "中"}))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.data())
def test_the_compiled_schema_agrees_on_changed_files(data):
    import copy

    kind, document = data.draw(st.sampled_from(_DOCUMENTS))
    changed = copy.deepcopy(comparable_plain(document))
    path = data.draw(st.sampled_from(_paths(changed)[1:]))
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = data.draw(VALUES)
    assert agree(kind, changed)


def comparable_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): comparable_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [comparable_plain(v) for v in value]
    return value


_DOCUMENTS = _documents()
