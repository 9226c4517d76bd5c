"""The changes a group proposes to its sensitive sheet: a sheet the reviewers marked
sensitive is not edited by its keepers; they propose their changes
(``@@proposer-une-modification``), which the reviewers apply or decline
(``@@modifications-proposees``). The published sheet changes only when a reviewer
applies them; the keeper is told either way."""

from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.policy import _
from coordaction.policy.project_groups.maintainers import is_maintainer
from coordaction.policy.site.members import current_user_id
from coordaction.policy.site.members import member_email
from coordaction.policy.site.members import member_name
from coordaction.workflows.notices import send_notice
from coordaction.workflows.notifications import reviewer_addresses
from datetime import UTC
from datetime import datetime
from persistent.mapping import PersistentMapping
from plone import api
from plone.app.dexterity.behaviors.metadata import IBasic
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from plone.z3cform.layout import wrap_form
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from z3c.form import button
from z3c.form import field
from z3c.form import form
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.i18n import translate
from zope.lifecycleevent import ObjectModifiedEvent


KEY = "coordaction.policy.project_groups.proposal"
# What a keeper may propose: what a group knows of its own project.
FIELDS = (
    (IBasic, "description"),
    (IProjectSheet, "stage"),
    (IProjectSheet, "households_planned"),
    (IProjectSheet, "households_current"),
    (IProjectSheet, "looking_for_members"),
    (IProjectSheet, "website"),
    (IProjectSheet, "start_year"),
    (IProjectSheet, "move_in_year"),
)


def proposal(sheet):
    """The change waiting for review: {by, on, changes: {name: value}}, or None."""
    found = IAnnotations(sheet).get(KEY)
    return dict(found) if found else None


def _fields():
    return [(schema_, schema_[name]) for schema_, name in FIELDS]


def current_values(sheet):
    return {name: getattr(schema_(sheet), name, None) for schema_, name in FIELDS}


def propose(sheet, user_id, values):
    """Keep the values that differ from the sheet as its proposed change (one at a
    time: a new one replaces the last); the changes kept."""
    current = current_values(sheet)
    changes = {
        name: value for name, value in values.items() if value != current.get(name)
    }
    if changes:
        IAnnotations(sheet)[KEY] = PersistentMapping(
            by=user_id, on=datetime.now(UTC), changes=PersistentMapping(changes)
        )
    return changes


def apply(sheet):
    """Write the proposed change into the sheet (a change like an edit: versioned,
    the sheet confirmed); the keeper who proposed it."""
    waiting = IAnnotations(sheet).pop(KEY, None)
    if waiting is None:
        return None
    for schema_, name in FIELDS:
        if name in waiting["changes"]:
            schema_[name].set(schema_(sheet), waiting["changes"][name])
    notify(ObjectModifiedEvent(sheet))
    sheet.reindexObject()
    return waiting["by"]


def decline(sheet):
    waiting = IAnnotations(sheet).pop(KEY, None)
    return waiting["by"] if waiting else None


def labelled_changes(sheet, request):
    """[(label, current, proposed)] of the change waiting, for people."""
    waiting = proposal(sheet)
    if waiting is None:
        return []
    current = current_values(sheet)
    rows = []
    for schema_, name in FIELDS:
        if name not in waiting["changes"]:
            continue
        field_ = schema_[name]
        rows.append(
            (
                translate(field_.title, context=request),
                shown(field_, current.get(name), sheet, request),
                shown(field_, waiting["changes"][name], sheet, request),
            )
        )
    return rows


def shown(field_, value, sheet, request):
    """A value as a person reads it: a vocabulary's title, Oui/Non, or the text."""
    if value in (None, ""):
        return "—"
    if isinstance(value, bool):
        return translate(_("Yes") if value else _("No"), context=request)
    vocabulary = getattr(field_.bind(sheet), "vocabulary", None)
    if vocabulary is not None:
        try:
            term = vocabulary.getTerm(value)
        except LookupError:
            return str(value)
        return translate(term.title or term.value, context=request)
    return str(value)


class ProposeChangeForm(form.Form):
    """The keeper's form: the sheet's fields as they are, changed as they wish."""

    ignoreContext = False
    label = _("Propose a change")

    @property
    def fields(self):
        return field.Fields(*[field_ for _schema, field_ in _fields()])

    def getContent(self):
        return current_values(self.context)

    def update(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        if not (
            is_maintainer(self.context, current_user_id())
            and getattr(self.context, "sensitive", False)
        ):
            self.request.response.redirect(self.context.absolute_url())
            self.available = False
        else:
            self.available = True
        super().update()

    @button.buttonAndHandler(_("Send to the reviewers"), name="send")
    def handle_send(self, action):
        if not self.available:
            return
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        changes = propose(self.context, current_user_id(), data)
        if not changes:
            self.status = _("Nothing has changed: there is nothing to propose.")
            return
        mapping = {
            "title": self.context.Title(),
            "url": f"{self.context.absolute_url()}/@@modifications-proposees",
        }
        send_notice(
            reviewer_addresses(),
            _("[Coordin'action] A change to review: ${title}", mapping=mapping),
            _(
                "Hello,\n"
                "\n"
                "The group that keeps the sensitive sheet “${title}” proposes a change. "
                "Apply it or decline it:\n"
                "${url}",
                mapping=mapping,
            ),
        )
        api.portal.show_message(
            _(
                "Your change is sent to the reviewers: the sheet changes once they apply it."
            ),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())


ProposeChangeView = wrap_form(ProposeChangeForm)


class ReviewChangeView(BrowserView):
    """The reviewers' page: the change waiting, to apply or decline."""

    template = ViewPageTemplateFile("templates/proposal_review.pt")

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        if self.request.method == "POST":
            CheckAuthenticator(self.request)
            if self.request.form.get("appliquer"):
                self.tell(apply(self.context), applied=True)
            elif self.request.form.get("refuser"):
                self.tell(decline(self.context), applied=False)
            self.request.response.redirect(self.context.absolute_url())
            return ""
        return self.template()

    def tell(self, user_id, applied):
        if user_id is None:
            return
        mapping = {"title": self.context.Title(), "url": self.context.absolute_url()}
        if applied:
            subject = _("[Coordin'action] Change applied: ${title}", mapping=mapping)
            body = _(
                "Hello,\n\nThe change you proposed to the sheet “${title}” is applied:\n${url}",
                mapping=mapping,
            )
            message = _("The change is applied to the sheet.")
        else:
            subject = _("[Coordin'action] Change declined: ${title}", mapping=mapping)
            body = _(
                "Hello,\n\nThe change you proposed to the sheet “${title}” was not "
                "applied. Write to the Coordin'action team to know more:\n${url}",
                mapping=mapping,
            )
            message = _("The change is declined.")
        address = member_email(user_id)
        if address:
            send_notice([address], subject, body)
        api.portal.show_message(message, request=self.request)

    def waiting(self):
        return proposal(self.context)

    def rows(self):
        return labelled_changes(self.context, self.request)

    def proposer(self):
        waiting = proposal(self.context)
        return member_name(waiting["by"]) if waiting else ""


class ProposalViewlet(ViewletBase):
    """On a sensitive sheet: for its keepers, where to propose a change; for the
    reviewers, the change waiting."""

    index = ViewPageTemplateFile("templates/proposal_viewlet.pt")

    def update(self):
        super().update()
        sheet = self.context
        self.keeper = getattr(sheet, "sensitive", False) and is_maintainer(
            sheet, current_user_id()
        )
        self.review = proposal(sheet) is not None and api.user.has_permission(
            "Review portal content", obj=sheet
        )

    def render(self):
        return self.index() if (self.keeper or self.review) else ""
