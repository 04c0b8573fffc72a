"""The package layout is the architecture: layers point one way, stages are imported by
nothing, params are read only at the top, and every DVC stage depends on the code it runs."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

PACKAGES = ("pipelines", "training", "evaluation", "bias_audit", "dashboards")
DVC = yaml.safe_load((ROOT / "dvc.yaml").read_text())["stages"]


def _stage_cmd(stage: dict) -> str:
    return (stage["do"] if "foreach" in stage else stage)["cmd"]


# Stage modules: what `dvc.yaml` runs. The CLI is the other entry point.
STAGES = frozenset(
    re.fullmatch(r"python -m ([\w.]+)( .*)?", _stage_cmd(s)).group(1) for s in DVC.values()
)
ENTRY_POINTS = STAGES | {"pipelines.cli"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    _module_name(p): p
    for pkg in PACKAGES
    for p in sorted((ROOT / pkg).rglob("*.py"))
    if "__pycache__" not in p.parts
}


def _resolve(name: str) -> str | None:
    """The first-party module an imported name lives in (a module, or a package's __init__)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def imports_of(module: str) -> frozenset[str]:
    """First-party modules `module` imports, at the top or inside functions."""
    tree = ast.parse(MODULES[module].read_text())
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for n in names:
            if n.split(".")[0] in PACKAGES and (r := _resolve(n)) and r != module:
                out.add(r)
    return frozenset(out)


def _closure(module: str) -> set[str]:
    seen, todo = set(), [module]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(imports_of(m))
    return seen


def test_the_layout_parses_and_names_every_stage():
    assert {"pipelines.synthesize", "training.train", "bias_audit.audit"} <= STAGES
    assert all(s in MODULES for s in STAGES)


def test_core_imports_nothing_outside_core():
    for m in MODULES:
        if m.startswith("pipelines.core"):
            outside = {i for i in imports_of(m) if not i.startswith("pipelines.core")}
            assert not outside, f"{m} imports {sorted(outside)}"


def test_deid_never_sees_the_generator():
    for m in MODULES:
        if m.startswith("pipelines.deid"):
            synth = {i for i in _closure(m) if i.startswith("pipelines.synth")}
            assert not synth, f"{m} reaches {sorted(synth)}: recognizers stay blind to it"


def test_library_code_never_imports_a_stage_or_entry_point():
    for m in MODULES:
        if m in ENTRY_POINTS:
            continue
        bad = imports_of(m) & ENTRY_POINTS
        assert not bad, f"{m} imports stage/entry module(s) {sorted(bad)}"


def test_no_import_cycles():
    """Depth-first search over the module graph (function-level imports included)."""
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for n in sorted(imports_of(m)):
            if state.get(n) == 1:
                cycle = [*path[path.index(n) :], n] if n in path else [m, n]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n, [*path, n])
        state[m] = 2

    for m in MODULES:
        if m not in state:
            visit(m, [m])


def _calls_load_params(module: str) -> list[int]:
    tree = ast.parse(MODULES[module].read_text())
    return [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "load_params"
    ]


def test_params_are_read_only_at_the_top():
    """The stage runner (for every stage main), the CLI and the dashboards read params.yaml;
    everything else gets its params passed down."""
    readers = {m for m in MODULES if _calls_load_params(m) and m != "pipelines.core.params"}
    allowed = {"pipelines.core.stage", "pipelines.cli"} | {
        m for m in MODULES if m.startswith("dashboards")
    }
    assert readers <= allowed, f"these modules read params.yaml: {sorted(readers - allowed)}"


def test_every_stage_main_is_built_by_the_stage_runner():
    for m in STAGES:
        tree = ast.parse(MODULES[m].read_text())
        mains = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "main"]
        assert mains, f"{m} has no main"
        decorators = [ast.unparse(d) for d in mains[0].decorator_list]
        assert any(d.startswith("stage(") for d in decorators), f"{m}.main is not @stage(...)"


def _docstring_only(path: Path) -> bool:
    body = ast.parse(path.read_text()).body
    return all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) for n in body)


def _covered(path: Path, deps: list[str]) -> bool:
    rel = path.relative_to(ROOT).as_posix()
    return any(rel == d or rel.startswith(d.rstrip("/") + "/") for d in deps)


@pytest.mark.parametrize("name", sorted(DVC))
def test_every_module_a_stage_runs_is_a_dependency(name):
    stage = DVC[name]["do"] if "foreach" in DVC[name] else DVC[name]
    module = re.fullmatch(r"python -m ([\w.]+)( .*)?", stage["cmd"]).group(1)
    missing = sorted(m for m in _closure(module) if not _covered(MODULES[m], stage["deps"]))
    missing = [m for m in missing if not _docstring_only(MODULES[m])]
    assert not missing, f"stage {name} runs {missing} but dvc.yaml lacks them in deps"


MAX_FUNCTION_LINES = 80


def test_no_function_in_the_product_packages_is_over_80_lines():
    """Long functions are broken where their pieces have names of their own."""
    long = []
    for m, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                if node.end_lineno - start + 1 > MAX_FUNCTION_LINES:
                    long.append(f"{m}.{node.name} ({node.end_lineno - start + 1} lines)")
    assert not long, "functions over 80 lines: " + ", ".join(sorted(long))
