"""Failed logins are throttled, per account and per IP address.

Every password check of the portal goes through PAS's authentication plugins: the
login form, plone.restapi's ``@login``, HTTP Basic on any request. The portal's
``source_users`` checks passwords; ``throttled_passwords`` (a PAS plugin of ours,
installed in its place as the IAuthenticationPlugin) asks it only while neither the
account nor the address is waiting:

- after ``ACCOUNT_FAILURES`` failures in a row for one login name (whether or not
  the account exists: the answer is the same), or ``ADDRESS_FAILURES`` from one IP
  address, every attempt is refused, the right password too, for ``FIRST_WAIT``
  seconds; each failure after a wait doubles it (up to ``LONGEST_WAIT``);
- a success resets the account's count (not the address's: a member logging in
  does not clear what the address tried on other accounts);
- a login refused because it waits is refused by every user folder (the root's,
  for the Zope administrator, included);
- behind a proxy, the address is the one the proxy forwards (``trusted-proxy``
  in zope.conf); a request from a trusted proxy that forwards none counts for
  its account only.

A failure counts once the request knows who it serves: the Zope administrator's
password, unknown to the portal, is checked by the root's user folder after ours,
and is no failure.

The counts live in the memory of the process: each instance of a scale-out counts
on its own (an attacker spread over N instances gets N times the attempts), and a
restart forgets them.
"""

from AccessControl.class_init import InitializeClass
from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from dataclasses import dataclass
from plone import api
from plone.rest.interfaces import IAPIRequest
from Products.PluggableAuthService.interfaces.plugins import IAuthenticationPlugin
from Products.PluggableAuthService.plugins.BasePlugin import BasePlugin
from Products.statusmessages.interfaces import IStatusMessage
from zExceptions import Unauthorized
from zope.globalrequest import getRequest
from zope.interface import implementer
from ZPublisher.HTTPRequest import trusted_proxies
import hashlib
import math
import threading
import time


ACCOUNT_FAILURES = 10
ADDRESS_FAILURES = 30
FIRST_WAIT = 60  # seconds
LONGEST_WAIT = 3600
PLUGIN_ID = "throttled_passwords"
PASSWORD_SOURCE = "source_users"
# The request remembers the credentials it has judged: PAS and ``@login`` check the
# same password twice in one request, which must count once.
JUDGED = "coordaction.login_throttle.judged"
WAITING = "coordaction.login_throttle.waiting"
# Logins refused in this request, counted when it knows its user (see count_failures).
REFUSED = "coordaction.login_throttle.refused"
# Logins refused because they wait: another user folder (the root's, for the Zope
# administrator) must not let them in either (see refuse_waiting_logins).
WAITING_LOGINS = "coordaction.login_throttle.waiting_logins"
# Longer logins are no one's: refused without being counted (nor kept in memory).
LONGEST_LOGIN = 256


@dataclass
class Record:
    failures: int = 0
    until: float = 0.0
    last: float = 0.0


# Above this many records, each failure first forgets the stale ones.
PRUNE_ABOVE = 10_000
FORGET_AFTER = 24 * 3600


class LoginThrottle:
    """Failure counts and waits by key (``account:<login>``, ``address:<ip>``)."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.records = {}
        self.lock = threading.Lock()

    def wait(self, keys):
        """Seconds to wait before any of ``keys`` may try again (0: may try)."""
        now = self.clock()
        with self.lock:
            waits = [
                self.records[key].until - now for key in keys if key in self.records
            ]
        return max([0, *waits])

    def failed(self, limits):
        """A failure for each key of ``limits`` (key -> failures allowed)."""
        now = self.clock()
        with self.lock:
            if len(self.records) > PRUNE_ABOVE:
                self.prune(now)
            for key, allowed in limits.items():
                record = self.records.setdefault(key, Record())
                record.failures += 1
                record.last = now
                if record.failures >= allowed:
                    doublings = record.failures - allowed
                    record.until = now + min(
                        FIRST_WAIT * 2 ** min(doublings, 32), LONGEST_WAIT
                    )

    def prune(self, now):
        """Forget the keys whose wait is over and that saw no failure for a day
        (names tried once by a robot, above all)."""
        for key, record in list(self.records.items()):
            if record.until < now and record.last < now - FORGET_AFTER:
                del self.records[key]

    def succeeded(self, keys):
        with self.lock:
            for key in keys:
                self.records.pop(key, None)

    def reset(self):
        with self.lock:
            self.records.clear()


THROTTLE = LoginThrottle()


def account_key(login):
    """The account's key: a digest, so that the memory kept per name tried is small."""
    digest = hashlib.sha256(login.strip().lower().encode("utf-8")).hexdigest()
    return f"account:{digest}"


def limits_for(login, request):
    limits = {account_key(login): ACCOUNT_FAILURES}
    address = request.getClientAddr() if request is not None else None
    # Behind a proxy that does not say who its client is, every visitor would
    # share the proxy's address: one limit for all. Count accounts only then.
    if address and address not in trusted_proxies:
        limits[f"address:{address}"] = ADDRESS_FAILURES
    return limits


def request_other(request):
    return request.other if request is not None else {}


def refuse_waiting_logins(event):
    """IPubAfterTraversal: a login refused because it waits is refused whoever
    else would let it in (the root's user folder checks the Zope administrator's
    password after ours): without this, that password could be guessed through
    HTTP Basic at full speed."""
    waiting = event.request.other.get(WAITING_LOGINS)
    if not waiting:
        return
    user = event.request.get("AUTHENTICATED_USER")
    served = (user.getUserName() or "").strip().lower() if user is not None else ""
    if served in waiting:
        raise Unauthorized(waiting_message(event.request.other.get(WAITING, 60)))


def count_failures(event):
    """IPubAfterTraversal, IPubBeforeCommit, IPubBeforeAbort: the logins refused
    so far count as failures, unless the request's user has that login after all
    (the Zope administrator, known to the root's user folder only)."""
    refused = event.request.other.pop(REFUSED, None)
    if not refused:
        return
    user = event.request.get("AUTHENTICATED_USER")
    served = (user.getUserName() or "").lower() if user is not None else ""
    for login, limits in refused.items():
        if login.strip().lower() != served:
            THROTTLE.failed(limits)


def waiting_message(seconds):
    return in_request_language(
        _(
            "Too many login attempts failed for this user name or from your "
            "address. Try again in ${minutes} minute(s).",
            mapping={"minutes": max(1, math.ceil(seconds / 60))},
        )
    )


def was_judged(request, login):
    return any(
        judged == login for judged, _hash in request_other(request).get(JUDGED, ())
    )


def waiting_seconds(request):
    """Seconds a refused login of ``request`` must wait, or None."""
    return request.other.get(WAITING) if request is not None else None


@implementer(IAuthenticationPlugin)
class ThrottledPasswordCheck(BasePlugin):
    """Checks passwords with ``source_users``, unless the account or the address
    is waiting after too many failures."""

    meta_type = "Coordaction throttled password check"

    def __init__(self, id, title=None):
        self._setId(id)
        self.title = title

    def authenticateCredentials(self, credentials):
        login, password = credentials.get("login"), credentials.get("password")
        if not login or password is None or len(login) > LONGEST_LOGIN:
            return None
        request = getRequest()
        judged = request_other(request).setdefault(JUDGED, {})
        memo = (login, hashlib.sha256(password.encode("utf-8")).hexdigest())
        if memo in judged:
            return judged[memo]
        limits = limits_for(login, request)
        wait = THROTTLE.wait(limits)
        if wait:
            result = None
            self.refuse(request, wait)
            if request is not None:
                request.other.setdefault(WAITING_LOGINS, set()).add(
                    login.strip().lower()
                )
        else:
            source = self._getPAS()._getOb(PASSWORD_SOURCE)
            result = source.authenticateCredentials(credentials)
            if result is None:
                request_other(request).setdefault(REFUSED, {})[login] = limits
            else:
                # The account's count only: a member who logs in does not clear
                # what the address tried on other accounts.
                THROTTLE.succeeded([account_key(login)])
        judged[memo] = result
        return result

    def refuse(self, request, wait):
        if request is None:
            return
        request.other[WAITING] = wait
        request.response.setHeader("Retry-After", str(math.ceil(wait)))
        if not IAPIRequest.providedBy(request) and "__ac_password" in request.form:
            # The login form: it says why, above its own "login failed".
            IStatusMessage(request).add(waiting_message(wait), type="error")


InitializeClass(ThrottledPasswordCheck)


def install_login_throttle(portal=None):
    """Put ``throttled_passwords`` in front of ``source_users`` as the portal's
    password check (``source_users`` keeps its users, it no longer authenticates
    on its own). Can run again."""
    acl_users = (portal or api.portal.get()).acl_users
    if PLUGIN_ID not in acl_users.objectIds():
        acl_users._setObject(PLUGIN_ID, ThrottledPasswordCheck(PLUGIN_ID))
    plugins = acl_users.plugins
    active = [
        plugin_id for plugin_id, _plugin in plugins.listPlugins(IAuthenticationPlugin)
    ]
    if PLUGIN_ID not in active:
        plugins.activatePlugin(IAuthenticationPlugin, PLUGIN_ID)
    plugins.movePluginsTop(IAuthenticationPlugin, [PLUGIN_ID])
    if PASSWORD_SOURCE in active:
        plugins.deactivatePlugin(IAuthenticationPlugin, PASSWORD_SOURCE)


def uninstall_login_throttle(portal=None):
    acl_users = (portal or api.portal.get()).acl_users
    plugins = acl_users.plugins
    active = [
        plugin_id for plugin_id, _plugin in plugins.listPlugins(IAuthenticationPlugin)
    ]
    if PASSWORD_SOURCE not in active and PASSWORD_SOURCE in acl_users.objectIds():
        plugins.activatePlugin(IAuthenticationPlugin, PASSWORD_SOURCE)
    if PLUGIN_ID in acl_users.objectIds():
        if PLUGIN_ID in active:
            plugins.deactivatePlugin(IAuthenticationPlugin, PLUGIN_ID)
        acl_users._delObject(PLUGIN_ID)
