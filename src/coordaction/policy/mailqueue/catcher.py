"""A real SMTP server that keeps what it receives: ``make mailcatcher`` for a
newcomer who wants to read what the portal sends, and the test layers' mail
server. It can also misbehave on purpose (refuse, answer "try later", hang) so
that the tests see what the portal does when the outside world does.

Needs aiosmtpd (installed with the ``test`` and ``dev`` extras).
"""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email.header import decode_header
from email.header import make_header
import asyncio
import socket
import threading


def free_port(host="127.0.0.1"):
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


class Received:
    """One message as the server got it: envelope and content."""

    def __init__(self, mail_from, rcpt_tos, content):
        self.mail_from = mail_from
        self.rcpt_tos = list(rcpt_tos)
        self.content = content
        self.message = message_from_bytes(content)

    @property
    def subject(self):
        return str(make_header(decode_header(self.message["Subject"] or "")))

    def __repr__(self):
        return f"<Received for {self.rcpt_tos}: {self.subject!r}>"


class _Handler:
    def __init__(self, catcher):
        self.catcher = catcher

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.catcher.refused.get(address.lower())
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        catcher = self.catcher
        with catcher.lock:
            answer = catcher.answers.pop(0) if catcher.answers else None
        if answer == "hang":
            # A server too slow for its clients: they give up before the answer.
            await asyncio.sleep(catcher.hang_seconds)
            return "451 4.4.2 Trop lent"
        if answer is not None:
            return answer
        received = Received(envelope.mail_from, envelope.rcpt_tos, envelope.content)
        with catcher.lock:
            catcher.received.append(received)
        if catcher.on_message is not None:
            catcher.on_message(received)
        return "250 Message accepted for delivery"


class MailCatcher:
    """``start()``, ``stop()`` (the server is down: connections are refused), and
    ``answer(...)`` to script the next answers to DATA: an SMTP reply such as
    ``"451 4.3.0 Réessayez plus tard"`` or ``"550 5.1.1 Boîte inconnue"``, or
    ``"hang"``; and ``refused``, {address: answer} the server gives at RCPT for
    those addresses (a mailbox that does not exist: a hard bounce)."""

    def __init__(self, host="127.0.0.1", port=None, on_message=None):
        self.host = host
        self.port = port or free_port(host)
        self.on_message = on_message
        self.received = []
        self.answers = []
        self.refused = {}
        self.hang_seconds = 30
        self.lock = threading.Lock()
        self._controller = None

    @property
    def running(self):
        return self._controller is not None

    def start(self):
        if self._controller is None:
            self._controller = Controller(
                _Handler(self), hostname=self.host, port=self.port
            )
            self._controller.start()
        return self

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def answer(self, *answers):
        with self.lock:
            self.answers.extend(answers)

    def clear(self):
        with self.lock:
            self.received.clear()
            self.answers.clear()
            self.refused.clear()
