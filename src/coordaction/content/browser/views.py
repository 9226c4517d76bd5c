"""The views a visitor sees of each content type."""

from coordaction.content.behaviors.license import license_of
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from plone import api
from plone.dexterity.utils import iterSchemata
from Products.Five.browser import BrowserView
from zope.component import getUtility
from zope.i18n import translate
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IVocabularyFactory
from zope.security import checkPermission
import html


class ContentView(BrowserView):
    """Shared helpers: labels of vocabulary values, download links, licence."""

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

    def download_url(self, name):
        named_file = getattr(self.context, name, None)
        if not named_file:
            return None
        return f"{self.context.absolute_url()}/@@download/{name}/{named_file.filename}"

    def file_size(self, name):
        named_file = getattr(self.context, name, None)
        size = named_file.getSize() if named_file else 0
        if size >= 1024 * 1024:
            return f"{size / 1024 / 1024:.1f} Mo".replace(".", ",")
        return f"{max(1, round(size / 1024))} Ko"

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

    def successor(self):
        relation = getattr(self.context, "superseded_by", None)
        if relation is None or relation.isBroken():
            return None
        successor = relation.to_object
        if not api.user.has_permission("View", obj=successor):
            return None
        return successor


class ProjectSheetView(ContentView):
    def photos(self):
        return [
            photo
            for photo in self.context.photos()
            if api.user.has_permission("View", obj=photo)
        ]

    def has_coordinates(self):
        return self.context.latitude is not None and self.context.longitude is not None

    def osm_url(self):
        return f"https://www.openstreetmap.org/?mlat={self.context.latitude}&mlon={self.context.longitude}#map=14/{self.context.latitude}/{self.context.longitude}"


class ClassifiedAdView(ContentView):
    def text_html(self):
        """The plain text of the ad, escaped, with its line breaks."""
        return html.escape(self.context.text or "").replace("\n", "<br />")
