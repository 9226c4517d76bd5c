"""What the letter keeps of the public, offered to the portal's common rounds:
its unconfirmed subscriptions are purged by the scheduled job, and an address's
subscription is found and erased with the rest of its personal data."""

from coordaction.policy import _
from coordaction.policy.interfaces import IPersonalDataKeeper
from coordaction.policy.interfaces import IScheduledTask
from coordaction.policy.newsletter import subscribers
from zope.interface import implementer


@implementer(IScheduledTask)
class PurgeUnconfirmedSubscribers:
    label = _("Unconfirmed letter subscriptions deleted")

    def __call__(self, portal):
        return subscribers.purge_unconfirmed()


@implementer(IPersonalDataKeeper)
class LetterSubscribers:
    def kept(self, portal, email):
        found = subscribers.of_address(email)
        return [found[1]] if found else []

    def forget(self, portal, email):
        return subscribers.forget_address(email)
