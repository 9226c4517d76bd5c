"""The messages of the alerts, in French: the confirmation of a new subscription
(double opt-in), the answer to an address that subscribes again to an active alert,
and the alert itself. Every message carries the link that deletes the subscription,
in its text and in a ``List-Unsubscribe`` header."""

from coordaction.content.i18n import in_french
from coordaction.policy import _
from coordaction.policy.matching.subscriptions import UNCONFIRMED_DAYS
from email.mime.text import MIMEText
from plone import api


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
        f"- {in_french(label)} : {in_french(value)}"
        for label, value in criteria.describe()
    )


def send(recipient, subject, body, unsubscribe):
    """Send one message; raises what the MailHost raises (callers decide)."""
    message = MIMEText(in_french(body), "plain", "utf-8")
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    api.portal.send_email(recipient=recipient, subject=in_french(subject), body=message)


def send_confirmation(portal, subscription):
    mapping = {
        "criteria": criteria_text(subscription.criteria),
        "confirm_url": confirm_url(portal, subscription),
        "unsubscribe_url": unsubscribe_url(portal, subscription),
        "days": UNCONFIRMED_DAYS,
    }
    send(
        subscription.email,
        _("[Coordin'action] Confirmez votre alerte"),
        _(
            "Bonjour,\n\n"
            "Vous avez demandé à recevoir un courriel quand un projet d'habitat "
            "participatif ou une annonce correspondant à ces critères est publié sur "
            "le portail de la Coordin'action :\n\n${criteria}\n\n"
            "Pour activer cette alerte, ouvrez ce lien :\n${confirm_url}\n\n"
            "Si vous n'avez rien demandé, ignorez ce message : sans confirmation, "
            "votre adresse sera effacée dans ${days} jours.\n"
            "Pour l'effacer tout de suite : ${unsubscribe_url}",
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
        _("[Coordin'action] Votre alerte est déjà active"),
        _(
            "Bonjour,\n\n"
            "Quelqu'un, sans doute vous, a demandé à nouveau une alerte pour ces "
            "critères :\n\n${criteria}\n\n"
            "Elle est déjà active : vous recevrez un courriel à chaque nouvelle "
            "publication qui y correspond. Rien d'autre n'a changé.\n\n"
            "Pour ne plus recevoir cette alerte : ${unsubscribe_url}",
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
        subject = _("[Coordin'action] Nouveau projet : ${title}", mapping=mapping)
        intro = _(
            "Un projet d'habitat participatif qui cherche de nouveaux membres vient "
            "d'être publié et correspond à votre alerte :",
        )
    else:
        subject = _("[Coordin'action] Nouvelle annonce : ${title}", mapping=mapping)
        intro = _(
            "Une petite annonce vient d'être publiée et correspond à votre alerte :"
        )
    blocks = [
        in_french(
            _(
                "Vos critères :\n${criteria}\n"
                "Toutes les correspondances : ${page_url}\n"
                "Pour ne plus recevoir cette alerte : ${unsubscribe_url}",
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
        "Bonjour,\n\n${intro}\n\n${title}\n${place}\n${url}\n\n${alerts}",
        mapping=dict(mapping, intro=in_french(intro), alerts="\n\n".join(blocks)),
    )
    send(email, subject, body, unsubscribe_url(portal, subscriptions[0]))
