"""The mails of the skills' alert: the confirmation asked for in *Mon espace*, and
the alert sent when a reviewer publishes a chantier that wants a member's skills
(once per chantier, only if the public may see it). Each carries the link that
stops the alert. A failure here is logged and never blocks a publication; the
portal's common rounds purge unconfirmed alerts and erase an address's skills."""

from coordaction.policy import _
from coordaction.policy.interfaces import IPersonalDataKeeper
from coordaction.policy.interfaces import IScheduledTask
from coordaction.policy.mailqueue.list_mail import send
from coordaction.policy.matching.alerts import announce_on_publish
from coordaction.policy.matching.alerts import is_public_now
from coordaction.policy.matching.subscriptions import UNCONFIRMED_DAYS
from coordaction.policy.matching.subscriptions import mark_announced
from coordaction.policy.workstreams import skills
from coordaction.policy.workstreams.notices import chantier_url
from coordaction.policy.workstreams.offers import skill_titles
from coordaction.workflows.spaces.roster import name_and_email
from plone import api
from ZODB.POSException import ConflictError
from zope.interface import implementer
import logging


logger = logging.getLogger(__name__)


def confirm_url(token):
    return f"{api.portal.get().absolute_url()}/@@competences-confirmer?jeton={token}"


def stop_url(token):
    return f"{api.portal.get().absolute_url()}/@@competences-desabonner?jeton={token}"


def send_confirmation(user_id, token):
    """Ask the member to confirm their alert; False when the mail cannot leave."""
    name, email = name_and_email(user_id)
    if not email:
        return False
    mapping = {
        "name": name,
        "skills": skill_titles(skills.skills_of(user_id)),
        "confirm_url": confirm_url(token),
        "stop_url": stop_url(token),
        "days": UNCONFIRMED_DAYS,
    }
    try:
        send(
            email,
            _("[Coordin'action] Confirm your chantiers alert"),
            _(
                "Hello ${name},\n"
                "\n"
                "You asked to receive an e-mail when a chantier of the "
                "Coordin'action wants one of your skills: ${skills}.\n"
                "\n"
                "To activate this alert, open this link:\n"
                "${confirm_url}\n"
                "\n"
                "If you did not ask for anything, ignore this message: without "
                "confirmation, the alert is dropped in ${days} days.\n"
                "To drop it right now: ${stop_url}",
                mapping=mapping,
            ),
            mapping["stop_url"],
        )
    except ConflictError:
        raise
    except Exception:
        logger.exception("Could not send the skills confirmation to %s", email)
        return False
    return True


def announce_publication(workstream, event):
    announce_on_publish(workstream, event, announce)


def announce(workstream):
    """Tell the members whose skills the chantier wants; returns their user ids."""
    if not workstream.is_open() or not is_public_now(workstream):
        return []
    if not mark_announced(api.portal.get(), workstream.UID()):
        return []
    sent = []
    for user_id, shared in sorted(skills.alerted_for(workstream.skills).items()):
        record = skills.record_of(user_id)
        name, email = name_and_email(user_id)
        if not email:
            continue
        mapping = {
            "name": name,
            "title": workstream.Title(),
            "carrier": workstream.carrier_name,
            "skills": skill_titles(shared),
            "url": chantier_url(workstream),
            "stop_url": stop_url(record["token"]),
        }
        try:
            send(
                email,
                _("[Chantier] Your skills are wanted: ${title}", mapping=mapping),
                _(
                    "Hello ${name},\n"
                    "\n"
                    "${carrier} publishes a chantier that wants your skills "
                    "(${skills}): “${title}”.\n"
                    "${url}\n"
                    "\n"
                    "To offer your help, log in and choose “I can contribute” on "
                    "its page.\n"
                    "\n"
                    "To stop these alerts: ${stop_url}",
                    mapping=mapping,
                ),
                mapping["stop_url"],
            )
        except ConflictError:
            raise
        except Exception:
            logger.exception("Could not send a chantier alert to %s", email)
        else:
            sent.append(user_id)
    return sent


@implementer(IScheduledTask)
class PurgeUnconfirmedSkillAlerts:
    label = _("Unconfirmed chantiers alerts dropped")

    def __call__(self, portal):
        return skills.purge_unconfirmed()


@implementer(IPersonalDataKeeper)
class SkillAlerts:
    """The skills and alert of the accounts with an address, erased on request."""

    def kept(self, portal, email):
        return [
            skills.record_of(user_id) for user_id in skills.users_with_address(email)
        ]

    def forget(self, portal, email):
        return sum(
            skills.forget(user_id) for user_id in skills.users_with_address(email)
        )
