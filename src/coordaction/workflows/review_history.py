"""What an item's review says to its author: the last step of its workflow (who,
when, with which comment), read from Plone's workflow history. A refused item is
back in draft with the reviewer's reason; a submitted one waits since its
submission."""

from Acquisition import aq_base
from coordaction.workflows import _
from DateTime import DateTime
from plone import api


def last_review(item):
    """{"action", "comment", "time", "actor", "state"} of the last step of the
    item's workflow, or None when it has none."""
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(item)
    if not workflows:
        return None
    history = getattr(aq_base(item), "workflow_history", {}).get(workflows[0].getId())
    if not history:
        return None
    step = history[-1]
    return {
        "action": step.get("action"),
        "comment": (step.get("comments") or "").strip(),
        "time": step.get("time"),
        "actor": step.get("actor"),
        "state": step.get("review_state"),
    }


def refusal_reason(item):
    """The reviewer's reason when the item's last step was a refusal, else ""."""
    step = last_review(item)
    if step and step["action"] == "reject":
        return step["comment"]
    return ""


def state_title(item):
    """The title of the item's state in its own workflow (a photo in the bank
    follows the publication workflow through a placeful policy, not its type's)."""
    workflows = api.portal.get_tool("portal_workflow").getWorkflowsFor(item)
    state = api.content.get_state(item, default=None)
    if not workflows or state is None or state not in workflows[0].states:
        return state or ""
    return workflows[0].states[state].title or state


def submitted_at(item):
    """When the item was last submitted for review (a DateTime), or None."""
    step = last_review(item)
    if step and step["action"] == "submit" and step["time"]:
        return DateTime(step["time"])
    return None


def waiting_since(time):
    """How long since ``time``, in words, as a message: "depuis aujourd'hui",
    "depuis hier", "depuis 3 jours"."""
    days = int(DateTime() - DateTime(time))
    if days <= 0:
        return _("since today")
    if days == 1:
        return _("since yesterday")
    return _("for ${days} days", mapping={"days": days})
