"""Settings of the content model, stored in the registry under ``coordaction.*``
and edited in the "Réglages du portail" control panel."""

from coordaction.content import _
from coordaction.content.licenses import DEFAULT_LICENSE
from zope import schema
from zope.interface import Interface
from zope.interface import Invalid


def valid_list_lines(lines):
    """Each line reads ``identifiant|Libellé``; identifiers are unique."""
    seen = set()
    for line in lines or ():
        token = line.partition("|")[0].strip()
        if not token or "|" not in line:
            raise Invalid(
                _(
                    "Chaque ligne doit avoir la forme « identifiant|Libellé » : ${line}",
                    mapping={"line": line},
                )
            )
        if token in seen:
            raise Invalid(
                _(
                    "L'identifiant « ${token} » apparaît deux fois.",
                    mapping={"token": token},
                )
            )
        seen.add(token)
    return True


class IContentSettings(Interface):
    themes = schema.List(
        title=_("Thèmes"),
        description=_(
            "Un thème par ligne, sous la forme « identifiant|Libellé ». Ne changez pas "
            "l'identifiant d'un thème déjà utilisé : les contenus le gardent."
        ),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    resource_kinds = schema.List(
        title=_("Types de ressources"),
        description=_("Un type par ligne, sous la forme « identifiant|Libellé »."),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    shared_spaces = schema.List(
        title=_("Espaces partagés"),
        description=_("Un espace par ligne, sous la forme « identifiant|Libellé »."),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    default_license = schema.Choice(
        title=_("Licence par défaut"),
        description=_("La licence proposée à la création d'un contenu."),
        vocabulary="coordaction.vocabularies.licenses",
        default=DEFAULT_LICENSE,
    )
    max_upload_mb = schema.Int(
        title=_("Taille maximale d'un fichier déposé (Mo)"),
        min=1,
        max=2048,
        default=50,
    )
    ad_lifetime_days = schema.Int(
        title=_("Durée de vie d'une petite annonce (jours)"),
        description=_(
            "Une annonce publiée sans date d'expiration expire après ce nombre de jours."
        ),
        min=1,
        max=730,
        default=90,
    )
