"""Charts as SVG on the server, for the pack (Typst embeds SVG) and for download: a trend of medians with the
middle half of practices shaded (the aggregate form), and one period's distribution across practices (the named,
Part II form). Each has a <title> and <desc> giving its figures in words; every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from quorum.indicators.service import NamedPeriod, Summary

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


def _figure(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _scale(low: float, high: float, start: float, end: float):
    if low == high:
        low, high = low - 1, high + 1
    return lambda v: start + (v - low) / (high - low) * (end - start)


def _document(title: str, description: str, body: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
        ' role="img" font-family="Arial, sans-serif" font-size="12">'
        f"<title>{escape(title)}</title><desc>{escape(description)}</desc>" + "".join(body) + "</svg>"
    )


def trend_svg(name: str, unit: str, summaries: Sequence[Summary]) -> str:
    """Medians by period with the interquartile band; withheld periods are left out and said so."""
    shown = [s for s in summaries if s.median is not None]
    withheld = [s.label for s in summaries if s.median is None]
    words = "; ".join(f"{s.label}: median {_figure(s.median or 0)} of {s.practices} practices" for s in shown)
    description = f"{name}{f' ({unit})' if unit else ''} by period. {words or 'No period can be shown.'}"
    if withheld:
        description += f" Withheld (fewer than 5 practices): {', '.join(withheld)}."
    body: list[str] = []
    if shown:
        numbers = [v for s in shown for v in (s.lower_quartile, s.upper_quartile, s.median) if v is not None]
        spread = (max(numbers) - min(numbers)) or abs(numbers[0]) or 1
        low, high = min(numbers) - spread / 10, max(numbers) + spread / 10
        x = _scale(0, max(len(shown) - 1, 1), LEFT, WIDTH - RIGHT)
        y = _scale(low, high, HEIGHT - BOTTOM, TOP)
        upper = [f"{x(i):.1f},{y(s.upper_quartile or 0):.1f}" for i, s in enumerate(shown)]
        lower = [f"{x(i):.1f},{y(s.lower_quartile or 0):.1f}" for i, s in enumerate(shown)]
        body.append(f'<polygon points="{" ".join(upper + lower[::-1])}" fill="#d8dde0"/>')
        line = " ".join(f"{x(i):.1f},{y(s.median or 0):.1f}" for i, s in enumerate(shown))
        body.append(f'<polyline points="{line}" fill="none" stroke="#005eb8" stroke-width="2"/>')
        body.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" stroke="#4c6272"/>'
        )
        for i, s in enumerate(shown):
            if len(shown) <= 8 or i % 2 == 0:
                body.append(f'<text x="{x(i):.1f}" y="{HEIGHT - 20}" text-anchor="middle">{escape(s.label)}</text>')
        for value in (low, (low + high) / 2, high):
            body.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{_figure(value)}</text>')
    return _document(f"{name}: median across practices by period", description, body)


def distribution_svg(name: str, unit: str, period: NamedPeriod, higher_is_better: bool) -> str:
    """Every practice's figure for one period on one axis, best on the right, each named beneath in rank order."""
    figures = period.figures
    values = [f.value for f in figures]
    worst, best = (min(values), max(values)) if higher_is_better else (max(values), min(values))
    x = _scale(worst, best, LEFT, WIDTH - RIGHT)
    rows = len(figures)
    height = 80 + 16 * rows
    words = "; ".join(f"{f.rank}. {f.practice_name} {_figure(f.value)}" for f in figures)
    body = [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="40" y2="40" stroke="#4c6272"/>']
    body += [f'<circle cx="{x(f.value):.1f}" cy="40" r="5" fill="#005eb8"/>' for f in figures]
    body.append(f'<text x="{LEFT}" y="62">{_figure(worst)}</text>')
    body.append(f'<text x="{WIDTH - RIGHT}" y="62" text-anchor="end">{_figure(best)} (best)</text>')
    for i, f in enumerate(figures):
        body.append(
            f'<text x="{LEFT}" y="{84 + 16 * i}">{f.rank}. {escape(f.practice_name)}: {_figure(f.value)}</text>'
        )
    label = period.summary.label
    return _document(
        f"{name}, {label}: every practice",
        f"{name}{f' ({unit})' if unit else ''}, {label}, best first: {words}.",
        body,
        height,
    )
