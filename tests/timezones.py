"""The time zone of the test server's process (its threads share it)."""

from contextlib import contextmanager
import os
import time


SERVER_ZONES = ("UTC", "Europe/Paris")


@contextmanager
def server_time_zone(zone):
    """Run the block with the process in ``zone`` (``TZ`` and ``time.tzset()``),
    as a server started with that ``TZ`` would; restore the zone after."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
