"""The contracts of the HTML fragments: the parameters each takes, and examples that render.

Beside every ``fragments/rathaus/<name>.html`` lies ``<name>.yml`` (the idea of GOV.UK
Frontend's per-component params and examples): ``params`` lists name, type, required and
description; ``examples`` gives each a name and the ``context`` to render it with. A town
that overrides a fragment reads there what its template receives.

Examples are plain YAML. Mappings stand in for the view objects, since Jinja's ``x.y`` reads
a key when there is no attribute; lists stand in for tuples; unquoted ISO dates load as
``datetime.date``, so ``.isoformat()`` works. The fragments call no other methods than those
of ``str`` and ``date``. The tag ``!html`` marks a string as already safe HTML (``Markup``),
as the callers pass rendered page content.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import yaml
from markupsafe import Markup

FRAGMENTS = files("rathaus") / "templates" / "fragments" / "rathaus"


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Example:
    name: str
    context: dict[str, Any]


@dataclass(frozen=True)
class Contract:
    fragment: str
    description: str
    params: tuple[Param, ...]
    examples: tuple[Example, ...]


class _ContractLoader(yaml.SafeLoader):
    pass


def _html(loader: yaml.SafeLoader, node: yaml.Node) -> Markup:
    return Markup(loader.construct_scalar(node))  # type: ignore[arg-type]


_ContractLoader.add_constructor("!html", _html)


def template_names() -> list[str]:
    """Every fragment shipped with the package, by name (without ``.html``)."""
    return sorted(
        p.name.removesuffix(".html") for p in FRAGMENTS.iterdir() if p.name.endswith(".html")
    )


def contract_names() -> list[str]:
    return sorted(
        p.name.removesuffix(".yml") for p in FRAGMENTS.iterdir() if p.name.endswith(".yml")
    )


def load_contract(fragment: str) -> Contract:
    """Read ``<fragment>.yml`` from the package's fragments."""
    return parse_contract(fragment, (FRAGMENTS / f"{fragment}.yml").read_text(encoding="utf-8"))


def parse_contract(fragment: str, text: str) -> Contract:
    """A contract from its YAML text; a malformed one raises ``ValueError`` naming the file."""
    source = f"{fragment}.yml"
    try:
        data = yaml.load(text, _ContractLoader)
        params = tuple(
            Param(
                name=str(p["name"]),
                type=str(p["type"]),
                required=bool(p["required"]),
                description=str(p["description"]),
            )
            for p in data.get("params") or []
        )
        examples = tuple(
            Example(name=str(e["name"]), context=dict(e.get("context") or {}))
            for e in data["examples"]
        )
        return Contract(fragment, str(data["description"]), params, examples)
    except (yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError) as error:
        raise ValueError(f"{source}: malformed contract ({error})") from error
