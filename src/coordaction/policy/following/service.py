"""REST: what the caller follows, for an outside client (the same as the button
"Suivre" and *Mes suivis*). Logged-in callers only (anonymous: 401).

GET    /@follows   {"frequency": "weekly", "items": [{"@id", "UID", "title",
                   "@type"}]}: what they follow and may still see
POST   /@follows   {"UID": "..."}: follow a working group, a chantier or a section
                   the caller may see: 201
DELETE /@follows   {"UID": "..."}: stop following it
PATCH  /@follows   {"frequency": "daily" | "weekly"}

A request that cannot be done is a 400 with its French message under ``message``."""

from coordaction.policy import _
from coordaction.policy.following import follows
from coordaction.policy.restapi.json_service import JSONService
from plone import api
from zExceptions import Unauthorized


class FollowsService(JSONService):
    def check_permission(self):
        super().check_permission()
        if api.user.is_anonymous():
            raise Unauthorized("Log in to follow the work.")
        self.user_id = api.user.get_current().getId()

    def payload(self):
        return {
            "@id": f"{api.portal.get().absolute_url()}/@follows",
            "frequency": follows.record_of(self.user_id)["frequency"],
            "items": [
                {
                    "@id": obj.absolute_url(),
                    "UID": obj.UID(),
                    "@type": obj.portal_type,
                    "title": obj.Title(),
                }
                for obj in follows.followed(self.user_id)
            ],
        }

    def target(self):
        uid = self.body().get("UID")
        obj = follows.visible(uid) if isinstance(uid, str) and uid else None
        if obj is None or not follows.is_followable(obj):
            self.refuse(
                _(
                    "Give the “UID” of a working group, a chantier or a section "
                    "that you may see."
                )
            )
        return obj


class FollowsGet(FollowsService):
    def reply(self):
        return self.payload()


class FollowsPost(FollowsService):
    def reply(self):
        follows.follow(self.user_id, self.target())
        self.request.response.setStatus(201)
        return self.payload()


class FollowsDelete(FollowsService):
    def reply(self):
        follows.unfollow(self.user_id, self.target())
        return self.payload()


class FollowsPatch(FollowsService):
    def reply(self):
        frequency = self.body().get("frequency")
        if frequency not in follows.FREQUENCIES:
            self.refuse(_("“frequency” is “daily” or “weekly”."))
        follows.set_frequency(self.user_id, frequency)
        return self.payload()
