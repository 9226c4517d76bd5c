"""What happens around a transition of the publication workflow: a rejection needs
a comment, publishing sets the publication date, and a resource written in a
working-group space moves to the resource centre when it is published."""

from coordaction.content.i18n import in_request_language
from coordaction.content.sections import RESOURCE_CENTRE
from coordaction.workflows import _
from coordaction.workflows.spaces.lifecycle import space_of
from DateTime import DateTime
from plone import api
from Products.CMFCore.WorkflowCore import WorkflowException
import logging


logger = logging.getLogger(__name__)
PUBLICATION_WORKFLOW = "coordaction_publication_workflow"


def _is_ours(event):
    return getattr(event.workflow, "id", None) == PUBLICATION_WORKFLOW


def _transition_id(event):
    return event.transition.getId() if event.transition is not None else None


def comment_of(event):
    return ((event.kwargs or {}).get("comment") or "").strip()


def require_rejection_comment(obj, event):
    if _is_ours(event) and _transition_id(event) == "reject" and not comment_of(event):
        raise WorkflowException(
            in_request_language(
                _("Tell the author why you refuse: a comment is required.")
            )
        )


def set_publication_date(obj, event):
    if (
        _is_ours(event)
        and _transition_id(event) == "publish"
        and not obj.effective_date
    ):
        obj.setEffectiveDate(DateTime())
        obj.reindexObject(idxs=["effective", "effectiveRange"])


def move_published_resource_to_the_centre(obj, event):
    """A resource submitted from a group space is published in the resource centre,
    so that the public never reaches it through (nor reads the name of) the space."""
    if not (_is_ours(event) and _transition_id(event) == "publish"):
        return
    if obj.portal_type != "Resource" or space_of(obj) is None:
        return
    centre = api.portal.get().get(RESOURCE_CENTRE)
    if centre is None:
        return
    with api.env.adopt_roles(["Manager"]):
        api.content.move(source=obj, target=centre, safe_id=True)
