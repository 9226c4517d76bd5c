"""What the portal registers for its browser layers in place of an add-on's (a
view, a widget's template) wins on every site. A registration for a browser layer
is preferred to another layer's only when its layer is more specific, not by the
order in which a site's layers mark the request: on a site made by ``make start``
plone.app.contenttypes' image view won over the portal's (it wrote "5.1 KB", and
no credit nor licence), and plone.app.z3cform's consent checkbox said "Required",
while the test site's order hid both. So each layer of the portal extends the
layers of what it replaces."""

from coordaction.content.interfaces import ICoordactionContentLayer
from coordaction.policy.interfaces import ICoordactionLayer
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from coordaction.workflows.interfaces import ICoordactionWorkflowsLayer
from plone.browserlayer.utils import registered_layers
from zope.component import getGlobalSiteManager
from zope.publisher.interfaces.browser import IDefaultBrowserLayer
import unittest


OURS = (ICoordactionContentLayer, ICoordactionWorkflowsLayer, ICoordactionLayer)


def registries(registry):
    """``registry`` and those it stacks on (the test layers stack theirs)."""
    yield registry
    for base in registry.__bases__:
        yield from registries(base)


def replaced(ours, theirs, site_layers):
    """The add-on's layer that ``ours`` replaces in ``theirs``, or None: the
    same name and provided interface, for the rest at least as specific, and a
    layer that marks every request of the site (not a marker of some requests)."""
    if (ours.name, ours.provided) != (theirs.name, theirs.provided):
        return None
    if len(ours.required) != len(theirs.required):
        return None
    layer = None
    for mine, other in zip(ours.required, theirs.required, strict=True):
        if mine in OURS and other not in OURS and other is not IDefaultBrowserLayer:
            if not any(layer.isOrExtends(other) for layer in site_layers):
                return None
            layer = other
        elif not mine.isOrExtends(other):
            return None
    return layer


class TestLayers(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_what_the_portal_replaces_is_replaced_on_every_site(self):
        adapters = [
            registration
            for registry in registries(getGlobalSiteManager())
            for registration in registry.registeredAdapters()
        ]
        site_layers = registered_layers()
        found = []
        for ours in adapters:
            our_layers = [layer for layer in ours.required if layer in OURS]
            if not our_layers:
                continue
            for theirs in adapters:
                their_layer = replaced(ours, theirs, site_layers)
                if their_layer is None:
                    continue
                found.append((ours.name, their_layer.__identifier__))
                with self.subTest(name=ours.name, layer=their_layer):
                    self.assertTrue(our_layers[0].isOrExtends(their_layer))
        # What the portal replaces today (the test would pass on nothing).
        for expected in (
            (
                "image_view",
                "plone.app.contenttypes.interfaces.IPloneAppContenttypesLayer",
            ),
            ("event_summary", "plone.app.event.interfaces.IBrowserLayer"),
            ("input", "plone.app.z3cform.interfaces.IPloneFormLayer"),
        ):
            self.assertIn(expected, found)
