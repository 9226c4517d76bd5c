"""ZODB's DemoStorage, on which each test's changes are stacked, made safe for a
browser's parallel requests.

The first time a test's storage loads a blob, ``DemoStorage._blobify`` replaces its
changes with a blob storage. Two threads of the test server doing it at once (a
browser asks for several images of a page together) both replace them, and the
second fails (``assert not IBlobStorage.providedBy(storage)`` in ZODB.blob): the
image answers 500, a visitor of the test sees a broken picture. Production uses
FileStorage or RelStorage, never DemoStorage. ``thread_safe_blobify()`` serialises
that first step for as long as the browser layers run.
"""

from ZODB.DemoStorage import DemoStorage
import threading


_lock = threading.Lock()
_original = DemoStorage._blobify


def _blobify(self):
    with _lock:
        return _original(self)


def thread_safe_blobify():
    DemoStorage._blobify = _blobify


def restore_blobify():
    DemoStorage._blobify = _original
