"""The § 4 findings point at the sign-language settings in mkdocs.yml, in either form."""

from __future__ import annotations

from rathaus.gebaerdensprache.medien.paragraf4 import check_start_page, config_line

ONE_ENTRY = """\
plugins:
  - material/search
  - rathaus:
      # gebaerdensprache: a comment does not count
      leichte_sprache: {}
      gebaerdensprache:
        startseite: {}
"""


def test_the_block_in_the_rathaus_entry_and_the_old_entry_are_found() -> None:
    assert config_line(ONE_ENTRY) == 6
    assert config_line("plugins:\n  - search\n  - rathaus/gebaerdensprache:\n") == 3
    assert config_line("site_name: X\n") == 1


def test_the_hint_names_the_block_of_the_rathaus_entry() -> None:
    topics = {"navigation": {"dgs": None, "leichte_sprache": None}}
    findings = check_start_page(topics, {}, lambda path: False, line=6)
    assert findings and all(f.line == 6 for f in findings)
    hints = [f.hint for f in findings]
    assert any("rathaus → gebaerdensprache → startseite → navigation" in h for h in hints)
