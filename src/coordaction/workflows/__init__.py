"""coordaction.workflows: the review workflows, the roles and the working-group
spaces (roster, local roles)."""

from zope.i18nmessageid import MessageFactory


PROFILE_ID = "coordaction.workflows:default"

_ = MessageFactory("coordaction")
