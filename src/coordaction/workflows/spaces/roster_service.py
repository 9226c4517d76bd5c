"""REST: the roster of a working-group space.

Access is the permission of each service's registration (coordaction.ManageRoster,
coordaction.AskToJoin), checked by plone.rest before ``reply``; a request it cannot
do raises ``BadRequest`` (400, its French message under ``message``).

GET    /<space>/@roster                      members, coordinators, requests
POST   /<space>/@roster    {"user": "login or e-mail", "coordinator": false}
PATCH  /<space>/@roster    {"user": "id", "coordinator": true}
DELETE /<space>/@roster    {"user": "id"}
POST   /<space>/@join-request  {"message": "…"}   a network member asks to join
"""

from coordaction.workflows.spaces.roster import RosterError
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from plone import api
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides
import plone.protect.interfaces


class RosterService(Service):
    def roster(self):
        return WorkingGroupRoster(self.context)

    def payload(self):
        return {
            "@id": f"{self.context.absolute_url()}/@roster",
            "items": self.roster().people(),
            "requests": self.roster().requests(),
        }

    def body(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request)
        if not isinstance(data, dict) or not isinstance(data.get("user"), str):
            return None
        return data


class RosterGet(RosterService):
    def reply(self):
        return self.payload()


class RosterPost(RosterService):
    def reply(self):
        data = self.body()
        if data is None:
            raise BadRequest(
                "Indiquez « user » : un identifiant ou une adresse électronique."
            )
        try:
            self.roster().add(data["user"], coordinator=bool(data.get("coordinator")))
        except RosterError as error:
            raise BadRequest(str(error)) from None
        self.request.response.setStatus(201)
        return self.payload()


class RosterPatch(RosterService):
    def reply(self):
        data = self.body()
        if data is None or not isinstance(data.get("coordinator"), bool):
            raise BadRequest("Indiquez « user » et « coordinator » (true ou false).")
        try:
            self.roster().set_coordinator(data["user"], data["coordinator"])
        except RosterError as error:
            raise BadRequest(str(error)) from None
        return self.payload()


class RosterDelete(RosterService):
    def reply(self):
        data = self.body()
        if data is None:
            raise BadRequest("Indiquez « user » : l'identifiant à retirer.")
        try:
            self.roster().remove(data["user"])
        except RosterError as error:
            raise BadRequest(str(error)) from None
        return self.payload()


class JoinRequestPost(RosterService):
    def reply(self):
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request) if self.request.get("BODY") else {}
        message = data.get("message", "") if isinstance(data, dict) else ""
        if not isinstance(message, str):
            raise BadRequest("« message » est un texte.")
        roster = self.roster()
        try:
            roster.request_to_join(api.user.get_current().getId(), message)
        except RosterError as error:
            raise BadRequest(str(error)) from None
        if roster.joins_at_once():
            self.request.response.setStatus(201)
            return {"message": "Vous êtes membre du groupe.", "member": True}
        self.request.response.setStatus(202)
        return {
            "message": "Votre demande est envoyée aux coordinateurs du groupe.",
            "member": False,
        }
