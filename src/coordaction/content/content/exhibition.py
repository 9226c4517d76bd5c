"""Exhibition (*Exposition RNHP*): photos an editor gathers, from the photo bank and
from the project sheets, shown in their order as a slideshow page, each with a
printable PDF sheet bearing its credit and licence."""

from coordaction.content import _
from plone.app.textfield import RichText
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope.interface import implementer


class IExhibition(model.Schema):
    text = RichText(
        title=_("Introduction"),
        description=_("What the exhibition shows, where and when it is shown."),
        required=False,
    )
    directives.widget(
        "photos",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Image"], "recentlyUsed": True},
    )
    photos = RelationList(
        title=_("Photos"),
        description=_(
            "In the order of the exhibition: photos of the bank and of project "
            "sheets. Each shows with its credit and licence; a photo visitors may "
            "not see is left out for them."
        ),
        value_type=RelationChoice(source=CatalogSource(portal_type="Image")),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IExhibition)
class Exhibition(Item):
    """Photos gathered for an exhibition."""
