"""Bar charts as vector SVG for the summaries: black, grey and hatching, values written on the
bars as text in the page's own fonts (the renderer draws them from the kit's @font-face)."""

import base64
import io
from functools import cache

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from campaignkit import paths
from campaignkit.text import i18n
from campaignkit.text.typography import typeset_text

INK, GREY, LIGHT = "#000000", "#8c8c8c", "#ffffff"
FAMILIES = ["Kit Sans", "Kit Arabic", "Kit CJK"]  # as templates/base/fonts.css names them
STYLE = {
    "svg.fonttype": "none",  # text stays text: a fifth cheaper to draw and to lay out, searchable
    "svg.hashsalt": "campaignkit",  # stable ids: the same data gives the same file
    "hatch.linewidth": 0.6,
    "axes.linewidth": 0.6,
    "axes.edgecolor": INK,
    "text.color": INK,
    "xtick.color": INK,
    "ytick.color": INK,
}


@cache
def font() -> font_manager.FontProperties:
    """Text measured with the kit's Noto Sans file itself, never a system font of the same
    name, and written in the SVG under the page's font families."""
    properties = font_manager.FontProperties(fname=paths.FONTS / "NotoSans-Regular.ttf", size=8)
    properties.set_family(FAMILIES)
    return properties


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    return buffer.getvalue()


def in_words(title: str, labels: list[str], series: list[tuple[str, list]], lang: str) -> str:
    """A chart's figures as a sentence, its text alternative: `title: label: 3 letters, …`."""
    colon, between = ("\u00a0: ", " ; ") if lang == "fr" else (": ", "; ")
    parts = []
    for i, label in enumerate(labels):
        values = [f"{i18n.number(v[i], lang)} {name}" for name, v in series if v[i] is not None]
        parts.append(label + colon + ", ".join(values))
    return title + colon + between.join(parts)


def data_uri(svg: str) -> str:
    """An SVG as a `data:` URL for an <img>: the only kind of URL the renderer fetches."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _typeset(texts, lang: str) -> list[str]:
    """Labels with the page's typography: the page's own typesetting never reaches an image."""
    return [typeset_text(text, lang) for text in texts]


def _figure(rows: int, width: float) -> tuple[Figure, object]:
    figure = Figure(figsize=(width, 0.55 + 0.36 * max(rows, 1)))
    axes = figure.add_subplot()
    for side in ("top", "right", "bottom"):
        axes.spines[side].set_visible(False)
    axes.tick_params(axis="y", length=0)
    axes.set_xticks([])
    axes.invert_yaxis()
    return figure, axes


def _label(axes, x, y, value: int, lang: str, **options) -> None:
    text = i18n.number(value, lang) if isinstance(value, int) else value
    axes.annotate(
        text,
        (x, y),
        xytext=(3, 0),
        textcoords="offset points",
        va="center",
        fontproperties=font(),
        **options,
    )


def paired_bars(
    labels: list[str],
    first: list[int],
    second: list[int],
    names: tuple[str, str],
    lang: str,
    width: float = 7.0,
) -> str:
    """Two bars per label (e.g. letters in black, cards hatched), each value written beside it."""
    labels, names = _typeset(labels, lang), _typeset(names, lang)
    with matplotlib.rc_context(STYLE):
        figure, axes = _figure(len(labels), width)
        positions = range(len(labels))
        height = 0.38
        top = [p - height / 2 for p in positions]
        low = [p + height / 2 for p in positions]
        axes.barh(top, first, height, color=INK, edgecolor=INK, linewidth=0.6, label=names[0])
        axes.barh(
            low,
            second,
            height,
            color=LIGHT,
            edgecolor=INK,
            hatch="/////",
            linewidth=0.6,
            label=names[1],
        )
        for y, value in zip(top, first, strict=True):
            _label(axes, value, y, value, lang)
        for y, value in zip(low, second, strict=True):
            _label(axes, value, y, value, lang)
        axes.set_yticks(list(positions), labels, fontproperties=font())
        axes.set_xlim(0, max([*first, *second, 1]) * 1.15)
        axes.legend(loc="lower right", frameon=False, ncols=2, bbox_to_anchor=(1, 1), prop=font())
        figure.tight_layout(pad=0.3)
        return _svg(figure)


def goal_bars(
    labels: list[str],
    actions: list[int],
    goals: list[int | None],
    lang: str,
    names: tuple[str, str],
    width: float = 7.0,
) -> str:
    """Actions as grey bars, each region's goal as a black stroke across its bar, and
    "actions / goal" written beside."""
    labels, names = _typeset(labels, lang), _typeset(names, lang)
    with matplotlib.rc_context(STYLE):
        figure, axes = _figure(len(labels), width)
        positions = list(range(len(labels)))
        axes.barh(positions, actions, 0.6, color=GREY, edgecolor=INK, linewidth=0.6, label=names[0])
        marked = [(y, goal) for y, goal in zip(positions, goals, strict=True) if goal]
        if marked:
            ys, xs = [y for y, _ in marked], [goal for _, goal in marked]
            lows, highs = [y - 0.42 for y in ys], [y + 0.42 for y in ys]
            axes.vlines(xs, lows, highs, colors=INK, linewidth=2.2, label=names[1])
        for y, done, goal in zip(positions, actions, goals, strict=True):
            text = i18n.number(done, lang)
            if goal:
                text += f" / {i18n.number(goal, lang)}"
            _label(axes, max(done, goal or 0), y, text, lang)
        axes.set_yticks(positions, labels, fontproperties=font())
        axes.set_xlim(0, max([*actions, *(goal or 0 for goal in goals), 1]) * 1.22)
        axes.legend(loc="lower right", frameon=False, ncols=2, bbox_to_anchor=(1, 1), prop=font())
        figure.tight_layout(pad=0.3)
        return _svg(figure)
