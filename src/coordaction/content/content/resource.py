"""Resource (Ressource): a guide, a study, a video... of the resource centre."""

from coordaction.content import _
from coordaction.content.fields import WebAddress
from coordaction.content.validators import check_upload_size
from coordaction.content.validators import check_year
from plone.app.dexterity.textindexer import searchable
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.supermodel.directives import primary
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IResource(model.Schema):
    model.fieldset(
        "document",
        label=_("Document"),
        fields=["file", "external_url"],
    )
    model.fieldset(
        "description_fieldset",
        label=_("Description"),
        fields=["resource_kind", "audiences", "year", "authors", "organisation"],
    )

    primary("file")
    file = NamedBlobFile(
        title=_("Fichier"),
        description=_("Le document à télécharger (PDF, ODT, DOCX…)."),
        required=False,
        constraint=check_upload_size,
    )
    external_url = WebAddress(
        title=_("Lien externe"),
        description=_(
            "Ou l'adresse d'une vidéo ou d'une page web, si la ressource est publiée ailleurs."
        ),
        required=False,
    )
    resource_kind = schema.Choice(
        title=_("Type de ressource"),
        vocabulary="coordaction.vocabularies.resource_kinds",
        required=True,
    )
    directives.widget("audiences", CheckBoxFieldWidget)
    audiences = schema.List(
        title=_("Publics"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.audiences"),
        required=False,
        default=[],
        missing_value=[],
    )
    year = schema.Int(
        title=_("Année"),
        description=_("L'année de parution."),
        required=False,
        constraint=check_year,
    )
    searchable("authors", "organisation")
    authors = schema.List(
        title=_("Auteurs"),
        description=_("Un nom par ligne."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    organisation = schema.TextLine(
        title=_("Organisation"),
        description=_("L'association ou la structure qui publie la ressource."),
        required=False,
    )

    @invariant
    def file_or_link(data):
        if getattr(data, "file", None) and getattr(data, "external_url", None):
            raise Invalid(_("Choisissez un fichier ou un lien externe, pas les deux."))


@implementer(IResource)
class Resource(Item):
    """A resource of the resource centre."""
