"""The mail of a proposal's course: the organisers are told of each new proposal,
the proposer of each step (studied, retained, scheduled with its slot, not retained
with the reason), always with the link to follow it when they have one. Sent in the
site's language through the mail queue: a mail never fails the step it tells of."""

from coordaction.content.content.meeting_proposal import IMeetingProposal
from coordaction.content.i18n import site_language
from coordaction.content.sections import MEETINGS
from coordaction.policy import _
from coordaction.policy.interfaces import IReceipt
from coordaction.policy.meetings import follow
from coordaction.policy.meetings.slots import is_scheduled
from coordaction.policy.meetings.slots import slot_text
from coordaction.workflows.groups import SECTION_TEAMS
from coordaction.workflows.notices import send_notice
from coordaction.workflows.notifications import author_address
from coordaction.workflows.notifications import reviewer_addresses
from coordaction.workflows.transitions import _transition_id
from coordaction.workflows.transitions import comment_of
from plone import api
from zope.component import adapter
from zope.i18nmessageid import Message
from zope.interface import implementer


PROPOSAL_WORKFLOW = "coordaction_proposal_workflow"


def organiser_addresses():
    """The organisers of the meetings; the reviewers while there are none."""
    group_id = SECTION_TEAMS[MEETINGS][0]
    group = api.group.get(groupname=group_id)
    members = api.user.get_users(group=group) if group is not None else []
    addresses = sorted(
        {m.getProperty("email") for m in members if m.getProperty("email")}
    )
    return addresses or reviewer_addresses()


def _follow_lines(proposal):
    key = follow.key_of(proposal)
    if key is None:
        return ""
    return Message(
        _(
            "Follow your proposal: ${url}",
            mapping={"url": follow.follow_url(key)},
        )
    )


def _mapping(proposal, **more):
    edition = proposal.edition()
    return {
        "title": proposal.Title(),
        "edition": edition.Title() if edition is not None else "",
        # By its UID: a proposal is named after its title once it is added.
        "url": f"{api.portal.get().absolute_url()}/resolveuid/{proposal.UID()}",
        "follow": _follow_lines(proposal),
        **more,
    }


# Set on the copy of a proposal being pasted, before it is added: not news.
COPIED = "_v_coordaction_copied"


def mark_copy(proposal, event):
    """Subscriber (copied): the pasted copy is not a new proposal for the
    organisers (it keeps the volatile mark until it is added, in the same request)."""
    setattr(proposal, COPIED, True)


def tell_organisers(proposal, event):
    """A new proposal: the organisers get its link (not for a pasted copy)."""
    if getattr(proposal, COPIED, False):
        return
    mapping = _mapping(proposal)
    send_notice(
        organiser_addresses(),
        _("[RNHP] New proposal: ${title}", mapping=mapping),
        _(
            "Hello,\n"
            "\n"
            "A contribution is proposed for ${edition}: “${title}”.\n"
            "${url}\n"
            "\n"
            "The board of the edition lists every proposal by state.",
            mapping=mapping,
        ),
    )


@implementer(IReceipt)
@adapter(IMeetingProposal)
class ProposalReceipt:
    """The acknowledgement of a proposal deposited through a form, with a new link
    to follow it."""

    def __init__(self, proposal):
        self.proposal = proposal

    def message(self):
        follow.issue_key(self.proposal)
        return _receipt(self.proposal)


def _receipt(proposal):
    mapping = _mapping(proposal)
    return (
        _("[RNHP] Received: ${title}", mapping=mapping),
        _(
            "Hello,\n"
            "\n"
            "We have received your proposal “${title}” for ${edition}. The "
            "organisers will study it; you will receive an e-mail at each step.\n"
            "\n"
            "${follow}\n"
            "\n"
            "Keep this link to yourself: whoever has it sees the status of the "
            "proposal. You can revoke it on that page.",
            mapping=mapping,
        ),
    )


# transition -> subject, body: what the proposer is told.
STEPS = {
    "study": (
        _("[RNHP] Under study: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "The organisers of ${edition} are studying your proposal “${title}”.\n"
            "\n"
            "${follow}"
        ),
    ),
    "retain": (
        _("[RNHP] Retained: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "Your proposal “${title}” is retained for ${edition}. The organisers "
            "will tell you its slot in the programme.\n"
            "\n"
            "${follow}"
        ),
    ),
    "schedule": (
        _("[RNHP] Scheduled: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "Your proposal “${title}” is in the programme of ${edition}:\n"
            "${slot}\n"
            "\n"
            "${follow}"
        ),
    ),
    "decline": (
        _("[RNHP] Not retained: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "Your proposal “${title}” is not retained for ${edition}. The "
            "organisers' reason:\n"
            "\n"
            "${comment}\n"
            "\n"
            "Thank you for proposing it.\n"
            "\n"
            "${follow}"
        ),
    ),
}


def proposal_step(event):
    """The transition of a proposal's workflow an event is about, or None."""
    if getattr(event.workflow, "id", None) != PROPOSAL_WORKFLOW:
        return None
    return _transition_id(event)


def tell_proposer(proposal, event):
    step = STEPS.get(proposal_step(event))
    address = author_address(proposal)
    if step is None or not address:
        return
    subject, body = step
    mapping = _mapping(
        proposal,
        comment=comment_of(event),
        slot=slot_text(proposal, site_language()) if is_scheduled(proposal) else "",
    )
    send_notice(
        [address], Message(subject, mapping=mapping), Message(body, mapping=mapping)
    )
