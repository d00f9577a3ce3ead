"""Which text fields of a file are translated, found by walking the data with its schema."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from gongkai.data.schemas import schema
from gongkai.i18n.languages import CODES

TEXT_DEFINITIONS = ("text", "markdown")


@dataclass(frozen=True)
class Coverage:
    translated: int
    total: int

    @property
    def share(self) -> float:
        return self.translated / self.total if self.total else 1.0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(self.translated + other.translated, self.total + other.total)


def _resolve(node: dict[str, Any], document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    ref = node.get("$ref")
    if ref is None:
        return node, document
    filename, _, pointer = ref.partition("#")
    target = schema(filename.removesuffix(".schema.json")) if filename else document
    for part in [p for p in pointer.split("/") if p]:
        target = target[part]
    return _resolve(target, schema(filename.removesuffix(".schema.json")) if filename else document)


def _branches(node: dict[str, Any], value: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The `then` schemas of the if/then branches that apply to `value`."""
    for branch in node.get("allOf", []):
        condition = branch.get("if", {}).get("properties", {})
        if all(_matches(value.get(key), rule) for key, rule in condition.items()):
            yield branch["then"]


def _fits(value: Any, node: dict[str, Any], document: dict[str, Any]) -> bool:
    """Whether `value` has the shape of the schema `node`: a text, or an object of its properties."""
    if any(node is schema("common")["definitions"][name] for name in TEXT_DEFINITIONS):
        return isinstance(value, str) or (isinstance(value, dict) and set(value) <= set(CODES))
    return isinstance(value, dict) if node.get("type") == "object" else node.get("type") == "string"


def _matches(value: Any, rule: dict[str, Any]) -> bool:
    if "const" in rule:
        return value == rule["const"]
    return value in rule.get("enum", [value])


def text_fields(value: Any, node: dict[str, Any], document: dict[str, Any], path: tuple[Any, ...] = (),
                definitions: tuple[str, ...] = TEXT_DEFINITIONS) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) in `value` that the schema `node` declares as text or Markdown (or as one of
    `definitions` of common.schema.json)."""
    node, document = _resolve(node, document)
    if any(node is schema("common")["definitions"][name] for name in TEXT_DEFINITIONS):
        if any(node is schema("common")["definitions"][name] for name in definitions):
            yield path, value
        return
    if "anyOf" in node:
        # Either a text or an object (a goal with a lead-in title, a deadline with a note): the branch it is.
        branch = next((b for b in node["anyOf"] if _fits(value, *_resolve(b, document))), None)
        if branch is not None:
            yield from text_fields(value, branch, document, path, definitions)
        return
    if isinstance(value, dict):
        for branch in _branches(node, value):
            yield from text_fields(value, branch, document, path, definitions)
        properties = node.get("properties", {})
        extra = node.get("additionalProperties")
        for key, item in value.items():
            if key in properties:
                yield from text_fields(item, properties[key], document, (*path, key), definitions)
            elif isinstance(extra, dict) and not node.get("allOf"):
                yield from text_fields(item, extra, document, (*path, key), definitions)
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            yield from text_fields(item, node["items"], document, (*path, index), definitions)


# A file's texts are asked for by several pages (their coverage, their glossary terms) and the manifest; its
# data does not change once loaded. Each entry keeps the data it is of, so that its id is not another's.
_TEXTS: OrderedDict[tuple[int, str], tuple[Any, list[Any]]] = OrderedDict()
_TEXTS_SIZE = 8192


def file_texts(data: Any, kind: str) -> list[Any]:
    """Every value of the file that its schema declares as text or Markdown, in order."""
    key = (id(data), kind)
    kept = _TEXTS.get(key)
    if kept is not None and kept[0] is data:
        return kept[1]
    root = schema(kind)
    values = [v for _, v in text_fields(data, root, root)]
    _TEXTS[key] = (data, values)
    if len(_TEXTS) > _TEXTS_SIZE:
        _TEXTS.popitem(last=False)
    return values


def file_coverage(data: Any, kind: str, lang: str = "en") -> Coverage:
    """How many of the file's text fields have a `lang` translation."""
    fields = file_texts(data, kind)
    return Coverage(sum(1 for v in fields if isinstance(v, dict) and lang in v), len(fields))
