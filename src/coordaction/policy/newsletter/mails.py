"""The messages to the letter's subscribers, in French: the confirmation of a
subscription (double opt-in). Every message carries the link that unsubscribes, in
its text and in the ``List-Unsubscribe`` headers (``mailqueue.list_mail``)."""

from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import send
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.subscribers import UNCONFIRMED_DAYS
from coordaction.policy.newsletter.topics import topics
from plone import api
from ZODB.POSException import ConflictError
import logging
import transaction


logger = logging.getLogger(__name__)


class NotSent(Exception):
    """Even the mail queue refused the confirmation: nothing was kept."""


def link(view, token, portal_url=None):
    portal_url = portal_url or api.portal.get().absolute_url()
    return f"{portal_url}/@@{view}?jeton={token}"


def confirm_url(token):
    return link("lettre-confirmer", token)


def unsubscribe_url(token, portal_url=None):
    """The subscriber's unsubscribe link (``portal_url``: the portal's address
    where no request tells it, in the sending job)."""
    return link("lettre-desabonner", token, portal_url)


def topics_text(record):
    """The topics the subscriber asked for last (the change to confirm, if any)."""
    asked = subscribers.wanted(record)["topics"]
    chosen = [title for topic, title in topics() if topic in asked]
    return "\n".join(f"- {in_site_language(title)}" for title in chosen)


def send_confirmation(token, record):
    mapping = {
        "topics": topics_text(record),
        "confirm_url": confirm_url(token),
        "unsubscribe_url": unsubscribe_url(token),
        "days": UNCONFIRMED_DAYS,
    }
    send(
        record["email"],
        _("[Coordin'action] Confirm your subscription to the letter"),
        _(
            "Hello,\n"
            "\n"
            "You asked to receive the letter of the Coordin'action of participatory "
            "housing associations, on:\n"
            "\n"
            "${topics}\n"
            "\n"
            "To confirm, open this link and press the button of the page:\n"
            "${confirm_url}\n"
            "\n"
            "If you did not ask for anything, ignore this message: without "
            "confirmation, your address will be deleted in ${days} days.\n"
            "To delete it right now: ${unsubscribe_url}",
            mapping=mapping,
        ),
        mapping["unsubscribe_url"],
    )


def sign_up(email, chosen, region, consent, user_id=None):
    """Subscribe, and send the confirmation the subscription waits for (one per
    address within ``REMAIL_MINUTES``; the answer is the same either way). When
    even the mail queue fails, nothing is kept (the transaction is doomed) and
    ``NotSent`` is raised."""
    token, record, to_confirm = subscribers.subscribe(
        email, chosen, region, consent=consent, user_id=user_id
    )
    if not to_confirm or subscribers.mailed_recently(record):
        return
    subscribers.mark_mailed(token)
    try:
        send_confirmation(token, record)
    except ConflictError:
        raise
    except Exception as error:
        logger.exception("Could not send the letter's confirmation")
        transaction.doom()
        raise NotSent() from error
