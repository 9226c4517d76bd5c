"""LegalTemplate (Trame-type juridique ou financière): statutes, internal rules,
budgets... to adapt, with their legal basis and the template that replaces them."""

from coordaction.content import _
from coordaction.content.validators import check_editable_template
from coordaction.content.validators import check_pdf
from plone.app.dexterity.textindexer import searchable
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.namedfile.field import NamedBlobFile
from plone.supermodel import model
from plone.supermodel.directives import primary
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import implementer


DEFAULT_DISCLAIMER = (
    "Cette trame est un point de départ, pas un conseil juridique : adaptez-la à votre "
    "projet et faites-la relire par un professionnel (notaire, avocat, fédération) "
    "avant de la signer."
)


class ILegalTemplate(model.Schema):
    model.fieldset(
        "files",
        label=_("Files"),
        fields=["file_editable", "file_alternative", "file_pdf"],
    )
    model.fieldset(
        "legal",
        label=_("Legal framework"),
        fields=[
            "legal_basis",
            "legal_basis_date",
            "last_review_date",
            "disclaimer",
            "superseded_by",
        ],
    )

    document_kind = schema.Choice(
        title=_("Document kind"),
        vocabulary="coordaction.vocabularies.document_kinds",
        required=True,
    )
    directives.widget("legal_forms", CheckBoxFieldWidget)
    legal_forms = schema.List(
        title=_("Legal forms concerned"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.legal_forms"),
        required=True,
        min_length=1,
        missing_value=[],
    )

    primary("file_editable")
    file_editable = NamedBlobFile(
        title=_("Editable template"),
        description=_("The file to adapt: ODT, ODS, DOCX or XLSX."),
        required=True,
        constraint=check_editable_template,
    )
    file_alternative = NamedBlobFile(
        title=_("Other editable format"),
        description=_(
            "The same template in another format (for example DOCX if the first is "
            "in ODT)."
        ),
        required=False,
        constraint=check_editable_template,
    )
    file_pdf = NamedBlobFile(
        title=_("PDF version"),
        description=_("To read the template without office software."),
        required=False,
        constraint=check_pdf,
    )
    searchable("legal_basis")
    legal_basis = schema.Text(
        title=_("Legal basis"),
        description=_("The legal texts the template rests on (articles, decrees…)."),
        required=False,
    )
    legal_basis_date = schema.Date(
        title=_("Date of the legal basis"),
        description=_("The version of the texts taken into account."),
        required=False,
    )
    last_review_date = schema.Date(
        title=_("Last legal review"),
        required=False,
    )
    disclaimer = schema.Text(
        title=_("Warning"),
        required=False,
        default=DEFAULT_DISCLAIMER,
    )
    directives.widget(
        "superseded_by",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["LegalTemplate"], "recentlyUsed": True},
    )
    superseded_by = RelationChoice(
        title=_("Replaced by"),
        description=_("The template that replaces this one when it becomes obsolete."),
        source=CatalogSource(portal_type="LegalTemplate"),
        required=False,
    )


@implementer(ILegalTemplate)
class LegalTemplate(Item):
    """A legal or financial template."""

    def template_files(self):
        """The files of the template, in the order a visitor is offered them."""
        return [
            (name, getattr(self, name, None))
            for name in ("file_editable", "file_alternative", "file_pdf")
            if getattr(self, name, None)
        ]
