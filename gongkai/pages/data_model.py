"""The data-model documentation page, generated from the JSON Schemas so it cannot drift from them, with the
columns of the download files (templates/data_model.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from gongkai.data.schemas import SCHEMA_FILES, schema
from gongkai.export.tables import COLUMNS
from gongkai.i18n.catalogue import ui
from gongkai.pages.metadata import PageFacts
from gongkai.pages.renderer import Page, Renderer

NAMED_TYPES = {
    "text": "text", "markdown": "Markdown", "date": "YYYY-MM-DD", "month_or_date": "YYYY-MM(-DD)", "roc_year": "ROC year",
    "id": "id", "texts": "[text]",
}


# A schema's description is "中文。/ English": Chinese, then a slash, then English.
_BETWEEN_LANGUAGES = re.compile(r"(?<=。)\s*/\s+|\s+/\s+")


def _parts(description: str) -> tuple[str, str]:
    """A description's Chinese and English (empty when it has none); the page shows both, each marked with its
    language (data_model.html)."""
    between = _BETWEEN_LANGUAGES.search(description)
    if between is None:
        return description, ""
    return description[:between.start()], description[between.end():]


def _resolve(node: dict[str, Any], document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], str | None]:
    ref = node.get("$ref")
    if not ref:
        return node, document, None
    filename, _, pointer = ref.partition("#")
    doc = schema(filename.removesuffix(".schema.json")) if filename else document
    target = doc
    for part in [p for p in pointer.split("/") if p]:
        target = target[part]
    name = pointer.rsplit("/", 1)[-1]
    return target, doc, name


def _type_name(node: dict[str, Any], document: dict[str, Any]) -> str:
    resolved, _, name = _resolve(node, document)
    if name in NAMED_TYPES:
        return NAMED_TYPES[name]
    if "enum" in resolved:
        return " | ".join(map(str, resolved["enum"]))
    if "const" in resolved:
        const = resolved["const"]
        return const if isinstance(const, str) else json.dumps(const)
    kind = resolved.get("type")
    if kind == "array":
        return f"[{_type_name(resolved.get('items', {}), document)}]"
    if kind:
        return kind if isinstance(kind, str) else " | ".join(kind)
    if "anyOf" in resolved:
        return " | ".join(_type_name(b, document) for b in resolved["anyOf"])
    return name or "object"


def _rows(node: dict[str, Any], document: dict[str, Any], prefix: str,
          seen: frozenset[str]) -> Iterator[tuple[str, str, bool, tuple[str, str]]]:
    node, document, name = _resolve(node, document)
    if name in NAMED_TYPES:
        return
    if name:
        if name in seen:
            return
        seen = seen | {name}
    if node.get("type") == "array" or "items" in node:
        yield from _rows(node.get("items", {}), document, prefix + "[]", seen)
        return
    for branch in node.get("allOf", []):
        condition = branch.get("if", {}).get("properties", {})
        label = ", ".join(f"{k}: {v.get('const') or '|'.join(v.get('enum', []))}" for k, v in condition.items())
        yield from _rows(branch["then"], document, f"{prefix}（{label}）" if prefix else f"（{label}）", seen)
    for anyof in node.get("anyOf", []):
        resolved, _, _ = _resolve(anyof, document)
        if resolved.get("type") == "object":
            yield from _rows(anyof, document, prefix, seen)
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        if node.get("allOf") and key == "kind":
            continue
        path = f"{prefix}.{key}" if prefix else key
        description = child.get("description") or _resolve(child, document)[0].get("description", "")
        yield path, _type_name(child, document), key in required, _parts(description)
        yield from _rows(child, document, path, seen)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield from _rows(extra, document, f"{prefix}.<id>", seen)


def _common_rows() -> Iterator[tuple[str, str, bool, tuple[str, str]]]:
    common = schema("common")
    for name, definition in common["definitions"].items():
        yield name, _type_name(definition, common), False, _parts(definition.get("description", ""))
        required = set(definition.get("required", []))
        for key, child in definition.get("properties", {}).items():
            yield f"{name}.{key}", _type_name(child, common), key in required, _parts(child.get("description", ""))


def render_data_model(r: Renderer, facts: PageFacts) -> Page:
    """Every schema's fields, the shared types, and the columns of the download files."""
    lang = r.lang
    schemas = []
    for kind in SCHEMA_FILES:
        root = schema(kind)
        schemas.append((kind, _parts(root.get("description", "")), list(_rows(root, root, "", frozenset()))))
    return r.page("data-model.md", "data_model.md", ui("data_model", lang), facts, schemas=schemas,
                  common=list(_common_rows()), columns=COLUMNS)
