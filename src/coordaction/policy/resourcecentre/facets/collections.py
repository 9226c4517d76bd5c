"""The public collections of ``@facets`` and the facets a visitor filters them by,
read from the table of sections (``coordaction.content.sections``): each section
with a ``search`` is a collection, with the facets of its faceted page, under the
same titles and in the same order."""

from collections.abc import Mapping
from coordaction.content import sections
from dataclasses import dataclass
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


@dataclass(frozen=True)
class Collection:
    name: str
    portal_type: str
    section: str
    # The counted facets (coordaction.content.sections.Facet), in the page's order.
    facets: tuple
    # A range of years (the page's "Année"): year_min and year_max.
    year_range: bool = False
    # Workflow states a visitor may ask for; the first ones are the default.
    states: tuple = ("published",)
    default_states: tuple = ("published",)
    item_fields: tuple = ()
    # Sort when no full text is given; "upcoming" keeps events to come only.
    default_sort: str = "date"
    upcoming: bool = False
    # Only the items inside the section.
    within_section: bool = False
    # What the index shown_in gives to the section (Search.shown_in).
    shown_in: bool = False
    # Items with coordinates (latitude and longitude metadata): "near" a commune.
    located: bool = False


def collection_of(section):
    """The @facets collection of a section of the table (one with a search)."""
    search = section.search
    states = default_states = ("published",)
    for facet in search.facets:
        if facet.widget == "range" and facet.index != "year":
            raise ValueError(
                f"{search.collection}: @facets has no range on {facet.index}"
            )
        if facet.index == "review_state":
            vocabulary = getUtility(IVocabularyFactory, facet.vocabulary)(None)
            states = tuple(term.value for term in vocabulary)
            default_states = facet.default or states
        elif facet.default:
            raise ValueError(
                f"{search.collection}: @facets has no default for {facet.index}"
            )
    return Collection(
        name=search.collection,
        # A section without a faceted page (the agenda): its main type.
        portal_type=section.listed_type or section.allowed_types[0],
        section=section.id,
        facets=tuple(facet for facet in search.facets if facet.counted),
        year_range=any(facet.widget == "range" for facet in search.facets),
        states=states,
        default_states=default_states,
        item_fields=search.item_fields,
        default_sort=search.sort,
        upcoming=search.upcoming,
        within_section=search.within_section,
        shown_in=search.shown_in,
        located="latitude" in search.item_fields,
    )


class Collections(Mapping):
    """{name: Collection}, in the order of the table of sections, read from it at
    each look-up (a section added to the table is a collection at once)."""

    def _searched(self):
        return [section for section in sections.SECTIONS if section.search]

    def __getitem__(self, name):
        for section in self._searched():
            if section.search.collection == name:
                return collection_of(section)
        raise KeyError(name)

    def __iter__(self):
        return (section.search.collection for section in self._searched())

    def __len__(self):
        return len(self._searched())


COLLECTIONS = Collections()
