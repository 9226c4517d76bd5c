"""The views a visitor sees of each content type."""

from coordaction.content import _
from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import credit_of
from coordaction.content.behaviors.license import license_of
from coordaction.content.confirmation import confirm
from coordaction.content.confirmation import confirmed_on
from coordaction.content.confirmation import is_up_to_date
from coordaction.content.inactive import may_see
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from coordaction.content.relations import readable_relations
from coordaction.content.relations import readable_target
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.sections import LEGAL_FORMS
from coordaction.content.site_items import SETUP_FORM
from coordaction.content.sizes import file_size_text
from plone import api
from plone.dexterity.utils import iterSchemata
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyFactory
from zope.security import checkPermission
import html


# The faceted page of the observatory, and its criterion of legal forms (the
# Observatoire's facets in the table of sections).
OBSERVATORY_SECTION = "observatoire"
OBSERVATORY_LEGAL_FORM_CRITERION = LEGAL_FORMS.param
# How many situations a template page lists before linking to the observatory.
OBSERVATORY_CASES_SHOWN = 10


def section_url(section_id, **filters):
    """The address of a faceted section, with its filters after the "#" (as eea's
    faceted pages keep them), or None when the section is not there."""
    portal = api.portal.get()
    if section_id not in portal.objectIds():
        return None
    url = portal[section_id].absolute_url()
    query = urlencode(
        [(name, value) for name, values in filters.items() for value in values]
    )
    return f"{url}#{query}" if query else url


def shown_photo(photo):
    """A photo and what shows with it wherever it shows (the macro photo_credit):
    {photo, credit, license}."""
    return {"photo": photo, "credit": credit_of(photo), "license": license_of(photo)}


class ContentView(BrowserView):
    """Shared helpers: labels of vocabulary values, download links, licence."""

    # The macro of a photo's credit and licence (templates/photo_credit.pt).
    photo_credit = ViewPageTemplateFile("templates/photo_credit.pt")

    def _field(self, name):
        for schema in iterSchemata(self.context):
            for field_name, field in getFieldsInOrder(schema):
                if field_name == name:
                    return field
        return None

    def _vocabulary(self, field):
        if ICollection.providedBy(field):
            field = field.value_type
        name = getattr(field, "vocabularyName", None)
        if name:
            return getUtility(IVocabularyFactory, name)(self.context)
        return getattr(field, "vocabulary", None)

    def labels(self, name):
        """The French labels of the values of a choice or list field."""
        value = getattr(self.context, name, None)
        if value in (None, "", [], ()):
            return []
        values = value if isinstance(value, (list, tuple, set)) else [value]
        field = self._field(name)
        vocabulary = self._vocabulary(field) if field is not None else None
        labels = []
        for item in values:
            title = item
            if vocabulary is not None:
                try:
                    title = vocabulary.getTerm(item).title or item
                except LookupError:
                    pass
            labels.append(translate(title, context=self.request))
        return labels

    def label(self, name):
        return ", ".join(self.labels(name))

    def href(self, name):
        """The stored address of field ``name``, if a link may lead there."""
        return safe_href(getattr(self.context, name, None))

    def download_url(self, name):
        named_file = getattr(self.context, name, None)
        if not named_file:
            return None
        return f"{self.context.absolute_url()}/@@download/{name}/{named_file.filename}"

    def file_size(self, name):
        named_file = getattr(self.context, name, None)
        return file_size_text(max(1, named_file.getSize()) if named_file else 1)

    def file_format(self, name):
        named_file = getattr(self.context, name, None)
        filename = getattr(named_file, "filename", "") or ""
        return filename.rsplit(".", 1)[-1].upper() if "." in filename else ""

    def license(self):
        return license_of(self.context)

    def can_see_contact(self):
        return checkPermission(VIEW_CONTACT_PERMISSION, self.context)

    def date_fr(self, value):
        return value.strftime("%d/%m/%Y") if value else ""

    def state(self):
        return api.content.get_state(self.context, default=None)


class LegalTemplateView(ContentView):
    def files(self):
        return [
            {
                "url": self.download_url(name),
                "format": self.file_format(name),
                "size": self.file_size(name),
                "filename": named_file.filename,
            }
            for name, named_file in self.context.template_files()
        ]

    @memoize
    def observatory_cases(self):
        """The published situations of the observatory that concern the legal
        forms of this template or that link to it, by title."""
        catalog = api.portal.get_tool("portal_catalog")
        cases = {}
        legal_forms = list(self.context.legal_forms or [])
        if legal_forms:
            for brain in catalog(
                portal_type="ObservatoryCase",
                review_state="published",
                legal_forms=legal_forms,
            ):
                cases[brain.UID] = {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "status": brain.case_status,
                    "by_legal_form": True,
                }
        try:
            relations = api.relation.get(
                target=self.context, relationship="related_templates"
            )
        except KeyError:  # never related to anything: no intid yet
            relations = []
        for relation in relations:
            case = relation.from_object
            if case is None or case.UID() in cases:
                continue
            if api.content.get_state(case, default=None) != "published":
                continue
            if not api.user.has_permission("View", obj=case):
                continue
            cases[case.UID()] = {
                "title": case.Title(),
                "url": case.absolute_url(),
                "status": case.case_status,
                "by_legal_form": False,
            }
        statuses = getUtility(
            IVocabularyFactory, "coordaction.vocabularies.case_statuses"
        )(self.context)
        found = sorted(cases.values(), key=lambda case: case["title"].lower())
        for case in found:
            try:
                title = statuses.getTerm(case["status"]).title
            except LookupError:
                title = case["status"] or ""
            case["status_title"] = translate(title, context=self.request)
        return found

    def shown_observatory_cases(self):
        return self.observatory_cases()[:OBSERVATORY_CASES_SHOWN]

    def observatory_filtered(self):
        """Whether the observatory, filtered on the legal forms of this template,
        shows some of its situations (those that only cite it would not be there)."""
        return any(case["by_legal_form"] for case in self.observatory_cases())

    def observatory_url(self):
        """The observatory's page, filtered on the legal forms of this template
        when that shows something."""
        if not self.observatory_filtered():
            return section_url(OBSERVATORY_SECTION)
        return section_url(
            OBSERVATORY_SECTION,
            **{OBSERVATORY_LEGAL_FORM_CRITERION: list(self.context.legal_forms or [])},
        )

    def successor(self):
        return readable_target(getattr(self.context, "superseded_by", None))


class ProjectSheetView(ContentView):
    def photos(self):
        """The photos a visitor may see, each with the credit and the licence to
        show with it (``shown_photo``)."""
        return [
            shown_photo(photo)
            for photo in self.context.photos()
            if api.user.has_permission("View", obj=photo)
        ]

    @memoize
    def confirmation(self):
        """{date, up_to_date, url}: when the sheet was last confirmed, whether that
        is within two years, and (for whoever keeps it) where to confirm it."""
        may_confirm = api.user.has_permission("Modify portal content", obj=self.context)
        day = confirmed_on(self.context)
        return {
            "date": day.strftime("%d/%m/%Y") if day else None,
            "up_to_date": is_up_to_date(self.context),
            "url": (
                f"{self.context.absolute_url()}/@@confirmer-la-fiche"
                if may_confirm
                else None
            ),
        }

    def shared_setups(self):
        """The set-ups this project's group shared in the observatory, that the
        visitor may see."""
        return [
            relation.from_object
            for relation in api.relation.get(
                target=self.context, relationship="project_sheet", unrestricted=True
            )
            if relation.from_object is not None and may_see(relation.from_object)
        ]

    def share_setup_url(self):
        """The form that shares the group's set-up, for whoever keeps the sheet."""
        if not api.user.has_permission("Modify portal content", obj=self.context):
            return None
        portal_url = api.portal.get().absolute_url()
        query = urlencode({"form.widgets.project_sheet": self.context.UID()})
        return f"{portal_url}/{CONTRIBUTE}/{SETUP_FORM}?{query}"

    def add_photos_url(self):
        """The page that adds photos, for whoever may add to the sheet."""
        if not api.user.has_permission("Add portal content", obj=self.context):
            return None
        return f"{self.context.absolute_url()}/@@ajouter-des-photos"

    def has_coordinates(self):
        return self.context.latitude is not None and self.context.longitude is not None

    def osm_url(self):
        return f"https://www.openstreetmap.org/?mlat={self.context.latitude}&mlon={self.context.longitude}#map=14/{self.context.latitude}/{self.context.longitude}"


class ClassifiedAdView(ContentView):
    def text_html(self):
        """The plain text of the ad, escaped, with its line breaks."""
        return html.escape(self.context.text or "").replace("\n", "<br />")


class ObservatoryCaseView(ContentView):
    def related_templates(self):
        """The templates this situation links to, that the visitor may see."""
        return [
            readable_target(relation)
            for relation in readable_relations(self.context.related_templates)
        ]

    def templates_url(self):
        """The Trames-types page, filtered on the legal forms of this situation."""
        legal_forms = list(self.context.legal_forms or [])
        if not legal_forms:
            return None
        return section_url("trames-types", **{LEGAL_FORMS.param: legal_forms})

    def observatory_url(self):
        return section_url(OBSERVATORY_SECTION)

    def shared_setup(self):
        """What the group that shared this set-up told (None if nothing): its
        project sheet if the visitor may see it, the financing plan, the partners,
        the document, and, for those who may read them, the private details."""
        context = self.context
        setup = {
            "sheet": readable_target(getattr(context, "project_sheet", None)),
            "financing_plan": getattr(context, "financing_plan", None),
            "partners": getattr(context, "setup_partners", None),
            "document_url": (
                f"{context.absolute_url()}/@@download/setup_document"
                if getattr(context, "setup_document", None)
                else None
            ),
            "private_details": (
                getattr(context, "private_details", None)
                if checkPermission(VIEW_CONTACT_PERMISSION, context)
                else None
            ),
        }
        return setup if any(setup.values()) else None


class ImageView(ContentView):
    """An image with, next to its download link, the credit to cite and its licence."""

    def credit(self):
        return credit_of(self.context)

    def download(self):
        image = getattr(self.context, "image", None)
        if not image:
            return None
        width, height = image.getImageSize()
        return {
            "url": self.download_url("image"),
            "format": self.file_format("image"),
            "size": self.file_size("image"),
            "width": width,
            "height": height,
        }

    def license_title(self):
        license = self.license()
        return translate(license.title, context=self.request) if license else ""


class ConfirmSheetView(BrowserView):
    """@@confirmer-la-fiche: whoever keeps the sheet says, by a POST, that it is
    current."""

    def __call__(self):
        if self.request.method != "POST":
            self.request.response.redirect(self.context.absolute_url())
            return ""
        CheckAuthenticator(self.request)
        confirm(self.context)
        api.portal.show_message(
            _("Thank you: the sheet is confirmed as current."), request=self.request
        )
        self.request.response.redirect(self.context.absolute_url())
        return ""


class ExhibitionView(ContentView):
    def slides(self):
        """The photos a visitor may see, in the exhibition's order, each with what
        to show with it: {number, photo, credit, license, pdf_url}."""
        photos = [
            readable_target(relation)
            for relation in getattr(self.context, "photos", None) or []
        ]
        return [
            {
                **shown_photo(photo),
                "number": number,
                "pdf_url": f"{photo.absolute_url()}/@@fiche-pdf",
            }
            for number, photo in enumerate(
                (photo for photo in photos if photo is not None), start=1
            )
        ]
