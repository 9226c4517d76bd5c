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
        title=_("File"),
        description=_("The document to download (PDF, ODT, DOCX…)."),
        required=False,
        constraint=check_upload_size,
    )
    external_url = WebAddress(
        title=_("External link"),
        description=_(
            "Or the address of a video or a web page, if the resource is published "
            "elsewhere."
        ),
        required=False,
    )
    resource_kind = schema.Choice(
        title=_("Resource kind"),
        vocabulary="coordaction.vocabularies.resource_kinds",
        required=True,
    )
    directives.widget("audiences", CheckBoxFieldWidget)
    audiences = schema.List(
        title=_("Audiences"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.audiences"),
        required=False,
        default=[],
        missing_value=[],
    )
    year = schema.Int(
        title=_("Year"),
        description=_("The year of publication."),
        required=False,
        constraint=check_year,
    )
    searchable("authors", "organisation")
    authors = schema.List(
        title=_("Authors"),
        description=_("One name per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )
    organisation = schema.TextLine(
        title=_("Organisation"),
        description=_("The association or organisation that publishes the resource."),
        required=False,
    )

    @invariant
    def file_or_link(data):
        if getattr(data, "file", None) and getattr(data, "external_url", None):
            raise Invalid(_("Choose a file or an external link, not both."))


@implementer(IResource)
class Resource(Item):
    """A resource of the resource centre."""
