"""The alert: when a reviewer publishes a project sheet looking for members or an ad
(the "publish" transition of our publication workflow), every confirmed subscription
whose criteria it matches gets an e-mail; one e-mail per address and per item.

Only what the public can see is announced: an item anonymous visitors may not view,
not yet effective or already expired sends nothing. An item is announced once, even
if it is published again after a correction. A failure here is logged and never
blocks the publication."""

from AccessControl.SpecialUsers import nobody
from coordaction.content.content.classified_ad import IClassifiedAd
from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.vocabularies.lists import LAND_AD_KINDS
from coordaction.policy.matching import mails
from coordaction.policy.matching import subscriptions
from coordaction.policy.matching.criteria import RESIDENT_AD_KINDS
from coordaction.policy.matching.criteria import place_label
from coordaction.workflows.transitions import _is_ours
from coordaction.workflows.transitions import _transition_id
from DateTime import DateTime
from plone import api
from plone.app.uuid.utils import uuidToObject
from ZODB.POSException import ConflictError
import logging


logger = logging.getLogger(__name__)


def announce_on_publish(obj, event, announce):
    """Call ``announce(obj)`` when ``event`` is the "publish" transition of our
    publication workflow; a failure is logged, never blocks the publication."""
    if not (_is_ours(event) and _transition_id(event) == "publish"):
        return
    try:
        announce(obj)
    except ConflictError:
        raise
    except Exception:  # an alert never blocks a publication
        logger.exception("Could not send the alerts for %s", obj.absolute_url())


def announce_publication(obj, event):
    announce_on_publish(obj, event, announce)


def is_public_now(item):
    moment = DateTime()
    if item.effective_date is not None and item.effective_date > moment:
        return False
    if item.expiration_date is not None and item.expiration_date <= moment:
        return False
    return bool(nobody.has_permission("View", item))


def matcher(item):
    """The test of a subscription's criteria against this item, or None when the
    item is nothing future residents are alerted about."""
    if IProjectSheet.providedBy(item) and item.looking_for_members:
        return lambda criteria: criteria.matches_project(item)
    if IClassifiedAd.providedBy(item) and item.ad_kind in (
        *RESIDENT_AD_KINDS,
        *LAND_AD_KINDS,
    ):
        return lambda criteria: criteria.matches_ad(item)
    return None


def announce(item):
    """Send the alerts about a published item; returns the addresses written to."""
    matches = matcher(item)
    if matches is None or not is_public_now(item):
        return []
    portal = api.portal.get()
    if not subscriptions.mark_announced(portal, item.UID()):
        return []
    by_address = {}
    for subscription in subscriptions.confirmed_subscriptions(portal):
        if matches(subscription.criteria):
            by_address.setdefault(subscription.email, []).append(subscription)
    # The item may have moved on publication: link to where it is now.
    current = uuidToObject(item.UID(), unrestricted=True) or item
    place = place_label(item.commune, item.departement, item.region)
    sent = []
    for email, matching in sorted(by_address.items()):
        try:
            mails.send_alert(portal, email, current, place, matching)
        except ConflictError:
            raise
        except Exception:
            logger.exception("Could not send an alert to %s", email)
        else:
            sent.append(email)
    return sent
