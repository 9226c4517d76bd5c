from plone.app.z3cform.interfaces import IPloneFormLayer
from zope.interface import Attribute
from zope.interface import Interface
from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class ICoordactionLayer(IPloneFormLayer, IDefaultBrowserLayer):
    """Browser layer of the coordaction portal, registered by the policy profile.

    It extends the layer of what it replaces (plone.app.z3cform's templates): a
    registration for a layer wins over another layer's only when its layer is
    more specific (tests/content/test_view_layers.py)."""


class IScheduledTask(Interface):
    """One round of the scheduled job (``@@taches-planifiees``) that a feature
    brings, as a named utility: its name is its key in the job's report. The job
    (participation) runs them without knowing the features."""

    label = Attribute("What it did, in French (a message), for the report")

    def __call__(portal):
        """Do the round; return how many things it did."""


class IPersonalDataKeeper(Interface):
    """A feature that keeps e-mail addresses of the public, as a named utility
    (its name is its key in ``@@donnees-personnelles-admin``): the erasure on
    request (participation) finds and erases what it keeps without knowing it."""

    def kept(portal, email):
        """What is kept of this address (a list)."""

    def forget(portal, email):
        """Erase what is kept of this address; return how many records."""


class IReceipt(Interface):
    """The acknowledgement a submitter receives for an item a form created (an
    adapter of the item's type): the form action sends it instead of its plain one."""

    def message():
        """(subject, body): messages in the site's language."""
