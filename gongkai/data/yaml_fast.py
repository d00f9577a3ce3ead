"""A fast first reading of a data file with libyaml, for the files that hold nothing unusual.

Most files are well formed and within every limit; for them the pure-Python round-trip parser, which
knows each value's line and column, is needed only when a problem must be pointed at. This module
reads such files many times faster and answers None for anything it does not vouch for (an error, an
anchor, a tag, a duplicate key, a value past a limit), so the careful reader (yaml_source) sees those
and words the problem. Values come out as the careful reader gives them: YAML 1.2's core schema,
dates kept as written."""

from __future__ import annotations

import math
from typing import Any

import yaml
from ruamel.yaml import resolver as ruamel_resolver
from yaml.constructor import SafeConstructor
from yaml.resolver import BaseResolver

from gongkai.data import limits

try:
    from yaml.cyaml import CParser as _CParser
except ImportError:  # PyYAML built without libyaml: every file takes the careful reader
    _CParser = None


class _Unusual(Exception):
    """The file holds something only the careful reader reports properly."""


class _CoreResolver(BaseResolver):
    """The careful reader's own rules for plain values (YAML 1.2: yes/no/on/off are text)."""


for _versions, _tag, _pattern, _first in ruamel_resolver.implicit_resolvers:
    if (1, 2) in _versions:
        _CoreResolver.add_implicit_resolver(_tag, _pattern, _first)


class _PlainConstructor(SafeConstructor):
    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise _Unusual("an alias")
        return super().construct_object(node, deep)

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:
        keys = [key.value for key, _ in node.value]
        if len(set(keys)) != len(keys) or any(key.tag != "tag:yaml.org,2002:str" for key, _ in node.value):
            raise _Unusual("a duplicate or non-text key")
        return super().construct_mapping(node, deep=True)

    def construct_yaml_int(self, node: Any) -> int:
        value = self.construct_scalar(node)
        digits = value.lstrip("+-")
        if not digits.isdigit() or (len(digits) > 1 and digits.startswith("0")):
            raise _Unusual("an integer in another base, or with _ or leading zeros")
        return int(value)

    def construct_yaml_float(self, node: Any) -> float:
        value = self.construct_scalar(node)
        if "_" in value or "inf" in value.lower() or "nan" in value.lower():
            raise _Unusual("a float with _, or not finite")
        return float(value)

    def construct_as_written(self, node: Any) -> str:
        # Dates stay text: an impossible date must reach the schema's check, as with the careful reader.
        return str(self.construct_scalar(node))

    def construct_unusual(self, node: Any) -> Any:
        raise _Unusual(node.tag)


_PlainConstructor.add_constructor("tag:yaml.org,2002:int", _PlainConstructor.construct_yaml_int)
_PlainConstructor.add_constructor("tag:yaml.org,2002:float", _PlainConstructor.construct_yaml_float)
_PlainConstructor.add_constructor("tag:yaml.org,2002:timestamp", _PlainConstructor.construct_as_written)
for _tag in ("merge", "value", "yaml", "binary", "omap", "pairs", "set"):
    _PlainConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _PlainConstructor.construct_unusual)


if _CParser is not None:
    class _Loader(_CParser, _PlainConstructor, _CoreResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            _PlainConstructor.__init__(self)
            _CoreResolver.__init__(self)


def _no_anchors_or_tags(text: str) -> bool:
    # An explicit tag or an anchor is the only thing that puts either on an event.
    return not any(getattr(event, "tag", None) is not None or getattr(event, "anchor", None) is not None
                   for event in yaml.parse(text, Loader=_Loader))


# Well inside the careful reader's limits, which count a little differently (keys are values there too).
_DEPTH, _VALUES = limits.MAX_DEPTH - 10, limits.MAX_VALUES // 3


def _within_limits(value: Any, depth: int, count: list[int]) -> bool:
    count[0] += 1
    if depth >= _DEPTH or count[0] > _VALUES:
        return False
    if isinstance(value, dict):
        return all(_within_limits(v, depth + 1, count) for v in value.values())
    if isinstance(value, list):
        return len(value) <= limits.MAX_ITEMS and all(_within_limits(v, depth + 1, count) for v in value)
    if isinstance(value, str):
        return len(value) <= limits.MAX_TEXT
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return len(str(abs(value))) <= limits.MAX_DIGITS
    if isinstance(value, float):
        return math.isfinite(value)
    return False


def plain_load(text: str) -> Any | None:
    """The data of `text` when it is plain, well-formed YAML within every limit; otherwise None."""
    if _CParser is None or "<<" in text or "\t" in text:
        # Tabs: libyaml accepts some that the careful reader refuses with its own message.
        return None
    try:
        if not _no_anchors_or_tags(text):
            return None
        loader = _Loader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except (yaml.YAMLError, _Unusual, ValueError, TypeError, RecursionError):
        return None
    return data if _within_limits(data, 0, [0]) else None
