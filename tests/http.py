"""HTTP helpers for tests on the functional layer (a real WSGI server)."""

from coordaction.policy.participation.antispam import ANONYMOUS_POSTS
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests import mailbox
import lxml.html
import re
import requests
import transaction
import unittest


PASSWORD = "mot-de-passe-de-test-1"


class Client:
    """A requests session speaking to the test server, as anonymous or as a user."""

    def __init__(self, portal_url, login=None, password=PASSWORD):
        self.portal_url = portal_url
        self.session = requests.Session()
        if login:
            self.session.auth = (login, password)

    def url(self, path=""):
        if path.startswith("http"):
            return path
        return f"{self.portal_url}/{path}".rstrip("/")

    def page(self, path="", **kwargs):
        return self.session.get(self.url(path), timeout=60, **kwargs)

    def api(self, method, path="", **kwargs):
        headers = {"Accept": "application/json", **kwargs.pop("headers", {})}
        return self.session.request(
            method, self.url(path), headers=headers, timeout=60, **kwargs
        )

    def get_json(self, path=""):
        return self.api("GET", path)

    def submit(self, path, fields, button):
        """Post the HTML form of the page at ``path`` that has ``button``, as a
        browser would: its hidden inputs (CSRF token, honeypot...) as served,
        then ``fields`` (a list value repeats the field)."""
        page = self.page(path)
        page.raise_for_status()
        document = lxml.html.fromstring(page.text, base_url=page.url)
        form = document.xpath(f'//form[.//*[@name="{button}"]]')[0]
        data = [
            (field.name, field.value or "")
            for field in form.inputs
            if field.name and getattr(field, "type", "") == "hidden"
        ]
        for name, value in fields.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            data.extend((name, item) for item in values)
        data.append((button, "1"))
        action = form.action or page.url
        return self.session.post(action, data=data, timeout=60)

    def save_unchanged(self, path, button="form.buttons.save"):
        """Open the form of the page at ``path`` that has ``button`` and post it
        back as a browser does when nobody touches a field: every value as served
        (text, dates, selected options, ticked boxes, hidden inputs)."""
        page = self.page(path)
        page.raise_for_status()
        document = lxml.html.fromstring(page.text, base_url=page.url)
        form = document.xpath(f'//form[.//*[@name="{button}"]]')[0]
        data = [*form.form_values(), (button, "1")]
        return self.session.post(form.action or page.url, data=data, timeout=60)


def authenticator(html):
    """The CSRF token (plone.protect) of a page's forms."""
    return re.search(r'name="_authenticator"[^>]*value="([^"]+)"', html)[1]


def admin(portal_url):
    return Client(portal_url, SITE_OWNER_NAME, SITE_OWNER_PASSWORD)


def make_user(login, roles=("Member",), groups=()):
    user = api.user.create(
        email=f"{login}@example.org", username=login, password=PASSWORD, roles=roles
    )
    for group in groups:
        api.group.add_user(groupname=group, username=login)
    return user


def as_manager(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])


def commit():
    transaction.commit()


class SiteTestCase(unittest.TestCase):
    """A test through the test server. ``setUp``, as a Manager, makes the ``users``
    ({login: the keywords of make_user}) and what ``build`` adds, commits, and
    opens ``self.anonymous``; ``self.signed_in(login)`` is a user's client."""

    layer = COORDACTION_FUNCTIONAL_TESTING
    users = {}

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        for login, user in self.users.items():
            make_user(login, **user)
        self.build()
        commit()
        self.url = self.portal.absolute_url()
        self.anonymous = Client(self.url)

    def build(self):
        """Add what the tests need, before the commit."""

    def signed_in(self, login):
        return Client(self.url, login)


class VisitorTestCase(SiteTestCase):
    """A visitor (``self.visitor``) at the public forms, and a reviewer: the test
    mailbox and the limit of anonymous posts start empty."""

    users = {"relectrice": {"groups": ("Reviewers",)}}

    def build(self):
        mailbox.reset()
        ANONYMOUS_POSTS.reset()

    def setUp(self):
        super().setUp()
        self.visitor = self.anonymous


def proposed_resource(client, title="Habiter ensemble"):
    """A resource ``client`` creates in the resource centre over REST, as a
    contributor does: its address (a draft)."""
    response = client.api(
        "POST",
        "centre-de-ressources",
        json={"@type": "Resource", "title": title, "resource_kind": "guide"},
    )
    return response.json()["@id"]
