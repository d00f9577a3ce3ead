"""The data-model documentation page, generated from the JSON Schemas so it cannot drift from them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from markupsafe import escape

from gongkai.data.schemas import SCHEMA_FILES, schema

TITLES: dict[str, dict[str, Any]] = {
    "zh-TW": {"title": "資料格式說明", "intro": "本頁由資料格式定義（JSON Schema）自動產生，與檢查資料所用的規則相同。"
              "在編輯器中，YAML 檔第一行的 `# yaml-language-server: $schema=…` 會依同一份定義提供自動完成與錯誤提示。",
              "field": "欄位", "type": "型態", "required": "必填", "description": "說明", "yes": "是",
              "file": {"agency": "機關基本資料 agency.yml", "plan": "計畫 plan.yml", "results": "執行成效 results.yml",
                       "portal": "網站設定 portal.yml"},
              "common": "共用型態"},
    "en": {"title": "Data model", "intro": "This page is generated from the JSON Schemas, the same rules that check the data. "
           "In an editor, the first line of each YAML file, `# yaml-language-server: $schema=…`, gives autocompletion "
           "and error marks from the same definitions.",
           "field": "Field", "type": "Type", "required": "Required", "description": "Description", "yes": "yes",
           "file": {"agency": "Agency profile agency.yml", "plan": "Plan plan.yml", "results": "Results results.yml",
                    "portal": "Portal settings portal.yml"},
           "common": "Shared types"},
}

NAMED_TYPES = {
    "text": "text", "markdown": "Markdown", "date": "YYYY-MM-DD", "month_or_date": "YYYY-MM(-DD)", "roc_year": "ROC year",
    "id": "id", "texts": "[text]",
}


def _part(description: str, lang: str) -> str:
    zh, _, en = description.partition(" / ")
    return zh if lang == "zh-TW" or not en else en


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
        return str(resolved["const"])
    kind = resolved.get("type")
    if kind == "array":
        return f"[{_type_name(resolved.get('items', {}), document)}]"
    if kind:
        return kind if isinstance(kind, str) else " | ".join(kind)
    if "anyOf" in resolved:
        return " | ".join(_type_name(b, document) for b in resolved["anyOf"])
    return name or "object"


def _rows(node: dict[str, Any], document: dict[str, Any], prefix: str, lang: str,
          seen: frozenset[str]) -> Iterator[tuple[str, str, bool, str]]:
    node, document, name = _resolve(node, document)
    if name in NAMED_TYPES:
        return
    if name:
        if name in seen:
            return
        seen = seen | {name}
    if node.get("type") == "array" or "items" in node:
        yield from _rows(node.get("items", {}), document, prefix + "[]", lang, seen)
        return
    for branch in node.get("allOf", []):
        condition = branch.get("if", {}).get("properties", {})
        label = ", ".join(f"{k}: {v.get('const') or '|'.join(v.get('enum', []))}" for k, v in condition.items())
        yield from _rows(branch["then"], document, f"{prefix}（{label}）" if prefix else f"（{label}）", lang, seen)
    for anyof in node.get("anyOf", []):
        resolved, _, _ = _resolve(anyof, document)
        if resolved.get("type") == "object":
            yield from _rows(anyof, document, prefix, lang, seen)
    required = set(node.get("required", []))
    for key, child in node.get("properties", {}).items():
        if node.get("allOf") and key == "kind":
            continue
        path = f"{prefix}.{key}" if prefix else key
        description = child.get("description") or _resolve(child, document)[0].get("description", "")
        yield path, _type_name(child, document), key in required, _part(description, lang)
        yield from _rows(child, document, path, lang, seen)
    extra = node.get("additionalProperties")
    if isinstance(extra, dict):
        yield from _rows(extra, document, f"{prefix}.<id>", lang, seen)


def _common_rows(lang: str) -> Iterator[tuple[str, str, bool, str]]:
    common = schema("common")
    for name, definition in common["definitions"].items():
        yield name, _type_name(definition, common), False, _part(definition.get("description", ""), lang)
        required = set(definition.get("required", []))
        for key, child in definition.get("properties", {}).items():
            yield f"{name}.{key}", _type_name(child, common), key in required, _part(child.get("description", ""), lang)


def _table(kind: str, caption: str, rows_: Iterator[tuple[str, str, bool, str]], words: dict) -> str:
    rows = "".join(
        f"<tr><th scope=\"row\"><code>{escape(path)}</code></th><td><code>{escape(type_name)}</code></td>"
        f"<td>{words['yes'] if required else ''}</td><td>{escape(description)}</td></tr>"
        for path, type_name, required, description in rows_
    )
    return (
        f'<div class="gk-table-wrap" role="region" aria-labelledby="dm-{kind}" tabindex="0"><table class="gk-table">'
        f'<caption id="dm-{kind}">{escape(caption)}</caption><thead><tr>'
        f'<th scope="col">{words["field"]}</th><th scope="col">{words["type"]}</th>'
        f'<th scope="col">{words["required"]}</th><th scope="col">{words["description"]}</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def data_model_markdown(lang: str) -> str:
    words = TITLES[lang]
    out = [f"# {words['title']}", words["intro"]]
    for kind in SCHEMA_FILES:
        root = schema(kind)
        out.append(f"## {words['file'][kind]} {{#{kind}}}")
        out.append(escape(_part(root.get("description", ""), lang)))
        out.append(_table(kind, words["file"][kind], _rows(root, root, "", lang, frozenset()), words))
    out.append(f"## {words['common']} {{#common}}")
    out.append(_table("common", words["common"], _common_rows(lang), words))
    return "\n\n".join(out) + "\n"

