"""ZODB's DemoStorage, on which each test's changes are stacked, made safe for a
browser's parallel requests.

A test's storage keeps its changes in a MappingStorage, which holds no blobs. The
first time a thread needs a blob (an image of the page, an uploaded file), ZODB
swaps those changes for a blob storage (``DemoStorage._blobify``), whatever the
other threads of the test server are doing with them:

- two threads doing it at once (a browser asks for several images of a page
  together) both swap, and the second fails (``assert not
  IBlobStorage.providedBy(storage)`` in ZODB.blob): the image answers 500;
- a thread doing it while another commits (a login, a form) swaps the storage
  under that commit, between its ``tpc_begin`` and its ``tpc_finish``.

``blob_ready_demostorage()`` makes each DemoStorage created from then on (one per
test) start with its blob storage, in the test's own thread, before the server
sees it: the swap never happens while requests run. Production uses FileStorage
or RelStorage, never DemoStorage.
"""

from ZODB.DemoStorage import DemoStorage


_original_init = DemoStorage.__init__


def _init_with_blobs(self, *args, **kwargs):
    _original_init(self, *args, **kwargs)
    self._blobify()


def blob_ready_demostorage():
    DemoStorage.__init__ = _init_with_blobs


def restore_demostorage():
    DemoStorage.__init__ = _original_init
