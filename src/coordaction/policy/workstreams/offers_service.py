"""REST: the offers of help on a chantier, for an outside client.

GET    /<chantier>/@offers   its contributors (names), the caller's own offer, and
                             for its carriers every offer (with the addresses)
POST   /<chantier>/@offers   {"skills": [...], "availability": "", "message": ""}
                             the caller (logged in) offers to help: 201
DELETE /<chantier>/@offers   the caller takes back their offer (or leaves)
PATCH  /<chantier>/@offers   {"user": "id", "state": "accepted" | "declined"}
                             a carrier answers (permission coordaction.ManageWorkstream)

A request that cannot be done is a 400 with its French message under ``message``;
anonymous callers of POST get a 401."""

from coordaction.policy import _
from coordaction.policy.restapi.json_service import JSONService
from coordaction.policy.site.members import current_user_id
from coordaction.policy.workstreams.carriers import may_manage
from coordaction.policy.workstreams.offers import ACCEPTED
from coordaction.policy.workstreams.offers import DECLINED
from coordaction.policy.workstreams.offers import OfferError
from coordaction.policy.workstreams.offers import WorkstreamOffers
from coordaction.workflows.spaces.roster import person
from plone.restapi.serializer.converters import json_compatible
from zExceptions import Unauthorized


def _offer_json(record, with_email):
    who = person(record["user_id"])
    return {
        "user": record["user_id"],
        "fullname": who["fullname"],
        **({"email": who["email"]} if with_email else {}),
        "skills": record["skills"],
        "availability": record["availability"],
        "message": record["message"],
        "state": record["state"],
        "offered": json_compatible(record["offered"]),
        "answered": json_compatible(record["answered"]),
    }


class OffersService(JSONService):
    def offers(self):
        return WorkstreamOffers(self.context)

    def payload(self):
        offers = self.offers()
        user_id = current_user_id()
        mine = offers.get(user_id) if user_id else None
        payload = {
            "@id": f"{self.context.absolute_url()}/@offers",
            "contributors": sorted(
                (person(user_id)["fullname"] for user_id in offers.contributor_ids()),
                key=str.lower,
            ),
            "mine": _offer_json(mine, with_email=True) if mine else None,
        }
        if may_manage(self.context):
            payload["items"] = [
                _offer_json(record, with_email=True) for record in offers.all()
            ]
        return payload


class OffersGet(OffersService):
    def reply(self):
        return self.payload()


class OffersPost(OffersService):
    def reply(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("Log in to offer your help.")
        data = self.body()
        skills = data.get("skills")
        if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
            self.refuse(_("“skills” is a list of skills of the portal's list."))
        for name in ("availability", "message"):
            if data.get(name) is not None and not isinstance(data[name], str):
                self.refuse(_("“${name}” is a text.", mapping={"name": name}))
        try:
            self.offers().offer(
                user_id, skills, data.get("availability"), data.get("message")
            )
        except OfferError as error:
            self.refuse(error.message)
        self.request.response.setStatus(201)
        return self.payload()


class OffersDelete(OffersService):
    def reply(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("Log in to withdraw your offer.")
        if not self.offers().withdraw(user_id):
            self.refuse(_("You have no offer on this chantier."))
        return self.payload()


class OffersPatch(OffersService):
    def reply(self):
        data = self.body()
        state = data.get("state")
        if not isinstance(data.get("user"), str) or state not in (ACCEPTED, DECLINED):
            self.refuse(_("Give “user” and “state” (“accepted” or “declined”)."))
        try:
            self.offers().answer(data["user"], accepted=state == ACCEPTED)
        except OfferError as error:
            self.refuse(error.message)
        return self.payload()
