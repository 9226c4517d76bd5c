"""Outgoing mail settings come from the environment, never from the code."""

from coordaction.policy.mailqueue.settings import MAIL_DEFAULTS
from coordaction.policy.mailqueue.settings import MAIL_ENVIRONMENT
from coordaction.policy.mailqueue.settings import configure_mail_from_environment
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
import os
import unittest


RECORDS = [record for record, _cast in MAIL_ENVIRONMENT.values()]


def mail_settings():
    return {record: api.portal.get_registry_record(record) for record in RECORDS}


class TestMailFromEnvironment(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]

    def test_environment_sets_every_mail_record(self):
        changed = configure_mail_from_environment(
            {
                "COORDACTION_SMTP_HOST": "smtp.example.org",
                "COORDACTION_SMTP_PORT": "587",
                "COORDACTION_SMTP_USER": "portail",
                "COORDACTION_SMTP_PASSWORD": "s3cret",
                "COORDACTION_MAIL_FROM": "contact@habitat-participatif.example",
                "COORDACTION_MAIL_FROM_NAME": "Coordin'action des associations",
            }
        )
        self.assertEqual(
            mail_settings(),
            {
                "plone.smtp_host": "smtp.example.org",
                "plone.smtp_port": 587,
                "plone.smtp_userid": "portail",
                "plone.smtp_pass": "s3cret",
                "plone.email_from_address": "contact@habitat-participatif.example",
                "plone.email_from_name": "Coordin'action des associations",
            },
        )
        self.assertIsInstance(api.portal.get_registry_record("plone.smtp_port"), int)
        self.assertEqual(sorted(changed), sorted(RECORDS))

    def test_values_are_stripped(self):
        configure_mail_from_environment(
            {
                "COORDACTION_SMTP_HOST": "  smtp.example.org\n",
                "COORDACTION_SMTP_PORT": " 465 ",
            }
        )
        self.assertEqual(
            api.portal.get_registry_record("plone.smtp_host"), "smtp.example.org"
        )
        self.assertEqual(api.portal.get_registry_record("plone.smtp_port"), 465)

    def test_running_twice_changes_nothing_the_second_time(self):
        environ = {"COORDACTION_SMTP_HOST": "smtp.example.org"}
        self.assertEqual(configure_mail_from_environment(environ), ["plone.smtp_host"])
        self.assertEqual(configure_mail_from_environment(environ), [])

    def test_empty_environment_keeps_existing_values(self):
        configure_mail_from_environment(
            {
                "COORDACTION_SMTP_HOST": "smtp.example.org",
                "COORDACTION_SMTP_PORT": "2525",
                "COORDACTION_SMTP_USER": "portail",
                "COORDACTION_SMTP_PASSWORD": "s3cret",
                "COORDACTION_MAIL_FROM": "contact@habitat-participatif.example",
                "COORDACTION_MAIL_FROM_NAME": "La Coordin'action",
            }
        )
        before = mail_settings()
        self.assertEqual(configure_mail_from_environment({}), [])
        self.assertEqual(mail_settings(), before)

    def test_blank_variables_keep_existing_values(self):
        configure_mail_from_environment({"COORDACTION_SMTP_HOST": "smtp.example.org"})
        before = mail_settings()
        self.assertEqual(
            configure_mail_from_environment(
                {"COORDACTION_SMTP_HOST": "", "COORDACTION_SMTP_PORT": "   "}
            ),
            [],
        )
        self.assertEqual(mail_settings(), before)

    def test_empty_sender_gets_the_local_default(self):
        api.portal.set_registry_record("plone.email_from_address", "")
        changed = configure_mail_from_environment({})
        self.assertEqual(changed, ["plone.email_from_address"])
        self.assertEqual(
            api.portal.get_registry_record("plone.email_from_address"),
            MAIL_DEFAULTS["plone.email_from_address"],
        )

    def test_non_numeric_port_is_refused_in_french_and_changes_nothing(self):
        before = mail_settings()
        with self.assertRaises(ValueError) as raised:
            configure_mail_from_environment(
                {
                    # Read before the port: must not be written either.
                    "COORDACTION_SMTP_HOST": "smtp.example.org",
                    "COORDACTION_SMTP_PORT": "vingt-cinq",
                    "COORDACTION_MAIL_FROM": "contact@habitat-participatif.example",
                }
            )
        message = str(raised.exception)
        self.assertIn("COORDACTION_SMTP_PORT", message)
        self.assertIn("La variable d'environnement", message)
        self.assertIn("invalide", message)
        self.assertIn("vingt-cinq", message)
        self.assertEqual(mail_settings(), before)


class TestMailAfterInstall(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def test_plone_can_send_mail(self):
        # Plone refuses to send mail (password reset, contact form) without a sender.
        self.assertTrue(api.portal.get_registry_record("plone.email_from_address"))
        self.assertTrue(api.portal.get_registry_record("plone.email_from_name"))
        self.assertTrue(api.portal.get_registry_record("plone.smtp_host"))
        self.assertIsInstance(api.portal.get_registry_record("plone.smtp_port"), int)

    @unittest.skipIf(
        os.environ.get("COORDACTION_MAIL_FROM", "").strip()
        or os.environ.get("COORDACTION_MAIL_FROM_NAME", "").strip(),
        "the environment sets the sender",
    )
    def test_default_sender_is_the_local_one(self):
        self.assertEqual(
            api.portal.get_registry_record("plone.email_from_address"),
            "noreply@coordaction.localhost",
        )
        self.assertEqual(
            api.portal.get_registry_record("plone.email_from_name"), "Coordin'action"
        )
