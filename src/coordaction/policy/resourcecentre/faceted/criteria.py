"""The eea.facetednavigation criteria of a section's faceted page, made from its
``search`` in the table of sections (``coordaction.content.sections``), where its
facets are defined once for the page and for ``@facets``.

``section_criteria(section)`` gives, in the order of the page, each criterion as
eea's "Faceted criteria" screen or its XML import would add it: its id (the
parameter in the page's address), its widget, and its properties.
"""

from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from typing import NamedTuple


# The id of the full-text box.
TEXT_CRITERION = "texte"

# The sort a Search names, as the sorting widget of eea says it.
PAGE_SORTS = {"date": "effective(reverse)", "title": "sortable_title"}


class Criterion(NamedTuple):
    cid: str
    widget: str
    position: str
    properties: dict


def criterion(cid, widget, position, title, hidden=False, **properties):
    return Criterion(
        cid,
        widget,
        position,
        {
            "title": in_site_language(title),
            "position": position,
            "section": "default",
            "hidden": hidden,
            **properties,
        },
    )


def facet_criterion(facet):
    """The box of a facet in the left column, counted unless it is a range."""
    if facet.widget == "range":
        return criterion(
            facet.param,
            "range",
            "left",
            facet.title,
            index=facet.index,
            integer=True,
            labelStart=in_site_language(_("From")),
            labelEnd=in_site_language(_("to")),
        )
    properties = {"index": facet.index, "count": True}
    if facet.widget == "checkbox":
        properties.update(
            vocabulary=facet.vocabulary,
            operator="or",
            hidezerocount=not facet.zero_counts,
        )
        if facet.max_items:
            properties["maxitems"] = facet.max_items
    if facet.default:
        properties["default"] = list(facet.default)
    return criterion(facet.param, facet.widget, "left", facet.title, **properties)


def hidden_choice(cid, title, index, value):
    """A criterion the visitor does not see, that keeps the page to ``value`` of
    ``index``."""
    return criterion(
        cid, "checkbox", "top", title, hidden=True, index=index, default=[value]
    )


def section_criteria(section):
    """[Criterion] of the faceted page of ``section`` (which lists a type)."""
    search = section.search
    if search is None or not section.listed_type:
        raise ValueError(f"{section.id}: no faceted page (no listed type or search)")
    if search.sort not in PAGE_SORTS:
        raise ValueError(f"{section.id}: a faceted page cannot sort by {search.sort}")
    # Hidden: only the type the section lists, and only what is inside it (or
    # what the index shown_in gives it).
    criteria = [
        hidden_choice("type", _("Content type"), "portal_type", section.listed_type)
    ]
    if search.shown_in:
        criteria.append(
            hidden_choice("montre-dans", _("Shown in"), "shown_in", section.id)
        )
    if search.within_section:
        criteria.append(
            criterion(
                "chemin",
                "path",
                "top",
                _("Whereabouts"),
                hidden=True,
                index="path",
                default=f"/{section.id}",
            )
        )
    sort = PAGE_SORTS[search.sort]
    if not search.sortable:
        criteria.append(
            criterion("tri", "sorting", "top", _("Sort by"), hidden=True, default=sort)
        )
    if search.text is not None:
        criteria.append(
            criterion(
                TEXT_CRITERION,
                "text",
                "top",
                _("Search"),
                index="SearchableText",
                onlyallelements=True,
                wildcard=True,
                placeholder=in_site_language(search.text),
            )
        )
    criteria.extend(facet_criterion(facet) for facet in search.facets)
    criteria.append(
        criterion(
            "criteres",
            "criteria",
            "center",
            _("Your search"),
            hidecriteriaenabled=False,
        )
    )
    if search.sortable:
        criteria.append(
            criterion(
                "tri",
                "sorting",
                "center",
                _("Sort by"),
                vocabulary="coordaction.faceted.sort_options",
                default=sort,
            )
        )
    sizes = search.page_sizes
    criteria.append(
        criterion(
            "parpage",
            "resultsperpage",
            "bottomcenter",
            _("Results per page"),
            start=sizes.start,
            end=sizes[-1],
            step=sizes.step,
            default=search.page_size,
        )
    )
    return criteria
