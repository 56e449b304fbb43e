"""The one "unknown value" message: what is unknown, did you mean X, the allowed values,
an example. Every place that rejects a value builds its message here."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from . import text

SHOWN = 20  # allowed values listed at most; a taxonomy or a slug list can be long
NEAR = 0.6  # difflib similarity; at 0.5 short words match by chance: note -> tier


def closest(value: str, candidates: Sequence[str]) -> str | None:
    """The candidate nearest to a mistyped value, or None when none is near enough."""
    found = difflib.get_close_matches(str(value), list(candidates), n=1, cutoff=NEAR)
    return found[0] if found else None


def did_you_mean(lang: str, head: str, value: str, allowed: Sequence[str], *,
                 listed: bool = True, sep: str = ", ", advice: str = "", example: str = "",
                 otherwise: str = "") -> str:
    """`head` (already says what is unknown), then "did you mean X?" or `otherwise`,
    the allowed values (unless not `listed`), `advice`, and `example`."""
    near = closest(value, allowed)
    parts = [head, text(lang, "unknown.did_you_mean", near=near) if near else otherwise]
    if listed:
        shown = sep.join(allowed[:SHOWN]) + (" ..." if len(allowed) > SHOWN else "")
        parts.append(text(lang, "unknown.allowed", allowed=shown or text(lang, "unknown.none")))
    parts.append(advice)
    if example:
        parts.append(text(lang, "unknown.example", example=example))
    return "".join(parts)
