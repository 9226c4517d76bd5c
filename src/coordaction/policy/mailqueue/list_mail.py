"""A message of a list one subscribed to (an alert, the letter): plain text in
the site's language, with the link that unsubscribes in a ``List-Unsubscribe``
header and the one-click unsubscribe of RFC 8058 (the mail client POSTs
``List-Unsubscribe=One-Click`` to that link, which acts on a POST only)."""

from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from email.mime.text import MIMEText
from plone import api
from plone.schema.email import Email
from plone.schema.email import InvalidEmail


# When even the mail queue refuses a confirmation: nothing is kept without it.
NOT_SENT = _(
    "The confirmation e-mail could not be sent, and nothing was saved: try again later."
)
# Characters that a valid address never needs and that mean more than one address
# (or a header) to a mail server.
NOT_IN_AN_ADDRESS = frozenset(',;:<>()[]\\"')


def is_valid_email(value):
    """An address one may write to: one address, nothing a header could hide in."""
    if any(char in NOT_IN_AN_ADDRESS or not char.isprintable() for char in value):
        return False
    try:
        Email().validate(value)
    except InvalidEmail:
        return False
    return True


def address_error(email):
    """What a form says of an address one may not write to: a message, or None
    when the address is fine (an empty one is the caller's to ask for)."""
    if is_valid_email(email):
        return None
    return _(
        "“${email}” is not a valid e-mail address: it is written for example "
        "firstname.lastname@example.org.",
        mapping={"email": email[:100]},
    )


def send(recipient, subject, body, unsubscribe):
    """Send one message; raises what the MailHost raises (callers decide)."""
    message = MIMEText(in_site_language(body), "plain", "utf-8")
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    api.portal.send_email(
        recipient=recipient, subject=in_site_language(subject), body=message
    )
