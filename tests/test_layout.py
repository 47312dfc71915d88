"""The shape of the code, held by tests: what a newcomer reads must stay readable.

Every import points down (no cycle), no module or function grows past the project's caps, the
commands that never extract never load spaCy, and the README's command table is the CLI's.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_site import make_site

from generator.cli import cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80

NO_SPACY = """
import json, sys

import generator.fmt, generator.mkdocs_plugin, generator.site, generator.store, generator.validate
from generator.cli import cli
from mkdocs.__main__ import cli as mkdocs

exits = []
for command, args in (
    (cli, ["validate", "briefings"]),
    (cli, ["fmt", "--check", "briefings"]),
    (cli, ["new", "--title", "Talks resume", "--published", "2024-01-02", "--out", "drafts"]),
    (cli, ["schema"]),
    (mkdocs, ["build", "--strict", "--quiet"]),
):
    try:
        command.main(args, standalone_mode=False)
        exits.append(0)
    except SystemExit as exc:
        exits.append(exc.code or 0)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc"))
print(json.dumps({"exits": exits, "loaded": loaded}))
"""


def test_commands_that_never_extract_never_load_spacy(tmp_path: Path) -> None:
    """Validate, fmt, new, schema and a whole `mkdocs build` through the plugin, in one fresh
    process, with an actor registry present (the old way in: registry -> extraction -> spaCy)."""
    root, _ = make_site(tmp_path)
    assert (root / "briefings" / "actors.yaml").is_file()
    done = subprocess.run(
        [sys.executable, "-c", NO_SPACY],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["exits"] == [0, 0, 0, 0, 0], done.stderr
    assert (root / "site" / "index.html").is_file() and any((root / "drafts").glob("*.yaml"))
    assert result["loaded"] == []


def _modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package (a package is its `__init__`)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """Modules of the package that `name` imports anywhere: top level, in functions, and under
    TYPE_CHECKING (a type-only import is still a dependency), relative imports resolved."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            # `from . import x` names a module; `from .x import y` names a thing inside module x
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in known else module for a in node.names]
        for target in targets:
            while target and target not in known:  # `import generator.site.render` -> that module
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path that returns to its start) per strongly connected group (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return [_path_back(graph, group) for group in groups]


def _path_back(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest way from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    return sorted(group)


def test_import_graph_finds_cycles() -> None:
    """The walker itself: a cycle through three modules is found and printed as a path."""
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_import_graph_has_no_cycle() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, set(modules)) for name, path in modules.items()}
    # the walker sees every import: several names in one line, relative, inside functions
    assert graph["generator.checks"] >= {"generator.ingest", "generator.store", "generator.registry"}
    assert "generator.fmt" in graph["generator.cli"]
    cycles = [" -> ".join(c) for c in _cycles(graph)]
    assert cycles == [], "import cycles:\n" + "\n".join(cycles)


def test_modules_and_functions_stay_small() -> None:
    too_big = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(ROOT).as_posix()
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            too_big.append(f"{where}: {lines} lines (cap {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(
                        f"{where}:{node.lineno}: {node.name}() {length} lines (cap {MAX_FUNCTION_LINES})"
                    )
    assert too_big == [], "\n".join(too_big)


def _readme_commands() -> list[str]:
    """Command names in the table under README's "Command line" heading."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `briefings ([a-z-]+)", section, flags=re.MULTILINE)


def test_readme_command_table_is_the_cli() -> None:
    documented = _readme_commands()
    assert documented, "no command table found in README.md"
    assert sorted(documented) == sorted(cli.commands)


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_every_help_has_an_example(command: str | None) -> None:
    """`--help` ends with a runnable example of that very command (sqlite-utils style)."""
    args = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    name = command or "[a-z]+"
    assert re.search(rf"Example:\n(\s+briefings {name}\b.*\n)+", result.output), result.output
