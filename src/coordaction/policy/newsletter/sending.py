"""Sending a letter: a background job, resumable, that gives each subscriber the
letter once.

When the letter is sent (its workflow's ``send``), ``start`` keeps with it a
snapshot of what it says and notes it among the letters in progress; the request
ends there. The job (``sender.LetterSender``, a thread of each instance) then
runs ``run_once`` on each letter in progress, over and over:

1. It takes the letter's *lease* (one job per letter, whichever instance runs it;
   the lease of a process that died passes to the next).
2. The first time, it lists the recipients: the confirmed subscribers the letter
   has something for (``letter.sections_for``), each *waiting*.
3. It hands the waiting ones to the mail queue, a batch at a time, at the
   configured rate, and only while the queue is short (so that a password reset
   does not wait behind ten thousand letters). For a batch, it writes each
   message in the queue's ``tmp/`` (``mailqueue.tracked``), marks the
   recipients *queued* in the same transaction, commits, and only then releases
   the messages to the queue. A crash before the commit leaves them waiting
   (what was written is discarded at the next run); a crash after leaves them
   queued (what was written is released at the next run): nobody is skipped,
   nobody gets it twice.
4. It reads the queue's receipts: *sent*, *deferred* (the server said "later",
   with its answer; the queue tries again) or *failed* (refused for good, with
   its answer; a 5xx answer marks the address as bouncing: it gets no more
   letters).

The letter's page shows where the sending stands (``progress``).
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from coordaction.policy.mailqueue.mailhost import QueuedMailHost
from coordaction.policy.mailqueue.mailhost import processing_enabled
from coordaction.policy.mailqueue.tracked import DEFERRED
from coordaction.policy.mailqueue.tracked import FAILED
from coordaction.policy.mailqueue.tracked import SENT
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.letter import audience
from coordaction.policy.newsletter.letter import sections_for
from coordaction.policy.newsletter.letter import snapshot
from coordaction.policy.newsletter.mails import unsubscribe_url
from coordaction.policy.newsletter.message import Renderer
from coordaction.policy.site.annotations import portal_tree
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
import os
import re
import socket
import time
import transaction


SENDING_KEY = "coordaction.policy.newsletter.sending"
IN_PROGRESS_KEY = "coordaction.policy.newsletter.in_progress"

WAITING = "waiting"
QUEUED = "queued"
# Unsubscribed (or bouncing) before their turn came.
LEFT = "left"
STATES = (WAITING, QUEUED, SENT, DEFERRED, FAILED, LEFT)
# The states a recipient ends in (a deferred one is still being tried).
FINAL = (SENT, FAILED, LEFT)

BATCH_SIZE = 100
# Letters per minute, unless COORDACTION_LETTER_RATE says otherwise.
DEFAULT_RATE = 3000
# The job queues no more while this many messages wait in the queue.
QUEUE_HIGH_WATER = 2 * BATCH_SIZE
# A lease not renewed for this long belongs to a job that stopped.
LEASE_SECONDS = 120
PERMANENT = re.compile(r"(?:^|: )5\d\d\b")


def rate_per_minute(environ=None):
    environ = os.environ if environ is None else environ
    try:
        rate = int(environ.get("COORDACTION_LETTER_RATE", "") or DEFAULT_RATE)
    except ValueError:
        rate = DEFAULT_RATE
    return max(rate, 1)


def now():
    return datetime.now(UTC)


def batch_name(state):
    return f"letter.{state['uid']}"


def state_of(letter):
    """What the sending of a letter keeps, or None before it is sent."""
    return IAnnotations(letter).get(SENDING_KEY)


def in_progress():
    """The UIDs of the letters being sent (a read never writes)."""
    return portal_tree(IN_PROGRESS_KEY) or {}


def start(letter):
    """Called when the letter is sent: keep what it says, and let the job send it."""
    if state_of(letter) is not None:
        return
    frozen = snapshot(letter)
    IAnnotations(letter)[SENDING_KEY] = PersistentMapping(
        uid=frozen["uid"],
        snapshot=frozen,
        started=now(),
        finished=None,
        listed=False,
        recipients=OOBTree(),
        waiting=OOTreeSet(),
        nothing_for=0,
        receipts_offset=0,
        lease=None,
    )
    portal_tree(IN_PROGRESS_KEY, create=True)[frozen["uid"]] = now()


def forget_sending_of_copy(letter, event):
    """A copy of a sent letter is a new draft: it has not left, nor has a date."""
    IAnnotations(letter).pop(SENDING_KEY, None)
    letter.effective_date = None


def progress(letter):
    """How many recipients are in each state, and when it started and ended; None
    before the letter is sent."""
    state = state_of(letter)
    if state is None:
        return None
    counts = dict.fromkeys(STATES, 0)
    for record in state["recipients"].values():
        counts[record[1]] += 1
    return {
        "counts": counts,
        "total": len(state["recipients"]),
        "listed": state["listed"],
        "nothing_for": state["nothing_for"],
        "started": state["started"],
        "finished": state["finished"],
    }


def failures(letter, limit=50):
    """[(address, state, answer)] of the recipients deferred or failed."""
    state = state_of(letter)
    found = []
    for email, status, answer, _when in (state or {}).get("recipients", {}).values():
        if status in (DEFERRED, FAILED):
            found.append((email, status, answer))
            if len(found) >= limit:
                break
    return found


# -- the lease ---------------------------------------------------------------
def owner():
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lease_is_free(lease, me, moment):
    if lease is None or lease[0] == me or moment - lease[1] > LEASE_SECONDS:
        return True
    host, _sep, pid = lease[0].rpartition(":")
    return host == socket.gethostname() and pid.isdigit() and not _alive(int(pid))


# -- the job -----------------------------------------------------------------
class Job:
    """One run of the job on one letter (see the module's docstring). The caller
    has opened the database and set the site; ``run`` commits as it goes."""

    def __init__(self, letter, tracked, me=None, rate=None, clock=time):
        self.letter = letter
        self.state = state_of(letter)
        self.tracked = tracked
        self.me = me or owner()
        self.rate = rate or rate_per_minute()
        self.clock = clock
        self.renderer = None
        self.sections = {}
        # How many messages this run handed to the queue.
        self.queued = 0

    def run(self, seconds=10.0):
        """Work on the letter for about ``seconds``; whether it is still in
        progress."""
        if not self.take_lease():
            return True
        self.list_recipients()
        self.recover()
        deadline = self.clock.monotonic() + seconds
        pause = BATCH_SIZE * 60.0 / self.rate
        while self.state["waiting"] and self.clock.monotonic() < deadline:
            self.read_receipts()
            if self.tracked.waiting() >= QUEUE_HIGH_WATER:
                self.clock.sleep(0.2)
                continue
            began = self.clock.monotonic()
            self.queue_batch()
            rest = pause - (self.clock.monotonic() - began)
            if rest > 0 and self.state["waiting"]:
                self.clock.sleep(min(rest, max(deadline - self.clock.monotonic(), 0)))
        self.read_receipts()
        return self.finish_if_done()

    def take_lease(self):
        moment = time.time()
        if not lease_is_free(self.state["lease"], self.me, moment):
            transaction.abort()
            return False
        self.state["lease"] = (self.me, moment)
        transaction.commit()
        return True

    def list_recipients(self):
        if self.state["listed"]:
            return
        recipients, waiting = self.state["recipients"], self.state["waiting"]
        reached, nothing_for = audience(self.snapshot)
        for token, record in reached:
            recipients[token] = (record["email"], WAITING, "", None)
            waiting.add(token)
        self.state["nothing_for"] = nothing_for
        self.state["listed"] = True
        transaction.commit()

    @property
    def snapshot(self):
        return self.state["snapshot"]

    def recover(self):
        """Release what a stopped run wrote and committed; discard the rest."""
        staged = self.tracked.staged(batch_name(self.state))
        if not staged:
            return
        recipients = self.state["recipients"]
        prefix = len(batch_name(self.state)) + 1
        committed = [
            name
            for name in staged
            if recipients.get(name[prefix:], (None, WAITING))[1] != WAITING
        ]
        self.tracked.release(committed)
        self.tracked.discard(sorted(set(staged) - set(committed)))

    def message(self, token, email, record):
        key = (tuple(record["topics"]), record["region"])
        if key not in self.sections:
            self.sections[key] = sections_for(
                self.snapshot, record["topics"], record["region"]
            )
        sections = self.sections[key]
        if sections is None:
            return None
        if self.renderer is None:
            self.renderer = Renderer(self.snapshot)
        return self.renderer.message(
            sections,
            email,
            sender(),
            unsubscribe_url(token, self.snapshot["portal_url"]),
            key=key,
        )

    def queue_batch(self):
        recipients, waiting = self.state["recipients"], self.state["waiting"]
        batch = batch_name(self.state)
        tokens = list(waiting.keys()[:BATCH_SIZE])
        staged = []
        moment = now()
        fromaddr = sender()[1]
        for token in tokens:
            email = recipients[token][0]
            found = subscribers.get(token)
            record = found[1] if found else None
            message = (
                self.message(token, email, record)
                if record and record["confirmed"] and not record["bounced"]
                else None
            )
            if message is None:
                recipients[token] = (email, LEFT, "", moment)
            else:
                staged.append(
                    self.tracked.stage(
                        batch, token, fromaddr, email, message.as_bytes()
                    )
                )
                recipients[token] = (email, QUEUED, "", moment)
            waiting.remove(token)
        self.tracked.flush()
        self.state["lease"] = (self.me, time.time())
        try:
            transaction.commit()
        except Exception:
            transaction.abort()
            self.tracked.discard(staged)
            raise
        self.tracked.release(staged)
        self.queued += len(staged)
        wake_mail_queue()

    def read_receipts(self):
        receipts, offset = self.tracked.receipts(
            batch_name(self.state), self.state["receipts_offset"]
        )
        if not receipts:
            return
        recipients = self.state["recipients"]
        for token, status, answer, when in receipts:
            record = recipients.get(token)
            if record is None:
                continue
            recipients[token] = (
                record[0],
                status,
                answer,
                datetime.fromtimestamp(when, UTC),
            )
            if status == FAILED and PERMANENT.search(answer):
                subscribers.mark_bounced(record[0], answer)
        self.state["receipts_offset"] = offset
        transaction.commit()

    def finish_if_done(self):
        """Whether the letter is still in progress (someone not yet sent or
        failed for good)."""
        if self.state["waiting"] or any(
            record[1] not in FINAL for record in self.state["recipients"].values()
        ):
            return True
        self.state["finished"] = now()
        self.state["lease"] = None
        progressing = portal_tree(IN_PROGRESS_KEY)
        if progressing is not None and self.state["uid"] in progressing:
            del progressing[self.state["uid"]]
        transaction.commit()
        self.tracked.forget(batch_name(self.state))
        return False


def sender():
    """(name, address) the letter comes from: the portal's."""
    return (
        api.portal.get_registry_record("plone.email_from_name", default="") or "",
        api.portal.get_registry_record("plone.email_from_address", default="") or "",
    )


def wake_mail_queue():
    """The queue's processor sends the batch now rather than at its next look."""
    mailhost = api.portal.get_tool("MailHost")
    if isinstance(mailhost, QueuedMailHost) and processing_enabled():
        mailhost._startQueueProcessorThread().wake()
