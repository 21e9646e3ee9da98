"""Geometry of bar charts for templates to draw as inline SVG: plain Python, no Django, no markup.

Coordinates are SVG user units of a `0 0 width height` viewBox, y growing downwards. The default size is
the narrowest screen the site supports (360 px), so text drawn at 11 units is 11 px there and only grows.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Room for the value ticks on the left and the labels below; the right margin lets the last label centre.
MARGIN_LEFT = 34.0
MARGIN_RIGHT = 18.0
MARGIN_TOP = 8.0
MARGIN_BOTTOM = 22.0
BAR_SHARE = 0.7  # of each bar's slot; the rest is the gap between bars
LABEL_WIDTH = 48.0  # room for a short label such as "28 May" at 11 units, with a gap
NICE_STEPS = (1, 2, 2.5, 5, 10)


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: float | None  # None: no data that day, so no bar (unlike a real 0)
    note: str  # extra words for the data table, such as "8 of 10"
    show_label: bool  # whether the label is written under the bar; every label is in the data table

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 2)


@dataclass(frozen=True)
class Tick:
    value: float
    y: float
    label: str


@dataclass(frozen=True)
class BarChart:
    width: float
    height: float
    left: float
    top: float
    right: float
    bottom: float  # the baseline, where bars start
    max_value: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {number_label(self.width)} {number_label(self.height)}"

    @property
    def label_y(self) -> float:
        """Return the baseline of the labels under the bars."""
        return round(self.bottom + MARGIN_BOTTOM - 6, 2)

    @property
    def tick_x(self) -> float:
        """Return where the tick labels end, just left of the plot."""
        return round(self.left - 4, 2)

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def bar_chart(
    points: Sequence[tuple[str, float | None] | tuple[str, float | None, str]],
    *,
    width: float = 360,
    height: float = 180,
    max_value: float | None = None,
    tick_count: int = 4,
) -> BarChart:
    """Lay out one bar per (label, value[, note]) point, left to right, up to `max_value` or a round top."""
    values = [point[1] for point in points if point[1] is not None]
    if any(value < 0 for value in values):
        raise ValueError("Bar charts draw values from zero up; got a negative value.")
    if max_value is not None and max_value <= 0:
        raise ValueError("max_value must be above zero.")
    ticks_values = nice_ticks(max_value if max_value is not None else max(values, default=0), tick_count)
    top_value = max_value if max_value is not None else ticks_values[-1]
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top, bottom = MARGIN_TOP, height - MARGIN_BOTTOM
    slot = (right - left) / len(points) if points else 0
    label_step = max(1, math.ceil(LABEL_WIDTH / slot)) if slot else 1
    last = len(points) - 1
    bars = []
    for index, point in enumerate(points):
        label, value = point[0], point[1]
        size = (bottom - top) * min(value, top_value) / top_value if value else 0.0
        bars.append(
            Bar(
                x=round(left + index * slot + slot * (1 - BAR_SHARE) / 2, 2),
                y=round(bottom - size, 2),
                width=round(slot * BAR_SHARE, 2),
                height=round(size, 2),
                label=label,
                value=value,
                note=point[2] if len(point) > 2 else "",
                # The first and last labels always show; a middle one only if it cannot touch the last.
                show_label=index == last or (index % label_step == 0 and last - index >= label_step),
            )
        )
    ticks = tuple(
        Tick(value=value, y=round(bottom - (bottom - top) * value / top_value, 2), label=number_label(value))
        for value in ticks_values
        if value <= top_value
    )
    return BarChart(
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        max_value=top_value,
        bars=tuple(bars),
        ticks=ticks,
    )


def nice_ticks(top: float, count: int = 4) -> tuple[float, ...]:
    """Return about `count` evenly spaced round values from 0 reaching at least `top` (at least 1)."""
    top = max(top, 1)
    rough = top / count
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(nice * magnitude for nice in NICE_STEPS if nice * magnitude >= rough)
    if step < 1 and float(top).is_integer():
        step = 1  # whole counts (cards, answers) get whole ticks
    steps = math.ceil(top / step - 1e-9)
    return tuple(round(step * index, 10) for index in range(steps + 1))


def number_label(value: float) -> str:
    """Write a number without a needless ".0": 50 for 50.0, 2.5 for 2.5."""
    return f"{value:g}" if not float(value).is_integer() else str(int(value))
