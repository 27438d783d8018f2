"""The CI pipelines call the same make targets as the README, and publish only from main."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).parent.parent
MAKE = re.compile(r"\bmake\s+(?:-s\s+)?((?:[a-z][\w-]*\s*)+)")


def load(path: str) -> Any:
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


def make_targets(commands: list[str]) -> list[str]:
    targets = []
    for command in commands:
        for match in MAKE.finditer(command):
            targets += [t for t in match.group(1).split() if "=" not in t]
    return targets


def makefile_targets() -> set[str]:
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", text, flags=re.MULTILINE))


def readme_targets() -> set[str]:
    return set(re.findall(r"\bmake ([a-z][\w-]*)", (REPO / "README.md").read_text("utf-8")))


def github_runs() -> list[str]:
    workflow = load(".github/workflows/site.yml")
    return [step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step]


def gitlab_runs() -> list[str]:
    ci = load(".gitlab-ci.yml")
    return [line for job in ("check", "build") for line in ci[job]["script"]]


def test_github_workflow_runs_check_build_and_gate() -> None:
    targets = make_targets(github_runs())
    assert targets == ["check", "lint", "unit", "publish"]
    assert "make check CHECK_FORMAT=github" in github_runs()


def test_gitlab_pipeline_runs_check_build_and_gate() -> None:
    targets = make_targets(gitlab_runs())
    assert targets == ["lint", "unit", "check", "publish"]
    ci = load(".gitlab-ci.yml")
    assert ci["check"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert "CHECK_FORMAT=gitlab > gl-code-quality-report.json" in ci["check"]["script"][1]


def test_pipelines_use_make_targets_that_exist_and_the_readme_documents() -> None:
    used = set(make_targets(github_runs() + gitlab_runs()))
    assert used <= makefile_targets()
    assert used <= readme_targets(), used - readme_targets()


def test_publishing_only_from_the_default_branch() -> None:
    workflow = load(".github/workflows/site.yml")
    # PyYAML reads the key "on" as True (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True))
    assert set(triggers) == {"push", "pull_request", "schedule", "workflow_dispatch"}
    deploy = workflow["jobs"]["deploy"]
    default = "github.ref_name == github.event.repository.default_branch"
    assert default in deploy["if"]
    assert "github.event_name != 'pull_request'" in deploy["if"]
    assert deploy["needs"] == "build"
    [upload] = [
        s for s in workflow["jobs"]["build"]["steps"] if "upload-pages" in s.get("uses", "")
    ]
    assert default in upload["if"]
    ci = load(".gitlab-ci.yml")
    assert ci["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert ci["pages"]["needs"] == ["build"]


def test_pre_commit_and_ci_share_the_checker() -> None:
    [hook] = load(".pre-commit-hooks.yaml")
    assert hook["entry"].startswith("rathaus check")
    assert "check" in makefile_targets()


def cache_dir() -> str:
    from rathaus.adapter.options.cache import CacheConfig

    return str(dict(CacheConfig._schema)["dir"].default)


def test_the_pipelines_keep_rathaus_cache_between_runs() -> None:
    steps = load(".github/workflows/site.yml")["jobs"]["build"]["steps"]
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == cache_dir()
    assert "github.sha" in cache["with"]["key"]  # a new entry per commit, the last restored
    first_build = next(n for n, s in enumerate(steps) if s.get("run", "").startswith("make "))
    assert steps.index(cache) < first_build
    assert load(".gitlab-ci.yml")["build"]["cache"]["paths"] == [cache_dir() + "/"]
