"""Once a year, the scheduled job asks whoever keeps a project sheet to confirm it
is current (a round of ``@@taches-planifiees``): one e-mail to the sheet's keepers
when nobody confirmed or changed it for a year, not more than once a year. The same
round brings the index ``up_to_date`` up to date: the two-year line moves with the
days, not with the sheets."""

from coordaction.content.confirmation import confirmed_on
from coordaction.content.confirmation import is_up_to_date
from coordaction.policy import _
from coordaction.policy.interfaces import IScheduledTask
from coordaction.policy.project_groups.maintainers import maintainers
from coordaction.policy.site.members import member_email
from coordaction.workflows.notices import send_notice
from datetime import date
from datetime import timedelta
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.interface import implementer


REMINDED_KEY = "coordaction.policy.project_groups.reminded"
REMINDER_DAYS = 365


def keeper_addresses(sheet):
    return sorted(
        address for address in map(member_email, maintainers(sheet)) if address
    )


def reminder(sheet):
    mapping = {
        "title": sheet.Title(),
        "url": sheet.absolute_url(),
        "date": confirmed_on(sheet).strftime("%d/%m/%Y"),
    }
    return (
        _("[Coordin'action] Is the sheet “${title}” current?", mapping=mapping),
        _(
            "Hello,\n"
            "\n"
            "You keep the project sheet “${title}” on the Coordin'action's portal. "
            "Nobody has confirmed it since ${date}: is it still current (stage, "
            "households, contact, photos)?\n"
            "\n"
            "Sign in, then update it or press “The sheet is current”:\n"
            "${url}\n"
            "\n"
            "A sheet not confirmed for two years shows “Information to be confirmed” "
            "to its visitors.",
            mapping=mapping,
        ),
    )


def remind_keepers(portal, today=None):
    """Index each sheet's ``up_to_date`` again where it changed, and remind the
    keepers of the sheets not confirmed for a year; how many e-mails were sent."""
    today = today or date.today()
    catalog = api.portal.get_tool("portal_catalog")
    index = catalog._catalog.getIndex("up_to_date")
    sent = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="ProjectSheet"):
        sheet = brain._unrestrictedGetObject()
        if index.getEntryForObject(brain.getRID()) != is_up_to_date(sheet, today):
            sheet.reindexObject(idxs=["up_to_date"])
        if confirmed_on(sheet) > today - timedelta(days=REMINDER_DAYS):
            continue
        annotations = IAnnotations(sheet)
        reminded = annotations.get(REMINDED_KEY)
        if reminded is not None and reminded > today - timedelta(days=REMINDER_DAYS):
            continue
        addresses = keeper_addresses(sheet)
        if not addresses:
            continue
        sent += send_notice(addresses, *reminder(sheet))
        annotations[REMINDED_KEY] = today
    return sent


@implementer(IScheduledTask)
class RemindKeepers:
    label = _("Reminders to confirm project sheets")

    def __call__(self, portal):
        return remind_keepers(portal)
