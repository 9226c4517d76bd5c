"""Test layers of the coordaction portal.

- ``COORDACTION_INTEGRATION_TESTING``: a Plone site with ``coordaction.policy:default``
  installed, in-process (fast; for API-level tests).
- ``COORDACTION_FUNCTIONAL_TESTING``: the same site served by a real WSGI server
  (waitress) on localhost, for tests that speak HTTP like a browser or an API client.
- ``COORDACTION_ACCEPTANCE_TESTING``: the same server, for the browser tests in
  headless Chromium.

Every layer shares one fixture, so the site is built once per test run.
"""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing.zope import WSGI_SERVER_FIXTURE
from Products.CMFPlone.tests.utils import MockMailHost
import os


# Compile the French .po files when the ZCML registers them, as a real instance
# does with the same variable in its zope.conf.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


# Every message "sent" in this process: the tests and the WSGI server's threads
# see the same list, whatever their database connection.
SENT_MAIL = []


class KeptMailHost(MockMailHost):
    """Plone's mock mail host, keeping the messages in SENT_MAIL."""

    @property
    def messages(self):
        return SENT_MAIL

    def reset(self):
        SENT_MAIL.clear()


class CoordactionLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import coordaction.policy

        self.loadZCML(package=coordaction.policy)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coordaction.policy:default")
        # Mail is kept in portal.MailHost.messages instead of being sent.
        from Products.MailHost.interfaces import IMailHost
        from zope.component import getSiteManager

        portal.MailHost = mailhost = KeptMailHost("MailHost")
        site_manager = getSiteManager(context=portal)
        site_manager.unregisterUtility(provided=IMailHost)
        site_manager.registerUtility(mailhost, provided=IMailHost)


COORDACTION_FIXTURE = CoordactionLayer()

COORDACTION_INTEGRATION_TESTING = IntegrationTesting(
    bases=(COORDACTION_FIXTURE,),
    name="CoordactionLayer:IntegrationTesting",
)

COORDACTION_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(COORDACTION_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoordactionLayer:FunctionalTesting",
)

COORDACTION_ACCEPTANCE_TESTING = FunctionalTesting(
    bases=(COORDACTION_FIXTURE, WSGI_SERVER_FIXTURE),
    name="CoordactionLayer:AcceptanceTesting",
)
