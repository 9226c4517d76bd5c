"""Test layers of the coordaction portal.

- ``COORDACTION_INTEGRATION_TESTING``: a Plone site with ``coordaction.policy:default``
  installed, in-process (fast; for API-level tests).
- ``COORDACTION_FUNCTIONAL_TESTING``: the same site served by a real WSGI server
  (waitress) on localhost, for tests that speak HTTP like a browser or an API client.
- ``COORDACTION_ACCEPTANCE_TESTING``: the same server, for the browser tests in
  headless Chromium.

Every layer shares one fixture, so the site is built once per test run. Mail goes
the way it goes in production: into the queue (a temporary folder), then, sent by
the queue processor, to a real SMTP server on a free port (``SMTP_SERVER``), where
the tests read it (``tests/mailbox.py``).
"""

from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import applyProfile
from plone.testing import Layer
from plone.testing import zca
from plone.testing.zope import WSGI_SERVER_FIXTURE
import coordaction.policy
import os
import shutil
import tempfile


# Compile the French .po files when the ZCML registers them, as a real instance
# does with the same variable in its zope.conf.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


# The queue processor of the tests: quick passes, quick retries, a short patience.
TEST_QUEUE_OPTIONS = {"interval": 0.05, "first_retry": 0.5, "smtp_timeout": 2}


class SMTPServerLayer(Layer):
    """A real SMTP server (aiosmtpd) on a free port, and a mail queue folder; the
    site is told of both through the environment, as ``make start`` does. The
    letter's sending job is the tests' to run (``newsletter.sender.send_letters``)."""

    def setUp(self):
        from coordaction.policy.mailqueue.catcher import MailCatcher

        self["smtp"] = MailCatcher().start()
        self["mail_queue"] = tempfile.mkdtemp(prefix="coordaction-mailqueue-")
        self._environ = {
            name: os.environ.get(name)
            for name in (
                "COORDACTION_MAIL_QUEUE",
                "COORDACTION_SMTP_HOST",
                "COORDACTION_SMTP_PORT",
                "COORDACTION_LETTER_SENDER",
            )
        }
        os.environ["COORDACTION_MAIL_QUEUE"] = self["mail_queue"]
        os.environ["COORDACTION_SMTP_HOST"] = self["smtp"].host
        os.environ["COORDACTION_SMTP_PORT"] = str(self["smtp"].port)
        # The tests run the letter's sending job themselves, on their database.
        os.environ["COORDACTION_LETTER_SENDER"] = "0"

    def tearDown(self):
        from Products.MailHost.MailHost import queue_threads

        for key in list(queue_threads):
            if key.startswith(os.path.realpath(self["mail_queue"])):
                queue_threads.pop(key).stop()
        self["smtp"].stop()
        shutil.rmtree(self["mail_queue"], ignore_errors=True)
        for name, value in self._environ.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


SMTP_SERVER = SMTPServerLayer()


class CoordactionLayer(PloneSandboxLayer):
    defaultBases = (SMTP_SERVER, PLONE_FIXTURE)

    def setUpZope(self, app, configurationContext):
        import coordaction.policy

        self.loadZCML(package=coordaction.policy)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "coordaction.policy:default")
        portal.MailHost._startQueueProcessorThread(**TEST_QUEUE_OPTIONS)


COORDACTION_FIXTURE = CoordactionLayer()

# The message catalogues alone, for unit tests of messages: msgids are English, the
# French a person reads comes from the French catalogue (the site's language).
TRANSLATIONS = zca.ZCMLSandbox(
    filename="translations.zcml",
    package=coordaction.policy,
    name="CoordactionTranslations",
)

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
