"""Small-number suppression: no figure for fewer than a threshold of respondents.

Primary suppression hides small groups.  Secondary suppression then hides one more sibling
wherever exactly one child of a shown total is hidden, because the hidden figure would
otherwise be the total minus the shown siblings.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

DEFAULT_THRESHOLD = 5
SECONDARY = "hidden so that a small group's figure cannot be worked out from the others"

K = TypeVar("K", bound=Hashable)


def primary_reason(threshold: int) -> str:
    """The reason given for a group that is itself too small."""
    return f"fewer than {threshold} respondents"


def suppress(
    sizes: Mapping[K, int],
    families: Iterable[tuple[K, Sequence[K]]],
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[K, str]:
    """Keys to hide and why, given each group's respondents and (total, children) families."""
    families = list(families)
    hidden = {key: primary_reason(threshold) for key, n in sizes.items() if n < threshold}
    changed = True
    while changed:
        changed = False
        for total, children in families:
            extra = _exposed(total, children, hidden, sizes)
            if extra is not None:
                hidden[extra] = SECONDARY
                changed = True
    return hidden


def _exposed(total: K, children: Sequence[K], hidden: Mapping[K, str], sizes: Mapping[K, int]):
    """The key to hide next if exactly one child of a shown total is hidden, else None."""
    if total in hidden or sum(child in hidden for child in children) != 1:
        return None
    shown = [child for child in children if child not in hidden]
    if not shown:
        return total
    # The next-smallest sibling: hiding it costs the least information.
    return min(shown, key=lambda child: (sizes.get(child, 0), repr(child)))
