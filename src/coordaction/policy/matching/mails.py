"""The messages of the alerts, in French: the confirmation of a new subscription
(double opt-in), the answer to an address that subscribes again to an active alert,
and the alert itself. Every message carries the link that deletes the subscription,
in its text and in a ``List-Unsubscribe`` header."""

from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import send
from coordaction.policy.matching.subscriptions import UNCONFIRMED_DAYS


def page_url(portal, criteria=None):
    url = f"{portal.absolute_url()}/@@mise-en-lien"
    return f"{url}?{criteria.query_string()}" if criteria is not None else url


def confirm_url(portal, subscription):
    return (
        f"{portal.absolute_url()}/@@mise-en-lien-confirmer?jeton={subscription.token}"
    )


def unsubscribe_url(portal, subscription):
    return (
        f"{portal.absolute_url()}/@@mise-en-lien-desabonner?jeton={subscription.token}"
    )


def criteria_text(criteria):
    return "\n".join(
        f"- {in_site_language(label)} : {in_site_language(value)}"
        for label, value in criteria.describe()
    )


def send_confirmation(portal, subscription):
    mapping = {
        "criteria": criteria_text(subscription.criteria),
        "confirm_url": confirm_url(portal, subscription),
        "unsubscribe_url": unsubscribe_url(portal, subscription),
        "days": UNCONFIRMED_DAYS,
    }
    send(
        subscription.email,
        _("[Coordin'action] Confirm your alert"),
        _(
            "Hello,\n"
            "\n"
            "You asked to receive an e-mail when a participatory housing project "
            "or an ad matching these criteria is published on the Coordin'action "
            "portal:\n"
            "\n"
            "${criteria}\n"
            "\n"
            "To activate this alert, open this link:\n"
            "${confirm_url}\n"
            "\n"
            "If you did not ask for anything, ignore this message: without "
            "confirmation, your address will be deleted in ${days} days.\n"
            "To delete it right now: ${unsubscribe_url}",
            mapping=mapping,
        ),
        mapping["unsubscribe_url"],
    )


def send_already_active(portal, subscription):
    mapping = {
        "criteria": criteria_text(subscription.criteria),
        "unsubscribe_url": unsubscribe_url(portal, subscription),
    }
    send(
        subscription.email,
        _("[Coordin'action] Your alert is already active"),
        _(
            "Hello,\n"
            "\n"
            "Someone, probably you, asked again for an alert with these criteria:\n"
            "\n"
            "${criteria}\n"
            "\n"
            "It is already active: you will receive an e-mail for each new "
            "publication that matches it. Nothing else has changed.\n"
            "\n"
            "To stop receiving this alert: ${unsubscribe_url}",
            mapping=mapping,
        ),
        mapping["unsubscribe_url"],
    )


def send_alert(portal, email, item, place, subscriptions):
    """One message to ``email`` about ``item`` (a project sheet or an ad), for the
    subscriptions of that address it matches (usually one)."""
    is_project = item.portal_type == "ProjectSheet"
    mapping = {"title": item.Title(), "place": place, "url": item.absolute_url()}
    if is_project:
        subject = _("[Coordin'action] New project: ${title}", mapping=mapping)
        intro = _(
            "A participatory housing project looking for new members has just been "
            "published and matches your alert:",
        )
    else:
        subject = _("[Coordin'action] New ad: ${title}", mapping=mapping)
        intro = _("A classified ad has just been published and matches your alert:")
    blocks = [
        in_site_language(
            _(
                "Your criteria:\n"
                "${criteria}\n"
                "All matches: ${page_url}\n"
                "To stop receiving this alert: ${unsubscribe_url}",
                mapping={
                    "criteria": criteria_text(subscription.criteria),
                    "page_url": page_url(portal, subscription.criteria),
                    "unsubscribe_url": unsubscribe_url(portal, subscription),
                },
            )
        )
        for subscription in subscriptions
    ]
    body = _(
        "Hello,\n\n${intro}\n\n${title}\n${place}\n${url}\n\n${alerts}",
        mapping=dict(
            mapping, intro=in_site_language(intro), alerts="\n\n".join(blocks)
        ),
    )
    send(email, subject, body, unsubscribe_url(portal, subscriptions[0]))


def send_subscriptions(portal, email, subscriptions):
    """The alerts of an address, each with the link that deletes it: what a member
    asks for from Mon espace (the mailbox proves the address is theirs)."""
    listed = "\n\n".join(
        "{criteria}\n{state}\n{stop}".format(
            criteria=criteria_text(subscription.criteria),
            state=in_site_language(
                _("Active.")
                if subscription.is_confirmed
                else _("Waiting for its confirmation.")
            ),
            stop=in_site_language(
                _(
                    "To stop it: ${url}",
                    mapping={"url": unsubscribe_url(portal, subscription)},
                )
            ),
        )
        for subscription in subscriptions
    )
    send(
        email,
        _("[Coordin'action] Your alerts"),
        _(
            "Hello,\n"
            "\n"
            "Here are the alerts of the Coordin'action portal kept for this address:\n"
            "\n"
            "${alerts}\n"
            "\n"
            "To create another one: ${page_url}",
            mapping={"alerts": listed, "page_url": page_url(portal)},
        ),
        unsubscribe_url(portal, subscriptions[0]),
    )
