"""The photo bank (Banque d'images): the images inside its section follow the
publication workflow (``coordaction_photobank_policy``), so that a contributor's
upload stays private until a reviewer publishes it."""

from Acquisition import aq_base


POLICY = "coordaction_photobank_policy"


def ensure_photobank_policy(section):
    """Give the section the photo bank's policy below it (idempotent). The section
    itself keeps the portal's workflow: it is published like the other sections."""
    if getattr(aq_base(section), ".wf_policy_config", None) is None:
        section.manage_addProduct[
            "CMFPlacefulWorkflow"
        ].manage_addWorkflowPolicyConfig()
    config = getattr(section, ".wf_policy_config")
    if config.getPolicyBelowId() != POLICY:
        config.setPolicyBelow(POLICY, update_security=True)
