from __future__ import annotations

import itertools

import pytest

from quiz.charts import bar_chart, nice_ticks, number_label


def test_bar_chart_heights_are_proportional_to_values():
    chart = bar_chart([("a", 10), ("b", 5), ("c", 0)], max_value=10)

    full = chart.bottom - chart.top
    assert [bar.height for bar in chart.bars] == [full, full / 2, 0]
    assert all(bar.y + bar.height == chart.bottom for bar in chart.bars)


def test_bar_chart_bars_run_left_to_right_inside_the_plot_without_overlapping():
    chart = bar_chart([(str(day), day) for day in range(30)])

    bars = chart.bars
    assert bars[0].x >= chart.left
    assert bars[-1].x + bars[-1].width <= chart.right
    assert all(left.x + left.width < right.x for left, right in itertools.pairwise(bars))


def test_bar_chart_scales_to_a_round_top_above_the_largest_value():
    chart = bar_chart([("a", 7), ("b", 3)])

    assert chart.max_value == 8
    assert [tick.label for tick in chart.ticks] == ["0", "2", "4", "6", "8"]
    assert chart.ticks[-1].y == chart.top
    assert chart.ticks[0].y == chart.bottom


def test_bar_chart_with_max_value_caps_taller_bars():
    chart = bar_chart([("a", 150), ("b", 50)], max_value=100)

    assert chart.bars[0].height == chart.bottom - chart.top
    assert [tick.label for tick in chart.ticks] == ["0", "25", "50", "75", "100"]


def test_bar_chart_missing_value_draws_no_bar_but_keeps_its_slot():
    chart = bar_chart([("a", 4), ("b", None, "no answers"), ("c", 2)])

    assert chart.bars[1].height == 0
    assert chart.bars[1].value is None
    assert chart.bars[1].note == "no answers"
    assert chart.bars[0].note == ""
    assert chart.bars[0].x < chart.bars[1].x < chart.bars[2].x


def test_bar_chart_all_zero_is_empty_with_a_usable_axis():
    chart = bar_chart([("a", 0), ("b", None)])

    assert chart.is_empty
    assert [tick.value for tick in chart.ticks] == [0, 1]
    assert all(bar.height == 0 for bar in chart.bars)


def test_bar_chart_no_points_has_no_bars():
    chart = bar_chart([])

    assert chart.bars == ()
    assert chart.is_empty


def test_bar_chart_thins_labels_that_would_collide_but_keeps_first_and_last():
    chart = bar_chart([(f"{day} May", day) for day in range(1, 31)])

    shown = [bar for bar in chart.bars if bar.show_label]
    assert shown[0] is chart.bars[0]
    assert shown[-1] is chart.bars[-1]
    assert 4 <= len(shown) < 30
    centres = [bar.centre for bar in shown]
    assert all(right - left >= 48 for left, right in itertools.pairwise(centres))


def test_bar_chart_few_bars_label_every_bar():
    chart = bar_chart([("Mon", 1), ("Tue", 2), ("Wed", 3)])

    assert all(bar.show_label for bar in chart.bars)


def test_bar_chart_view_box_matches_size():
    chart = bar_chart([("a", 1)], width=360, height=180)

    assert chart.view_box == "0 0 360 180"
    assert chart.label_y > chart.bottom
    assert chart.tick_x < chart.left


def test_bar_chart_refuses_negative_values():
    with pytest.raises(ValueError, match="negative"):
        bar_chart([("a", -1)])


def test_bar_chart_refuses_zero_max_value():
    with pytest.raises(ValueError, match="max_value"):
        bar_chart([("a", 1)], max_value=0)


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        (100, (0, 25, 50, 75, 100)),
        (7, (0, 2, 4, 6, 8)),
        (3, (0, 1, 2, 3)),
        (0, (0, 1)),
        (1234, (0, 500, 1000, 1500)),
        (0.8, (0, 1)),
    ],
)
def test_nice_ticks_are_round_and_reach_the_top(top, expected):
    assert nice_ticks(top) == expected


def test_number_label_drops_needless_decimals():
    assert [number_label(value) for value in (50.0, 2.5, 0, 12)] == ["50", "2.5", "0", "12"]
