"""What a resource shows of the chantiers it comes from: "Issu du chantier …",
read from the relations of the chantiers (``produced_resources``), only those the
reader may see."""

from coordaction.content.inactive import may_see
from plone import api
from plone.app.layout.viewlets.common import ViewletBase


def chantiers_of(resource):
    """The chantiers that say they produced ``resource`` and that the current user
    may see, by title."""
    found = []
    for relation in api.relation.get(
        target=resource, relationship="produced_resources", unrestricted=True
    ):
        if relation.isBroken():
            continue
        chantier = relation.from_object
        if chantier is not None and may_see(chantier):
            found.append(chantier)
    return sorted(found, key=lambda chantier: chantier.Title().lower())


class ProducedByViewlet(ViewletBase):
    def update(self):
        super().update()
        self.chantiers = chantiers_of(self.context)

    def available(self):
        return bool(self.chantiers)
