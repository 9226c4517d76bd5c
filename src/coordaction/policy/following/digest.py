"""The digest: for each follower whose digest is due (a day or a week after the
last one), what was published or changed in what they follow since then, read
with their own rights: the catalog answers as them, so nothing they may not see
(a private space they left, a draft, an expired ad) is ever written to them. No
change, no mail. A round of the scheduled job (``@@taches-planifiees``)."""

from coordaction.content.dates import date_text
from coordaction.content.dates import local_day
from coordaction.content.i18n import site_language
from coordaction.content.listing_urls import page_url
from coordaction.policy import _
from coordaction.policy.following import follows
from coordaction.policy.following.activity import activity
from coordaction.policy.interfaces import IScheduledTask
from coordaction.workflows.notices import send_notice
from coordaction.workflows.spaces.roster import email_of
from datetime import timedelta
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.interface import implementer
import logging


logger = logging.getLogger(__name__)
# A day or a week, less an hour: the job runs once a day, never to the minute.
PERIODS = {
    follows.DAILY: timedelta(days=1) - timedelta(hours=1),
    follows.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}


def is_due(record, moment):
    last = record["last_sent"]
    return last is None or moment - last >= PERIODS[record["frequency"]]


def changes_for(user_id, since):
    """[(followed title, url, [(title, url)])] of what changed since ``since``, as
    ``user_id`` may see it; only what they may still see of what they follow."""
    user = api.user.get(userid=user_id)
    if user is None:
        return []
    found = []
    with api.env.adopt_user(user=user):
        for uid in follows.record_of(user_id)["targets"]:
            target = uuidToObject(uid, unrestricted=True)
            if target is None or not api.user.has_permission("View", obj=target):
                continue
            items = [
                (brain.Title, page_url(brain))
                for brain in activity(target, since=since)
            ]
            if items:
                found.append((target.Title(), target.absolute_url(), items))
    return found


def digest_text(changes):
    lines = []
    for title, url, items in changes:
        lines.append(f"{title} ({url})")
        lines.extend(f"- {item_title} : {item_url}" for item_title, item_url in items)
        lines.append("")
    return "\n".join(lines).rstrip()


def send_digest(user_id, since, changes):
    email = email_of(user_id)
    if not email:
        return 0
    portal = api.portal.get()
    mapping = {
        "since": date_text(local_day(since), site_language()),
        "changes": digest_text(changes),
        "url": f"{portal.absolute_url()}/@@mes-suivis",
    }
    return send_notice(
        [email],
        _("[Coordin'action] What changed in what you follow"),
        _(
            "Hello,\n"
            "\n"
            "What was published or changed since ${since} in what you follow:\n"
            "\n"
            "${changes}\n"
            "\n"
            "To follow something else, change how often you receive this digest "
            "or stop it: ${url}",
            mapping=mapping,
        ),
    )


def send_digests(moment=None):
    """Send the digests that are due; how many were sent."""
    moment = moment or follows.now()
    sent = 0
    for user_id, record in follows.followers():
        if not is_due(record, moment):
            continue
        since = record["last_sent"] or moment
        changes = changes_for(user_id, since)
        if changes:
            sent += send_digest(user_id, since, changes)
        follows.mark_sent(user_id, moment)
    return sent


@implementer(IScheduledTask)
class SendDigests:
    label = _("Digests of what members follow sent")

    def __call__(self, portal):
        return send_digests()
