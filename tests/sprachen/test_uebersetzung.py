"""Where translations are and whether they still match their German page (rathaus.sprachen)."""

from __future__ import annotations

from rathaus.markdown_scan import PageSource, mask
from rathaus.model import Level
from rathaus.sprachen import fingerprint, folder_of, source_of, stand, translation_findings

GERMAN = "---\ndescription: Kontakt\n---\n\n# Kontakt\n\nRufen Sie uns an.\n"


def _page(src_uri: str, text: str, front_matter: dict[str, object]) -> PageSource:
    return PageSource(f"content/{src_uri}", src_uri, text, front_matter, mask(text))


def _translation(front_matter: dict[str, object]) -> PageSource:
    head = "".join(f"{key}: {value}\n" for key, value in front_matter.items())
    return _page("en/kontakt.md", f"---\n{head}---\n\n# Contact\n", front_matter)


def test_a_page_belongs_to_the_language_of_its_first_folder() -> None:
    assert folder_of("en/kontakt.md", ["en", "ar"]) == "en"
    assert folder_of("ar/verwaltung/index.md", ["en", "ar"]) == "ar"
    assert folder_of("kontakt.md", ["en", "ar"]) is None
    assert folder_of("en.md", ["en"]) is None  # a German page that happens to be called en
    assert folder_of("tr/kontakt.md", ["en"]) is None  # not offered: a German folder
    assert source_of("en/verwaltung/index.md", "en") == "verwaltung/index.md"


def test_the_fingerprint_ignores_line_ends_and_trailing_spaces_only() -> None:
    assert fingerprint(GERMAN) == fingerprint(GERMAN.replace("\n", "\r\n"))
    assert fingerprint(GERMAN) == fingerprint(GERMAN.replace("an.", "an.   "))
    assert fingerprint(GERMAN) != fingerprint(GERMAN.replace("an.", "an!"))
    assert len(fingerprint(GERMAN)) == 12


def test_a_translation_of_the_current_german_page_is_up_to_date() -> None:
    german = _page("kontakt.md", GERMAN, {"description": "Kontakt"})
    current = _translation({"uebersetzt_aus": fingerprint(GERMAN)})
    assert stand(current, german).veraltet is False
    assert translation_findings({"kontakt.md": german, "en/kontakt.md": current}, ["en"]) == []


def test_a_changed_german_page_names_both_files_and_the_new_fingerprint() -> None:
    changed = GERMAN.replace("Rufen Sie uns an.", "Schreiben Sie uns.")
    german = _page("kontakt.md", changed, {"description": "Kontakt"})
    old = _translation({"uebersetzt_aus": fingerprint(GERMAN)})
    assert stand(old, german).veraltet is True
    [finding] = translation_findings({"kontakt.md": german, "en/kontakt.md": old}, ["en"])
    assert finding.file == "content/en/kontakt.md"
    assert finding.line == 2 and finding.field == "uebersetzt_aus"
    assert "content/kontakt.md" in finding.message
    assert f"uebersetzt_aus: {fingerprint(changed)}" in finding.hint
    # A Hinweis: a correction of the German page does not wait for the translators.
    assert finding.level is Level.INFO


def test_a_translation_that_does_not_say_what_it_translates_is_a_warning() -> None:
    german = _page("kontakt.md", GERMAN, {"description": "Kontakt"})
    bare = _translation({"description": "Contact"})
    [finding] = translation_findings({"kontakt.md": german, "en/kontakt.md": bare}, ["en"])
    assert finding.level is Level.WARNING
    assert f"uebersetzt_aus: {fingerprint(GERMAN)}" in finding.hint
    assert stand(bare, german).veraltet is True


def test_maschinell_takes_ja_or_nein() -> None:
    german = _page("kontakt.md", GERMAN, {})
    made = _translation({"uebersetzt_aus": fingerprint(GERMAN), "maschinell": "ja"})
    assert stand(made, german).maschinell is True
    wrong = _translation({"uebersetzt_aus": fingerprint(GERMAN), "maschinell": "vielleicht"})
    [finding] = translation_findings({"kontakt.md": german, "en/kontakt.md": wrong}, ["en"])
    assert finding.field == "maschinell" and finding.level is Level.WARNING
    assert "„vielleicht“" in finding.message


def test_a_page_only_in_another_language_needs_no_source() -> None:
    only = _page("en/welcome.md", "# Welcome\n", {})
    assert translation_findings({"en/welcome.md": only}, ["en"]) == []
    assert stand(only, None).veraltet is False
