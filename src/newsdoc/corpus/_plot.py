"""`newsdoc stats --plot`: a corpus's articles per day and top entities, as a PNG.

Drawn with matplotlib (extra ``plot``) on a `Figure` of its own with the Agg
canvas: nothing of pyplot's global state (its current figure, its backend) is
used or changed, so plotting is safe in a program that uses pyplot itself.
The PNG is rendered in memory and written with an `AtomicFile`: it appears
whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import warnings
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsdoc.corpus._atomic import AtomicFile
from newsdoc.corpus._stats import KIND_TITLES, CorpusStats, plural

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_stats"]

#: Pixels per inch of the figure: sizes are given in pixels, matplotlib's in inches.
DPI = 100

#: The most bars of the articles-per-day panel: a longer span is drawn per
#: week, month or year.
MAX_BARS = 120

#: The length of each period in days (a month's bar is 30 days wide, a year's 365).
PERIOD_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}

#: The colour of each kind of entity (matplotlib's tab10 palette).
KIND_COLOURS = {
    "person": "#1f77b4",
    "organization": "#ff7f0e",
    "place": "#2ca02c",
    "nationality": "#d62728",
    "equipment": "#9467bd",
    "event": "#8c564b",
    "other": "#7f7f7f",
}

#: Longest entity name on the axis; longer ones end in an ellipsis.
LABEL_WIDTH = 32


def plot_stats(
    stats: CorpusStats,
    path: str | os.PathLike[str],
    *,
    top: int = 10,
    width_px: int = 1200,
    height_px: int = 900,
) -> None:
    """Write a PNG of ``width_px`` by ``height_px`` pixels to ``path``: the articles
    of each day above, the ``top`` entities (by the articles naming them,
    coloured by kind) below.

    Raises ImportError when matplotlib is missing, ValueError for a size
    below 100 pixels, and `newsdoc.corpus.OutputError` when the file cannot be
    written (nothing is then left under its name).
    """
    if width_px < 100 or height_px < 100:
        raise ValueError(f"plot size: expected 100 pixels or more, got {width_px}x{height_px}")
    figure = _figure(width_px, height_px)
    days, entities = figure.subplots(2, 1, gridspec_kw={"height_ratios": [2, 3]})
    _draw_days(days, stats)
    _draw_entities(entities, stats, top)
    with AtomicFile(path) as out:
        out.write(_png(figure))


def _figure(width_px: int, height_px: int) -> Figure:
    """A figure of that size in pixels on an Agg canvas of its own."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as error:
        raise ImportError('plotting needs matplotlib: pip install "newsdoc[plot]"') from error
    figure = Figure(figsize=(width_px / DPI, height_px / DPI), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    """The figure as PNG bytes (a name with a glyph the font lacks draws as a box)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from", category=UserWarning)
        # At a small size, the panels are drawn as they are (cramped, but drawn).
        warnings.filterwarnings(
            "ignore", message="constrained_layout not applied", category=UserWarning
        )
        figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _draw_days(axes: Axes, stats: CorpusStats) -> None:
    """Articles per day over the dates of the corpus (per week, month or year
    when the days are too many to read), or a note that there are none."""
    from matplotlib.ticker import MaxNLocator

    if not stats.days:
        _empty(axes, "Articles per day", "no dated articles")
        return
    period = _period(stats.days)
    counts: Counter[dt.date] = Counter()
    for day, count in stats.days.items():
        counts[_period_start(day, period)] += count
    starts = sorted(counts)
    width = PERIOD_DAYS[period]
    where = _day_numbers(starts)
    colour = KIND_COLOURS["person"]
    heights = [counts[start] for start in starts]
    # The edge keeps a bar narrower than a pixel visible, as a line.
    axes.bar(where, heights, 0.9 * width, align="edge", color=colour, edgecolor=colour, lw=1)
    _date_axis(axes, where[0], where[-1] + width)
    axes.set_title(f"Articles per {period} ({_dated_note(stats)})", loc="left")
    axes.set_ylabel("articles")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", alpha=0.3)


def _period(days: Iterable[dt.date]) -> str:
    """The shortest period (day, week, month, year) that spans the dates in at
    most `MAX_BARS` bars."""
    first, last = min(days), max(days)
    span = (last - first).days + 1
    for period in ("day", "week", "month"):
        if span <= MAX_BARS * PERIOD_DAYS[period]:
            return period
    return "year"


def _period_start(day: dt.date, period: str) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday)."""
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    return day


def _day_numbers(days: list[dt.date]) -> list[float]:
    """The dates as matplotlib's day numbers (days since its epoch)."""
    from matplotlib.dates import date2num

    return [float(n) for n in date2num(days)]  # type: ignore[no-untyped-call]


def _dated_note(stats: CorpusStats) -> str:
    """How many articles have a date, over which days, and how many have none."""
    dated = f"{stats.dated:,} dated {plural(stats.dated, 'article')}"
    first, last = stats.first_day, stats.last_day
    note = f"{dated}, {first}" if first == last else f"{dated}, {first} to {last}"
    undated = stats.articles - stats.dated
    return f"{note}; {undated:,} undated" if undated else note


def _date_axis(axes: Axes, start: float, end: float) -> None:
    """Readable date ticks from ``start`` to ``end`` (day numbers), with a margin."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    margin = max(1.0, (end - start) * 0.02)
    # Matplotlib's dates run from year 1 to 9999: so do the axis's.
    earliest, latest = _day_numbers([dt.date.min, dt.date.max])
    axes.set_xlim(max(start - margin, earliest), min(end + margin, latest))


def _draw_entities(axes: Axes, stats: CorpusStats, top: int) -> None:
    """Horizontal bars of the ``top`` entities, most named first, coloured by kind."""
    from matplotlib.ticker import MaxNLocator

    ranked = stats.top_entities(top)
    if not ranked:
        _empty(axes, "Top entities", "no entities")
        return
    labels = [_label(name) for _, name, _ in ranked]
    counts = [count for _, _, count in ranked]
    colours = [KIND_COLOURS.get(kind, "#bcbd22") for kind, _, _ in ranked]
    positions = range(len(ranked))
    bars = axes.barh(positions, counts, color=colours)
    axes.bar_label(bars, padding=3, fmt="{:,.0f}")
    axes.set_yticks(positions, labels)
    # Room for ``top`` bars whatever the count, the first at the top.
    axes.set_ylim(max(top, len(ranked)) - 0.5, -0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("articles naming it")
    axes.set_title(f"Top {len(ranked)} {plural(len(ranked), 'entity')}", loc="left")
    axes.margins(x=0.08)
    axes.grid(axis="x", alpha=0.3)
    _legend(axes, [kind for kind, _, _ in ranked])


def _legend(axes: Axes, kinds: list[str]) -> None:
    """A legend of the kinds shown, in the report's order."""
    from matplotlib.patches import Patch

    shown = [kind for kind in KIND_COLOURS if kind in kinds]
    handles = [Patch(color=KIND_COLOURS[kind], label=KIND_TITLES[kind]) for kind in shown]
    axes.legend(handles=handles, loc="best", title="kind")


def _empty(axes: Axes, title: str, note: str) -> None:
    """A panel that says there is nothing to draw."""
    axes.set_title(title, loc="left")
    axes.text(0.5, 0.5, note, transform=axes.transAxes, ha="center", va="center", fontsize=14)
    axes.set_xticks([])
    axes.set_yticks([])


def _label(name: str) -> str:
    """An entity name cut to `LABEL_WIDTH` characters."""
    return name if len(name) <= LABEL_WIDTH else name[: LABEL_WIDTH - 1] + "…"
