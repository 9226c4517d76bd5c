"""A legal and financial set-up shared by the project group that made it
(*Partager notre montage*, ``coordaction.shared_setup``), on the observatory's
situations: the financing plan in broad figures, the partners, the group's project
sheet, a document (anonymised statutes…), and the details the group keeps for the
reviewers (who may see the contact addresses: never shown to others)."""

from coordaction.content import _
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from coordaction.content.validators import check_upload_size
from plone.app.dexterity.textindexer import searchable
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.namedfile.field import NamedBlobFile
from plone.schema.email import Email
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class ISharedSetup(model.Schema):
    model.fieldset(
        "setup",
        label=_("Set-up shared by a group"),
        fields=[
            "financing_plan",
            "setup_partners",
            "project_sheet",
            "setup_document",
            "private_details",
            "proposer_email",
        ],
    )
    searchable("financing_plan", "setup_partners")
    financing_plan = schema.Text(
        title=_("Financing plan"),
        description=_(
            "In broad figures: total cost, own funds, loans, grants, each with "
            "its share."
        ),
        required=False,
        max_length=5000,
    )
    setup_partners = schema.Text(
        title=_("Partners"),
        description=_("The bank, the social landlord, the municipality…"),
        required=False,
        max_length=2000,
    )
    directives.widget(
        "project_sheet",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["ProjectSheet"]},
    )
    project_sheet = RelationChoice(
        title=_("Project sheet of the group"),
        source=CatalogSource(portal_type="ProjectSheet"),
        required=False,
    )
    setup_document = NamedBlobFile(
        title=_("Document"),
        description=_("Anonymised statutes, a financing table…"),
        required=False,
        constraint=check_upload_size,
    )
    directives.read_permission(private_details=VIEW_CONTACT_PERMISSION)
    private_details = schema.Text(
        title=_("Details for the reviewers only"),
        description=_(
            "Names, amounts, whatever the group tells the team without publishing "
            "it: never shown to visitors."
        ),
        required=False,
        max_length=5000,
    )
    directives.read_permission(proposer_email=VIEW_CONTACT_PERMISSION)
    proposer_email = Email(
        title=_("E-mail of the group"),
        description=_(
            "Of whoever shared the set-up through the public form; never shown: "
            "they are told when it is published."
        ),
        required=False,
    )
