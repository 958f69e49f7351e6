"""Every colour studygroup uses, defined once: a light palette and a dark one with the same names.

The app picks one from the system's colour scheme (ui/style.py fills the QSS and Qt's palette
from it); the projector always uses DARK, a dim room; the PDFs always use LIGHT, white paper.
Hex strings only, so the core stays Qt-free; tests/core/test_palette.py checks the contrasts.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, eq=False)
class Palette:
    """Colours by role, each a "#RRGGBB" string."""

    name: str  # "light" or "dark"
    background: str  # behind every page
    surface: str  # cards, tables, buttons, the charts
    text: str
    muted: str  # secondary text: hints, headers, captions
    border: str  # card edges, and the rules between PDF table rows
    control_border: str  # the edge of a field or a tick box: 3:1 against the background, to be seen
    accent: str  # primary buttons, focus, the selected tab
    accent_text: str  # text on accent
    accent_soft: str  # a selection, a checked tool, the current phase; text on it is `text`
    accent_wash: str  # a faint accent tint behind the persona card's rules
    accent_disabled: str  # a primary button that cannot be pressed; its text stays accent_text
    disabled_text: str
    disabled_background: str
    problem: str  # the one red: an error, "behind plan", a critical countdown, a severe note
    problem_soft: str  # behind a severe note; text on it is `text`
    warning: str  # amber: a countdown running low, a size warning
    flash: str  # a moment's highlight behind the countdown, and the notice bar
    overtime_text: str
    overtime_background: str
    overtime_flash: str  # the overtime countdown's flash
    chart_background: str  # kind colours keep 3:1 against it
    chart_grid: str
    icon: str  # the line colour of resources/icons
    kinds: dict[str, str]  # one colour per observation kind, keyed as studygroup.model.KIND_KEYS
    people: tuple[str, ...]  # each person's band on the capture page, under person_text
    facilitator: str  # the facilitator's band, under person_text
    person_text: str

    @property
    def countdown(self) -> dict[str, str]:
        """The countdown's text colour for each studygroup.clock.countdown_level."""
        return {"normal": self.text, "low": self.warning, "critical": self.problem, "overtime": self.overtime_text}

    def roles(self) -> dict[str, str]:
        """Every single colour by name (kinds as kind_<key>, countdown levels as countdown_<level>)."""
        values = {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), str)}
        del values["name"]
        values.update({f"kind_{key}": colour for key, colour in self.kinds.items()})
        values.update({f"countdown_{level}": colour for level, colour in self.countdown.items()})
        return values


# Distinct, and each carries white text at 4.5:1; a person keeps theirs in either palette.
PEOPLE = ("#1F6FB2", "#B8323F", "#277A4C", "#7B4FB3", "#A4570C", "#0C7777", "#8A5A2B", "#B0407E", "#4F6D2A")
OVERTIME_BACKGROUND = "#8E1B2E"

# Calm and high-contrast on paper: warm background, near-black text, one teal accent.
LIGHT = Palette(
    name="light",
    background="#F6F4EF",
    surface="#FFFFFF",
    text="#1F2328",
    muted="#555D6B",
    border="#D9D4C9",
    control_border="#8E8A82",
    accent="#2F6F73",
    accent_text="#FFFFFF",
    accent_soft="#DCEBEA",
    accent_wash="#EEF4F4",
    accent_disabled="#B9C9C9",
    disabled_text="#9AA0A8",
    disabled_background="#EFEDE8",
    problem="#B3261E",
    problem_soft="#FBE9EC",
    warning="#9A5B00",
    flash="#FFF1C2",
    overtime_text="#FFFFFF",
    overtime_background=OVERTIME_BACKGROUND,
    overtime_flash="#B3261E",
    chart_background="#FFFFFF",
    chart_grid="#E5E8EB",
    icon="#2F4858",
    kinds={
        "friction": "#E07A1F",
        "confusion": "#8E6CC9",
        "bad_day": "#C8344B",
        "delight": "#2E9E5B",
        "question": "#2F7FC1",
        "idea": "#8A8F98",
    },
    people=PEOPLE,
    facilitator="#3C4450",
    person_text="#FFFFFF",
)

# The projector's dim room, made a whole palette: warm off-white on blue-black, brighter kinds.
DARK = Palette(
    name="dark",
    background="#14181D",
    surface="#1F252C",
    text="#F4F1EA",
    muted="#AEB6C2",
    border="#3A424C",
    control_border="#737B86",
    accent="#5AB0AE",
    accent_text="#0F1A1B",
    accent_soft="#24413F",
    accent_wash="#1B2A2B",
    accent_disabled="#3D5453",
    disabled_text="#6B737E",
    disabled_background="#1A1F25",
    problem="#FF7A6E",
    problem_soft="#3A2024",
    warning="#F2B45A",
    flash="#4A3C12",
    overtime_text="#FFFFFF",
    overtime_background=OVERTIME_BACKGROUND,
    overtime_flash="#B3261E",
    chart_background="#1F252C",
    chart_grid="#333B45",
    icon="#C9D3DC",
    kinds={
        "friction": "#F0913A",
        "confusion": "#A98BE0",
        "bad_day": "#E8606F",
        "delight": "#3FBF75",
        "question": "#55A2E0",
        "idea": "#A3A9B2",
    },
    people=PEOPLE,
    facilitator="#3C4450",
    person_text="#FFFFFF",
)

PALETTES = {palette.name: palette for palette in (LIGHT, DARK)}


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a "#RRGGBB" colour, 0 (black) to 1 (white)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21, in either order."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
