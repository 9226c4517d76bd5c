"""The mail of an offer of help: the carriers are told of each offer, the person
who offered of the answer. Sent in the site's language through the mail queue: a
mail never fails the offer or the answer it tells of."""

from coordaction.content.sections import WORKSTREAMS
from coordaction.policy import _
from coordaction.policy.workstreams.carriers import carrier_addresses
from coordaction.policy.workstreams.offers import WorkstreamOffers
from coordaction.policy.workstreams.offers import skill_titles
from coordaction.workflows.notices import send_notice
from coordaction.workflows.spaces.roster import name_and_email
from plone import api


def chantier_url(workstream):
    # By its UID: the link keeps working if the chantier is renamed or moved.
    return f"{api.portal.get().absolute_url()}/resolveuid/{workstream.UID()}"


def tell_carriers(workstream, event):
    """A new offer: the carriers get who offers, what and when, and the link."""
    offer = WorkstreamOffers(workstream).get(event.user_id)
    name, _email = name_and_email(event.user_id)
    mapping = {
        "title": workstream.Title(),
        "name": name,
        "skills": skill_titles(offer["skills"]),
        "availability": offer["availability"] or "—",
        "message": offer["message"] or "—",
        "url": chantier_url(workstream),
    }
    send_notice(
        carrier_addresses(workstream),
        _("[Chantier] ${name} offers to help: ${title}", mapping=mapping),
        _(
            "Hello,\n"
            "\n"
            "${name} offers to help on the chantier “${title}”.\n"
            "\n"
            "Skills: ${skills}\n"
            "Availability: ${availability}\n"
            "Message: ${message}\n"
            "\n"
            "Accept or decline the offer on the chantier's page:\n"
            "${url}",
            mapping=mapping,
        ),
    )


def tell_contributor(workstream, event):
    """The answer: the person who offered is told, with the chantier's link."""
    name, email = name_and_email(event.user_id)
    if not email:
        return
    mapping = {
        "title": workstream.Title(),
        "name": name,
        "url": chantier_url(workstream),
        "section": f"{api.portal.get().absolute_url()}/{WORKSTREAMS}",
    }
    if event.accepted:
        subject = _("[Chantier] Your help is accepted: ${title}", mapping=mapping)
        body = _(
            "Hello ${name},\n"
            "\n"
            "Your offer of help on the chantier “${title}” is accepted: you now "
            "appear among its contributors. The people who carry it will contact you "
            "at the address of your account.\n"
            "\n"
            "${url}",
            mapping=mapping,
        )
    else:
        subject = _("[Chantier] About your offer of help: ${title}", mapping=mapping)
        body = _(
            "Hello ${name},\n"
            "\n"
            "Thank you for offering to help on the chantier “${title}”. The people "
            "who carry it cannot take your offer this time. Other chantiers may need "
            "your skills:\n"
            "\n"
            "${section}",
            mapping=mapping,
        )
    send_notice([email], subject, body)
