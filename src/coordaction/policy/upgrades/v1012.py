"""1012: failed logins are throttled (the ``throttled_passwords`` PAS plugin checks
passwords in front of ``source_users``)."""

from coordaction.policy.security.login_throttle import install_login_throttle


def throttle_failed_logins(context):
    install_login_throttle()
