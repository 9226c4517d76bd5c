"""coordaction.policy: the add-on a site administrator installs.

It depends on the content and workflows packages and sets a fresh Plone up as
the federation's portal (language, navigation skeleton, mail, REST, forms, facets).
"""

from zope.i18nmessageid import MessageFactory


PACKAGE_NAME = "coordaction.policy"
PROFILE_ID = "coordaction.policy:default"

_ = MessageFactory("coordaction")
