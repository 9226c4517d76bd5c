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
        label=_("Cadre juridique"),
        fields=["legal_forms", "legal_references", "related_templates"],
    )

    case_domains = schema.List(
        title=_("Domaine"),
        description=_("La situation est-elle juridique, financière, ou les deux ?"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.case_domains"),
        required=True,
        min_length=1,
        missing_value=[],
    )
    directives.widget("case_domains", CheckBoxFieldWidget)
    case_status = schema.Choice(
        title=_("Où en est-on ?"),
        vocabulary="coordaction.vocabularies.case_statuses",
        required=True,
    )
    searchable("situation", "group_context", "solution", "legal_references")
    situation = RichText(
        title=_("Situation bloquante"),
        description=_(
            "Ce qui a bloqué le groupe : le refus, la règle, le vide juridique…"
        ),
        required=True,
    )
    group_context = schema.Text(
        title=_("Contexte"),
        description=_(
            "Le groupe et son projet : taille, étape, partenaires, commune… "
            "sans nom de personne."
        ),
        required=False,
    )
    solution = RichText(
        title=_("Solution trouvée"),
        description=_(
            "Comment le groupe s'en est sorti, ou les pistes en cours. Vide tant "
            "qu'aucune solution n'est connue."
        ),
        required=False,
    )
    directives.widget("legal_forms", CheckBoxFieldWidget)
    legal_forms = schema.List(
        title=_("Formes juridiques concernées"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.legal_forms"),
        required=False,
        default=[],
        missing_value=[],
    )
    legal_references = schema.Text(
        title=_("Références juridiques"),
        description=_(
            "Les textes en jeu : articles de loi, décrets, jurisprudence, "
            "réponses ministérielles… un par ligne."
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
        title=_("Trames-types liées"),
        description=_(
            "Les trames qui aident à résoudre la situation : la page de chacune "
            "renverra vers celle-ci."
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
