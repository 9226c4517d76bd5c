"""The pages of a chantier: the chantier itself (what is needed, the skills wanted,
who carries it, its contributors; for its carriers, the offers to answer), the
form "Je peux contribuer" (``@@je-peux-contribuer``), the carriers' answer to an
offer (``@@repondre-offre``) and their change of status (``@@statut-chantier``)."""

from coordaction.content.browser.views import ContentView
from coordaction.content.content.workstream import COMPLETED
from coordaction.content.dates import date_text
from coordaction.content.dates import local_day
from coordaction.content.relations import readable_relations
from coordaction.content.relations import readable_target
from coordaction.policy import _
from coordaction.policy.meetings.pages import multiline
from coordaction.policy.site.members import current_user_id
from coordaction.policy.workstreams import offers as offers_module
from coordaction.policy.workstreams.carriers import may_manage
from coordaction.policy.workstreams.carriers import visible_carrying_group
from coordaction.policy.workstreams.offers import ACCEPTED
from coordaction.policy.workstreams.offers import OFFERED
from coordaction.policy.workstreams.offers import OfferError
from coordaction.policy.workstreams.offers import WorkstreamOffers
from coordaction.policy.workstreams.offers import skill_titles
from coordaction.policy.workstreams.offers import skills_vocabulary
from coordaction.policy.workstreams.skills import skills_of
from coordaction.workflows.spaces.roster import person
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate


def skill_terms(request, chosen=()):
    """The portal's skills as {value, title, chosen}, in the list's order."""
    return [
        {
            "value": term.value,
            "title": translate(term.title, context=request),
            "chosen": term.value in chosen,
        }
        for term in skills_vocabulary()
    ]


class WorkstreamView(ContentView):
    def multiline(self, text):
        return multiline(text)

    def national(self):
        return translate(_("National"), context=self.request)

    def deadline(self):
        deadline = self.context.deadline
        return date_text(deadline, self.request) if deadline else ""

    def carrying_group(self):
        return visible_carrying_group(self.context)

    def workshop(self):
        return readable_target(self.context.workshop)

    def produced_resources(self):
        return [
            relation.to_object
            for relation in readable_relations(self.context.produced_resources)
        ]

    def contributors(self):
        """The accepted contributors, by name (their addresses are for carriers)."""
        return sorted(
            (
                person(user_id)["fullname"]
                for user_id in WorkstreamOffers(self.context).contributor_ids()
            ),
            key=str.lower,
        )

    def can_manage(self):
        return may_manage(self.context)

    def is_open(self):
        return self.context.is_open()

    def anonymous(self):
        return current_user_id() is None

    def published(self):
        return api.content.get_state(self.context) == "published"

    def my_offer(self):
        user_id = current_user_id()
        return WorkstreamOffers(self.context).get(user_id) if user_id else None

    def login_url(self):
        portal_url = api.portal.get().absolute_url()
        return f"{portal_url}/login?came_from={self.context.absolute_url()}"

    def offers(self):
        """For the carriers: every offer, the waiting ones first, with who made it."""
        if not self.can_manage():
            return []
        records = WorkstreamOffers(self.context).all()
        records.sort(key=lambda record: record["state"] != OFFERED)
        return [
            person(
                record["user_id"],
                skills=skill_titles(record["skills"], self.request),
                availability=record["availability"],
                message_html=multiline(record["message"]),
                offered=date_text(local_day(record["offered"]), self.request),
                state=record["state"],
                waiting=record["state"] == OFFERED,
                accepted=record["state"] == ACCEPTED,
            )
            for record in records
        ]

    def statuses(self):
        """The statuses a carrier may choose, the current one marked."""
        vocabulary = self._vocabulary(self._field("workstream_status"))
        return [
            {
                "value": term.value,
                "title": translate(term.title, context=self.request),
                "current": term.value == self.context.workstream_status,
            }
            for term in vocabulary
        ]


class _CarrierStep(BrowserView):
    def done(self, message):
        api.portal.show_message(
            translate(message, context=self.request), request=self.request
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""

    def refuse(self, message):
        api.portal.show_message(
            translate(message, context=self.request),
            request=self.request,
            type="error",
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class OfferView(BrowserView):
    """``@@je-peux-contribuer``: the offer of help of the person logged in, with
    their skills (those of *Mon espace* chosen at first), availability and a message."""

    template = ViewPageTemplateFile("templates/offer.pt")

    def __call__(self):
        self.user_id = current_user_id()
        if self.user_id is None:
            raise Unauthorized("Log in to offer your help.")
        self.error = ""
        self.offers = WorkstreamOffers(self.context)
        if self.request.method == "POST" and self.request.form.get("form.offer"):
            CheckAuthenticator(self.request)
            form = self.request.form
            try:
                self.offers.offer(
                    self.user_id,
                    form.get("skills") or [],
                    form.get("availability"),
                    form.get("message"),
                )
            except OfferError as error:
                self.error = translate(error.message, context=self.request)
            else:
                api.portal.show_message(
                    translate(
                        _(
                            "Thank you: your offer is sent to the people who carry "
                            "the chantier. You will receive their answer by e-mail."
                        ),
                        context=self.request,
                    ),
                    request=self.request,
                )
                self.request.response.redirect(self.context.absolute_url())
                return ""
        return self.template()

    def skills(self):
        form = self.request.form
        if "skills" in form:
            chosen = offers_module.valid_skills(form.get("skills"))
        else:
            current = self.offers.get(self.user_id)
            chosen = current["skills"] if current else skills_of(self.user_id)
            chosen = chosen or list(self.context.skills or ())
        return skill_terms(self.request, chosen)

    def value(self, name):
        value = self.request.form.get(name)
        if isinstance(value, str):
            return value
        current = self.offers.get(self.user_id)
        return current[name] if current else ""


class WithdrawView(_CarrierStep):
    """``@@retirer-offre`` (POST): the person logged in takes back their offer, or
    leaves the chantier they contribute to."""

    def __call__(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("Log in to withdraw your offer.")
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        if not WorkstreamOffers(self.context).withdraw(user_id):
            return self.refuse(_("You have no offer on this chantier."))
        return self.done(_("Your offer is withdrawn."))


class AnswerView(_CarrierStep):
    """``@@repondre-offre`` (POST ``person`` and ``accept`` or ``decline``)."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        form = self.request.form
        user_id = form.get("person")
        accepted = bool(form.get("form.accept"))
        if not isinstance(user_id, str) or not (accepted or form.get("form.decline")):
            return self.refuse(_("Choose an offer and an answer."))
        try:
            WorkstreamOffers(self.context).answer(user_id, accepted)
        except OfferError as error:
            return self.refuse(error.message)
        fullname = person(user_id)["fullname"]
        if accepted:
            return self.done(
                _(
                    "${name} is now a contributor to the chantier; they are told by "
                    "e-mail.",
                    mapping={"name": fullname},
                )
            )
        return self.done(
            _(
                "The offer of ${name} is declined; they are told by e-mail.",
                mapping={"name": fullname},
            )
        )


class StatusView(_CarrierStep):
    """``@@statut-chantier`` (POST ``status``): open, under way or completed."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        status = self.request.form.get("status")
        view = WorkstreamView(self.context, self.request)
        statuses = {entry["value"]: entry["title"] for entry in view.statuses()}
        if not isinstance(status, str) or status not in statuses:
            return self.refuse(_("Choose one of the statuses of a chantier."))
        if status != self.context.workstream_status:
            self.context.workstream_status = status
            self.context.reindexObject(idxs=["workstream_status"])
        message = (
            _("The chantier is completed: it takes no more offers.")
            if status == COMPLETED
            else _(
                "The chantier is now “${status}”.",
                mapping={"status": statuses[status]},
            )
        )
        return self.done(message)
