"""What a future resident looks for, and whether a project sheet or an ad matches it.

The rules (the page and the README tell them to visitors):

- **région** (required): the item is in that région.
- **département** (optional, must belong to the région): a project is in that
  département; an ad is in it *or* names no département (it is about the whole
  région: the département of an ad is optional).
- **étape** and **statut d'occupation** (optional): the project has that value.
- **nombre de foyers** (optional): the project plans *at most* that many households
  (a future resident says how big a group they are ready to live in); a project that
  does not say how many households it plans is kept rather than hidden.
- Projects are published and looking for new members. Ads are published, not expired,
  and of a kind a future resident answers: a group looking for members, housing in a
  participatory project, land or a building available. Ads have no stage, tenure or
  size: they match on their place only.
- **annonces foncières seulement** (optional): no projects, and the ads about land
  only, of both kinds (land looked for, land available): for a group looking for
  land, or whoever has some to offer.
"""

from coordaction.content.vocabularies.geography import departements
from coordaction.content.vocabularies.geography import region_of_departement
from coordaction.content.vocabularies.geography import regions
from coordaction.content.vocabularies.lists import AD_KINDS
from coordaction.content.vocabularies.lists import LAND_AD_KINDS
from coordaction.content.vocabularies.lists import PROJECT_STAGES
from coordaction.content.vocabularies.lists import TENURES
from coordaction.policy import _
from dataclasses import asdict
from dataclasses import dataclass
from dataclasses import fields
from urllib.parse import urlencode


RESIDENT_AD_KINDS = ("groupe-cherche-membres", "logement", "foncier-bati")
MAX_HOUSEHOLDS = 1000

STAGE_TITLES = dict(PROJECT_STAGES)
TENURE_TITLES = dict(TENURES)
AD_KIND_TITLES = dict(AD_KINDS)

# The page's form parameters (French, they show in the address) and the attributes
# of Criteria they fill.
PARAMETERS = {
    "region": "region",
    "departement": "departement",
    "etape": "stage",
    "foyers": "households",
    "occupation": "tenure",
    "foncier": "land_only",
}


@dataclass(frozen=True)
class Criteria:
    region: str
    departement: str | None = None
    stage: str | None = None
    households: int | None = None
    tenure: str | None = None
    land_only: bool = False

    @classmethod
    def from_dict(cls, data):
        return cls(**{field.name: data.get(field.name) for field in fields(cls)})

    def as_dict(self):
        return asdict(self)

    def parameters(self):
        """The form parameters that give these criteria back, in form order."""
        return [
            (
                parameter,
                "1"
                if getattr(self, attribute) is True
                else str(getattr(self, attribute)),
            )
            for parameter, attribute in PARAMETERS.items()
            if getattr(self, attribute) not in (None, "", False)
        ]

    def query_string(self):
        return urlencode(self.parameters())

    # The page: catalog queries, then what an index cannot say.

    def project_query(self):
        query = {
            "portal_type": "ProjectSheet",
            "review_state": "published",
            "looking_for_members": True,
            "regions": self.region,
        }
        if self.departement:
            query["departements"] = self.departement
        if self.stage:
            query["stage"] = self.stage
        if self.tenure:
            query["tenure"] = self.tenure
        return query

    def ad_kinds(self):
        return LAND_AD_KINDS if self.land_only else RESIDENT_AD_KINDS

    def ad_query(self):
        return {
            "portal_type": "ClassifiedAd",
            "review_state": "published",
            "ad_kind": list(self.ad_kinds()),
            "regions": self.region,
        }

    def fits_size(self, households_planned):
        return (
            self.households is None
            or households_planned is None
            or households_planned <= self.households
        )

    def fits_ad_place(self, departement):
        return (
            not self.departement or not departement or departement == self.departement
        )

    # The alerts: one item, just published.

    def matches_project(self, project):
        return (
            not self.land_only
            and bool(project.looking_for_members)
            and project.region == self.region
            and (not self.departement or project.departement == self.departement)
            and (not self.stage or project.stage == self.stage)
            and (not self.tenure or project.tenure == self.tenure)
            and self.fits_size(project.households_planned)
        )

    def matches_ad(self, ad):
        return (
            ad.ad_kind in self.ad_kinds()
            and ad.region == self.region
            and self.fits_ad_place(ad.departement)
        )

    def describe(self):
        """[(label, value)] for people: messages to translate, or plain text."""
        lines = [(_("Region"), regions().get(self.region, self.region))]
        if self.departement:
            lines.append((_("Département"), departement_label(self.departement)))
        if self.stage:
            lines.append((_("Project stage"), STAGE_TITLES.get(self.stage, self.stage)))
        if self.households:
            lines.append(
                (
                    _("Project size"),
                    _(
                        "at most ${count} households",
                        mapping={"count": self.households},
                    ),
                )
            )
        if self.tenure:
            lines.append((_("Tenure"), TENURE_TITLES.get(self.tenure, self.tenure)))
        if self.land_only:
            lines.append((_("Looking for"), _("ads about land only")))
        return lines


def departement_label(code):
    entry = departements().get(code)
    return f"{entry[0]} ({code})" if entry else code


def place_label(commune, departement, region):
    """The parts that are known: "Rezé, Loire-Atlantique (44), Pays de la Loire"."""
    parts = [
        commune,
        departement_label(departement) if departement else None,
        regions().get(region) if region else None,
    ]
    return ", ".join(part for part in parts if part)


def is_search(form):
    """True when the visitor sent the criteria form (even an empty one)."""
    return any(parameter in form for parameter in PARAMETERS)


def _text(form, parameter):
    """The stripped text of a parameter, "" when absent, None when it is not text
    (a parameter sent twice, a file)."""
    value = form.get(parameter)
    if value is None:
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.strip() if isinstance(value, str) else None


def read_criteria(form):
    """(criteria, errors) from the page's form. With errors, criteria is None and
    each error says in French what to change."""
    errors = []
    region = _text(form, "region")
    if region == "":
        errors.append(_("Choose a region."))
    elif region not in regions():
        errors.append(_("Choose a region from the list."))
        region = None

    departement = _text(form, "departement")
    if departement is None or (departement and departement not in departements()):
        errors.append(_("Choose a département from the list, or none."))
    elif departement and region and region_of_departement(departement) != region:
        errors.append(
            _(
                "The département ${departement} is not in the region ${region}: choose "
                "a département of the region, or none.",
                mapping={
                    "departement": departement_label(departement),
                    "region": regions()[region],
                },
            )
        )

    stage = _text(form, "etape")
    if stage is None or (stage and stage not in STAGE_TITLES):
        errors.append(_("Choose a project stage from the list, or none."))

    tenure = _text(form, "occupation")
    if tenure is None or (tenure and tenure not in TENURE_TITLES):
        errors.append(_("Choose a tenure from the list, or none."))

    households = _text(form, "foyers")
    if households:
        digits = households.isascii() and households.isdigit()
        households = int(households) if digits else -1
    if households is None or (
        households != "" and not 1 <= households <= MAX_HOUSEHOLDS
    ):
        errors.append(
            _(
                "The number of households is a whole number from 1 to ${max}, for "
                "example 12.",
                mapping={"max": MAX_HOUSEHOLDS},
            )
        )

    land_only = _text(form, "foncier")
    if land_only not in ("", "1"):
        errors.append(_("Tick “Ads about land only”, or leave it empty."))

    if errors:
        return None, errors
    return (
        Criteria(
            region=region,
            departement=departement or None,
            stage=stage or None,
            households=households or None,
            tenure=tenure or None,
            land_only=land_only == "1",
        ),
        [],
    )
