"""The thread that sends the letters (``sending.Job``) in each instance of the
portal: started with the server, so that a letter whose sending was interrupted
(a restart, a crash) goes on by itself, and woken when a letter is sent.

Scripts do not run it (``COORDACTION_MAIL_PROCESSOR=0``, as for the mail queue),
nor an instance started with ``COORDACTION_LETTER_SENDER=0`` (the tests, which run
the job themselves).
"""

from coordaction.policy.mailqueue.mailhost import processing_enabled
from coordaction.policy.mailqueue.outbox import queue_directory
from coordaction.policy.mailqueue.tracked import TrackedMessages
from coordaction.policy.newsletter.sending import Job
from coordaction.policy.newsletter.sending import in_progress
from plone import api
from Products.CMFPlone.Portal import PloneSite
from ZODB.POSException import ConflictError
from zope.component.hooks import getSite
from zope.component.hooks import setSite
import logging
import os
import threading
import transaction


logger = logging.getLogger(__name__)

# Seconds between two looks at the letters in progress when none is being sent.
INTERVAL = 5.0
# Seconds of work on one letter before looking at the others.
TURN = 10.0

_lock = threading.Lock()
_thread = None


class LetterSender(threading.Thread):
    def __init__(self, interval=INTERVAL):
        super().__init__(name="coordaction letter sender", daemon=True)
        self.interval = interval
        self._wake = threading.Event()
        self._stopped = False

    def wake(self):
        self._wake.set()

    def stop(self):
        self._stopped = True
        self._wake.set()

    def run(self):
        while not self._stopped:
            queued = 0
            try:
                queued = self.round()
            except Exception:  # the thread must never die
                logger.exception("Letter sending round failed")
            # At once while letters are handed to the queue; otherwise (nothing
            # in progress, or only messages the queue retries later) after a while.
            if not queued:
                self._wake.wait(self.interval)
                self._wake.clear()

    def round(self):
        """Send each letter in progress of each site for a turn; how many
        messages were handed to the queue."""
        import Zope2

        app = Zope2.app()
        previous = getSite()
        queued = 0
        try:
            for site in app.objectValues():
                if isinstance(site, PloneSite):
                    setSite(site)
                    queued += send_letters()[1]
        finally:
            setSite(previous)
            transaction.abort()
            app._p_jar.close()
        return queued


def send_letters(turn=TURN):
    """One turn of the job on each letter in progress of the current site:
    (whether some letter is still in progress, how many messages were handed to
    the queue)."""
    uids = list(in_progress())
    if not uids:
        return False, 0
    tracked = TrackedMessages(queue_directory())
    catalog = api.portal.get_tool("portal_catalog")
    busy, queued = False, 0
    for uid in uids:
        brains = catalog.unrestrictedSearchResults(UID=uid)
        if not brains:
            continue
        job = Job(brains[0]._unrestrictedGetObject(), tracked)
        try:
            busy = job.run(turn) or busy
        except ConflictError:
            transaction.abort()
            busy = True
        queued += job.queued
    return busy, queued


def letter_sender():
    """The running sender of this process, started if need be; None where
    scripts run."""
    global _thread
    if not processing_enabled() or os.environ.get("COORDACTION_LETTER_SENDER") == "0":
        return None
    with _lock:
        if _thread is None or not _thread.is_alive():
            _thread = LetterSender()
            _thread.start()
        return _thread


def start_letter_sender(event):
    """On ProcessStarting: letters interrupted by a stop go on."""
    letter_sender()


def wake_letter_sender():
    """After a letter is sent (its transaction committed): the job starts now."""
    sender = letter_sender()
    if sender is not None:
        sender.wake()
