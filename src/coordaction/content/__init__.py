"""coordaction.content: the content model of the portal (types, behaviors such as
the Creative Commons licence, vocabularies, indexers, views)."""

from zope.i18nmessageid import MessageFactory


PROFILE_ID = "coordaction.content:default"

_ = MessageFactory("coordaction")
