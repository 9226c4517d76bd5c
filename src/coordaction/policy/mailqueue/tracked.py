"""Messages the queue tracks one by one (the letter's): each is written under a
name that says whose it is, ``<batch>.<recipient>`` (the batch, ``letter.<uid>``),
and the processor writes a receipt of what became of it (sent, deferred with the
server's answer, failed for good with it) to ``receipts/<batch>.jsonl``.

Writing them is in two steps, so that the caller keeps its own record of who got
what in step with the queue: ``stage`` writes the message in ``tmp/`` (where the
processor never looks); the caller commits its record; then ``release`` moves it
into ``new/``. After a crash, ``staged`` lists what was written and not released:
the caller releases what its record says was committed and ``discard``s the rest.
"""

from pathlib import Path
import json
import os
import re
import time


RECEIPTS = "receipts"
SENT = "sent"
DEFERRED = "deferred"
FAILED = "failed"
NAME = re.compile(r"^(?P<batch>[a-z]+\.[0-9a-f]{32})\.(?P<recipient>[A-Za-z0-9_-]+)$")


def tracked_name(batch, recipient):
    return f"{batch}.{recipient}"


def parse_name(name):
    """(batch, recipient) of a tracked message's name, or None."""
    match = NAME.match(name)
    return (match["batch"], match["recipient"]) if match else None


class TrackedMessages:
    def __init__(self, queue):
        self.queue = Path(queue)
        for sub in ("tmp", "new", "cur", RECEIPTS):
            (self.queue / sub).mkdir(parents=True, exist_ok=True)

    # -- writing -----------------------------------------------------------
    def stage(self, batch, recipient, fromaddr, toaddr, message):
        """Write one message in ``tmp/`` (``message``: bytes), in the format of
        zope.sendmail's queue."""
        target = self.queue / "tmp" / tracked_name(batch, recipient)
        with open(target, "wb") as stream:
            stream.write(b"X-Zope-From: %s\n" % fromaddr.encode())
            stream.write(b"X-Zope-To: %s\n" % toaddr.encode())
            stream.write(message)
        return target.name

    def flush(self):
        """What was staged is on disk (before the caller commits its record)."""
        os.sync()

    def release(self, names):
        """Hand staged messages to the processor."""
        for name in names:
            try:
                os.replace(self.queue / "tmp" / name, self.queue / "new" / name)
            except FileNotFoundError:
                pass

    def discard(self, names):
        for name in names:
            try:
                os.unlink(self.queue / "tmp" / name)
            except FileNotFoundError:
                pass

    def staged(self, batch):
        """The names of this batch's messages written and not released."""
        prefix = f"{batch}."
        return [
            entry.name
            for entry in (self.queue / "tmp").iterdir()
            if entry.name.startswith(prefix)
        ]

    def waiting(self):
        """How many messages wait in the queue (tracked or not)."""
        return sum(
            1
            for entry in os.scandir(self.queue / "new")
            if not entry.name.startswith(".")
        )

    # -- receipts ----------------------------------------------------------
    def _receipts(self, batch):
        return self.queue / RECEIPTS / f"{batch}.jsonl"

    def note(self, name, status, answer=""):
        """The processor's receipt for a message, if it is a tracked one."""
        parsed = parse_name(name)
        if parsed is None:
            return
        batch, recipient = parsed
        line = json.dumps({"r": recipient, "s": status, "a": answer, "t": time.time()})
        # One write of one line, appended: receipts of several processors
        # never mix within a line.
        descriptor = os.open(
            self._receipts(batch), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644
        )
        try:
            os.write(descriptor, (line + "\n").encode())
        finally:
            os.close(descriptor)

    def receipts(self, batch, offset=0):
        """The receipts of a batch written after ``offset`` (bytes), and the
        offset to read from next time: [(recipient, status, answer, time)]."""
        try:
            with open(self._receipts(batch), "rb") as stream:
                stream.seek(offset)
                data = stream.read()
        except FileNotFoundError:
            return [], offset
        complete = data.rfind(b"\n") + 1
        found = []
        for line in data[:complete].splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            found.append((record["r"], record["s"], record["a"], record["t"]))
        return found, offset + complete

    def forget(self, batch):
        try:
            self._receipts(batch).unlink()
        except FileNotFoundError:
            pass
