"""The mail queue on disk: a maildir (``new``/``cur``/``tmp``, as zope.sendmail
writes it) plus an ``attempts`` folder where the processor notes, per message, how
many times it tried, the last error and when it will try again.

Read by the processor, the control panel and ``coordaction-mail-queue``: it needs no
Zope, only the folder.
"""

from dataclasses import dataclass
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from pathlib import Path
import json
import os
import threading
import time


# zope.sendmail keeps a refused message beside the queue under this prefix.
REJECTED_PREFIX = ".rejected-"
# ... and links a message it is sending under this one.
SENDING_PREFIX = ".sending-"
ATTEMPTS = "attempts"


def queue_directory(clienthome=None, environ=None):
    """Where this process queues mail: COORDACTION_MAIL_QUEUE, else the instance's
    data folder (Zope's ``clienthome``, ``var/`` with ``make start``) + mailqueue."""
    environ = os.environ if environ is None else environ
    configured = environ.get("COORDACTION_MAIL_QUEUE", "").strip()
    if configured:
        return str(Path(configured).resolve())
    if clienthome is None:
        from App.config import getConfiguration

        clienthome = getattr(getConfiguration(), "clienthome", None)
    if not clienthome:
        return None
    return str(Path(clienthome).resolve() / "mailqueue")


def _header(message, name):
    return str(make_header(decode_header(message.get(name) or "")))


@dataclass
class QueuedMessage:
    """One message of the queue, as an administrator reads it."""

    name: str
    path: Path
    failed: bool
    queued_at: float
    recipients: str
    subject: str
    attempts: int = 0
    last_error: str = ""
    last_attempt: float = 0.0
    next_attempt: float = 0.0


class Outbox:
    def __init__(self, path):
        self.path = Path(path)

    # -- the folders -------------------------------------------------------
    def ensure(self):
        for sub in ("new", "cur", "tmp", ATTEMPTS):
            (self.path / sub).mkdir(parents=True, exist_ok=True)
        return self

    def _files(self, prefix=""):
        for sub in ("new", "cur"):
            folder = self.path / sub
            if not folder.is_dir():
                continue
            for entry in folder.iterdir():
                name = entry.name
                if prefix and name.startswith(prefix):
                    yield entry, name[len(prefix) :]
                elif not prefix and not name.startswith("."):
                    yield entry, name

    # -- attempts ----------------------------------------------------------
    def _attempts_file(self, name):
        return self.path / ATTEMPTS / f"{name}.json"

    def attempts(self, name):
        try:
            return json.loads(self._attempts_file(name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_attempts(self, name, record):
        target = self._attempts_file(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(
            f".{target.name}.{os.getpid()}.{threading.get_ident()}"
        )
        temporary.write_text(json.dumps(record), encoding="utf-8")
        os.replace(temporary, target)

    def note_attempt(self, name, error, next_attempt):
        """Note a failed attempt; return how many there were."""
        record = self.attempts(name)
        record["attempts"] = record.get("attempts", 0) + 1
        record["last_error"] = error
        record["last_attempt"] = time.time()
        record["next_attempt"] = next_attempt
        self._write_attempts(name, record)
        return record["attempts"]

    def reschedule(self, name, when=0.0):
        """Set when the processor may try this message again (0: at once)."""
        record = self.attempts(name)
        record["next_attempt"] = when
        self._write_attempts(name, record)

    def forget_attempts(self, name):
        try:
            self._attempts_file(name).unlink()
        except FileNotFoundError:
            pass

    def due(self, name, now=None):
        """May the processor try this message now (its back-off is over)?"""
        now = time.time() if now is None else now
        return self.attempts(name).get("next_attempt", 0) <= now

    # -- reading -----------------------------------------------------------
    def _describe(self, entry, name, failed):
        try:
            raw = entry.read_bytes()
            stat = entry.stat()
        except FileNotFoundError:
            return None
        # zope.sendmail writes the envelope in two first lines.
        envelope, _sep, body = raw.partition(b"\n")
        recipients_line, _sep, body = body.partition(b"\n")
        message = message_from_bytes(body)
        recipients = recipients_line.decode("utf-8", "replace")
        if recipients.startswith("X-Zope-To: "):
            recipients = recipients[len("X-Zope-To: ") :]
        record = self.attempts(name)
        return QueuedMessage(
            name=name,
            path=entry,
            failed=failed,
            queued_at=stat.st_mtime,
            recipients=recipients,
            subject=_header(message, "Subject"),
            attempts=record.get("attempts", 0),
            last_error=record.get("last_error", ""),
            last_attempt=record.get("last_attempt", 0.0),
            next_attempt=record.get("next_attempt", 0.0),
        )

    def waiting(self):
        found = (self._describe(entry, name, False) for entry, name in self._files())
        return sorted((m for m in found if m), key=lambda m: m.queued_at)

    def failed(self):
        found = (
            self._describe(entry, name, True)
            for entry, name in self._files(REJECTED_PREFIX)
        )
        return sorted((m for m in found if m), key=lambda m: m.queued_at)

    def summary(self):
        waiting, failed = self.waiting(), self.failed()
        errors = [m for m in waiting + failed if m.last_error]
        last = max(errors, key=lambda m: m.last_attempt, default=None)
        return {
            "waiting": len(waiting),
            "failed": len(failed),
            "last_error": last.last_error if last else "",
        }

    # -- an administrator's actions ---------------------------------------
    def retry(self, name):
        """Put a failed message back in the queue, to be tried at once."""
        for entry, found in self._files(REJECTED_PREFIX):
            if found == name:
                os.replace(entry, self.path / "new" / name)
                self.reschedule(name, 0.0)
                return True
        return False

    def retry_all_now(self):
        """Try every waiting message at the next pass (end their back-off)."""
        count = 0
        for message in self.waiting():
            if message.next_attempt:
                self.reschedule(message.name, 0.0)
                count += 1
        return count
