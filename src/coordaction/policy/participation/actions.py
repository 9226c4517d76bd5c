"""Our collective.easyform actions, usable in any form through the web:

- "Créer un contenu à relire" turns a submission into a content item of a chosen
  type, in a chosen folder, in the *pending* state: the reviewers are notified by
  the publication workflow, as for any submission. The form's fields fill the
  content's fields of the same name (or as the mapping says). The item is checked
  against the content type's schema before anything is written: a value the type
  refuses is reported on the form and nothing is created.
  A folder that takes submissions only until a date (an edition of the national
  meetings, ``accepts_proposals()``) closes the form by itself once it is past:
  the form's page says so (``closing.py``) and a post is refused.
  The submitter's acknowledgement is the type's own ``IReceipt`` when it has one
  (a proposal's carries the link to follow it), else a plain one.
- "Limiter les envois anonymes" refuses the post of an anonymous visitor over the
  hourly limit. Put it first: easyform runs the actions in order and stops at the
  first that reports an error.
"""

from Acquisition import aq_base
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from coordaction.content.dates import date_text
from coordaction.content.i18n import in_request_language
from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from coordaction.policy.interfaces import IReceipt
from coordaction.policy.participation.antispam import anonymous_post_allowed
from coordaction.workflows.notices import send_notice
from plone import api
from plone.dexterity.utils import iterSchemataForType
from plone.supermodel.exportimport import BaseHandler
from zope import schema
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.interface import implementer
from zope.schema import ValidationError
from zope.schema import getFieldsInOrder
import logging


logger = logging.getLogger(__name__)


class ICreatePendingContent(IAction):
    portal_type = schema.Choice(
        title=_("Content type created"),
        vocabulary="plone.app.vocabularies.PortalTypes",
        required=True,
    )
    container = schema.TextLine(
        title=_("Folder to create it in"),
        description=_("Path from the site root, for example petites-annonces."),
        required=True,
    )
    field_mapping = schema.List(
        title=_("Field mapping"),
        description=_(
            "One line per form field whose name differs from the item's: "
            "“form_field=item_field”. The other fields go into the item's field of "
            "the same name, if there is one."
        ),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )
    submitter_email_field = schema.TextLine(
        title=_("Field of the submitter's e-mail"),
        description=_(
            "It receives an acknowledgement of receipt. Leave empty to send nothing."
        ),
        required=False,
    )


class IAnonymousRateLimit(IAction):
    """No settings: the limit is in the Participation control panel."""


def _schema_fields(portal_type):
    """(name, field, schema) of every field of the type and of its behaviors."""
    for schema_ in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema_):
            yield name, field, schema_


def _message(error):
    if isinstance(error, ValidationError):
        return error.doc()
    if isinstance(error, Invalid) and error.args:
        message = error.args[0]
        return (
            in_request_language(message)
            if hasattr(message, "mapping")
            else str(message)
        )
    return str(error)


NO_FOLDER = _("This form takes no submissions at the moment.")


def _takes(folder, portal_type):
    fti = folder.getTypeInfo()
    return fti is None or fti.allowType(portal_type)


def target_container(action):
    """The folder an action creates into, or None.

    When the folder of the form's settings does not take the type but holds dated
    folders that do (the *Rencontres* section and its editions), it is the one open
    for submissions whose deadline comes first; when none is open, the last one
    (which then says since when it is closed)."""
    path = (action.container or "").strip().strip("/")
    folder = api.portal.get().unrestrictedTraverse(path, None) if path else None
    if folder is None or _takes(folder, action.portal_type):
        return folder
    dated = [
        child
        for child in folder.objectValues()
        if getattr(aq_base(child), "accepts_proposals", None) is not None
        and getattr(child, "submission_deadline", None) is not None
        and _takes(child, action.portal_type)
    ]
    open_ = [child for child in dated if child.accepts_proposals()]
    if open_:
        return min(open_, key=lambda child: child.submission_deadline)
    return max(dated, key=lambda child: child.submission_deadline, default=None)


def closed_message(container):
    """Why ``container`` no longer takes submissions (French), or "" when it does."""
    accepts = getattr(aq_base(container), "accepts_proposals", None)
    if accepts is None or container.accepts_proposals():
        return ""
    deadline = getattr(container, "submission_deadline", None)
    return in_request_language(
        _(
            "Proposals for “${title}” closed on ${date}.",
            mapping={
                "title": container.Title(),
                "date": date_text(deadline, getRequest()) if deadline else "",
            },
        )
    )


class _Values:
    """An object carrying the submitted values, for the schemas' invariants."""

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        return None


@implementer(ICreatePendingContent)
class CreatePendingContent(Action):
    __doc__ = ICreatePendingContent.__doc__

    def __init__(self, **kw):
        for name, field in ICreatePendingContent.namesAndDescriptions():
            setattr(self, name, kw.pop(name, field.default))
        super().__init__(**kw)

    def mapping(self):
        pairs = (line.partition("=") for line in self.field_mapping or ())
        return {form.strip(): target.strip() for form, _sep, target in pairs if target}

    def content_values(self, fields):
        """The submitted values that go into the content, by content field name;
        and which form field each content field came from."""
        mapping = self.mapping()
        known = {name for name, _field, _schema in _schema_fields(self.portal_type)}
        values, origin = {}, {}
        for form_name, value in fields.items():
            target = mapping.get(form_name, form_name)
            if target in known and value not in (None, ""):
                values[target] = value
                origin[target] = form_name
        return values, origin

    def validate(self, container, values, origin):
        """Errors by form field name (or for the whole form), in French."""
        errors = {}
        for name, field, _schema in _schema_fields(self.portal_type):
            if field.readonly:
                continue
            bound = field.bind(container)
            if name not in values:
                if bound.required and bound.default is None and name != "id":
                    errors[FORM_ERROR_MARKER] = in_request_language(
                        _(
                            "This form does not fill the required field “${field}”: tell the site "
                            "team.",
                            mapping={"field": in_request_language(field.title)},
                        )
                    )
                continue
            try:
                bound.validate(values[name])
            except (ValidationError, Invalid) as error:
                errors[origin.get(name, FORM_ERROR_MARKER)] = _message(error)
        if not errors:
            for schema_ in iterSchemataForType(self.portal_type):
                invariant_errors = []
                try:
                    schema_.validateInvariants(_Values(values), invariant_errors)
                except Invalid:
                    errors[FORM_ERROR_MARKER] = " ".join(
                        _message(error) for error in invariant_errors
                    )
        return errors

    def onSuccess(self, fields, request):
        container = target_container(self)
        if container is None:
            logger.error("Form action %s: no folder %r", self.__name__, self.container)
            return {FORM_ERROR_MARKER: in_request_language(NO_FOLDER)}
        closed = closed_message(container)
        if closed:
            return {FORM_ERROR_MARKER: closed}
        values, origin = self.content_values(fields)
        errors = self.validate(container, values, origin)
        if errors:
            return errors
        item = self.create(container, values)
        self.acknowledge(fields, item)

    def create(self, container, values):
        # The visitor may not add content: the form may, on their behalf. A
        # member stays the owner of what they submit.
        with api.env.adopt_roles(["Manager"]):
            item = api.content.create(
                container=container,
                type=self.portal_type,
                title=values.get("title"),
                safe_id=True,
            )
            for name, field, schema_ in _schema_fields(self.portal_type):
                if name in values and name != "title":
                    field.set(schema_(item), values[name])
            item.setCreators((self.creator(),))
            item.reindexObject()
            # To the reviewers, when its workflow starts in a draft (a proposal's
            # starts in "déposée").
            transitions = api.portal.get_tool("portal_workflow").getTransitionsFor(item)
            if "submit" in {transition["id"] for transition in transitions}:
                api.content.transition(obj=item, transition="submit")
        return item

    @staticmethod
    def creator():
        """The member who submits, or a label for a visitor without an account:
        an item without creator gets the first person who lists it (Plone's
        addCreator), a reviewer opening the review list included."""
        if api.user.is_anonymous():
            return in_site_language(_("Public submission"))
        return api.user.get_current().getId()

    def acknowledge(self, fields, item):
        address = fields.get(self.submitter_email_field or "")
        if not address:
            return
        receipt = IReceipt(item, None)
        if receipt is not None:
            send_notice([address], *receipt.message())
            return
        mapping = {"title": item.Title()}
        send_notice(
            [address],
            _("[Coordin'action] Received: ${title}", mapping=mapping),
            _(
                "Hello,\n"
                "\n"
                "We have received “${title}”. The Coordin'action team will review it; "
                "you will receive an e-mail when it is published.\n"
                "\n"
                "Thank you for your contribution!",
                mapping=mapping,
            ),
        )


@implementer(IAnonymousRateLimit)
class AnonymousRateLimit(Action):
    __doc__ = IAnonymousRateLimit.__doc__

    def onSuccess(self, fields, request):
        if not anonymous_post_allowed(request):
            return {
                FORM_ERROR_MARKER: in_request_language(
                    _(
                        "Too many submissions from your connection: try again in an hour, or "
                        "write to us."
                    )
                )
            }


CreatePendingContentAction = ActionFactory(
    CreatePendingContent,
    _("Create an item for review"),
    "collective.easyform.AddCustomScripts",
)
AnonymousRateLimitAction = ActionFactory(
    AnonymousRateLimit,
    _("Limit anonymous submissions"),
    "collective.easyform.AddMailers",
)
CreatePendingContentHandler = BaseHandler(CreatePendingContent)
AnonymousRateLimitHandler = BaseHandler(AnonymousRateLimit)
