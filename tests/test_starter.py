"""`rathaus init`: a clean site for a real town that builds once its placeholders are filled."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from rathaus.adapter import run_checks
from rathaus.checks import MARKER
from rathaus.cli import main
from rathaus.model import Level
from rathaus.paragraf4 import TOPICS
from rathaus.starter import Angaben, StarterError, create_site
from tests.conftest import TOWN, build_site, copy_demo, fill_placeholders, parse, set_feature


def test_a_new_site_reports_exactly_its_placeholders(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    assert main(["init", str(root), "--name", TOWN.name, "--land", "NW", "--url", TOWN.url]) == 0
    findings = [f for f in run_checks(root) if f.level is not Level.INFO]
    assert findings, "the placeholders must be reported"
    assert {f.rule for f in findings} == {"ausfuellen"}
    marked = {
        (path.relative_to(root).as_posix(), number)
        for path in [*root.glob("data/*.yml"), *root.rglob("content/**/*.md")]
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if MARKER in line
    }
    assert {(f.file, f.line) for f in findings} == marked
    assert main(["--root", str(root), "check"]) == 1


def test_a_marker_explained_as_code_is_not_a_placeholder(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    create_site(root, TOWN, date(2027, 3, 1))
    fill_placeholders(root)
    (root / "content" / "hilfe.md").write_text(
        f"# Hilfe\n\nDie Prüfung meldet jedes `{MARKER}`.\n\n```\n# {MARKER}\n```\n\n"
        f"Noch offen: {MARKER}\n",
        encoding="utf-8",
    )
    markers = [(f.file, f.line) for f in run_checks(root) if f.rule == "ausfuellen"]
    assert markers == [("content/hilfe.md", 9)]


def test_once_filled_it_checks_and_builds_without_a_trace_of_the_demo(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    create_site(root, TOWN, date(2027, 3, 1))
    fill_placeholders(root)
    assert [f.format() for f in run_checks(root) if f.level is not Level.INFO] == []
    site = build_site(root)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Musterstadt" not in text and ".example" not in text, page
    start = parse(site / "index.html")
    heading = start.css_first("article h1")
    assert heading is not None and heading.text(strip=True) == "Stadt Beispielstadt"
    # A start page for residents: search, switchboard, frequent tasks; the footer has the
    # town's own address and phone.
    assert start.css_first("article form.rathaus-suche") is not None
    assert start.css_first("article .rathaus-zentrale a[href^='tel:']") is not None
    assert len(start.css("article ul.rathaus-aufgaben li")) == 2
    assert "Stadt Beispielstadt" in start.css_first("footer .rh-footer__kontakt").text()
    statement = parse(site / "barrierefreiheit" / "index.html").css_first("article")
    assert statement is not None
    assert "Videos in Deutscher Gebärdensprache auf der Startseite" in statement.text()
    assert (site / "leichte-sprache" / "index.html").is_file()
    # The sign-language page says what is planned instead of being empty.
    planned = parse(site / "gebaerdensprache" / "index.html").css_first("article")
    assert planned is not None
    assert [li.text(strip=True) for li in planned.css("h2#geplant ~ ul li")] == list(
        TOPICS.values()
    )
    assert "bis zum 1. März 2028 geplant" in planned.text()
    assert (root / ".github" / "workflows" / "website.yml").is_file()
    assert (root / ".gitlab-ci.yml").is_file() and (root / ".gitignore").is_file()


def test_the_town_name_is_text_in_every_format(tmp_path: Path) -> None:
    name = 'Markt "St. Peter" & <Tal> #1 *Süd*: [x](y)'
    root = tmp_path / "markt"
    create_site(root, Angaben(name, "by", "https://markt.example.org/"), date(2027, 3, 1))
    fill_placeholders(root)
    # Only the Leichte Sprache linter objects (to the quotes and symbols of the name).
    errors = [f for f in run_checks(root) if f.level is Level.ERROR]
    assert errors and all(f.rule.startswith("LS") for f in errors)
    set_feature(root, "leichte_sprache")
    set_feature(root, "pruefung")
    site = build_site(root, strict=False)
    heading = parse(site / "index.html").css_first("article h1")
    assert heading is not None and heading.text(strip=True) == name
    title = parse(site / "index.html").css_first("title")
    assert title is not None and name in title.text()


@pytest.mark.parametrize(
    ("angaben", "message"),
    [
        (Angaben("Stadt Beispielstadt", "XX", TOWN.url), "kein Bundesland"),
        (Angaben("Stadt Beispielstadt", "NW", "http://beispielstadt.de"), "keine https-Adresse"),
        (Angaben("ab", "NW", TOWN.url), "3 bis 120 Zeichen"),
    ],
)
def test_wrong_details_are_refused_in_german(
    tmp_path: Path, angaben: Angaben, message: str
) -> None:
    with pytest.raises(StarterError, match=message):
        create_site(tmp_path / "neu", angaben, date(2027, 3, 1))
    assert not (tmp_path / "neu").exists()


def test_a_folder_with_files_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "alt.txt").write_text("bleibt", encoding="utf-8")
    with pytest.raises(StarterError, match="nicht leer"):
        create_site(tmp_path, TOWN, date(2027, 3, 1))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.txt"]


def test_a_fork_of_the_demo_with_its_own_address_lists_the_demos_leftovers(
    tmp_path: Path,
) -> None:
    root = copy_demo(tmp_path / "stadt")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("www.musterstadt.example", "www.beispielstadt.de"), "utf-8")
    leftovers = [f for f in run_checks(root) if f.rule == "beispieldaten"]
    files = {f.file for f in leftovers}
    # The town's name, the LS start page with the demo's e-mail, the placeholder videos.
    assert {"data/stadt.yml", "content/leichte-sprache/index.md", "data/videos.yml"} <= files
    assert all(f.level is Level.WARNING for f in leftovers)
    assert main(["--root", str(root), "check"]) == 1


def test_example_addresses_count_only_outside_an_example_site(
    fixture_site: Callable[[str], Path],
) -> None:
    root = fixture_site("klein")
    assert [f for f in run_checks(root) if f.rule == "beispieldaten"] == []
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("www.testdorf.example", "www.testdorf.de"), "utf-8")
    leftovers = {(f.file, f.line) for f in run_checks(root) if f.rule == "beispieldaten"}
    people = (root / "data" / "personen.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(people, 1) if "testdorf.example" in text)
    assert ("data/personen.yml", line) in leftovers


def test_the_towns_pipelines_check_build_and_audit_before_publishing(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    create_site(root, TOWN, date(2027, 3, 1))
    github = yaml.safe_load((root / ".github" / "workflows" / "website.yml").read_text("utf-8"))
    steps = " && ".join(
        step["run"] for step in github["jobs"]["pruefen-und-bauen"]["steps"] if "run" in step
    )
    gitlab = " && ".join(
        yaml.safe_load((root / ".gitlab-ci.yml").read_text("utf-8"))["website"]["script"]
    )
    for commands in (steps, gitlab):
        check = commands.index("rathaus check")
        build = commands.index('rathaus build --gate "')
        assert check < build
        assert "rathaus audit" in commands[build:]  # site/ is replaced only after the audit
        assert "chromium default-jre-headless" in commands  # what the audit needs
    requirements = (root / "requirements.txt").read_text("utf-8")
    assert "rathaus[audit]==" in requirements


def test_the_towns_pipelines_keep_the_cache_and_git_leaves_it_out(tmp_path: Path) -> None:
    root = tmp_path / "beispielstadt"
    create_site(root, TOWN, date(2027, 3, 1))
    github = yaml.safe_load((root / ".github" / "workflows" / "website.yml").read_text("utf-8"))
    steps = github["jobs"]["pruefen-und-bauen"]["steps"]
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == ".cache/rathaus"
    check = next(n for n, s in enumerate(steps) if "rathaus check" in s.get("run", ""))
    assert steps.index(cache) < check
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text("utf-8"))["website"]
    assert gitlab["cache"]["paths"] == [".cache/rathaus/"]
    assert "/.cache/" in (root / ".gitignore").read_text("utf-8").splitlines()


def test_help_lists_the_commands_a_town_needs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    shown = capsys.readouterr().out
    for command in ("init", "check", "build", "audit", "rename", "new"):
        assert f"    {command} " in shown, command


def test_the_towns_colour_and_logo_are_set_and_a_light_colour_is_refused(
    tmp_path: Path,
) -> None:
    logo = tmp_path / "Wappen.SVG"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', "utf-8")
    root = tmp_path / "beispielstadt"
    angaben = Angaben(TOWN.name, "NW", TOWN.url, farbe="00508C", logo=logo)
    create_site(root, angaben, date(2027, 3, 1))
    css = (root / "content" / "farben.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #00508c;" in css
    assert "--md-primary-fg-color--dark: #003862;" in css
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert config["theme"] == {"name": "rathaus", "logo": "logo.svg"}
    assert config["extra_css"] == ["farben.css"]
    assert (root / "content" / "logo.svg").read_bytes() == logo.read_bytes()
    fill_placeholders(root)
    site = build_site(root)
    header_logo = parse(site / "index.html").css_first("header .md-logo img")
    assert header_logo is not None and header_logo.attributes["src"] == "logo.svg"
    assert (site / "farben.css").is_file()

    with pytest.raises(StarterError, match=r"zu hell.*1,5 : 1.*z\. B\. #8c7000"):
        create_site(
            tmp_path / "gelb", Angaben(TOWN.name, "NW", TOWN.url, farbe="#ffcc00"), date(2027, 3, 1)
        )
    with pytest.raises(StarterError, match="keine Farbe"):
        create_site(
            tmp_path / "rot", Angaben(TOWN.name, "NW", TOWN.url, farbe="rot"), date(2027, 3, 1)
        )
    with pytest.raises(StarterError, match="SVG-, PNG- oder WebP-Datei"):
        create_site(
            tmp_path / "x",
            Angaben(TOWN.name, "NW", TOWN.url, logo=tmp_path / "a.gif"),
            date(2027, 3, 1),
        )
    assert not (tmp_path / "gelb").exists() and not (tmp_path / "x").exists()


def test_without_options_the_theme_colour_is_written_for_the_town_to_change(
    tmp_path: Path,
) -> None:
    root = tmp_path / "beispielstadt"
    assert main(["init", str(root), "--name", TOWN.name, "--land", "NW", "--url", TOWN.url]) == 0
    css = (root / "content" / "farben.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #004a8f;" in css
    assert "# logo: logo.svg" in (root / "mkdocs.yml").read_text(encoding="utf-8")
