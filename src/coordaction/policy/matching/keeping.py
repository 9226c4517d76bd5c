"""What the Mise en lien keeps of the public, offered to the portal's common
rounds: its unconfirmed alerts are purged by the scheduled job, and an address's
alerts are found and erased with the rest of its personal data."""

from coordaction.policy import _
from coordaction.policy.interfaces import IPersonalDataKeeper
from coordaction.policy.interfaces import IScheduledTask
from coordaction.policy.matching.subscriptions import forget_address
from coordaction.policy.matching.subscriptions import purge_unconfirmed
from coordaction.policy.matching.subscriptions import subscriptions_of
from zope.interface import implementer


@implementer(IScheduledTask)
class PurgeUnconfirmedAlerts:
    label = _("Unconfirmed alerts deleted")

    def __call__(self, portal):
        return purge_unconfirmed(portal)


@implementer(IPersonalDataKeeper)
class AlertSubscriptions:
    def kept(self, portal, email):
        return subscriptions_of(portal, email)

    def forget(self, portal, email):
        return forget_address(portal, email)
