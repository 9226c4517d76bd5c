"""The national meetings of participatory housing (RNHP): the editions of the
*Rencontres* section, the contributions proposed for them and how their proposers
follow them (``follow``), the mail of each step (``notices``), the organisers'
work (``organising``: study, schedule, decline with a reason) and the pages of an
edition and of a proposal (``pages``).

The content types are ``coordaction.content``'s (``MeetingEdition``,
``MeetingProposal``); the workflow of a proposal is ``coordaction.workflows``'
(``coordaction_proposal_workflow``)."""
