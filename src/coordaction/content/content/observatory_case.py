"""ObservatoryCase (Situation de l'observatoire juridique et financier): a blocking
situation a group met, its context, the solution found (if any), the legal texts it
rests on, the legal forms it concerns and where it stands."""

from coordaction.content import _
from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


class IObservatoryCase(model.Schema):
    model.fieldset(
        "legal",
        label=_("Legal framework"),
        fields=["legal_forms", "legal_references", "related_templates"],
    )

    case_domains = schema.List(
        title=_("Area"),
        description=_("Is the situation legal, financial, or both?"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.case_domains"),
        required=True,
        min_length=1,
        missing_value=[],
    )
    directives.widget("case_domains", CheckBoxFieldWidget)
    case_status = schema.Choice(
        title=_("Where do things stand?"),
        vocabulary="coordaction.vocabularies.case_statuses",
        required=True,
    )
    searchable("situation", "group_context", "solution", "legal_references")
    situation = RichText(
        title=_("Blocking situation"),
        description=_("What blocked the group: the refusal, the rule, the legal gap…"),
        required=True,
    )
    group_context = schema.Text(
        title=_("Context"),
        description=_(
            "The group and its project: size, stage, partners, municipality… "
            "without any person's name."
        ),
        required=False,
    )
    solution = RichText(
        title=_("Solution found"),
        description=_(
            "How the group got through it, or the leads being followed. Empty as "
            "long as no solution is known."
        ),
        required=False,
    )
    directives.widget("legal_forms", CheckBoxFieldWidget)
    legal_forms = schema.List(
        title=_("Legal forms concerned"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.legal_forms"),
        required=False,
        default=[],
        missing_value=[],
    )
    legal_references = schema.Text(
        title=_("Legal references"),
        description=_(
            "The texts at stake: articles of law, decrees, case law, ministerial "
            "answers… one per line."
        ),
        required=False,
    )
    directives.widget(
        "related_templates",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["LegalTemplate"], "recentlyUsed": True},
    )
    related_templates = RelationList(
        title=_("Related templates"),
        description=_(
            "The templates that help solve the situation: the page of each will "
            "link back to this one."
        ),
        value_type=RelationChoice(source=CatalogSource(portal_type="LegalTemplate")),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IObservatoryCase)
class ObservatoryCase(Item):
    """A blocking situation of the observatory and the solution found."""

    def reference_lines(self):
        """The legal references, one per line, without blank lines."""
        return [
            line.strip()
            for line in (self.legal_references or "").splitlines()
            if line.strip()
        ]
