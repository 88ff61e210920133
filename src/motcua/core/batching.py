"""Rows recorded along a service's transaction and written together at its end."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction


class TransactionBatch:
    """Holds what `add` is given inside `block()` and hands it to `write` when the outermost block
    ends, still inside the caller's transaction (an exception discards it with the transaction).

    Per thread; a nested block writes with the outermost. Inside a block no savepoint may be
    rolled back and the transaction carried on: what it added would still be written.
    """

    def __init__(self, write: Callable[[list], None]) -> None:
        self._write = write
        self._local = threading.local()

    def add(self, item: object) -> bool:
        """Hold `item` for the open block; False when no block is open (write it yourself)."""
        items = getattr(self._local, "items", None)
        if items is None:
            return False
        items.append(item)
        return True

    @contextmanager
    def block(self) -> Iterator[None]:
        if getattr(self._local, "items", None) is not None:
            yield
            return
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError("a batch needs the caller's transaction")
        self._local.items = []
        try:
            yield
            items = self._local.items
        finally:
            self._local.items = None
        if items:
            self._write(items)
