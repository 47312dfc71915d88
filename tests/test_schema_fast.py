"""The compiled schema check must accept exactly what the reference `jsonschema` accepts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from generator import store
from generator.checks import fast_validator, schema_valid, validator

ROOT = Path(__file__).resolve().parent.parent
DEMO = sorted(p for p in (ROOT / "briefings").glob("*.yaml") if p.name != "actors.yaml")  # not the registry

# Keywords that mean the same in draft-07 and 2020-12: the compiled check relies on the schema
# using no others (prefixItems, $defs, unevaluated*, dependentRequired ... would differ or be ignored).
SHARED_KEYWORDS = {
    "$id", "$schema", "title", "description", "examples", "type", "properties", "required",
    "additionalProperties", "items", "enum", "const", "pattern", "minLength", "maxLength",
    "minItems", "maxItems", "minimum", "maximum",
}  # fmt: skip


def keywords(schema: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            found.add(key)
            if key == "properties":
                for sub in value.values():
                    found |= keywords(sub)
            elif key not in ("enum", "const", "examples", "required"):
                found |= keywords(value)
    elif isinstance(schema, list):
        for item in schema:
            found |= keywords(item)
    return found


def test_schema_uses_only_keywords_shared_with_draft_07() -> None:
    schema = json.loads(store.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert keywords(schema) <= SHARED_KEYWORDS


def demo() -> dict[str, Any]:
    return store.load_plain(DEMO[0])  # type: ignore[no-any-return]


def set_path(data: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    node: Any = data
    for part in path[:-1]:
        node = node[part]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


MUTATIONS = [
    ((), None, True),
    (("title",), KeyError, False),
    (("title",), 3, False),
    (("title",), "", False),
    (("reviewed",), "yes", False),
    (("reviewed",), 1, False),
    (("schema_version",), True, False),
    (("schema_version",), 1.5, False),
    (("source", "published"), "2024-03-05T10:00", True),
    (("source", "published"), "March 2024", False),
    (("source", "sha256"), "ABC", False),
    (("source", "sha256"), None, True),
    (("actors", 0, "kind"), "robot", False),
    (("actors", 0, "kind"), "group", True),
    (("actors", 0, "id"), "Not A Slug", False),
    (("actors", 0, "aliases"), "one", False),
    (("actors", 0, "surprise"), 1, False),
    (("quotes",), {}, False),
    (("quotes",), [], True),
    (("unknown_key",), 1, False),
]


@pytest.mark.parametrize(("path", "value", "valid"), MUTATIONS)
def test_compiled_check_agrees_with_jsonschema(path: tuple[Any, ...], value: Any, valid: bool) -> None:
    data = demo() if not path else set_path(demo(), path, value)
    reference = validator().is_valid(data)
    assert reference is valid
    assert schema_valid(data) is reference


@pytest.mark.parametrize("path", DEMO, ids=lambda p: p.name)
def test_every_demo_briefing_is_valid_for_both(path: Path) -> None:
    data = store.load_plain(path)
    assert validator().is_valid(data)
    fast_validator()(data)  # raises if not
