"""Every fragment has a contract that matches its template, and every example renders."""

from __future__ import annotations

from collections import Counter

import pytest
from jinja2 import UndefinedError, meta, nodes
from selectolax.lexbor import LexborHTMLParser

from rathaus.fragment_contracts import (
    Contract,
    contract_names,
    load_contract,
    parse_contract,
    template_names,
)
from rathaus.render import FragmentRenderer

RENDERER = FragmentRenderer()
CONTRACTS = [load_contract(name) for name in contract_names()]
EXAMPLES = [(c, e.name) for c in CONTRACTS for e in c.examples]


def _parse(template: str) -> nodes.Template:
    env = RENDERER.env
    assert env.loader is not None
    return env.parse(env.loader.get_source(env, template)[0])


def _own_variables(template: str) -> set[str]:
    """The context variables a template reads itself.

    Jinja counts a name set in every branch of an ``if`` as possibly undefined; such a
    name is the template's own, not a parameter.
    """
    tree = _parse(template)
    assigned = {
        node.target.name
        for node in tree.find_all((nodes.Assign, nodes.AssignBlock))
        if isinstance(node.target, nodes.Name)
    }
    return set(meta.find_undeclared_variables(tree)) - assigned - set(RENDERER.env.globals)


def _reachable_variables(template: str) -> set[str]:
    """Variables read by the template or by a fragment it includes (which sees its context)."""
    found = _own_variables(template)
    for included in meta.find_referenced_templates(_parse(template)):
        assert included is not None, f"{template} includes a computed template name"
        found |= _reachable_variables(included)
    return found


def _render(contract: Contract, example: str) -> LexborHTMLParser:
    (chosen,) = [e for e in contract.examples if e.name == example]
    return LexborHTMLParser(RENDERER.render(contract.fragment, **chosen.context))


def test_every_fragment_has_a_contract_and_every_contract_a_fragment() -> None:
    assert template_names() == contract_names()
    assert len(template_names()) >= 30


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c.fragment)
def test_params_are_exactly_the_variables_the_template_uses(contract: Contract) -> None:
    declared = [p.name for p in contract.params]
    assert len(declared) == len(set(declared)), "a parameter is listed twice"
    template = f"fragments/rathaus/{contract.fragment}.html"
    assert _own_variables(template) <= set(declared), "the template reads an undeclared variable"
    assert set(declared) <= _reachable_variables(template), "a declared parameter is never read"


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c.fragment)
def test_contract_is_complete(contract: Contract) -> None:
    assert contract.description.strip()
    assert contract.examples
    assert len({e.name for e in contract.examples}) == len(contract.examples)
    for param in contract.params:
        assert param.type.strip() and param.description.strip(), param.name
    required = {p.name for p in contract.params if p.required}
    for example in contract.examples:
        assert required <= set(example.context), example.name
        assert set(example.context) <= {p.name for p in contract.params}, example.name


@pytest.mark.parametrize(
    ("contract", "example"), EXAMPLES, ids=[f"{c.fragment}-{e}" for c, e in EXAMPLES]
)
def test_example_renders_to_sound_html(contract: Contract, example: str) -> None:
    tree = _render(contract, example)
    body = tree.body
    assert body is not None and body.text(strip=True), "the example renders nothing visible"
    ids = Counter(node.attributes["id"] for node in body.css("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    for link in body.css("a"):
        assert link.attributes.get("href"), link.html
        assert link.text(strip=True), link.html
    for heading in body.css("h1, h2, h3, h4, h5, h6"):
        assert heading.text(strip=True), heading.html


def test_a_missing_required_parameter_fails_loudly() -> None:
    with pytest.raises(UndefinedError):
        RENDERER.render("keine-zeiten")


def test_a_parameter_holding_html_is_printed_as_text() -> None:
    html = RENDERER.render("keine-zeiten", unit={"name": "<b>Amt</b>", "url": "/verwaltung/amt/"})
    assert "<b>" not in html and "&lt;b&gt;Amt&lt;/b&gt;" in html


def test_html_tag_makes_safe_markup() -> None:
    contract = parse_contract(
        "rahmen",
        "description: x\nexamples:\n  - name: a\n    context: {content: !html '<p>Satz</p>'}\n",
    )
    html = RENDERER.render("leichte-sprache-rahmen", **contract.examples[0].context)
    assert "<p>Satz</p>" in html


@pytest.mark.parametrize(
    "text",
    [
        "description: x\n",  # no examples
        "description: x\nparams: [{name: a}]\nexamples: []\n",  # param without type
        "description: x\nexamples: [{context: {}}]\n",  # example without name
        "description: [x\n",  # not YAML
    ],
)
def test_a_malformed_contract_names_its_file(text: str) -> None:
    with pytest.raises(ValueError, match=r"^kontakt\.yml: malformed contract"):
        parse_contract("kontakt", text)
