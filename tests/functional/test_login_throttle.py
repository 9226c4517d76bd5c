"""Failed logins are throttled per account and per address, on the login form, on
``@login`` and on HTTP Basic: the right password is refused during the wait, the
message does not tell whether the account exists, a success resets the count."""

from coordaction.policy.security import login_throttle
from coordaction.policy.security.login_throttle import ACCOUNT_FAILURES
from coordaction.policy.security.login_throttle import ADDRESS_FAILURES
from coordaction.policy.security.login_throttle import FIRST_WAIT
from coordaction.policy.security.login_throttle import THROTTLE
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone.base.utils import get_installer
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from tests.http import PASSWORD
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
import unittest


WAIT_MESSAGE = "Trop de tentatives de connexion ont échoué pour cet identifiant"
WRONG = "pas-le-bon-mot-de-passe"


class FakeClock:
    """The throttle's clock, moved by the test (the server shares its memory)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class ThrottleCase(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        make_user("claire")
        commit()
        self.portal_url = self.portal.absolute_url()
        self.clock = FakeClock()
        self.real_clock = THROTTLE.clock
        THROTTLE.clock = self.clock
        THROTTLE.reset()

    def tearDown(self):
        THROTTLE.clock = self.real_clock
        THROTTLE.reset()

    def rest_login(self, login, password):
        return Client(self.portal_url).api(
            "POST", "@login", json={"login": login, "password": password}
        )

    def form_login(self, login, password):
        browser = Client(self.portal_url)
        page = browser.submit(
            "login", {"__ac_name": login, "__ac_password": password}, "buttons.login"
        )
        return browser, page

    def basic_auth(self, login, password):
        return Client(self.portal_url, login, password).get_json("@users/claire")


class TestRestLogin(ThrottleCase):
    def test_thirty_wrong_passwords_then_the_right_one_is_refused_until_the_wait_ends(
        self,
    ):
        answers = [self.rest_login("claire", WRONG) for _ in range(30)]
        self.assertEqual(
            [answer.status_code for answer in answers],
            [401] * (ACCOUNT_FAILURES - 1) + [429] * (31 - ACCOUNT_FAILURES),
        )
        right = self.rest_login("claire", PASSWORD)
        self.assertEqual(right.status_code, 429)
        self.assertIn(WAIT_MESSAGE, right.json()["error"]["message"])
        self.assertNotIn("token", right.json())
        self.assertTrue(int(right.headers["Retry-After"]) > 0)
        self.clock.now += FIRST_WAIT - 1
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 429)
        self.clock.now += 1
        after = self.rest_login("claire", PASSWORD)
        self.assertEqual(after.status_code, 200, after.text)
        self.assertIn("token", after.json())

    def test_the_wait_grows_with_each_failure_after_it(self):
        for _ in range(ACCOUNT_FAILURES):
            self.rest_login("claire", WRONG)
        self.clock.now += FIRST_WAIT
        self.assertEqual(self.rest_login("claire", WRONG).status_code, 429)
        self.clock.now += FIRST_WAIT
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 429)
        self.clock.now += FIRST_WAIT
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)

    def test_a_success_resets_the_count(self):
        for _ in range(ACCOUNT_FAILURES - 1):
            self.assertEqual(self.rest_login("claire", WRONG).status_code, 401)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)
        for _ in range(ACCOUNT_FAILURES - 1):
            self.assertEqual(self.rest_login("claire", WRONG).status_code, 401)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)

    def test_an_unknown_account_gets_the_same_answers(self):
        known = [self.rest_login("claire", WRONG) for _ in range(ACCOUNT_FAILURES + 1)]
        THROTTLE.reset()
        unknown = [
            self.rest_login("personne", WRONG) for _ in range(ACCOUNT_FAILURES + 1)
        ]
        self.assertEqual(
            [(answer.status_code, answer.json()) for answer in known],
            [(answer.status_code, answer.json()) for answer in unknown],
        )

    def test_one_address_trying_many_accounts_waits_too(self):
        for number in range(ADDRESS_FAILURES):
            self.rest_login(f"inconnu-{number}", WRONG)
        refused = self.rest_login("claire", PASSWORD)
        self.assertEqual(refused.status_code, 429)
        self.assertIn(WAIT_MESSAGE, refused.json()["error"]["message"])


class TestLoginForm(ThrottleCase):
    def test_the_login_form_says_to_wait_and_refuses_the_right_password(self):
        for _ in range(ACCOUNT_FAILURES):
            browser, page = self.form_login("claire", WRONG)
            self.assertNotIn("__ac", browser.session.cookies)
        browser, page = self.form_login("claire", PASSWORD)
        self.assertNotIn("__ac", browser.session.cookies)
        self.assertIn(WAIT_MESSAGE, page.text)
        self.clock.now += FIRST_WAIT
        browser, page = self.form_login("claire", PASSWORD)
        self.assertIn("__ac", browser.session.cookies)


class TestBasicAuth(ThrottleCase):
    def test_basic_auth_counts_and_waits_too(self):
        self.assertEqual(self.basic_auth("claire", PASSWORD).status_code, 200)
        for _ in range(ACCOUNT_FAILURES):
            self.assertEqual(self.basic_auth("claire", WRONG).status_code, 401)
        refused = self.basic_auth("claire", PASSWORD)
        self.assertEqual(refused.status_code, 401)
        self.assertTrue(int(refused.headers["Retry-After"]) > 0)
        self.clock.now += FIRST_WAIT
        self.assertEqual(self.basic_auth("claire", PASSWORD).status_code, 200)

    def test_the_zope_administrator_is_no_failure(self):
        site_owner = admin(self.portal_url)
        for _ in range(ADDRESS_FAILURES + 1):
            self.assertEqual(site_owner.get_json("@users/claire").status_code, 200)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)

    def test_the_zope_administrators_password_cannot_be_guessed_either(self):
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        for _ in range(ACCOUNT_FAILURES):
            self.basic_auth(SITE_OWNER_NAME, "devine-moi")
        # Waiting: the root's user folder knows this password, but the
        # portal refuses the login all the same.
        response = self.basic_auth(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.assertEqual(response.status_code, 401)
        self.clock.now += FIRST_WAIT
        response = self.basic_auth(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        self.assertEqual(response.status_code, 200)

    def test_a_member_logging_in_does_not_clear_the_address(self):
        for number in range(ADDRESS_FAILURES - 1):
            self.rest_login(f"inconnu{number}", WRONG)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)
        self.rest_login("encore-un-autre", WRONG)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 429)


class TestInstallation(ThrottleCase):
    def authenticators(self):
        plugins = self.portal.acl_users.plugins
        return [
            plugin_id for plugin_id, _ in plugins.listPlugins(IAuthenticationPlugin)
        ]

    def test_installing_the_policy_on_a_plone_site_throttles_its_logins(self):
        installer = get_installer(self.portal, self.layer["request"])
        installer.uninstall_product("coordaction.policy")
        self.assertIn("source_users", self.authenticators())
        installer.install_product("coordaction.policy")
        self.assertEqual(self.authenticators()[0], login_throttle.PLUGIN_ID)
        self.assertNotIn("source_users", self.authenticators())
        commit()
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 200)
        for _ in range(ACCOUNT_FAILURES):
            self.rest_login("claire", WRONG)
        self.assertEqual(self.rest_login("claire", PASSWORD).status_code, 429)
