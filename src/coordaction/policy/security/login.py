"""POST @login, throttled: plone.restapi's login, which answers 429 with a French
message while the account or the address waits after too many failures (see
``login_throttle``), whether the account exists or not."""

from coordaction.policy.security.login_throttle import THROTTLE
from coordaction.policy.security.login_throttle import limits_for
from coordaction.policy.security.login_throttle import waiting_message
from coordaction.policy.security.login_throttle import waiting_seconds
from coordaction.policy.security.login_throttle import was_judged
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.auth.login import Login
import math


class ThrottledLogin(Login):
    def reply(self):
        try:
            data = json_body(self.request)
        except DeserializationError:
            data = None
        login = data.get("login") if isinstance(data, dict) else None
        if not isinstance(login, str) or not login:
            return super().reply()
        limits = limits_for(login, self.request)
        wait = waiting_seconds(self.request) or THROTTLE.wait(limits)
        if wait:
            return self.too_many_attempts(wait)
        answer = super().reply()
        if self.request.response.getStatus() == 401 and not was_judged(
            self.request, login
        ):
            # Checked by a user folder above the portal's (an unknown account):
            # it counts as ours would, so that the answers do not tell them apart.
            THROTTLE.failed(limits)
        wait = waiting_seconds(self.request)
        return self.too_many_attempts(wait) if wait else answer

    def too_many_attempts(self, wait):
        self.request.response.setStatus(429)
        self.request.response.setHeader("Retry-After", str(math.ceil(wait)))
        return {
            "error": {
                "type": "Too many attempts",
                "message": waiting_message(wait),
            }
        }
