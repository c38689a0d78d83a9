"""The services' own error types, and the one door where db's errors become them.

The CLI and the window catch these and show their one-line message; they need not import db
to know what went wrong. `LibraryError` is an `AnnotationError` because the annotation
service is the library's only door: a caller that already shows annotation errors shows an
unusable library (too new, damaged, read-only, busy, a full disk) the same way.

The translation happens where a call leaves the services (`speaks_service_errors` on each
service class), not inside them: a service may still catch a particular db error on its own
way through (a search goes on over a read-only library's index as it is).
"""

from __future__ import annotations

import functools
import inspect
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar

from db.engine import DatabaseError

P = ParamSpec("P")
R = TypeVar("R")
C = TypeVar("C", bound=type)


class ServiceError(ValueError):
    """A one-line message for the user (the CLI prints it and exits with status 2)."""


class AnnotationError(ServiceError):
    """Something the annotation library cannot do as asked, said in one line."""


class LibraryError(AnnotationError):
    """The library file cannot be used, or not now: db.engine.DatabaseError's message, raised
    in its place (the CLI exits with status 3)."""


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn a db.engine.DatabaseError raised inside the block into a `LibraryError`."""
    try:
        yield
    except DatabaseError as exc:
        raise LibraryError(str(exc)) from exc


_depth = threading.local()


def _at_the_door(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        depth: int = getattr(_depth, "n", 0)
        _depth.n = depth + 1
        try:
            if depth:  # a service calling a service: the outermost call translates
                return method(*args, **kwargs)
            with library_errors():
                return method(*args, **kwargs)
        finally:
            _depth.n = depth

    return call


def speaks_service_errors(cls: C) -> C:
    """Make every public method of a service class raise `LibraryError` for db's errors.

    Only the outermost service call translates, so code inside the services still sees db's
    own error types. Class methods (a service's `open`) use `library_errors` themselves.
    """
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            if inspect.isgeneratorfunction(member):
                raise TypeError(f"{cls.__name__}.{name}: a generator's errors would pass the door")
            wrapped: Any = _at_the_door(member)
            setattr(cls, name, wrapped)
    return cls
