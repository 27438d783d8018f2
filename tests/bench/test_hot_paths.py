"""The performance fixes of issue 8 keep results exactly as before.

``split_front_matter`` and ``find_directives`` are cached by text; callers must still get
their own objects. ``check_text`` skips its per-character scan for clean text; text with a
forbidden character is reported as before. ``csp.scan`` finds offsets without a char loop.
"""

from __future__ import annotations

from rathaus.csp import scan
from rathaus.model.yamlread import check_text
from rathaus.pages import find_directives, split_front_matter

PAGE = "---\ntitle: Kontakt\nrathaus:\n  erlaubt: [iframe]\n---\n\n# Kontakt\n\n"
DIRECTIVE = "<!-- rathaus/kontakt { einheit: buergerbuero, ebene: 3 } -->\n"


def test_cached_front_matter_is_a_fresh_copy_per_call() -> None:
    first, line, findings = split_front_matter("content/k.md", PAGE)
    first["rathaus"]["erlaubt"].append("script")
    findings.append("changed by a caller")  # type: ignore[arg-type]
    again, line_again, findings_again = split_front_matter("content/k.md", PAGE)
    assert again == {"title": "Kontakt", "rathaus": {"erlaubt": ["iframe"]}}
    assert (line, line_again, findings_again) == (6, 6, [])


def test_cached_front_matter_problems_are_still_reported() -> None:
    for _ in range(2):
        data, _, findings = split_front_matter("content/k.md", "---\ntitle: x\n")
        assert data is None
        assert [f.message for f in findings] == [
            "der Kopfbereich (Front Matter) wird nicht mit --- geschlossen"
        ]


def test_cached_directives_are_fresh_copies() -> None:
    text = PAGE + DIRECTIVE
    found, problems = find_directives("content/k.md", text)
    found[0].args["einheit"] = "anderes-amt"
    again, _ = find_directives("content/k.md", text)
    assert (again[0].name, again[0].args, again[0].level, problems) == (
        "kontakt",
        {"einheit": "buergerbuero"},
        3,
        [],
    )


def test_check_text_clean_and_dirty() -> None:
    text, findings = check_text("x.md", "Grüße aus Musterstadt\n".encode())
    assert (text, findings) == ("Grüße aus Musterstadt\n", [])
    _, findings = check_text("x.md", "a\nb\u202ec\x07".encode())
    assert [(f.line, f.col) for f in findings] == [(2, 2), (2, 4)]


def test_csp_offsets_after_meta_charset_on_later_lines() -> None:
    html = '<!doctype html>\n<html>\n<head>\n  <meta charset="utf-8">\n</head></html>'
    found = scan(html)
    assert found.insert_at == html.index("<meta charset") + len('<meta charset="utf-8">')
