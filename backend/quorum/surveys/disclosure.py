"""The disclosure audit: can any combination of published figures give away a small group?

Respondents fall into atoms: the intersections of every grouping (role, locality, leadership, list size).
Each published figure (everyone, a group of a split, a combination of raw-response columns) counts a union
of atoms, so it is a 0/1 vector over the atoms, and everything a reader can work out by adding and
subtracting published figures is the linear span of those vectors. A set of atoms is exposed when its
indicator lies in that span and it holds between 1 and threshold - 1 respondents: its counts, means and
distributions could then be derived exactly.

`exposures` decides that exactly, in integer (fraction-free) Gauss-Jordan elimination with the atoms of
threshold or more respondents ordered first: the rows left with a pivot among the small atoms span exactly
the derivable vectors that touch no large atom, and every 0/1 vector in their span is found by choosing
each row's coefficient (0, or 1 over its pivot). A set holding a large atom is never small, so nothing is
missed. Atoms that lie in exactly the same published figures are merged first (they can never be told
apart), which keeps the matrix small.

`protect` is the complementary suppression: groups under the threshold are withheld, then within each
split enough others that the withheld ones hold the threshold between them, then, while the audit still
finds an exposed set, a whole split is withheld (the one that removes most exposures, the least useful
first on a tie), because "this split is withheld" is simpler to explain than a scattering of cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from math import gcd, lcm

Column = Hashable
# Beyond this many independent combinations of small atoms, enumerating them is not attempted and the
# published figures are treated as exposing them (the caller then withholds more).
MAX_COMBINATIONS = 12


def exposures(published: Iterable[frozenset], sizes: Mapping[Column, int], threshold: int) -> list[frozenset]:
    """Every set of columns, derivable from the published sets, holding between 1 and threshold - 1 respondents."""
    rows = [r for r in dict.fromkeys(frozenset(r) for r in published) if r]
    signatures: dict[Column, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for column in row:
            signatures[column].append(i)
    merged: dict[tuple[int, ...], list[Column]] = defaultdict(list)
    for column, signature in signatures.items():
        merged[tuple(signature)].append(column)
    cells = list(merged.items())
    size = [sum(sizes.get(c, 0) for c in columns) for _, columns in cells]
    small = [j for j in range(len(cells)) if size[j] < threshold]
    if not any(size[j] > 0 for j in small):
        return []
    large = [j for j in range(len(cells)) if size[j] >= threshold]
    order = large + small
    position = {j: p for p, j in enumerate(order)}
    matrix = [[0] * len(order) for _ in rows]
    for j, (signature, _) in enumerate(cells):
        for i in signature:
            matrix[i][position[j]] = 1
    pivots = _reduce(matrix)
    free = [(row, p) for row, p in pivots if p >= len(large)]
    if not free:
        return []
    small_cells = order[len(large) :]
    if len(free) > MAX_COMBINATIONS:
        touched = {small_cells[c - len(large)] for row, _ in free for c in range(len(large), len(order)) if row[c]}
        return [frozenset(col for j in touched for col in cells[j][1])]
    # Each row scaled to 1 at its pivot, then by the common denominator, so the sums stay integers: a combination
    # is a 0/1 vector when every entry is 0 or `whole`. The combinations are visited in Gray-code order, each one
    # row away from the last, and reported in the order of their masks.
    whole = 1
    for row, p in free:
        whole = lcm(whole, abs(row[p]))
    scaled = [[v * (whole // row[p]) for v in row[len(large) :]] for row, p in free]
    found: list[tuple[int, frozenset]] = []
    vector = [0] * len(small_cells)
    gray = 0
    for step in range(1, 1 << len(free)):
        k = (step & -step).bit_length() - 1
        gray ^= 1 << k
        sign = 1 if gray >> k & 1 else -1
        vector = [a + sign * b for a, b in zip(vector, scaled[k])]
        if any(v != 0 and v != whole for v in vector):
            continue
        chosen = [small_cells[c] for c, v in enumerate(vector) if v == whole]
        total = sum(size[j] for j in chosen)
        if 0 < total < threshold:
            found.append((gray, frozenset(col for j in chosen for col in cells[j][1])))
    return [exposed for _, exposed in sorted(found, key=lambda pair: pair[0])]


def _reduce(matrix: list[list[int]]) -> list[tuple[list[int], int]]:
    """Integer Gauss-Jordan elimination in place; the nonzero rows with their pivot columns."""
    pivots: list[tuple[list[int], int]] = []
    remaining = list(matrix)
    width = len(matrix[0]) if matrix else 0
    for column in range(width):
        pivot = next((r for r in remaining if r[column]), None)
        if pivot is None:
            continue
        remaining.remove(pivot)
        p = pivot[column]
        for other in remaining + [r for r, _ in pivots]:
            f = other[column]
            if f:
                for c in range(width):
                    other[c] = other[c] * p - pivot[c] * f
                common = 0
                for v in other:
                    common = gcd(common, v)
                if common > 1:
                    other[:] = [v // common for v in other]
        pivots.append((pivot, column))
    return pivots


@dataclass
class Protection:
    """What is withheld of one table (everyone and its splits), and why, in words."""

    everyone_withheld: str | None = None
    withheld: dict[Hashable, dict[str, str]] = field(default_factory=dict)  # split -> group -> reason
    splits_withheld: dict[Hashable, str] = field(default_factory=dict)  # whole splits -> reason

    def reason(self, split: Hashable, key: str) -> str | None:
        if self.everyone_withheld:
            return self.everyone_withheld
        return self.withheld.get(split, {}).get(key) or self.splits_withheld.get(split)

    def published(self, groups: Mapping[Hashable, Mapping[str, frozenset]]) -> list[frozenset]:
        """The sets of columns whose figures are published."""
        if self.everyone_withheld:
            return []
        found = [frozenset(c for by_key in groups.values() for members in by_key.values() for c in members)]
        for split, by_key in groups.items():
            if split in self.splits_withheld:
                continue
            found += [members for key, members in by_key.items() if key not in self.withheld.get(split, {})]
        return found


@dataclass(frozen=True)
class Words:
    """How the reasons name things: split and group labels, and the earlier rounds when they take part."""

    split: Callable[[Hashable], str]
    group: Callable[[Hashable, str], str]
    context: str = "the previous round's results"


def protect(
    groups: Mapping[Hashable, Mapping[str, frozenset]],
    sizes: Mapping[Column, int],
    threshold: int,
    words: Words,
    *,
    context: Sequence[frozenset] = (),
    inherited: Protection | None = None,
    drop_order: Sequence[Hashable] = (),
    answered: str = "answered",
) -> Protection:
    """Withhold until no small set is exposed by this table's figures together with `context` (figures
    already published elsewhere, such as earlier rounds). `inherited` is withheld from the start.
    `drop_order` lists splits from the first to withhold whole to the last."""
    everyone = frozenset(c for by_key in groups.values() for members in by_key.values() for c in members)
    total = sum(sizes.get(c, 0) for c in everyone)
    if inherited is not None and inherited.everyone_withheld:
        return Protection(everyone_withheld=inherited.everyone_withheld)
    if total < threshold:
        return Protection(everyone_withheld=f"Fewer than {threshold} {answered}.")
    protection = Protection(
        withheld={split: dict(reasons) for split, reasons in (inherited.withheld if inherited else {}).items()},
        splits_withheld=dict(inherited.splits_withheld) if inherited else {},
    )
    for split, by_key in groups.items():
        if split in protection.splits_withheld:
            continue
        reasons = protection.withheld.setdefault(split, {})
        counts = {key: sum(sizes.get(c, 0) for c in members) for key, members in by_key.items()}
        for key, n in counts.items():
            if 0 < n < threshold and key not in reasons:
                reasons[key] = f"Fewer than {threshold} {answered}."
        hidden = [k for k in reasons if counts.get(k, 0) > 0]
        if hidden:
            names = " and ".join(words.group(split, k) for k in hidden)
            rest = sorted((k for k in counts if k not in reasons and counts[k] > 0), key=lambda k: (counts[k], str(k)))
            while rest and (len(hidden) < 2 or sum(counts[k] for k in hidden) < threshold):
                key = rest.pop(0)
                hidden.append(key)
                reasons[key] = (
                    f"Withheld with {names} so that {'it' if ' and ' not in names else 'they'} cannot be worked "
                    f"out from the other groups."
                )
    rank = {split: i for i, split in enumerate(drop_order)}
    while True:
        found = exposures(list(context) + protection.published(groups), sizes, threshold)
        if not found:
            return protection
        candidates = [s for s in groups if s not in protection.splits_withheld and _shows_any(protection, s, groups)]
        if not candidates:
            return Protection(
                everyone_withheld=(
                    f"Withheld: together with {words.context} it would reveal a group of fewer than {threshold}."
                )
            )
        scored = []
        for split in candidates:
            trial = Protection(
                protection.everyone_withheld, protection.withheld, {**protection.splits_withheld, split: ""}
            )
            scored.append(
                (
                    len(exposures(list(context) + trial.published(groups), sizes, threshold)),
                    rank.get(split, len(rank)),
                    split,
                )
            )
        _, _, chosen = min(scored, key=lambda s: (s[0], s[1]))
        protection.splits_withheld[chosen] = _why(protection, chosen, found, groups, context, sizes, threshold, words)


def _shows_any(protection: Protection, split: Hashable, groups: Mapping[Hashable, Mapping[str, frozenset]]) -> bool:
    hidden = protection.withheld.get(split, {})
    return any(members and key not in hidden for key, members in groups[split].items())


def _why(
    protection: Protection,
    chosen: Hashable,
    found: list[frozenset],
    groups: Mapping[Hashable, Mapping[str, frozenset]],
    context: Sequence[frozenset],
    sizes: Mapping[Column, int],
    threshold: int,
    words: Words,
) -> str:
    exposed = frozenset(c for s in found for c in s)
    involved = [
        words.split(split)
        for split, by_key in groups.items()
        if split != chosen
        and split not in protection.splits_withheld
        and any(members & exposed and key not in protection.withheld.get(split, {}) for key, members in by_key.items())
    ]
    if context and not exposures(protection.published(groups), sizes, threshold):
        involved.append(words.context)
    others = ", ".join(involved[:-1]) + (" and " if len(involved) > 1 else "") + (involved[-1] if involved else "")
    together = f"together with {others.lower() if others else 'the other figures'} "
    return f"{words.split(chosen)} withheld: {together}it would reveal a group of fewer than {threshold}."
