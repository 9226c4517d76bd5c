"""REST: plone.restapi's @workflow POST, with the answer a client expects when a
transition exists but is not allowed to this user: 403 and a French message,
instead of a 400 "No workflow provides this action"."""

from coordaction.content.i18n import in_request_language
from coordaction.workflows import _
from plone.restapi.services.workflow.transition import WorkflowTransition
from zExceptions import Forbidden


class GuardedWorkflowTransition(WorkflowTransition):
    def transitions_of_the_workflow(self):
        ids = set()
        for workflow in self.wftool.getWorkflowsFor(self.context):
            ids.update(workflow.transitions.objectIds())
        return ids

    def reply(self):
        if self.transition is not None:
            allowed = {
                transition["id"]
                for transition in self.wftool.getTransitionsFor(self.context)
            }
            if (
                self.transition not in allowed
                and self.transition in self.transitions_of_the_workflow()
            ):
                raise Forbidden(
                    in_request_language(
                        _(
                            "You cannot do “${transition}” on this item in its current state.",
                            mapping={"transition": self.transition},
                        )
                    )
                )
        return super().reply()
