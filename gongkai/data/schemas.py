"""The JSON Schemas that define the data model, and validators built from them."""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import jsonschema
import jsonschema_rs
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMA_FILES = {
    "agency": "agency.schema.json",
    "plan": "plan.schema.json",
    "results": "results.schema.json",
    "portal": "portal.schema.json",
}
COMMON_FILE = "common.schema.json"
# The first line of a data file, which tells editors (VS Code's YAML extension and others) its schema.
SCHEMA_MARK = "# yaml-language-server: $schema="

FORMAT_CHECKER = jsonschema.FormatChecker(formats=())


def _is_real_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    # fromisoformat also takes compact forms such as 20250131; the data asks for YYYY-MM-DD.
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


@FORMAT_CHECKER.checks("date")
def _check_date(value: object) -> bool:
    return not isinstance(value, str) or _is_real_date(value)


@FORMAT_CHECKER.checks("month-or-date")
def _check_month_or_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
        return True
    return _is_real_date(value)


@FORMAT_CHECKER.checks("month-day")
def _check_month_day(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{2}-\d{2}", value):
        return False
    # 2024 is a leap year, so 02-29 counts as a day that exists.
    return _is_real_date("2024-" + value)


@FORMAT_CHECKER.checks("deadline")
def _check_deadline(value: object) -> bool:
    return not isinstance(value, str) or value == "ongoing" or _is_real_date(value)


@FORMAT_CHECKER.checks("email")
def _check_email(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value))


@FORMAT_CHECKER.checks("uri")
def _check_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(re.fullmatch(r"(https?|mailto):\S+", value))


def schema_line(kind: str, depth: int) -> str:
    """The editor's schema line for a file `depth` folders below the repository (plan.yml: 3)."""
    return f"{SCHEMA_MARK}{'../' * depth}gongkai/schema/{kind}.schema.json"


def schema_text(filename: str) -> str:
    return resources.files("gongkai.schema").joinpath(filename).read_text(encoding="utf-8")


@cache
def schema(name: str) -> dict[str, Any]:
    """The parsed schema for `name` (agency, plan, results, or common)."""
    filename = COMMON_FILE if name == "common" else SCHEMA_FILES[name]
    return json.loads(schema_text(filename))


@cache
def _registry() -> Registry:
    resources_ = [
        (filename, Resource.from_contents(schema(name), default_specification=DRAFT7))
        for name, filename in [("common", COMMON_FILE), *SCHEMA_FILES.items()]
    ]
    return Registry().with_resources(resources_)


# The schemas' own names for each other, under an address no request is ever made to.
_BASE = "https://schemas.gongkai.invalid/"


def _as_bool(check: Any) -> Any:
    return lambda value: bool(check(value))


@cache
def fast_validator(name: str) -> jsonschema_rs.Draft7Validator:
    """A compiled validator for one kind of file that only answers valid or not, with the same rules
    and formats as `validator`: most files are valid, and the detailed errors are then not needed."""
    registry = jsonschema_rs.Registry([(_BASE + filename, schema(kind))
                                       for kind, filename in [("common", COMMON_FILE), *SCHEMA_FILES.items()]])
    formats = {format_name: _as_bool(check) for format_name, (check, _) in FORMAT_CHECKER.checkers.items()}
    return jsonschema_rs.Draft7Validator({"$ref": SCHEMA_FILES[name]}, registry=registry, base_uri=_BASE + "root.json",
                                         formats=formats, validate_formats=True, offline=True)


@cache
def validator(name: str) -> jsonschema.Draft7Validator:
    """A validator for one kind of file: agency, plan or results."""
    return jsonschema.Draft7Validator(
        {"$ref": SCHEMA_FILES[name]}, registry=_registry(), format_checker=FORMAT_CHECKER
    )
