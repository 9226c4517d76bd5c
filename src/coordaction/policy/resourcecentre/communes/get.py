"""REST: ``@communes``, the communes a person means when typing a name or a
postcode, for "Autour de…" on the project map (and any client of ``near``).

    GET /@communes?q=villeurb        the start of a name (accents, case, "St" ignored)
    GET /@communes?q=691             the start of a postcode
    GET /@communes?insee=69123       one commune by its INSEE code

From the table shipped with the portal (``coordaction.content.communes``)."""

from coordaction.content.communes import commune_by_insee
from coordaction.content.communes import find_communes
from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from plone.restapi.services import Service
from zExceptions import BadRequest


MAX_LIMIT = 20
SOURCE = "INSEE, La Poste (Licence Ouverte) ; coordonnées GeoNames (CC BY 4.0)"


def commune_json(commune):
    return {
        "insee": commune.insee,
        "title": commune.title,
        "name": commune.name,
        "departement": commune.departement,
        "postcodes": list(commune.postcodes),
        "latitude": commune.latitude,
        "longitude": commune.longitude,
    }


class CommunesGet(Service):
    def reply(self):
        form = self.request.form
        for name in ("q", "insee", "limit"):
            if isinstance(form.get(name), (list, tuple)):
                raise BadRequest(
                    in_request_language(
                        _("“${name}” takes only one value.", mapping={"name": name})
                    )
                )
        if form.get("insee"):
            commune = commune_by_insee(form["insee"])
            found = [commune] if commune else []
        elif "q" in form:
            limit = form.get("limit") or "10"
            if not str(limit).isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
                raise BadRequest(
                    in_request_language(
                        _(
                            "“limit” is a whole number from 1 to ${maximum}.",
                            mapping={"maximum": MAX_LIMIT},
                        )
                    )
                )
            found = find_communes(form["q"][:100], int(limit))
        else:
            raise BadRequest(
                in_request_language(
                    _("Give “q” (a name or a postcode) or “insee” (an INSEE code).")
                )
            )
        return {
            "items": [commune_json(commune) for commune in found],
            "items_total": len(found),
            "source": SOURCE,
        }
