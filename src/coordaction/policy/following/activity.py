"""The activity of a place one can follow: what was published or changed in a
working group, a section, or on a chantier and in the resources it produced,
newest first, read from the catalog with the current user's rights, so the same
list serves the digest (read as the follower), *Mon espace*, the public page
``@@activite`` and its feeds, and never holds what the reader may not see."""

from coordaction.content.content.workstream import IWorkstream
from DateTime import DateTime
from plone import api


# At most this many changes per place (the page and the mail link to the rest).
SHOWN = 20


def _paths_and_uids(target):
    """Where the activity of ``target`` is read: its own path, and for a chantier
    the resources it says it produced."""
    uids = []
    if IWorkstream.providedBy(target):
        for relation in target.produced_resources or ():
            resource = None if relation.isBroken() else relation.to_object
            if resource is not None:
                uids.append(resource.UID())
    return "/".join(target.getPhysicalPath()), uids


def activity(target, since=None, limit=SHOWN):
    """[catalog brain] of what changed in ``target`` (since ``since``, a datetime
    or DateTime, if given), newest first, that the current user may see."""
    path, uids = _paths_and_uids(target)
    query = {"sort_on": "modified", "sort_order": "descending", "sort_limit": limit + 1}
    if since is not None:
        query["modified"] = {"query": DateTime(since), "range": "min"}
    brains = list(api.content.find(path=path, **query))
    if uids:
        brains += list(api.content.find(UID=uids, **query))
    found = [
        brain
        for brain in brains
        # A section's own folder changes with what it holds: not news.
        if brain.getPath() != path or brain.portal_type != "Folder"
    ]
    found.sort(key=lambda brain: brain.modified, reverse=True)
    return found[:limit]
