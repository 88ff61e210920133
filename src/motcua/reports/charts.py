"""Small SVG charts drawn on the server (no JavaScript): horizontal bars and a trend line.

Each chart is an accessible image: `role="img"`, a `<title>` and `aria-label`; the pages also show
the numbers in a table next to it.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
COLOURS = ("#1d5fa8", "#c0392b", "#2e8b57")


def _svg(title: str, height: int, body: list[str]) -> SafeString:
    label = escape(title)
    return mark_safe(  # noqa: S308 - every text inside went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" class="chart"><title>{label}</title>'
        + "".join(body)
        + "</svg>"
    )


def bar_chart(title: str, bars: list[tuple[str, float, float]]) -> SafeString:
    """One bar per (label, value, maximum): the value drawn against its maximum."""
    row, left, right = 28, 230, 70
    span = WIDTH - left - right
    body = []
    for i, (label, value, top) in enumerate(bars):
        y = 10 + i * row
        share = min(1.0, value / top) if top else 0.0
        body.append(
            f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="13">'
            f"{escape(label)}</text>"
            f'<rect x="{left}" y="{y}" width="{span}" height="20" fill="#e6ecf3"/>'
            f'<rect x="{left}" y="{y}" width="{span * share:.1f}" height="20" fill="{COLOURS[0]}"/>'
            f'<text x="{left + span + 6}" y="{y + 15}" font-size="13">'
            f"{value:g}/{top:g}</text>"
        )
    return _svg(title, 20 + row * len(bars), body)


def line_chart(title: str, labels: list[str], series: dict[str, list[float | None]]) -> SafeString:
    """Percentages (0–100) over `labels`, one line per series, with a legend."""
    height, left, bottom, top = 240, 40, 30, 30
    plot_w, plot_h = WIDTH - left - 20, height - top - bottom
    step = plot_w / max(1, len(labels) - 1)
    body = [
        f'<line x1="{left}" y1="{top + plot_h * (1 - p / 100):.1f}" x2="{left + plot_w}" '
        f'y2="{top + plot_h * (1 - p / 100):.1f}" stroke="#ddd"/>'
        f'<text x="{left - 4}" y="{top + plot_h * (1 - p / 100) + 4:.1f}" text-anchor="end" '
        f'font-size="11">{p}%</text>'
        for p in (0, 50, 100)
    ]
    body += [
        f'<text x="{left + i * step:.1f}" y="{height - 10}" text-anchor="middle" font-size="11">'
        f"{escape(label)}</text>"
        for i, label in enumerate(labels)
    ]
    for n, (name, values) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        points = [
            f"{left + i * step:.1f},{top + plot_h * (1 - v / 100):.1f}"
            for i, v in enumerate(values)
            if v is not None
        ]
        if points:
            body.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                'stroke-width="2"/>'
            )
        body.append(
            f'<rect x="{left + n * 180}" y="8" width="12" height="12" fill="{colour}"/>'
            f'<text x="{left + n * 180 + 16}" y="18" font-size="12">{escape(name)}</text>'
        )
    return _svg(title, height, body)
