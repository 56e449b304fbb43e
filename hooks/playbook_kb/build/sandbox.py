"""Jinja's sandbox with limits on work: what a trainer page may build and for how long.

The sandbox keeps a page from reaching Python; it does not keep `{{ 'x' * 300000000 }}`
from taking 300 MB, nor a loop from running for an hour. Here every operator, call,
filter and namespace assignment a page makes is checked against a size, and the page's
output is counted while it is produced. A page over a limit fails the build with a
message that names it (docs/<page>), the way an unknown macro key does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace

from ..i18n import text

MAX_OUTPUT = 2_000_000  # characters a page may render (the largest real page: ~50,000)
MAX_VALUE = 200_000  # characters or items one expression may build
MAX_NUMBER = 1_000_000  # an integer argument (width, count, repeat) to a call or filter
MAX_BITS = 4096  # integers stay small: no 10 ** 10 ** 9
MAX_SECONDS = 20.0  # one page
_WIDE_FORMAT = re.compile(r"\d{7,}")  # '%999999999d', '{:>99999999}'


class MacroLimit(SecurityError):
    """A trainer page went over a limit: the message names the page and the limit."""


class LimitedSandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.page, self.lang = "", "ja"
        self.deadline = time.monotonic() + MAX_SECONDS
        self.filters = {name: _limited(self, f) for name, f in self.filters.items()}
        self.globals["namespace"] = _LimitedNamespace.bind(self)
        self.concat = self._concat  # Template.render joins the page's output with this

    def start_page(self, page: str, lang: str = "ja") -> None:
        self.page, self.lang, self.deadline = page, lang, time.monotonic() + MAX_SECONDS

    def fail(self, key: str, **values: Any) -> MacroLimit:
        """The page's limit error; `key` names the limit in i18n/*.yml (`sandbox.*`)."""
        return MacroLimit(text(self.lang, "sandbox.failed", page=self.page,
                               what=text(self.lang, key, **values)))

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise self.fail("sandbox.too_slow", seconds=MAX_SECONDS)

    def check(self, value: Any) -> Any:
        if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_VALUE:
            raise self.fail("sandbox.value_size", size=len(value), limit=MAX_VALUE)
        if isinstance(value, int) and value.bit_length() > MAX_BITS:
            raise self.fail("sandbox.number")
        return value

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "*":
            self._check_repeat(left, right)
            self._check_repeat(right, left)
            if isinstance(left, int) and isinstance(right, int) \
                    and left.bit_length() + right.bit_length() > MAX_BITS:
                raise self.fail("sandbox.number")
        elif operator == "**" and isinstance(right, (int, float)) \
                and abs(right) > 64 and isinstance(left, (int, float)) and abs(left) > 1:
            raise self.fail("sandbox.power", value=repr(right))
        elif operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise self.fail("sandbox.format_width")
        elif operator == "+" and isinstance(left, (str, list, tuple)) \
                and isinstance(right, (str, list, tuple)) and len(left) + len(right) > MAX_VALUE:
            raise self.fail("sandbox.value_limit", limit=MAX_VALUE)
        return self.check(super().call_binop(context, operator, left, right))

    def _check_repeat(self, sequence: Any, times: Any) -> None:
        if isinstance(sequence, (str, list, tuple)) and isinstance(times, int) \
                and len(sequence) * max(times, 0) > MAX_VALUE:
            raise self.fail("sandbox.repeat", size=len(sequence), times=times,
                            limit=MAX_VALUE)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick()
        __self.check_arguments(args, kwargs)
        bound = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(bound, str) and _WIDE_FORMAT.search(bound):  # '{:>99999999}'.format
            raise __self.fail("sandbox.format_width")
        return __self.check(super().call(__context, __obj, *args, **kwargs))

    def check_arguments(self, args: Iterable[Any], kwargs: dict[str, Any]) -> None:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) \
                    and abs(value) > MAX_NUMBER:
                raise self.fail("sandbox.argument", value=value, limit=MAX_NUMBER)

    def _concat(self, chunks: Iterable[str]) -> str:
        out, size = [], 0
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise self.fail("sandbox.output", limit=MAX_OUTPUT)
            out.append(chunk)
        return "".join(out)


def _limited(env: LimitedSandbox, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose integer arguments and result are checked (`center(300000000)`)."""
    def limited(*args: Any, **kwargs: Any) -> Any:
        env.tick()
        env.check_arguments(args[1:], kwargs)
        return env.check(func(*args, **kwargs))

    for flag in ("jinja_pass_arg",):  # keep pass_context / pass_environment markers
        if hasattr(func, flag):
            setattr(limited, flag, getattr(func, flag))
    limited.__name__ = getattr(func, "__name__", "filter")
    return limited


class _LimitedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the limits (`ns.s = ns.s ~ ns.s`)."""

    env: LimitedSandbox

    @classmethod
    def bind(cls, env: LimitedSandbox) -> type[_LimitedNamespace]:
        return type("namespace", (cls,), {"env": env})

    def __setitem__(self, name: str, value: Any) -> None:
        env = type(self).env  # Namespace reads instance attributes from its own dict
        env.tick()
        super().__setitem__(name, env.check(value))
