"""The rules of Leichte Sprache a program can check (research table L1–L26, ids LS01–LS26).

Each rule looks at a prepared text (:mod:`.text`) and returns :class:`Issue` objects with a
German message (what is wrong) and a German hint (how to fix it). Rule levels and
thresholds come from :class:`~.settings.Einstellungen`.

Sources of the rules and thresholds: BITV 2.0 Anlage 2 Teil 2, Netzwerk Leichte Sprache,
the Leichte-Sprache pages of Sachsen and Baden-Württemberg, the rules of the city of Zurich
(via Munich's MUCGPT) and LanguageTool's "Simple German" rules; see README "Leichte Sprache".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..model import Level
from . import amtsdeutsch, morphology
from .settings import Einstellungen
from .text import SHORT_WORDS, Prepared, Sentence


@dataclass(frozen=True)
class Issue:
    rule: str
    offset: int
    message: str
    hint: str
    level: Level


Rule = Callable[[Prepared, Einstellungen], Iterator[Issue]]

RULE_NAMES: dict[str, str] = {
    "LS01": "Satzlänge",
    "LS02": "ein Satz pro Zeile",
    "LS03": "eine Aussage pro Satz",
    "LS04": "Abkürzungen",
    "LS05": "Verneinung",
    "LS06": "Passiv",
    "LS07": "Genitiv",
    "LS08": "Konjunktiv",
    "LS09": "Sonderzeichen und Klammern",
    "LS10": "Prozent",
    "LS11": "römische Zahlen",
    "LS12": "Zahlwörter",
    "LS13": "große Zahlen und alte Jahreszahlen",
    "LS14": "Datum",
    "LS15": "Uhrzeit",
    "LS16": "lange Wörter",
    "LS17": "Aufzählungen",
    "LS18": "Absätze und Überschriften",
    "LS19": "persönliche Ansprache",
    "LS20": "gleiche Wörter für gleiche Dinge",
    "LS21": "Adressen im Fließtext",
    "LS22": "Schrift",
    "LS23": "Fußnoten und Verweise",
    "LS24": "schwere Wörter",
    "LS25": "Lesbarkeit",
    "LS26": "Prüfung durch die Prüfgruppe",
}


def _sentence_rule(check: Callable[[Sentence, Einstellungen], Iterator[Issue]]) -> Rule:
    def run(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
        for sentence in text.sentences:
            yield from check(sentence, settings)

    run.__name__ = check.__name__
    return run


def _shown(token: str) -> str:
    """A word for a message: a huge word (or one issue per hyphen of it) must not make the
    report huge."""
    return token if len(token) <= 60 else f"{token[:57]}…"


# -- LS01 sentence length ------------------------------------------------------------------


@_sentence_rule
def sentence_length(sentence: Sentence, settings: Einstellungen) -> Iterator[Issue]:
    if sentence.block.kind == "adresse":
        return
    count = len(sentence.words)
    if count > settings.satz_woerter_fehler:
        yield Issue(
            "LS01",
            sentence.start,
            f"der Satz hat {count} Wörter, erlaubt sind höchstens {settings.satz_woerter_fehler}",
            "teilen Sie ihn in kürzere Sätze mit je einer Aussage",
            Level.ERROR,
        )
    elif count > settings.satz_woerter_warnung:
        yield Issue(
            "LS01",
            sentence.start,
            f"der Satz hat {count} Wörter, gut sind höchstens {settings.satz_woerter_warnung}",
            "kürzen Sie den Satz oder teilen Sie ihn",
            Level.WARNING,
        )


# -- LS02 one sentence per line ------------------------------------------------------------


def one_per_line(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    previous: Sentence | None = None
    for sentence in text.sentences:
        if (
            previous is not None
            and not sentence.after_colon
            and previous.block is sentence.block
            and "\n" not in text.masked[previous.end : sentence.start]
        ):
            yield Issue(
                "LS02",
                sentence.start,
                "hier beginnt ein neuer Satz in derselben Zeile",
                "beginnen Sie jeden Satz in einer neuen Zeile",
                Level.ERROR,
            )
        previous = sentence


# -- LS03 one statement per sentence -------------------------------------------------------

_SUBORDINATORS = re.compile(
    r"(?i:weil|dass|obwohl|falls|nachdem|sobald|indem|sodass|wenn|ob|damit|bevor|seitdem)"
)


# A relative clause after a comma: ", die am Fluss liegt", ", in dem Sie wohnen". Not when
# a verb follows the pronoun: ", das ist am Markt" is a second main clause (also two
# statements, but the comma rule of LS02 and the sentence length see those).
_RELATIVE = re.compile(
    r",\s+(?:(?:in|bei|mit|an|auf|für|von|zu|aus|nach|über|unter|durch|gegen|ohne|um)\s+)?"
    r"(?P<pronoun>der|die|das|dem|den|denen|deren|dessen|welche[rsnm]?)\s+(?P<next>\w+)"
)
_FINITE_AFTER_PRONOUN = re.compile(
    r"(?i:ist|sind|war|waren|hat|haben|hatte|hatten|kann|können|muss|müssen|darf|dürfen|"
    r"soll|sollen|will|wollen|wird|werden|gibt|geht|gehen|kommt|kommen|steht|stehen|liegt|"
    r"heißt|bedeutet|macht|machen|hilft|helfen|kostet|dauert)"
)
# "Kommen Sie pünktlich, sonst …": two statements joined by "sonst".
_SONST = re.compile(r",\s+(?P<word>sonst)\b", re.IGNORECASE)


@_sentence_rule
def one_statement(sentence: Sentence, settings: Einstellungen) -> Iterator[Issue]:
    for index, word in enumerate(sentence.words):
        if _SUBORDINATORS.fullmatch(word.text) and (word.text.lower() != "damit" or index > 0):
            yield Issue(
                "LS03",
                word.start,
                f"„{word.text}“ leitet einen Nebensatz ein: der Satz hat mehr als eine Aussage",
                "schreiben Sie 2 Sätze, z. B. „Sie sind krank. Dann rufen Sie an.“",
                Level.WARNING,
            )
            return
    for match in _RELATIVE.finditer(sentence.text):
        if not _FINITE_AFTER_PRONOUN.fullmatch(match.group("next")):
            yield Issue(
                "LS03",
                sentence.start + match.start("pronoun"),
                f"„{match.group('pronoun')}“ leitet einen Nebensatz ein: der Satz hat mehr als "
                "eine Aussage",
                "schreiben Sie 2 Sätze, z. B. „Die Stadt liegt am Fluss. Die Stadt ist schön.“",
                Level.WARNING,
            )
            return
    joined = _SONST.search(sentence.text)
    if joined:
        yield Issue(
            "LS03",
            sentence.start + joined.start("word"),
            "„sonst“ verbindet 2 Aussagen in einem Satz",
            "schreiben Sie 2 Sätze, z. B. „Kommen Sie pünktlich. Sonst verlieren Sie den Termin.“",
            Level.WARNING,
        )


# -- LS04 abbreviations --------------------------------------------------------------------

_ABBREVIATION_WORDS = {
    "z.B": "zum Beispiel",
    "z. B": "zum Beispiel",
    "usw": "und so weiter",
    "bzw": "oder",
    "d.h": "das heißt",
    "d. h": "das heißt",
    "ca": "ungefähr",
    "etc": "und so weiter",
    "ggf": "vielleicht",
    "evtl": "vielleicht",
    "u.a": "unter anderem",
    "u. a": "unter anderem",
    "inkl": "mit",
    "nr": "Nummer",
    "mio": "Millionen",
    "mrd": "Milliarden",
    "tel": "Telefon",
    "str": "Straße",
    "bzgl": "über",
    "vgl": "siehe",
    "max": "höchstens",
    "min": "mindestens oder Minuten",
    "ggfs": "vielleicht",
    "sog": "",
    "abs": "Absatz",
    "mo": "Montag",
    "di": "Dienstag",
    "mi": "Mittwoch",
    "do": "Donnerstag",
    "fr": "Freitag",
    "sa": "Samstag",
    "so": "Sonntag",
    "km/h": "Kilometer in der Stunde",
}
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-zÄÖÜäöü]{1,4}\.\s?){1,3}(?=[\s,;:!?)]|$)")
_ACRONYM = re.compile(
    r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,3}s?|[A-ZÄÖÜ]{2,}[a-zäöü]{1,2}|[a-zäöü]{1,3}[A-ZÄÖÜ]{2,}"
)
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NOT_ABBREVIATIONS = SHORT_WORDS | {"ob", "in", "ab", "ok", "uhr"}


def abbreviations(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    allowed = settings.allowed()
    for sentence in text.sentences:
        seen: set[int] = set()
        for match in _DOTTED.finditer(text.masked, sentence.start, sentence.end):
            raw = match.group(0).rstrip()
            parts = [p for p in re.split(r"\.\s?", raw) if p]
            key = raw.rstrip(".")
            if len(parts) == 1:
                word = parts[0]
                if word.lower() not in _ABBREVIATION_WORDS or word.lower() in _NOT_ABBREVIATIONS:
                    continue
                # "so." or "Mo." at the end of a sentence: only a known abbreviation counts,
                # and a word ending a sentence (the dot is the full stop) does not.
                if match.end() >= sentence.end - 1 and word.lower() in {"so", "da", "mi", "do"}:
                    continue
            if key in allowed:
                continue
            long = _ABBREVIATION_WORDS.get(key.lower()) or _ABBREVIATION_WORDS.get(
                key.replace(" ", "").lower(), ""
            )
            seen.add(match.start())
            yield Issue(
                "LS04",
                match.start(),
                f"„{raw}“ ist eine Abkürzung",
                f"schreiben Sie das Wort aus: „{long}“" if long else "schreiben Sie das Wort aus",
                Level.ERROR,
            )
        for word in sentence.words:
            if word.start in seen or word.text in allowed or "-" in word.text:
                continue
            if _ROMAN.fullmatch(word.text) and len(word.text) >= 2:
                continue  # LS11
            if _ACRONYM.fullmatch(word.text) and not word.text.isdigit():
                yield Issue(
                    "LS04",
                    word.start,
                    f"„{_shown(word.text)}“ ist eine Abkürzung",
                    "schreiben Sie das Wort aus oder erklären Sie es",
                    Level.ERROR,
                )


# -- LS05 negation -------------------------------------------------------------------------

_NEGATION = re.compile(
    r"(?i:nicht|nichts|nie|niemals|niemand|niemanden|niemandem|nirgends|nirgendwo|weder|"
    r"kein|keine|keinen|keinem|keiner|keines)"
)


@_sentence_rule
def negation(sentence: Sentence, settings: Einstellungen) -> Iterator[Issue]:
    for word in sentence.words:
        if _NEGATION.fullmatch(word.text):
            yield Issue(
                "LS05",
                word.start,
                f"„{word.text}“ ist eine Verneinung",
                "sagen Sie es positiv, z. B. „Das Büro ist zu.“ statt „nicht offen“",
                Level.WARNING,
            )


# -- LS06 passive --------------------------------------------------------------------------

_WERDEN = re.compile(r"(?i:werde|wirst|wird|werden|werdet|wurde|wurdest|wurden|wurdet|worden)")


# HanTa needs up to a few milliseconds a word, so the passive rule asks it about a window of
# each sentence and about a bounded number of words per text: far more than a text in Leichte
# Sprache has in sentences with "werden" (the demo has none), so only the later sentences of a
# huge text go unchecked, and the linter stays linear in the length of its input.
_TAGGED_WINDOW = 32
_TAGGED_PER_TEXT = 400


def passive(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    budget = _TAGGED_PER_TEXT
    for sentence in text.sentences:
        texts = tuple(w.text for w in sentence.words)
        first = next((i for i, w in enumerate(texts) if _WERDEN.fullmatch(w)), None)
        if first is None:
            continue
        begin = max(0, min(first - _TAGGED_WINDOW // 4, len(texts) - _TAGGED_WINDOW))
        window = texts[begin : begin + _TAGGED_WINDOW]
        budget -= len(window)
        if budget < 0:
            return
        for word, _, tag in morphology.tags(window):
            if (tag.endswith("(PP)") and tag.startswith("V")) or texts[first].lower() == "worden":
                yield Issue(
                    "LS06",
                    sentence.words[first].start,
                    f"„{texts[first]} … {_shown(word)}“ ist Passiv",
                    "sagen Sie, wer etwas tut: „Das Amt prüft den Antrag.“",
                    Level.WARNING,
                )
                break


# -- LS07 genitive -------------------------------------------------------------------------

_GENITIVE_ARTICLE = re.compile(
    r"(?i:des|eines|keines|meines|deines|seines|ihres|unseres|eures|dieses|jenes)"
)
_GENITIVE_PREPOSITION = re.compile(
    r"(?i:wegen|trotz|statt|anstatt|aufgrund|innerhalb|außerhalb|mithilfe|anhand|"
    r"bezüglich|während|angesichts|infolge|zwecks|seitens|oberhalb|unterhalb)"
)


@_sentence_rule
def genitive(sentence: Sentence, settings: Einstellungen) -> Iterator[Issue]:
    words = sentence.words
    for index, word in enumerate(words):
        following = words[index + 1].text if index + 1 < len(words) else ""
        if word.text.lower() == "des" or (
            _GENITIVE_ARTICLE.fullmatch(word.text)
            and word.text.lower() != "des"
            and re.fullmatch(r"[A-ZÄÖÜ]\w*(?:e?s)", following)
        ):
            yield Issue(
                "LS07",
                word.start,
                f"„{word.text} {_shown(following)}“ ist Genitiv",
                "schreiben Sie „von“: „das Haus vom Maler“ statt „das Haus des Malers“",
                Level.WARNING,
            )
            return
        if _GENITIVE_PREPOSITION.fullmatch(word.text) and not (
            word.text.lower() == "während" and index == 0 and "," in sentence.text
        ):
            yield Issue(
                "LS07",
                word.start,
                f"nach „{word.text}“ steht meist der Genitiv",
                "sagen Sie es einfacher, z. B. „weil“ → 2 Sätze, „von … bis“, „im“",
                Level.WARNING,
            )
            return


# -- LS08 Konjunktiv -----------------------------------------------------------------------

_KONJUNKTIV = re.compile(
    r"(?i:würde|würdest|würden|würdet|wäre|wärest|wärst|wären|wärt|hätte|hättest|hätten|"
    r"hättet|könnte|könntest|könnten|könntet|müsste|müsstest|müssten|sollte|solltest|"
    r"sollten|dürfte|dürften|bräuchte|bräuchten|käme|kämen|ginge|gingen)"
)


@_sentence_rule
def konjunktiv(sentence: Sentence, settings: Einstellungen) -> Iterator[Issue]:
    for word in sentence.words:
        if _KONJUNKTIV.fullmatch(word.text):
            yield Issue(
                "LS08",
                word.start,
                f"„{word.text}“ ist Konjunktiv",
                "schreiben Sie, was ist: „Sie können …“, „Bitte rufen Sie an.“",
                Level.WARNING,
            )


# -- LS09 special characters and brackets --------------------------------------------------

_SPECIAL = re.compile(r"[()\[\]{};&§\"„“”‚‘'…/*<>#+=_~|\\^@–—]|(?<=\s)-(?=\s)")


# "Kommen Sie!!!", "Wirklich?!": one mark says it; more shout.
_REPEATED_MARKS = re.compile(r"[!?](?:\s*[!?])+|\.{3,}")


def special_characters(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        if sentence.block.kind == "adresse":
            continue
        for match in _REPEATED_MARKS.finditer(text.source, sentence.start, sentence.end + 3):
            yield Issue(
                "LS09",
                match.start(),
                f"„{match.group(0)}“: mehrere Satz·zeichen hintereinander",
                "schreiben Sie ein Satz·zeichen: einen Punkt, ein Frage·zeichen oder ein "
                "Ausrufe·zeichen",
                Level.WARNING,
            )
        for match in _SPECIAL.finditer(text.masked, sentence.start, sentence.end):
            char = match.group(0)
            bracket = char in "()[]{}"
            yield Issue(
                "LS09",
                match.start(),
                "Klammern sind schwer zu lesen"
                if bracket
                else f"das Zeichen „{char}“ ist schwer zu lesen",
                "schreiben Sie einen eigenen Satz für den Inhalt der Klammer"
                if bracket
                else "schreiben Sie ein Wort oder einen neuen Satz statt des Zeichens",
                Level.ERROR,
            )


# -- LS10 percent --------------------------------------------------------------------------

_PERCENT = re.compile(r"%|(?i:\bprozent\w*)")


def percent(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        for match in _PERCENT.finditer(text.masked, sentence.start, sentence.end):
            yield Issue(
                "LS10",
                match.start(),
                "Prozent-Angaben sind schwer zu verstehen",
                "schreiben Sie „viele“, „wenige“ oder „die Hälfte“",
                Level.WARNING,
            )


# -- LS11 Roman numerals -------------------------------------------------------------------


def roman(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    allowed = settings.allowed()
    for sentence in text.sentences:
        for word in sentence.words:
            if len(word.text) >= 2 and _ROMAN.fullmatch(word.text) and word.text not in allowed:
                yield Issue(
                    "LS11",
                    word.start,
                    f"„{word.text}“ ist eine römische Zahl",
                    f"schreiben Sie die Zahl mit Ziffern: {_roman_value(word.text)}",
                    Level.ERROR,
                )


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        nxt = values[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < nxt else value
    return total


# -- LS12 number words ---------------------------------------------------------------------

_NUMBER_WORDS = {
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "hundert": 100,
    "tausend": 1000,
}


def number_words(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        for index, word in enumerate(sentence.words):
            value = _NUMBER_WORDS.get(word.text.lower())
            # "Acht geben", "die Acht": only lower-case words, or the first word of a sentence.
            if value is None or (word.text[0].isupper() and index > 0):
                continue
            yield Issue(
                "LS12",
                word.start,
                f"„{word.text}“ ist eine Zahl als Wort",
                f"schreiben Sie die Zahl mit Ziffern: {value}",
                Level.ERROR,
            )


# -- LS13 big numbers and old years --------------------------------------------------------

_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


def big_numbers(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        if sentence.block.kind == "adresse":
            continue
        for word in sentence.words:
            if not _NUMBER.fullmatch(word.text) or word.text.startswith("0"):
                continue
            # int() refuses more than 4 300 digits; beyond 18 the exact value does not matter.
            digits = word.text.replace(".", "")
            value = int(digits) if len(digits) <= 18 else 10**18
            if "." not in word.text and len(word.text) == 4 and 1950 <= value <= 2100:
                continue  # a year people remember
            if "." not in word.text and len(word.text) == 5:
                continue  # a postcode: LS21 looks at it
            if value >= 1000 and not (len(word.text) == 4 and value < 1950):
                yield Issue(
                    "LS13",
                    word.start,
                    f"„{_shown(word.text)}“ ist eine große Zahl",
                    "schreiben Sie „viele“ oder „sehr viele“, wenn die genaue Zahl unwichtig ist",
                    Level.WARNING,
                )
            elif len(word.text) == 4 and value < 1950:
                yield Issue(
                    "LS13",
                    word.start,
                    f"„{_shown(word.text)}“ ist eine alte Jahres-Zahl",
                    "schreiben Sie „vor langer Zeit“, wenn das Jahr unwichtig ist",
                    Level.WARNING,
                )


# -- LS14 dates ----------------------------------------------------------------------------

_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_NUMERIC_DATE = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>\d{4}|\d{2}))?(?![\d])"
    r"|(?<!\d)(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?!\d)"
)


def dates(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        for match in _NUMERIC_DATE.finditer(text.masked, sentence.start, sentence.end):
            day, month, year = (
                (match["d"], match["m"], match["y"])
                if match["d"]
                else (match["id"], match["im"], match["iy"])
            )
            if not 1 <= int(month) <= 12 or not 1 <= int(day) <= 31:
                continue
            if year and len(year) == 2:
                year = f"20{year}"
            written = f"{int(day)}. {_MONTHS[int(month) - 1]}" + (f" {year}" if year else "")
            yield Issue(
                "LS14",
                match.start(),
                f"das Datum „{match.group(0).strip()}“ ist schwer zu lesen",
                f"schreiben Sie den Monat als Wort: „{written}“",
                Level.ERROR,
            )


# -- LS15 times ----------------------------------------------------------------------------

_TIME = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?P<sep>[:.])(?P<m>[0-5]\d)(?![\d.:])(?P<uhr>\s*Uhr)?"
)


def times(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        for match in _TIME.finditer(text.masked, sentence.start, sentence.end):
            hour, minute = int(match["h"]), match["m"]
            if hour > 24 or (match["sep"] == "." and not match["uhr"]):
                continue  # "15.08" without "Uhr" is a date (LS14) or a number
            good = f"{hour} Uhr" if minute == "00" else f"{hour}:{minute} Uhr"
            if (match["h"].startswith("0") and len(match["h"]) == 2) or match["sep"] == ".":
                level, message = Level.ERROR, f"die Uhrzeit „{match.group(0)}“ ist schwer zu lesen"
            elif not match["uhr"]:
                level, message = Level.WARNING, f"nach der Uhrzeit „{match.group(0)}“ fehlt „Uhr“"
            elif minute == "00":
                level, message = Level.WARNING, f"„{match.group(0)}“: die Minuten :00 sind unnötig"
            else:
                continue
            yield Issue("LS15", match.start(), message, f"schreiben Sie „{good}“", level)


# -- LS16 long words -----------------------------------------------------------------------


def long_words(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    allowed = settings.allowed()
    for sentence in text.sentences:
        if sentence.block.kind == "adresse":
            continue
        for word in sentence.words:
            token = word.text
            if "-" in token:
                for match in re.finditer(r"-([a-zäöüß])", token):
                    yield Issue(
                        "LS16",
                        word.start + match.start(1),
                        f"in „{_shown(token)}“ beginnt der Teil nach dem Bindestrich klein",
                        "schreiben Sie nach dem Bindestrich groß: „Bürger-Büro“, oder benutzen "
                        "Sie den Medio·punkt: „Bürger·büro“",
                        Level.WARNING,
                    )
                continue
            if "·" in token or not token.isalpha() or not token[0].isupper():
                continue
            if len(token) < settings.wort_buchstaben or token.isupper() or token in allowed:
                continue
            if len(token) > morphology.MAX_WORD or _long(token, settings):
                yield Issue(
                    "LS16",
                    word.start,
                    f"„{_shown(token)}“ ist ein langes Wort",
                    "trennen Sie die Teile mit dem Medio·punkt, z. B. „Bürger·büro“, oder "
                    "mit Bindestrich: „Bürger-Büro“",
                    Level.WARNING,
                )


def _long(token: str, settings: Einstellungen) -> bool:
    count = morphology.syllables(token)
    if count >= settings.wort_silben:
        return True
    # The morphology is asked last: it is the slow part.
    return count >= 3 and len(morphology.stems(token)) >= 2


# -- LS17 enumerations in running text -----------------------------------------------------


def enumerations(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        if sentence.block.kind in {"adresse", "tabelle"}:
            continue
        body = sentence.text
        commas = [m.start() for m in re.finditer(r",", body)]
        if not commas:
            continue
        tail = body[commas[-1] :]
        items = len(commas) + 1 + (1 if re.search(r"\s(?:und|oder|sowie)\s", tail) else 0)
        if items > settings.aufzaehlung:
            yield Issue(
                "LS17",
                sentence.start,
                f"der Satz zählt {items} Dinge auf",
                f"schreiben Sie mehr als {settings.aufzaehlung} Dinge als Liste, "
                "jedes in eine eigene Zeile mit Spiegel·strich",
                Level.WARNING,
            )


# -- LS18 paragraphs and headings ----------------------------------------------------------


def paragraphs(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    counts: dict[int, int] = {}
    firsts: dict[int, int] = {}
    for sentence in text.sentences:
        if sentence.block.kind == "absatz":
            key = id(sentence.block)
            counts[key] = counts.get(key, 0) + 1
            firsts.setdefault(key, sentence.block.start)
    for key, count in counts.items():
        if count > settings.absatz_zeilen:
            yield Issue(
                "LS18",
                firsts[key],
                f"der Absatz hat {count} Sätze, gut sind höchstens {settings.absatz_zeilen}",
                "teilen Sie den Absatz und geben Sie jedem Teil eine Überschrift",
                Level.WARNING,
            )
    for block in text.blocks:
        if block.kind != "ueberschrift":
            continue
        words = text.masked[block.start : block.end].split()
        if len(words) > 8:
            yield Issue(
                "LS18",
                block.start
                + len(text.masked[block.start : block.end])
                - len(text.masked[block.start : block.end].lstrip()),
                f"die Überschrift hat {len(words)} Wörter",
                "schreiben Sie eine kurze Überschrift oder eine Frage",
                Level.WARNING,
            )


# -- LS25 readability ------------------------------------------------------------------------

# LIX (Björnsson): words per sentence + the share of words with more than 6 letters in per
# cent. A word written with a Mediopunkt counts by its parts: „Bürger·büro“ is read as two
# short words, which is why Leichte Sprache writes it so.
_LIX_LONG = 6
_LIX_MIN_WORDS = 15  # fewer words: the index says nothing


def lix(sentences: list[Sentence], names: frozenset[str] = frozenset()) -> int | None:
    """The LIX of ``sentences``, rounded; ``None`` below :data:`_LIX_MIN_WORDS` words.
    ``names`` (the words the site allows, e.g. the town's name) are not long words."""
    parts = [part for s in sentences for w in s.words for part in w.text.split("·") if part]
    if len(parts) < _LIX_MIN_WORDS or not sentences:
        return None
    long = sum(1 for part in parts if len(part) > _LIX_LONG and part not in names)
    return round(len(parts) / len(sentences) + 100 * long / len(parts))


def readability(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    by_block: dict[int, list[Sentence]] = {}
    for sentence in text.sentences:
        if sentence.block.kind == "absatz":
            by_block.setdefault(id(sentence.block), []).append(sentence)
    limit, names = settings.lix_hoechstens, settings.allowed()
    flagged = False
    for sentences in by_block.values():
        value = lix(sentences, names)
        if value is not None and value > limit:
            flagged = True
            yield Issue(
                "LS25",
                sentences[0].block.start,
                f"der Absatz ist schwer zu lesen: Lesbarkeits-Index {value}, gut ist "
                f"höchstens {limit}",
                "schreiben Sie kürzere Sätze und kürzere Wörter; trennen Sie lange Wörter "
                "mit einem Medio·punkt",
                Level.WARNING,
            )
    page = lix(list(text.sentences), names)
    if not flagged and page is not None and page > limit:
        yield Issue(
            "LS25",
            text.sentences[0].start,
            f"der Text ist schwer zu lesen: Lesbarkeits-Index {page}, gut ist höchstens {limit}",
            "schreiben Sie kürzere Sätze und kürzere Wörter",
            Level.WARNING,
        )


# -- LS19 direct address -------------------------------------------------------------------

_NAMING = frozenset({"nennt", "sagt", "schreibt"})
_ADDRESS_WORDS = re.compile(r"Sie|Ihr|Ihre|Ihrem|Ihren|Ihrer|Ihres|Ihnen|du|dich|dir|dein\w*")


def direct_address(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for sentence in text.sentences:
        for before, word in zip((None, *sentence.words), sentence.words, strict=False):
            # „Das nennt man: …“ introduces a word, as Leichte Sprache does.
            if word.text in ("man", "Man") and not (before and before.text in _NAMING):
                yield Issue(
                    "LS19",
                    word.start,
                    "„man“ sagt nicht, wer etwas tut",
                    "schreiben Sie, wer es tut: „Sie können …“ oder „Das Amt …“",
                    Level.WARNING,
                )
    if len(text.sentences) < 3:
        return
    if any(_ADDRESS_WORDS.fullmatch(w.text) for s in text.sentences for w in s.words):
        return
    yield Issue(
        "LS19",
        text.sentences[0].start,
        "der Text spricht die Leserinnen und Leser nicht an",
        "schreiben Sie „Sie“: „Sie können …“, „Ihr Antrag …“",
        Level.INFO,
    )


# -- LS20 one word for one thing -----------------------------------------------------------


def consistent_terms(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for group in settings.begriffe:
        first: str | None = None
        for sentence in text.sentences:
            for word in sentence.words:
                match = next((t for t in group if t.lower() == word.text.lower()), None)
                if match is None:
                    continue
                if first is None:
                    first = match
                elif match != first:
                    yield Issue(
                        "LS20",
                        word.start,
                        f"„{word.text}“ und „{first}“ meinen dasselbe",
                        f"benutzen Sie auf der ganzen Seite nur „{first}“",
                        Level.WARNING,
                    )


# -- LS21 addresses in running text --------------------------------------------------------

_POSTCODE_PLACE = re.compile(r"(?<!\d)\d{5}\s+[A-ZÄÖÜ][\wäöüß-]+")
# Starts at a word's beginning only: from every capital inside one long word the search would
# scan to the word's end again (quadratic).
_STREET = re.compile(
    r"(?<![\wäöüß·-])[A-ZÄÖÜ][\wäöüß·-]*(?:straße|strasse|weg|platz|allee|gasse|ring|damm|ufer|markt)"
    r"\s+\d+\s?[a-z]?\b"
)
_LABEL = re.compile(r"^\s*(?:Adresse|Anschrift|Haus|Ort)\s*:?\s*$")


def addresses(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    line_ends: dict[int, list[int]] = {}
    for sentence in text.sentences:
        if sentence.block.kind == "adresse":
            continue
        block = sentence.block
        # Only the lines the sentence touches: a block may have thousands of lines.
        ends = line_ends.get(id(block))
        if ends is None:
            ends = line_ends[id(block)] = [end for _, end in block.lines]
        first = bisect.bisect_right(ends, sentence.start)
        for line_start, line_end in block.lines[first:]:
            if line_start >= sentence.end:
                break
            start, end = max(line_start, sentence.start), min(line_end, sentence.end)
            if start >= end:
                continue
            line = text.masked[start:end]
            for pattern in (_POSTCODE_PLACE, _STREET):
                match = pattern.search(line)
                if not match:
                    continue
                rest = (line[: match.start()] + line[match.end() :]).strip(" .,:")
                if rest and not _LABEL.match(rest):
                    yield Issue(
                        "LS21",
                        start + match.start(),
                        "die Adresse steht im Fließ·text",
                        "schreiben Sie die Adresse als Block: Straße und Ort je in eine eigene "
                        "Zeile",
                        Level.ERROR,
                    )
                    break


# -- LS22 typography in the source ---------------------------------------------------------

_CAPS = re.compile(r"[A-ZÄÖÜ]{5,}")


def typography(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for match in re.finditer(r"\u00ad|&shy;", text.source):
        yield Issue(
            "LS22",
            match.start(),
            "im Text steht ein weiches Trenn·zeichen",
            "löschen Sie es: in Leichter Sprache werden Wörter am Zeilen·ende nicht getrennt",
            Level.ERROR,
        )
    for offset in text.italics:
        yield Issue(
            "LS22",
            offset,
            "schräge Schrift ist schwer zu lesen",
            "heben Sie Wichtiges mit fetter Schrift hervor: **so**",
            Level.WARNING,
        )
    allowed = settings.allowed()
    for sentence in text.sentences:
        for word in sentence.words:
            if _CAPS.fullmatch(word.text) and word.text not in allowed:
                yield Issue(
                    "LS22",
                    word.start,
                    f"„{_shown(word.text)}“ steht in Groß·buchstaben",
                    "schreiben Sie das Wort normal; heben Sie es fett hervor",
                    Level.WARNING,
                )


# -- LS23 footnotes and cross-references ---------------------------------------------------


def footnotes(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    for offset in text.footnotes:
        yield Issue(
            "LS23",
            offset,
            "Fuß·noten sind schwer zu lesen",
            "schreiben Sie die Erklärung direkt in den Text",
            Level.ERROR,
        )
    for sentence in text.sentences:
        for word in sentence.words:
            if word.text.lower() in {"siehe", "s.o", "s.u", "vgl"}:
                yield Issue(
                    "LS23",
                    word.start,
                    f"„{word.text}“ ist ein Verweis",
                    "schreiben Sie die Information hierher oder setzen Sie einen Link: "
                    "„Mehr dazu lesen Sie hier: …“",
                    Level.WARNING,
                )


# -- LS24 hard words: officialese ------------------------------------------------------------


def hard_words(text: Prepared, settings: Einstellungen) -> Iterator[Issue]:
    """Words of the administration (:mod:`.amtsdeutsch`) with the plain word to use; not
    a word the site allows or explains in its Wörterbuch (``erlaubt``)."""
    allowed = {word.lower() for word in settings.allowed()}
    for sentence in text.sentences:
        for word in sentence.words:
            found = amtsdeutsch.plain_word(word.text)
            if found is None or word.text.lower() in allowed or found[0] in allowed:
                continue
            yield Issue(
                "LS24",
                word.start,
                f"„{_shown(word.text)}“ ist ein schweres Wort aus der Amts·sprache",
                f"schreiben Sie zum Beispiel „{found[1]}“, oder erklären Sie das Wort im "
                "Wörter·buch",
                Level.WARNING,
            )


RULES: tuple[Rule, ...] = (
    sentence_length,
    one_per_line,
    one_statement,
    abbreviations,
    negation,
    passive,
    genitive,
    konjunktiv,
    special_characters,
    percent,
    roman,
    number_words,
    big_numbers,
    dates,
    times,
    long_words,
    enumerations,
    paragraphs,
    direct_address,
    consistent_terms,
    addresses,
    typography,
    footnotes,
    hard_words,
    readability,
)
