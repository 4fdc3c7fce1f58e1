"""Where ratings fall on the influence / interest grid."""

from __future__ import annotations

import pytest

from cio_desk.services.onboarding import KEY_INFLUENCE
from cio_desk.services.register import HIGH_RATING, Quadrant, quadrant

pytestmark = pytest.mark.core


@pytest.mark.parametrize(
    ("influence", "interest", "expected"),
    [
        (5, 5, Quadrant.MANAGE_CLOSELY),
        (4, 4, Quadrant.MANAGE_CLOSELY),
        (5, 3, Quadrant.KEEP_SATISFIED),
        (4, 1, Quadrant.KEEP_SATISFIED),
        (3, 4, Quadrant.KEEP_INFORMED),
        (1, 5, Quadrant.KEEP_INFORMED),
        (3, 3, Quadrant.MONITOR),
        (1, 1, Quadrant.MONITOR),
    ],
)
def test_quadrants(influence: int, interest: int, expected: Quadrant) -> None:
    assert quadrant(influence, interest) is expected


def test_high_influence_is_the_same_line_as_a_key_stakeholder() -> None:
    assert HIGH_RATING == KEY_INFLUENCE
