"""The test layers of the suite, made by one factory.

``COORDACTION_FIXTURE`` (``coordaction.policy.testing``) is the portal as
installed: a Plone site with ``coordaction.policy:default``, a real SMTP server
and a mail queue. ``content_layers(name, build)`` puts known content on top of
it, built once per layer by ``build(portal)`` (as a Manager; indexed before the
layer commits it into its own DemoStorage), and returns the layers that test
that content:

- ``integration``: in-process, each test in a transaction rolled back after it;
- ``functional``: served by a real WSGI server on a free port, each test on its
  own DemoStorage (what a test commits is gone for the next one);
- ``browser``: the same, plus one headless Chromium for the whole layer (each
  test opens its own context in it: no cookies shared between tests).

``build`` may return a dict: its items become resources of the layer
(``self.layer["months"]``). Layers of the same content may be stacked:
``content_layers(name, build, base=OTHER.fixture)``.
"""

from collections import namedtuple
from coordaction.policy.testing import COORDACTION_FIXTURE
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFCore.indexing import processQueue
from tests.acceptance.browser import CHROMIUM_FIXTURE
import sys


ContentLayers = namedtuple("ContentLayers", "fixture integration functional browser")


class ContentLayer(PloneSandboxLayer):
    """The portal plus what ``build`` adds to it, committed once for the layer."""

    def __init__(self, build, bases, name, module):
        super().__init__(bases=bases, name=name, module=module)
        self.build = build

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        resources = self.build(portal) or {}
        # Index now, while the portal is the active site: the queue left for the
        # layer's commit would be processed outside of it (no portal_transforms,
        # no api.portal), the commit would fail and the layer be silently empty.
        processQueue()
        login(portal, TEST_USER_NAME)
        setRoles(portal, TEST_USER_ID, ["Member"])
        for key, value in resources.items():
            self[key] = value


def content_layers(name, build, base=COORDACTION_FIXTURE):
    """The fixture ``name`` (``base`` plus what ``build(portal)`` adds) and its
    integration, functional and browser layers."""
    module = sys._getframe(1).f_globals["__name__"]
    fixture = ContentLayer(build, bases=(base,), name=name, module=module)
    return ContentLayers(
        fixture=fixture,
        integration=IntegrationTesting(
            bases=(fixture,), name=f"{name}:IntegrationTesting", module=module
        ),
        functional=FunctionalTesting(
            bases=(fixture, WSGI_SERVER_FIXTURE),
            name=f"{name}:FunctionalTesting",
            module=module,
        ),
        browser=FunctionalTesting(
            bases=(fixture, WSGI_SERVER_FIXTURE, CHROMIUM_FIXTURE),
            name=f"{name}:BrowserTesting",
            module=module,
        ),
    )
