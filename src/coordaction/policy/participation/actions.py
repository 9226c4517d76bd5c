"""Our collective.easyform actions, usable in any form through the web:

- "Créer un contenu à relire" turns a submission into a content item of a chosen
  type, in a chosen folder, in the *pending* state: the reviewers are notified by
  the publication workflow, as for any submission. The form's fields fill the
  content's fields of the same name (or as the mapping says). The item is checked
  against the content type's schema before anything is written: a value the type
  refuses is reported on the form and nothing is created.
  A folder that takes submissions only until a date (an edition of the national
  meetings, ``accepts_proposals()``) closes the form by itself once it is past:
  the form's page says so (``closing.py``) and a post is refused. A picture
  must be a JPEG, PNG or WebP within the size and pixel limits. The same
  submission again within ten minutes (a double click) creates nothing more.
  The submitter's acknowledgement is the type's own ``IReceipt`` when it has one
  (a proposal's carries the link to follow it), else a plain one.
  A form's text goes into a rich text field as plain text (its paragraphs kept),
  and a form's single choice into a list field as a list of one.
- "Limiter les envois anonymes" refuses the post of an anonymous visitor over the
  hourly limit. Put it first: easyform runs the actions in order and stops at the
  first that reports an error.
- "Signaler les doublons" stops a post whose title and day are those of an item
  of the type already there (published or waiting for review), links to it, and
  lets the visitor send again once they have ticked that it is another one. Put
  it before the action that creates.
"""

from Acquisition import aq_base
from BTrees.OOBTree import OOBTree
from collective.easyform.actions import Action
from collective.easyform.actions import ActionFactory
from collective.easyform.config import FORM_ERROR_MARKER
from collective.easyform.interfaces import IAction
from coordaction.content.dates import date_text
from coordaction.content.dates import day_start
from coordaction.content.i18n import in_request_language
from coordaction.content.i18n import in_site_language
from coordaction.content.validators import check_image
from coordaction.policy import _
from coordaction.policy.interfaces import IReceipt
from coordaction.policy.participation.antispam import anonymous_post_allowed
from coordaction.policy.site.field_photos import add_photos
from coordaction.policy.site.field_photos import check_row
from coordaction.policy.site.field_photos import rows_from_values
from coordaction.workflows.notices import send_notice
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.event.base import default_timezone
from plone.app.textfield.interfaces import IRichText
from plone.app.textfield.value import RichTextValue
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedImageField
from plone.supermodel.exportimport import BaseHandler
from z3c.relationfield import RelationValue
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope import schema
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.event import notify
from zope.globalrequest import getRequest
from zope.interface import Invalid
from zope.interface import implementer
from zope.intid.interfaces import IIntIds
from zope.lifecycleevent import ObjectModifiedEvent
from zope.schema import ValidationError
from zope.schema import getFieldsInOrder
import hashlib
import logging
import time


logger = logging.getLogger(__name__)


class IContentTypeAction(IAction):
    portal_type = schema.Choice(
        title=_("Content type created"),
        vocabulary="plone.app.vocabularies.PortalTypes",
        required=True,
    )


class ICreatePendingContent(IContentTypeAction):
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
    photos = schema.Int(
        title=_("Photos the form takes"),
        description=_(
            "Its fields photo_1 to photo_N, each with photo_N_legende, "
            "photo_N_credit and photo_N_licence: photos added inside the item. "
            "0: none."
        ),
        required=False,
        default=0,
        min=0,
        max=10,
    )


class IAnonymousRateLimit(IAction):
    """No settings: the limit is in the Participation control panel."""


class IDuplicateWarning(IContentTypeAction):
    date_field = schema.TextLine(
        title=_("Field of the date"),
        description=_("Same title on the same day: a probable duplicate."),
        required=True,
    )
    confirm_field = schema.TextLine(
        title=_("Field that says it is not a duplicate"),
        description=_("A yes/no field the visitor ticks to send it anyway."),
        required=True,
    )


def take_settings(action, interface, kw):
    """Set on ``action`` its settings of ``interface`` (from ``kw``, else their
    defaults); the rest of ``kw``, easyform's."""
    common = set(IAction.names(all=True))
    for name, field in getFieldsInOrder(interface):
        if name not in common:
            setattr(action, name, kw.pop(name, field.default))
    return kw


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


def as_field_value(field, value):
    """A form's value as the content's field takes it: a text into a rich text, a
    single choice into a list, a date and time the form gives without its zone
    into the portal's (the form's dates are written at its time)."""
    if (
        isinstance(field, schema.Datetime)
        and isinstance(value, datetime)
        and value.tzinfo is None
    ):
        return default_timezone(api.portal.get(), as_tzinfo=True).localize(value)
    if IRichText.providedBy(field) and isinstance(value, str):
        return RichTextValue(value, "text/plain", "text/x-html-safe")
    if isinstance(field, (schema.List, schema.Tuple, schema.Set)) and isinstance(
        value, str
    ):
        return field._type((value,))
    if IRelationChoice.providedBy(field) and isinstance(value, str):
        return relation_to(value.strip())
    if IRelationList.providedBy(field) and isinstance(value, (list, tuple, set)):
        relations = [relation_to(str(uid).strip()) for uid in value]
        return [relation for relation in relations if relation is not None]
    return value


def relation_to(uid):
    """A relation to the item of ``uid`` that the visitor may see, or None (an
    unknown or private item is not linked)."""
    brains = api.portal.get_tool("portal_catalog")(UID=uid) if uid else []
    if len(brains) != 1:
        return None
    return RelationValue(getUtility(IIntIds).getId(brains[0].getObject()))


# The same submission again within this many seconds is the same one (a double
# click, the answer page reloaded): it creates nothing more.
SAME_SUBMISSION_SECONDS = 600
RECENT_KEY = "coordaction.policy.participation.recent_submissions"


def _comparable(value):
    if hasattr(value, "filename") and hasattr(value, "size"):
        return (value.filename, value.size)
    if hasattr(value, "raw"):
        return value.raw
    return repr(value)


def already_received(container, portal_type, values):
    """Whether the same values made an item of ``portal_type`` in ``container``
    within ``SAME_SUBMISSION_SECONDS``; notes them otherwise. Kept with the
    folder, in the transaction: of two identical posts at once, one conflicts,
    is retried by Zope, and then finds the other's note."""
    text = repr(
        (portal_type, sorted((name, _comparable(v)) for name, v in values.items()))
    )
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    annotations = IAnnotations(container)
    recent = annotations.get(RECENT_KEY)
    if recent is None:
        recent = annotations[RECENT_KEY] = OOBTree()
    moment = time.time()
    seen = recent.get(key)
    if seen is not None and moment - seen < SAME_SUBMISSION_SECONDS:
        return True
    if len(recent) > 200:
        for old in [
            k for k, when in recent.items() if moment - when > SAME_SUBMISSION_SECONDS
        ]:
            del recent[old]
    recent[key] = moment
    return False


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
        super().__init__(**take_settings(self, ICreatePendingContent, kw))

    def mapping(self):
        pairs = (line.partition("=") for line in self.field_mapping or ())
        return {form.strip(): target.strip() for form, _sep, target in pairs if target}

    def content_values(self, fields):
        """The submitted values that go into the content, by content field name;
        and which form field each content field came from."""
        mapping = self.mapping()
        known = {
            name: field for name, field, _schema in _schema_fields(self.portal_type)
        }
        values, origin = {}, {}
        for form_name, value in fields.items():
            target = mapping.get(form_name, form_name)
            if target in known and value not in (None, ""):
                value = as_field_value(known[target], value)
                if value is None:
                    continue
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
                if INamedImageField.providedBy(field):
                    check_image(values[name])
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
        photos = [row for row in rows_from_values(fields, self.photos or 0) if row.sent]
        # The photos are in a group of the form (a tab), where easyform shows no
        # error of an action: they are said above the form, photo by photo.
        photo_errors = [
            in_request_language(
                _(
                    "Photo ${number}: ${problems}",
                    mapping={
                        "number": row.number,
                        "problems": " ".join(
                            in_request_language(problem) for problem in problems
                        ),
                    },
                )
            )
            for row in photos
            for problems in [check_row(row)]
            if problems
        ]
        if photo_errors:
            errors[FORM_ERROR_MARKER] = " ".join(
                filter(None, [errors.get(FORM_ERROR_MARKER), *photo_errors])
            )
        if errors:
            return errors
        if already_received(container, self.portal_type, values):
            # A double click, a reload of the answer: the first is being made.
            return None
        item = self.create(container, values)
        if photos:
            with api.env.adopt_roles(["Manager"]):
                add_photos(item, photos)
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
            # What reacts to an edit (an event's position from its municipality)
            # sees the submitted fields.
            notify(ObjectModifiedEvent(item))
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


def same_day_same_title(portal_type, title, moment):
    """Items of ``portal_type`` titled ``title`` (case and spaces aside) whose
    date falls on the day of ``moment``, published or waiting for review."""
    if not title or not isinstance(moment, datetime):
        return []
    # The day in the portal's time zone, where the form's dates are written.
    day = (day_start(moment.date()), day_start(moment.date() + timedelta(days=1)))
    catalog = api.portal.get_tool("portal_catalog")
    wanted = " ".join(title.lower().split())
    return [
        brain
        for brain in catalog.unrestrictedSearchResults(
            portal_type=portal_type,
            review_state=("published", "pending"),
            start={"query": day, "range": "min:max"},
        )
        if " ".join((brain.Title or "").lower().split()) == wanted
    ]


@implementer(IDuplicateWarning)
class DuplicateWarning(Action):
    __doc__ = IDuplicateWarning.__doc__

    def __init__(self, **kw):
        super().__init__(**take_settings(self, IDuplicateWarning, kw))

    def onSuccess(self, fields, request):
        if fields.get(self.confirm_field):
            return None
        found = same_day_same_title(
            self.portal_type, fields.get("title"), fields.get(self.date_field)
        )
        if not found:
            return None
        brain = found[0]
        public = brain.review_state == "published"
        return {
            "title": in_request_language(
                _(
                    "“${title}” is already in the agenda on that day: ${url}. If yours "
                    "is another one, tick “It is not a duplicate” and send it again.",
                    mapping={"title": brain.Title, "url": brain.getURL()},
                )
                if public
                else _(
                    "“${title}” on that day has already been proposed and waits for "
                    "review. If yours is another one, tick “It is not a duplicate” "
                    "and send it again.",
                    mapping={"title": brain.Title},
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
DuplicateWarningAction = ActionFactory(
    DuplicateWarning,
    _("Warn of duplicates"),
    "collective.easyform.AddCustomScripts",
)
CreatePendingContentHandler = BaseHandler(CreatePendingContent)
DuplicateWarningHandler = BaseHandler(DuplicateWarning)
AnonymousRateLimitHandler = BaseHandler(AnonymousRateLimit)
