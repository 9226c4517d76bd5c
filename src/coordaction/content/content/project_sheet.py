"""ProjectSheet (Fiche projet): one participatory-housing project of the national
database and map. Its photos are the Images it contains. Its contact e-mail is read
only by those who manage the sheet: visitors reach the group through a form."""

from coordaction.content import _
from coordaction.content.fields import Coordinate
from coordaction.content.fields import WebAddress
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from coordaction.content.validators import check_coordinates_pair
from coordaction.content.validators import check_latitude
from coordaction.content.validators import check_longitude
from coordaction.content.validators import check_place
from coordaction.content.validators import check_postal_code
from coordaction.content.validators import check_year
from datetime import date
from plone.app.dexterity.textindexer import searchable
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.schema import Email
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IProjectSheet(model.Schema):
    model.fieldset(
        "place",
        label=_("Geolocation"),
        fields=[
            "commune",
            "postal_code",
            "departement",
            "region",
            "latitude",
            "longitude",
        ],
    )
    model.fieldset(
        "project",
        label=_("The project"),
        fields=[
            "households_planned",
            "households_current",
            "legal_form",
            "tenure",
            "partners",
            "partners_details",
            "start_year",
            "move_in_year",
            "shared_spaces",
        ],
    )
    model.fieldset(
        "contact",
        label=_("Contact"),
        fields=["looking_for_members", "website", "contact_email"],
    )

    stage = schema.Choice(
        title=_("Project stage"),
        vocabulary="coordaction.vocabularies.project_stages",
        required=True,
    )
    searchable("commune", "postal_code", "partners_details")
    commune = schema.TextLine(title=_("Municipality"), required=True)
    postal_code = schema.TextLine(
        title=_("Postcode"), required=True, constraint=check_postal_code
    )
    departement = schema.Choice(
        title=_("Département"),
        vocabulary="coordaction.vocabularies.departements",
        required=True,
    )
    region = schema.Choice(
        title=_("Region"),
        vocabulary="coordaction.vocabularies.regions",
        required=True,
    )
    latitude = Coordinate(
        title=_("Latitude"),
        description=_("In decimal degrees, for example 45.7578 for Lyon."),
        required=False,
        constraint=check_latitude,
    )
    longitude = Coordinate(
        title=_("Longitude"),
        description=_("In decimal degrees, for example 4.8320 for Lyon."),
        required=False,
        constraint=check_longitude,
    )
    households_planned = schema.Int(
        title=_("Number of planned households"), required=False, min=0, max=10000
    )
    households_current = schema.Int(
        title=_("Number of current households"), required=False, min=0, max=10000
    )
    legal_form = schema.Choice(
        title=_("Legal form"),
        vocabulary="coordaction.vocabularies.legal_forms",
        required=False,
    )
    tenure = schema.Choice(
        title=_("Tenure"),
        vocabulary="coordaction.vocabularies.tenures",
        required=False,
    )
    directives.widget("partners", CheckBoxFieldWidget)
    partners = schema.List(
        title=_("Partners"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.partners"),
        required=False,
        default=[],
        missing_value=[],
    )
    partners_details = schema.TextLine(
        title=_("Details about the partners"),
        description=_(
            "For example the name of the partner social landlord or municipality."
        ),
        required=False,
    )
    start_year = schema.Int(
        title=_("Starting year"), required=False, constraint=check_year
    )
    move_in_year = schema.Int(
        title=_("Moving-in year"),
        description=_("Planned, or actual if the place is lived in."),
        required=False,
        constraint=check_year,
    )
    directives.widget("shared_spaces", CheckBoxFieldWidget)
    shared_spaces = schema.List(
        title=_("Shared spaces"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.shared_spaces"),
        required=False,
        default=[],
        missing_value=[],
    )
    looking_for_members = schema.Bool(
        title=_("The group is looking for new members"), required=False, default=False
    )
    website = WebAddress(title=_("Website"), required=False)

    directives.read_permission(contact_email=VIEW_CONTACT_PERMISSION)
    contact_email = Email(
        title=_("Contact e-mail"),
        description=_(
            "Never shown to the public: visitors write to the group through a form."
        ),
        required=False,
    )

    # Set by the reviewers: the changes of the group's keepers of the sheet go to
    # review (coordaction.policy.project_groups.proposals).
    directives.write_permission(sensitive="cmf.ReviewPortalContent")
    sensitive = schema.Bool(
        title=_("Sensitive sheet"),
        description=_(
            "The changes of the members of the group who keep this sheet go to "
            "review before they show."
        ),
        required=False,
        default=False,
    )

    # When someone who keeps the sheet last said it is current (or changed it):
    # set by coordaction.content.confirmation, read by visitors and API clients.
    directives.omitted("confirmed_on")
    confirmed_on = schema.Date(
        title=_("Information confirmed on"),
        required=False,
        readonly=True,
    )

    @invariant
    def coordinates(data):
        check_coordinates_pair(data)

    @invariant
    def place(data):
        check_place(data)

    @invariant
    def years(data):
        start, move_in = (
            getattr(data, "start_year", None),
            getattr(data, "move_in_year", None),
        )
        if start and move_in and move_in < start:
            raise Invalid(_("Moving in cannot come before the start of the project."))
        if (
            getattr(data, "stage", None) == "habite"
            and move_in
            and move_in > date.today().year
        ):
            raise Invalid(
                _(
                    "The place is marked as lived in: the moving-in year (${year}) cannot "
                    "be in the future.",
                    mapping={"year": move_in},
                )
            )

    @invariant
    def households(data):
        planned = getattr(data, "households_planned", None)
        current = getattr(data, "households_current", None)
        if planned is not None and current is not None and current > planned * 2:
            raise Invalid(
                _(
                    "The number of current households seems inconsistent with the planned "
                    "number."
                )
            )


@implementer(IProjectSheet)
class ProjectSheet(Container):
    """A project sheet; the Images inside are its photos."""

    def photos(self):
        return [item for item in self.objectValues() if item.portal_type == "Image"]
