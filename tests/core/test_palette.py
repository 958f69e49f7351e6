"""The one palette: WCAG contrast for every pair that carries text, in the light palette and the dark."""

import pytest

from studygroup.clock import countdown_level
from studygroup.model import KIND_KEYS
from studygroup.palette import DARK, LIGHT, PALETTES, contrast_ratio, relative_luminance

BOTH = pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])

# (text, what it sits on) for body-size text: WCAG AA asks 4.5:1.
TEXT_PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("muted", "background"),
    ("muted", "surface"),
    ("accent_text", "accent"),
    ("text", "accent_soft"),
    ("text", "accent_wash"),
    ("problem", "background"),
    ("problem", "surface"),
    ("text", "problem_soft"),
    ("warning", "background"),
    ("warning", "surface"),
    ("text", "flash"),  # the notice bar
    ("overtime_text", "overtime_background"),
    ("overtime_text", "overtime_flash"),
]
# The countdown's digits are 48 px and more, large text: 3:1, also while the flash is behind them.
LARGE_TEXT_PAIRS = [("warning", "flash"), ("problem", "flash")]
# Shapes that must be seen, not read: WCAG asks 3:1 against what is next to them.
SHAPE_PAIRS = [("control_border", "background"), ("control_border", "surface"), ("icon", "surface")]


def test_contrast_ratio_follows_the_wcag_formula():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert relative_luminance("#FF0000") == pytest.approx(0.2126)
    assert relative_luminance("#808080") == pytest.approx(0.2159, abs=0.0001)


@BOTH
@pytest.mark.parametrize("foreground, background", TEXT_PAIRS)
def test_text_is_readable(palette, foreground, background):
    ratio = contrast_ratio(getattr(palette, foreground), getattr(palette, background))
    assert ratio >= 4.5, f"{palette.name} {foreground} on {background}: {ratio:.2f}"


@BOTH
@pytest.mark.parametrize("foreground, background", LARGE_TEXT_PAIRS)
def test_flashing_countdown_digits_stay_readable(palette, foreground, background):
    ratio = contrast_ratio(getattr(palette, foreground), getattr(palette, background))
    assert ratio >= 3.0, f"{palette.name} {foreground} on {background}: {ratio:.2f}"


@BOTH
@pytest.mark.parametrize("foreground, background", SHAPE_PAIRS)
def test_field_edges_and_icons_can_be_seen(palette, foreground, background):
    ratio = contrast_ratio(getattr(palette, foreground), getattr(palette, background))
    assert ratio >= 3.0, f"{palette.name} {foreground} on {background}: {ratio:.2f}"


@BOTH
@pytest.mark.parametrize("kind", KIND_KEYS)
def test_kind_colours_stand_out_from_the_chart_background(palette, kind):
    ratio = contrast_ratio(palette.kinds[kind], palette.chart_background)
    assert ratio >= 3.0, f"{palette.name} {kind}: {ratio:.2f}"


@BOTH
def test_every_person_band_carries_its_white_name(palette):
    for colour in (*palette.people, palette.facilitator):
        assert contrast_ratio(palette.person_text, colour) >= 4.5, colour


def test_both_palettes_colour_every_kind_and_the_pdf_kinds_are_the_light_ones():
    assert list(LIGHT.kinds) == list(DARK.kinds) == list(KIND_KEYS)
    assert [LIGHT.kinds[kind] for kind in KIND_KEYS] == [
        "#E07A1F",
        "#8E6CC9",
        "#C8344B",
        "#2E9E5B",
        "#2F7FC1",
        "#8A8F98",
    ]
    assert len(set(LIGHT.people)) == len(LIGHT.people) == 9


@BOTH
def test_one_red_for_every_problem(palette):
    assert palette.countdown["critical"] == palette.problem
    assert palette.roles()["countdown_critical"] == palette.problem


def test_countdown_colours_cover_every_countdown_level():
    levels = {countdown_level(remaining, 600) for remaining in (300, 100, 30, -5)}
    assert levels == {"normal", "low", "critical", "overtime"} == set(LIGHT.countdown)
    assert LIGHT.countdown == {"normal": "#1F2328", "low": "#9A5B00", "critical": "#B3261E", "overtime": "#FFFFFF"}


def test_roles_name_every_colour_once_with_kinds_and_levels_flattened():
    roles = DARK.roles()
    assert roles["text"] == "#F4F1EA" and roles["background"] == "#14181D"
    assert roles["kind_bad_day"] == "#E8606F" and roles["countdown_low"] == "#F2B45A"
    assert "name" not in roles and "kinds" not in roles and "people" not in roles
    assert set(LIGHT.roles()) == set(roles)
    assert PALETTES == {"light": LIGHT, "dark": DARK}
