"""Turning JSON Schema errors into problems a non-programmer can act on."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from jsonschema import ValidationError

from gongkai.data.problems import Bilingual, Problem, field_path
from gongkai.data.schemas import fast_validator, validator
from gongkai.data.yaml_source import Document

TYPE_NAMES = {
    "object": Bilingual("對照表（欄位: 值）", "a mapping (key: value)"),
    "array": Bilingual("清單（以 - 開頭的項目）", "a list (items starting with -)"),
    "string": Bilingual("文字", "a text"),
    "integer": Bilingual("整數", "a whole number"),
    "number": Bilingual("數字", "a number"),
    "boolean": Bilingual("true 或 false", "true or false"),
    "null": Bilingual("空白", "nothing"),
}


# The largest ROC year the schema accepts (common.schema.json, roc_year): a larger number is a Western year.
ROC_YEAR_MAXIMUM = 300
# A date or month written with a 民國 year: 106-05-01, 106/5/1, 106.05, 106年5月1日.
ROC_DATE = re.compile(r"(?:民國)?\s*([0-9]{2,3})\s*(?:[-/.]|年)\s*([0-9]{1,2})\s*(?:(?:[-/.]|月)\s*([0-9]{1,2})\s*日?|月)?")


def roc_date(value: Any) -> tuple[str, str] | None:
    """For a date or month written with a 民國 year, that year and the date written as it should be."""
    match = ROC_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = match.groups()
    western = f"{int(year) + 1911}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return year, western


def describe(value: Any) -> str:
    if value is None:
        return "空白 / nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "對照表 / a mapping: {" + ", ".join(map(str, list(value)[:5])) + "}"
    if isinstance(value, list):
        return f"清單 / a list of {len(value)}"
    text = str(value)
    return f"「{text[:60]}{'…' if len(text) > 60 else ''}」"


def _field_label(schema: dict[str, Any]) -> str:
    description = schema.get("description", "")
    return description.split("。")[0].split("：")[0] if description else ""


def _expected_from_schema(schema: dict[str, Any]) -> Bilingual | None:
    custom = schema.get("x-expected")
    return Bilingual(custom["zh-TW"], custom["en"]) if custom else None


def _type_expected(expected: str | list[str]) -> Bilingual:
    names = [TYPE_NAMES[t] for t in ([expected] if isinstance(expected, str) else expected)]
    return Bilingual("或".join(n.zh for n in names), " or ".join(n.en for n in names))


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _allowed_keys(schema: dict[str, Any]) -> list[str]:
    return list(schema.get("properties", {}))


def _branch_errors(error: ValidationError) -> list[ValidationError] | None:
    """For anyOf, the errors of the one alternative whose type fits the value, if exactly one does."""
    by_branch: dict[int, list[ValidationError]] = {}
    for sub in error.context or []:
        by_branch.setdefault(sub.schema_path[0], []).append(sub)
    fitting = [
        errors for errors in by_branch.values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    return fitting[0] if len(fitting) == 1 else None


def _problems(
    doc: Document, error: ValidationError, inherited: Bilingual | None = None
) -> Iterator[Problem]:
    path = list(error.absolute_path)
    name = field_path(path)
    kind = error.validator

    def at(summary: Bilingual, *, key: bool = False, where: list[Any] | None = None, **extra: Any) -> Problem:
        line, column = doc.position(where if where is not None else path, key=key)
        return Problem(file=doc.path, line=line, column=column, summary=summary, **extra)

    if kind in ("anyOf", "oneOf"):
        branch = _branch_errors(error)
        if branch is not None:
            for sub in branch:
                yield from _problems(doc, sub, _expected_from_schema(error.schema) or inherited)
            return
        yield at(Bilingual("格式不符", "not in an accepted form"), field=name,
                 expected=_expected_from_schema(error.schema), found=describe(error.instance))
    elif kind == "additionalProperties":
        allowed = _allowed_keys(error.schema)
        for key in [k for k in error.instance if k not in allowed]:
            suggestion = _suggest(str(key), allowed)
            hint = (
                Bilingual(f"您是不是要寫「{suggestion}」？", f'did you mean "{suggestion}"?')
                if suggestion else None
            )
            yield at(
                Bilingual(f"不認得的欄位「{key}」", f'unknown key "{key}"'),
                key=True, where=[*path, key], field=field_path([*path, key]),
                expected=Bilingual("可用的欄位：" + "、".join(allowed), "known keys: " + ", ".join(allowed)),
                found=f"「{key}」", hint=hint,
            )
    elif kind == "required":
        present = set(error.instance) if isinstance(error.instance, dict) else set()
        for missing in [k for k in error.validator_value if k not in present]:
            label = _field_label(error.schema.get("properties", {}).get(missing, {}))
            yield at(
                Bilingual(f"缺少必填欄位「{missing}」{('（' + label + '）') if label else ''}",
                          f'required key "{missing}" is missing'),
                key=bool(path), field=field_path([*path, missing]),
                expected=Bilingual(f"「{missing}: …」", f'"{missing}: …"'), found="沒有 / missing",
            )
    elif kind == "type":
        yield at(Bilingual("資料型態不對", "wrong type of value"), field=name,
                 expected=_expected_from_schema(error.schema) or _type_expected(error.validator_value),
                 found=describe(error.instance))
    elif kind in ("enum", "const"):
        options = error.validator_value if kind == "enum" else [error.validator_value]
        suggestion = _suggest(str(error.instance), [str(o) for o in options])
        yield at(
            Bilingual("不是可用的選項", "not one of the allowed values"), field=name,
            expected=Bilingual("其中之一：" + "、".join(map(str, options)), "one of: " + ", ".join(map(str, options))),
            found=describe(error.instance),
            hint=Bilingual(f"您是不是要寫「{suggestion}」？", f'did you mean "{suggestion}"?') if suggestion else None,
        )
    elif kind == "format" and roc_date(error.instance) is not None:
        roc, western = roc_date(error.instance) or ("", "")
        yield at(Bilingual(f"{roc} 是民國年：這裡要寫西元年，{western}", f"{roc} is a 民國 (ROC) year: write {western}"),
                 field=name, expected=_expected_from_schema(error.schema) or inherited, found=describe(error.instance),
                 hint=Bilingual(f"民國年加 1911 就是西元年：寫成 {western}", f"add 1911 to a 民國 year: write {western}"))
    elif kind in ("format", "pattern"):
        yield at(Bilingual("寫法不符格式", "not in the expected format"), field=name,
                 expected=_expected_from_schema(error.schema) or inherited
                 or Bilingual(f"符合 {error.validator_value}", f"matching {error.validator_value}"),
                 found=describe(error.instance))
    elif kind in ("minLength", "minItems", "minProperties"):
        yield at(Bilingual("不可以是空的", "must not be empty"), field=name,
                 expected=Bilingual("至少要有內容", "some content"), found=describe(error.instance))
    elif kind == "maximum" and error.schema.get("maximum") == ROC_YEAR_MAXIMUM and isinstance(error.instance, int) \
            and error.instance > 1911:
        year = error.instance - 1911
        yield at(Bilingual(f"{error.instance} 是西元年：這裡要寫民國年 {year}", f"{error.instance} is a Western year: write the 民國 year {year}"),
                 field=name, expected=Bilingual(f"民國年，例如 {year}", f"a 民國 (ROC) year, e.g. {year}"),
                 found=describe(error.instance),
                 hint=Bilingual(f"西元年減 1911 就是民國年：寫成 {year}", f"take 1911 from a Western year: write {year}"))
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        yield at(Bilingual("數值超出範圍", "number out of range"), field=name,
                 expected=Bilingual(f"{kind} {error.validator_value}", f"{kind} {error.validator_value}"),
                 found=describe(error.instance))
    else:
        yield at(Bilingual("資料不符規定", "invalid value"), field=name, found=error.message)


def schema_problems(doc: Document, kind: str) -> list[Problem]:
    """Every schema problem in `doc`, which is an agency, plan or results file."""
    try:
        if fast_validator(kind).is_valid(doc.data):
            return []
    except ValueError:
        pass  # ruamel's own number and text types, which the careful reader gives: validated below
    problems: list[Problem] = []
    for error in validator(kind).iter_errors(doc.data):
        problems.extend(_problems(doc, error))
    return problems
