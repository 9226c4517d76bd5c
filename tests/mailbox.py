"""The messages the test SMTP server received, as their recipients read them.

Every message a test reads is checked to be French, subject and body (the words of
tests/english.py): the portal writes its mail in the site's language.

Mail leaves through the portal's queue: each reader first waits until the queue
has drained (every due message sent or refused), as a person waits for the mail
to arrive.
"""

from coordaction.policy.mailqueue.outbox import Outbox
from coordaction.policy.testing import SMTP_SERVER
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
from tests.english import english_in
import os
import time


class Mail:
    def __init__(self, raw):
        message = message_from_bytes(raw if isinstance(raw, bytes) else raw.encode())
        self.headers = message
        self.to = str(make_header(decode_header(message["To"] or "")))
        self.subject = str(make_header(decode_header(message["Subject"] or "")))
        self.reply_to = str(make_header(decode_header(message["Reply-To"] or "")))
        parts = [
            part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
            for part in message.walk()
            if part.get_content_maintype() == "text"
        ]
        self.body = "\n".join(parts)

    def __repr__(self):
        return f"<Mail to {self.to!r}: {self.subject!r}>"


def assert_french(mail):
    """Fail on a message whose subject or body has English words."""
    english = english_in(mail.subject) + english_in(mail.body)
    if english:
        raise AssertionError(f"English in {mail!r}: {english}\n{mail.body}")


def smtp():
    """The test SMTP server (coordaction.policy.mailqueue.catcher.MailCatcher)."""
    return SMTP_SERVER["smtp"]


def outbox():
    return Outbox(SMTP_SERVER["mail_queue"])


def drain(timeout=20):
    """Wait until nothing is being written to the queue and no due message waits."""
    queue = outbox()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        writing = (
            os.listdir(queue.path / "tmp") if (queue.path / "tmp").is_dir() else []
        )
        now = time.time()
        due = [message for message in queue.waiting() if message.next_attempt <= now]
        if not writing and not due:
            return
        time.sleep(0.05)
    raise AssertionError(f"The mail queue did not drain: {queue.waiting()}")


def mails(portal=None, to=None):
    """The messages received so far (to one address if given), once the queue
    has drained."""
    drain()
    received = [Mail(message.content) for message in smtp().received]
    for mail in received:
        assert_french(mail)
    return [mail for mail in received if to is None or to in mail.to]


def reset():
    """Forget the messages received so far (after the queue has drained)."""
    drain()
    smtp().clear()
