"""Every example of every fragment contract, alone on a German page, passes axe (WCAG 2.1 AA).

The examples (``fragments/rathaus/<name>.yml``) cover the branches of each fragment, so a
barrier a fragment brings into a site shows up here without building one. The page has no
theme CSS and no surrounding headings, so the rules that judge layout or the page as a whole
(WCAG 2.2 target size, best-practice heading order) are left to the gate over the built site.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from conftest import AXE_JS
from rathaus.fragment_contracts import contract_names, load_contract
from rathaus.render import FragmentRenderer

RENDERER = FragmentRenderer()
EXAMPLES = [
    (contract.fragment, example.name, example.context)
    for contract in map(load_contract, contract_names())
    for example in contract.examples
]
PAGE = """<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Beispiel: {fragment}</title></head>
<body><main><h1>Beispiel: {fragment}</h1>
{html}
</main></body>
</html>"""


@pytest.mark.parametrize(
    ("fragment", "example", "context"), EXAMPLES, ids=[f"{f}-{e}" for f, e, _ in EXAMPLES]
)
def test_example_has_no_axe_violations(
    desktop: Page, fragment: str, example: str, context: dict[str, object]
) -> None:
    html = RENDERER.render(fragment, **context)
    desktop.set_content(PAGE.format(fragment=fragment, html=html))
    desktop.add_script_tag(path=str(AXE_JS))
    result = desktop.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]] == []
