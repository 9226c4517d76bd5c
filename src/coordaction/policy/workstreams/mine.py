"""A member's chantiers, for *Mon espace*: those they carry (they wrote it, or
coordinate the group that carries it) with the offers waiting for their answer,
and those they offered to help on, with the answer; and their skills."""

from coordaction.policy.workstreams import skills
from coordaction.policy.workstreams.carriers import may_manage
from coordaction.policy.workstreams.offers import OFFERED
from coordaction.policy.workstreams.offers import WorkstreamOffers
from coordaction.policy.workstreams.pages import skill_terms
from plone import api


def chantiers_of(user_id, request):
    """{"carried": [{title, url, waiting}], "offered": [{title, url, state}],
    "skills": [titles], "alert": "off"|"pending"|"on"}; only the chantiers the
    member may see."""
    carried, offered = [], []
    for brain in api.content.find(portal_type="Workstream", sort_on="sortable_title"):
        chantier = brain.getObject()
        offers = WorkstreamOffers(chantier)
        if may_manage(chantier):
            carried.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "waiting": len(offers.all(OFFERED)),
                }
            )
        mine = offers.get(user_id)
        if mine is not None:
            offered.append(
                {"title": brain.Title, "url": brain.getURL(), "state": mine["state"]}
            )
    chosen = skills.skills_of(user_id)
    return {
        "carried": carried,
        "offered": offered,
        "skills": [
            term["title"] for term in skill_terms(request, chosen) if term["chosen"]
        ],
        "alert": skills.alert_state(user_id),
    }
