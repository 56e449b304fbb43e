"""Bar charts as inline SVG, drawn at build time: no script, no library, no network.

Each chart is an image with a title and a description for screen readers, and shows its
values as text beside the bars. Labels sit above their bar so a phone can read them
without the chart shrinking its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH = 420  # viewBox units; rendered 1:1 on a laptop, ~0.85 on a 390 px phone
ROW = 44
FONT = 14
VALUE_SPACE = 96  # room right of the longest bar for its value


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as shown, e.g. "12.5 時間/月"


def bar_chart(chart_id: str, title: str, description: str, bars: list[Bar]) -> str:
    """A horizontal bar chart; `chart_id` must be unique on the page."""
    height = ROW * len(bars) + 8
    top = max((bar.value for bar in bars), default=0) or 1
    span = WIDTH - VALUE_SPACE
    rows = []
    for index, bar in enumerate(bars):
        y = index * ROW
        length = max(bar.value, 0) / top * span
        rows.append(
            f'<g class="kb-chart-row">'
            f'<text x="0" y="{y + FONT + 2}" class="kb-chart-label">{_fit(bar.label)}</text>'
            f'<rect x="0" y="{y + FONT + 8}" width="{length:.1f}" height="16" rx="2" '
            f'class="kb-chart-bar" fill="#3f51b5"/>'
            f'<text x="{length + 6:.1f}" y="{y + FONT + 21}" class="kb-chart-value">'
            f"{escape(bar.text)}</text></g>"
        )
    return _svg_open(chart_id, height, title, description) + "".join(rows) + "</svg>"


def _fit(label: str, room: float = WIDTH / FONT) -> str:
    """The label, cut with "…" when it would overflow; the full text stays as a tooltip."""
    used, cut = 0.0, len(label)
    for index, char in enumerate(label):
        used += 0.55 if ord(char) < 0x2E80 else 1.0  # Latin is about half as wide as CJK
        if used > room - 1:
            cut = index
            break
    if cut == len(label):
        return escape(label)
    return f"{escape(label[:cut])}…<title>{escape(label)}</title>"


@dataclass(frozen=True)
class Stack:
    label: str
    values: tuple[float, ...]  # one per series, in the legend's order
    text: str  # the values as shown beside the bar, e.g. "3 / 5 / 2"


SHADES = (1.0, 0.6, 0.3)  # series differ in shade and the legend names them in order


def stacked_chart(chart_id: str, title: str, description: str, series: list[str],
                  stacks: list[Stack]) -> str:
    """Horizontal stacked bars (e.g. playbooks per phase by month) under a legend."""
    legend = "".join(
        f'<rect x="{index * WIDTH / len(series):.1f}" y="2" width="12" height="12" rx="2" '
        f'class="kb-chart-bar" fill="#3f51b5" fill-opacity="{SHADES[index % 3]}"/>'
        f'<text x="{index * WIDTH / len(series) + 16:.1f}" y="{FONT}">{_fit(name, 9)}</text>'
        for index, name in enumerate(series))
    top = max((sum(s.values) for s in stacks), default=0) or 1
    span = WIDTH - VALUE_SPACE
    rows = []
    for index, stack in enumerate(stacks):
        y = (index + 1) * ROW
        x, parts = 0.0, []
        for number, value in enumerate(stack.values):
            length = max(value, 0) / top * span
            parts.append(f'<rect x="{x:.1f}" y="{y + FONT + 8}" width="{length:.1f}" '
                         f'height="16" class="kb-chart-bar" fill="#3f51b5" '
                         f'fill-opacity="{SHADES[number % 3]}"/>')
            x += length
        rows.append(
            f'<g class="kb-chart-row">'
            f'<text x="0" y="{y + FONT + 2}" class="kb-chart-label">{_fit(stack.label)}</text>'
            + "".join(parts) +
            f'<text x="{x + 6:.1f}" y="{y + FONT + 21}" class="kb-chart-value">'
            f"{escape(stack.text)}</text></g>")
    height = ROW * (len(stacks) + 1) + 8
    return (_svg_open(chart_id, height, title, description)
            + f'<g class="kb-chart-legend">{legend}</g>' + "".join(rows) + "</svg>")


def _svg_open(chart_id: str, height: int, title: str, description: str) -> str:
    """An accessible chart's <svg> start tag with its title and description."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'font-size="{FONT}" fill="currentColor" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )
