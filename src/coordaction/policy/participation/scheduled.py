"""The scheduled job, run by the host's cron through HTTP:

    curl -fsS -X POST -d token=SECRET http://localhost:8080/Plone/@@taches-planifiees

Each run (once a day is enough):
- e-mails the author of each published ad that expires within the reminder delay
  (once per ad); an expired ad already left the listings by itself (Plone's
  expiration date, see coordaction.content.content.classified_ad);
- deletes the form submissions saved longer ago than the retention period;
- deletes the alert subscriptions of the Mise en lien never confirmed;
- and runs the rounds other features bring (IScheduledTask): the chantiers
  alerts never confirmed, the digests of what members follow.

The token is the ``scheduled_token`` setting: created at installation, replaced
by the COORDACTION_CRON_TOKEN environment variable when the site is created or
started. Without the right token the view answers 403 and does nothing."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.interfaces import IScheduledTask
from coordaction.policy.participation.saved import saved_data_storages
from coordaction.policy.participation.settings import set_setting
from coordaction.policy.participation.settings import setting
from coordaction.workflows.notices import send_notice
from coordaction.workflows.notifications import author_address
from DateTime import DateTime
from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.component import getUtilitiesFor
from zope.interface import alsoProvides
import hmac
import logging
import os
import secrets
import time


logger = logging.getLogger(__name__)
TOKEN_VARIABLE = "COORDACTION_CRON_TOKEN"
REMINDED = "_coordaction_expiry_reminder_sent"


def ensure_scheduled_token(environ=None):
    """The token from the environment, or a new random one if none is set yet."""
    environ = os.environ if environ is None else environ
    wanted = environ.get(TOKEN_VARIABLE, "").strip()
    current = setting("scheduled_token")
    if wanted and wanted != current:
        set_setting("scheduled_token", wanted)
    elif not wanted and not current:
        set_setting("scheduled_token", secrets.token_urlsafe(24))


def remind_expiring_ads(portal, now=None):
    """E-mail once the authors of the published ads about to expire."""
    now = now or DateTime()
    horizon = now + setting("ad_reminder_days")
    sent = 0
    catalog = api.portal.get_tool("portal_catalog")
    for brain in catalog.unrestrictedSearchResults(
        portal_type="ClassifiedAd",
        review_state="published",
        expires={"query": (now, horizon), "range": "min:max"},
    ):
        ad = brain._unrestrictedGetObject()
        if getattr(ad, REMINDED, False):
            continue
        address = author_address(ad)
        if not address:
            continue
        mapping = {
            "title": ad.Title(),
            "date": ad.expiration_date.strftime("%d/%m/%Y"),
            "url": ad.absolute_url(),
            "form": f"{portal.absolute_url()}/contribuer/deposer-une-annonce",
        }
        if not send_notice(
            [address],
            _("[Coordin'action] Your ad expires on ${date}", mapping=mapping),
            _(
                "Hello,\n"
                "\n"
                "Your ad “${title}” will no longer be visible on the Coordin'action "
                "portal after ${date}:\n"
                "${url}\n"
                "\n"
                "If it is still current, submit it again:\n"
                "${form}\n"
                "\n"
                "See you soon!",
                mapping=mapping,
            ),
        ):
            continue
        setattr(ad, REMINDED, True)
        sent += 1
    return sent


def purge_old_submissions(portal, now=None):
    """Delete the saved form submissions older than the retention period.
    easyform keys each saved row by its time of arrival, in milliseconds."""
    now = time.time() if now is None else now
    cutoff = int((now - setting("submission_retention_days") * 86400) * 1000)
    purged = 0
    for _form, storage in saved_data_storages():
        old = list(storage.keys(max=cutoff, excludemax=True))
        for key in old:
            del storage[key]
        purged += len(old)
    return purged


TASKS = (
    ("ads_reminded", _("Expiry reminders sent"), remind_expiring_ads),
    ("submissions_purged", _("Form submissions deleted"), purge_old_submissions),
)


def all_tasks():
    """This module's tasks, then those other features bring (IScheduledTask)."""
    return [
        *TASKS,
        *(
            (name, task.label, task)
            for name, task in sorted(getUtilitiesFor(IScheduledTask))
        ),
    ]


def run_scheduled_tasks(portal):
    return {name: task(portal) for name, _label, task in all_tasks()}


class ScheduledTasksView(BrowserView):
    """@@taches-planifiees: run the tasks when the token is right."""

    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/plain; charset=utf-8")
        response.setHeader("Cache-Control", "no-store")
        if self.request.method != "POST":
            response.setStatus(405)
            response.setHeader("Allow", "POST")
            return in_request_language(
                _("Call this address with POST, with the token.")
            )
        expected = setting("scheduled_token") or ""
        given = self.request.form.get("token", "")
        if not expected or not hmac.compare_digest(
            given.encode("utf-8"), expected.encode("utf-8")
        ):
            response.setStatus(403)
            return in_request_language(_("Token missing or wrong: nothing was done."))
        alsoProvides(self.request, IDisableCSRFProtection)
        portal = api.portal.get()
        with api.env.adopt_roles(["Manager"]):
            report = run_scheduled_tasks(portal)
        logger.info("Scheduled tasks: %s", report)
        return "\n".join(
            f"{in_request_language(label)} : {report[name]}"
            for name, label, _task in all_tasks()
        )
