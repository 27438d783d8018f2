"""rathaus.pagination: page paths and the bounded page navigation."""

from __future__ import annotations

import pytest

from rathaus.pagination import page_numbers, paged, pager


def test_paged_paths() -> None:
    assert paged("a/index.md", "a", 0, 10) == ["a/index.md"]
    assert paged("a/index.md", "a", 21, 10) == ["a/index.md", "a/seite-2.md", "a/seite-3.md"]


@pytest.mark.parametrize(
    ("total", "current", "expected"),
    [
        (1, 1, [1]),
        (5, 1, [1, 2, 3, 4, 5]),
        (7, 4, [1, 2, 3, 4, 5, 6, 7]),
        (8, 1, [1, 2, 3, None, 8]),
        (8, 5, [1, 2, 3, 4, 5, 6, 7, 8]),
        (9, 6, [1, None, 4, 5, 6, 7, 8, 9]),
        (80, 40, [1, None, 38, 39, 40, 41, 42, None, 80]),
        (80, 80, [1, None, 78, 79, 80]),
    ],
)
def test_page_numbers(total: int, current: int, expected: list[int | None]) -> None:
    assert page_numbers(total, current) == expected


def test_pager_of_a_single_page_is_none() -> None:
    assert pager(["a/index.md"], lambda src: src, "a/index.md", "Seiten") is None
    two = pager(["a/index.md", "a/seite-2.md"], lambda src: src, "a/seite-2.md", "Seiten")
    assert two is not None
    assert (two.number, two.total, two.previous, two.next) == (2, 2, "a/index.md", None)
