"""The thread that sends what the requests queued.

zope.sendmail's ``QueueProcessorThread`` does the hard part: it claims a message
with a hard link before sending it, so several instances (or threads) draining one
queue never send a message twice, and it keeps a message the server refuses for
good (5xx) beside the queue instead of deleting it. What it lacks, added here:

- back-off: a message that could not leave (server down, too slow, 4xx) waits
  before the next try (30 s, 1 min, 2 min... up to 30 min), and a pass stops at
  the first connection failure instead of knocking on a closed door once per
  message;
- a record of each try (how many, the last error, the next try) in the queue's
  ``attempts`` folder, for the control panel and ``coordaction-mail-queue``;
- a timeout on the SMTP connection, so a server that hangs delays mail only;
- a receipt for each try of a tracked message (the letter's, ``tracked.py``):
  sent, deferred or failed, with the server's answer.
"""

from coordaction.policy.mailqueue.outbox import REJECTED_PREFIX
from coordaction.policy.mailqueue.outbox import SENDING_PREFIX
from coordaction.policy.mailqueue.outbox import Outbox
from coordaction.policy.mailqueue.tracked import DEFERRED
from coordaction.policy.mailqueue.tracked import FAILED
from coordaction.policy.mailqueue.tracked import SENT
from coordaction.policy.mailqueue.tracked import TrackedMessages
from coordaction.policy.mailqueue.tracked import parse_name
from zope.sendmail.queue import QueueProcessorThread
import logging
import os
import re
import smtplib
import socket
import threading
import time


logger = logging.getLogger(__name__)

# Seconds before the first retry, then doubled at each failure, up to the maximum.
FIRST_RETRY = 30.0
LONGEST_WAIT = 30 * 60.0
# How often the processor looks at the queue.
INTERVAL = 3.0
# An SMTP server that does not answer within this many seconds is "down".
SMTP_TIMEOUT = 20
# A claim (".sending-" link) older than this was left by a process killed while
# sending: the message is tried again (zope.sendmail itself waits three hours).
STALE_CLAIM = 5 * 60.0

BARE_LF = re.compile(rb"\r?\n")

# Failures that say nothing about the message but that the server is unreachable.
CONNECTION_ERRORS = (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


def _cause(error):
    """zope.sendmail closes the connection after a failure, which may fail in
    turn ("please run connect() first") and hide the first error: find it."""
    seen = error
    while seen is not None:
        if isinstance(seen, socket.timeout | TimeoutError | ConnectionError):
            return seen
        seen = seen.__context__
    return error


def describe(error):
    """The error as an administrator reads it: the SMTP answer, else its kind."""
    error = _cause(error)
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return f"{error.smtp_code} {text}".strip()
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
            for address, (code, text) in error.recipients.items()
        )
    if isinstance(error, socket.timeout | TimeoutError):
        return "Le serveur SMTP ne répond pas (délai dépassé)."
    if isinstance(error, ConnectionRefusedError):
        return "Le serveur SMTP refuse la connexion (arrêté ?)."
    return f"{type(error).__name__}: {error}"


def with_crlf(message):
    """SMTP lines end with CRLF. The queue keeps messages with bare LF and
    smtplib sends bytes as they are: servers then see one endless line (aiosmtpd
    refuses it, Postfix 3.9 refuses bare LF by default)."""
    return BARE_LF.sub(b"\r\n", message)


class _RecordingMailer:
    """Wraps the mailer to keep the last error of this thread's attempt."""

    def __init__(self, mailer):
        self.mailer = mailer
        self.error = None

    def send(self, fromaddr, toaddrs, message):
        self.error = None
        try:
            self.mailer.send(fromaddr, toaddrs, with_crlf(message))
        except Exception as error:
            self.error = error
            # A failed close leaves the dead connection in place, and every
            # later send would use it: start afresh next time.
            self.mailer.connection = None
            raise


class _QuietLog:
    """zope.sendmail logs every failed try with its traceback; the processor
    logs one line per try itself (with the next try's time)."""

    def __init__(self, logger):
        self.logger = logger

    def info(self, *args):
        self.logger.info(*args)

    def error(self, *args):
        self.logger.warning(*args)

    def exception(self, *args):
        self.logger.debug(*args, exc_info=True)


class MailQueueProcessor(QueueProcessorThread):
    log = _QuietLog(logger)

    def __init__(
        self,
        path,
        mailer,
        interval=INTERVAL,
        first_retry=FIRST_RETRY,
        smtp_timeout=SMTP_TIMEOUT,
    ):
        super().__init__(interval=interval)
        self.name = f"coordaction mail queue {path}"
        self.path = path
        self.outbox = Outbox(path).ensure()
        self.tracked = TrackedMessages(path)
        self.first_retry = first_retry
        self.smtp_timeout = smtp_timeout
        self._wake = threading.Event()
        self.setQueuePath(path)
        self.setMailer(mailer)

    def setMailer(self, mailer):
        mailer.timeout = self.smtp_timeout
        if isinstance(self.mailer, _RecordingMailer):
            # New settings while a message may be on its way: the wrapper (and
            # the error it is noting) stays, only the mailer inside changes.
            self.mailer.mailer = mailer
        else:
            super().setMailer(_RecordingMailer(mailer))

    def wake(self):
        """Look at the queue now rather than at the end of the interval."""
        self._wake.set()

    def stop(self):
        super().stop()
        self._wake.set()

    def run(self, forever=True):
        import atexit

        atexit.register(self.stop)
        while not self._stopped:
            try:
                self.process_queue()
            except Exception:  # the thread must never die
                logger.exception("Mail queue pass failed")
            if not forever:
                break
            self._wake.wait(self.interval)
            self._wake.clear()

    def process_queue(self):
        """One pass: try each message that is due; stop at a connection failure."""
        now = time.time()
        for filename in self.maildir:
            if self._stopped:
                return
            name = os.path.basename(filename)
            if not self.outbox.due(name, now):
                continue
            if not self._try(filename, name) and isinstance(
                self.mailer.error, CONNECTION_ERRORS
            ):
                return

    def _try(self, filename, name):
        """Try to send one message; True when it left the queue (sent or refused)."""
        claim = os.path.join(os.path.dirname(filename), SENDING_PREFIX + name)
        try:
            if time.time() - os.stat(claim).st_mtime > STALE_CLAIM:
                os.unlink(claim)
        except FileNotFoundError:
            pass
        self.mailer.error = None
        self._process_one_file(filename)
        error = self.mailer.error
        if os.path.exists(filename):
            if error is None:
                # Another instance is sending it, or it was not readable: later.
                return False
            # zope.sendmail leaves its claim after a failure, which would hold
            # the message for hours: this try is over, so is the claim.
            try:
                os.unlink(claim)
            except FileNotFoundError:
                pass
            attempts = self.outbox.attempts(name).get("attempts", 0)
            wait = min(self.first_retry * 2**attempts, LONGEST_WAIT)
            self.outbox.note_attempt(name, describe(error), time.time() + wait)
            self._receipt(name, DEFERRED, describe(error))
            logger.warning(
                "Mail %s not sent (%s); next try in %d s", name, describe(error), wait
            )
            return False
        rejected = os.path.join(os.path.dirname(filename), REJECTED_PREFIX + name)
        if os.path.exists(rejected):
            self.outbox.note_attempt(name, describe(error), 0)
            self._receipt(name, FAILED, describe(error))
        else:
            self.outbox.forget_attempts(name)
            self._receipt(name, SENT)
        return True

    def _receipt(self, name, status, answer=""):
        if parse_name(name) is not None:
            try:
                self.tracked.note(name, status, answer)
            except OSError:
                logger.exception("Receipt of %s not written", name)
