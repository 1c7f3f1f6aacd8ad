"""Garbage is collected between Qt events, never inside them."""

import gc
import weakref

from lossexplorer import gc_guard


class _Node:
    pass


def test_cycles_are_collected_by_the_timer_not_automatically(qapp, qtbot):
    guard = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is guard  # once per process
    assert not gc.isenabled()
    gc.collect()
    node = _Node()
    node.me = node  # a reference cycle: only the collector frees it
    alive = weakref.ref(node)
    del node
    # more new objects than Python's threshold for a collection
    kept = [_Node() for _ in range(2 * gc.get_threshold()[0])]
    assert alive() is not None  # nothing collected it automatically
    qtbot.waitUntil(lambda: alive() is None, timeout=5 * guard.timer.interval())
    assert len(kept) > 0
