"""German display of file size and playing time for the download link."""

from __future__ import annotations

import pytest

from rathaus.medien.anzeige import duration, file_size


@pytest.mark.parametrize(
    ("size", "text"),
    [(12_400_000, "12,4 MB"), (1_000_000, "1,0 MB"), (845_300, "845 KB"), (12, "1 KB")],
)
def test_file_size(size: int, text: str) -> None:
    assert file_size(size) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (185.2, "3:05 Minuten"),
        (60, "1:00 Minuten"),
        (6.0, "6 Sekunden"),
        (1, "1 Sekunde"),
        (3723, "1:02:03 Stunden"),
    ],
)
def test_duration(seconds: float, text: str) -> None:
    assert duration(seconds) == text
