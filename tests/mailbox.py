"""The messages a test mail host received, as their recipients read them."""

from email import message_from_bytes
from email.header import decode_header
from email.header import make_header


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


def mails(portal, to=None):
    """The messages sent so far (to one address if given)."""
    sent = [Mail(raw) for raw in portal.MailHost.messages]
    return [mail for mail in sent if to is None or to in mail.to]
