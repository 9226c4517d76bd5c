"""A member's own proposals to the meetings, for *Mon espace*: what they proposed
with their account (the form keeps them as its creator), in every state, with
where it stands. A proposer without an account follows theirs by the secret link."""

from coordaction.policy.meetings.pages import ProposalView
from plone import api


def proposals_of(user_id, request):
    """[{title, url, edition, state, state_title, explanation, slot}], newest first."""
    found = []
    for brain in api.content.find(
        portal_type="MeetingProposal",
        Creator=user_id,
        sort_on="created",
        sort_order="descending",
    ):
        proposal = brain.getObject()
        view = ProposalView(proposal, request)
        edition = proposal.edition()
        found.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "edition": edition.Title() if edition is not None else "",
                "state": brain.review_state,
                "state_title": view.state_title(),
                "explanation": view.explanation(),
                "slot": view.slot(),
                "reason": view.reason(),
            }
        )
    return found
