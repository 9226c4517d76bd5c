"""Limits on what anonymous visitors may post.

The honeypot is collective.honeypot's: an invisible field added to every form
posted to the site, that a person leaves empty and a robot fills in (the post
is then refused with 403 before any form code runs). This module adds the rate
limit: a number of anonymous posts per hour and per client address, counted in
the memory of each Zope instance (several instances each count their own)."""

from coordaction.policy import _
from coordaction.policy.participation.settings import setting
from plone import api
from zope.component import getMultiAdapter
import threading
import time


WINDOW = 3600  # seconds
TOO_MANY_POSTS = _(
    "Too many requests came from your connection within an hour: try again "
    "a little later."
)


class RateLimiter:
    """Count events per key over a sliding window."""

    def __init__(self, window=WINDOW, clock=time.monotonic):
        self.window = window
        self.clock = clock
        self._events = {}
        self._lock = threading.Lock()

    def allow(self, key, limit):
        """Record one event for ``key``; False when it is over ``limit``
        (the refused event is not counted)."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._events.get(key, ()) if now - t < self.window]
            allowed = len(recent) < limit
            if allowed:
                recent.append(now)
            self._events[key] = recent
            if len(self._events) > 10_000:
                self._forget_old(now)
            return allowed

    def _forget_old(self, now):
        for key in [
            key
            for key, times in self._events.items()
            if not times or now - times[-1] >= self.window
        ]:
            del self._events[key]

    def reset(self):
        with self._lock:
            self._events.clear()


ANONYMOUS_POSTS = RateLimiter()


def client_address(request):
    # getClientAddr trusts X-Forwarded-For only from Zope's trusted proxies.
    return request.getClientAddr() or "unknown"


def anonymous_post_allowed(request):
    """True when the request may go on: an authenticated member, or an anonymous
    visitor under the hourly limit of their address (this post is counted)."""
    if not api.user.is_anonymous():
        return True
    return ANONYMOUS_POSTS.allow(
        client_address(request), setting("anonymous_posts_per_hour")
    )


def public_post_refusal(context, request):
    """Why a public form's POST is refused, as (HTTP status, French message), or
    None: too many posts from this anonymous connection within the hour, or a
    form whose authenticator has expired. Every anonymous post counts, forged
    ones too."""
    if not anonymous_post_allowed(request):
        return 429, TOO_MANY_POSTS
    authenticator = getMultiAdapter((context, request), name="authenticator")
    if not authenticator.verify():
        return 403, _("This form has expired: reload the page, then send it again.")
    return None
