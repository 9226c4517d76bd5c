"""``@vocabularies``: the portal's accounts and groups are not a public directory.

plone.restapi lets anyone read ``plone.app.users.group_ids`` (every group, private
working groups included) and any member read ``plone.app.vocabularies.Users``
(every account), because Plone gives "List portal members" to all members. Here:

- the accounts (``Users``) only for those who manage a roster: "List portal
  members" goes to the coordinators, in their own space (ask
  ``<space>/@vocabularies/...``), and to the site administrators (rolemap.xml);
- the groups (``Groups``, ``group_ids``, and ``Principals``, which holds them too)
  only for those who manage users and groups (site administrators): a group's title
  is its space's name.

Anonymous visitors get 401, members 403, as plone.restapi answers for its other
protected vocabularies."""

from plone import api
from plone.restapi.services.vocabularies.get import VocabulariesGet


MANAGE_GROUPS = "Plone Site Setup: Users and Groups"

# Stricter than plone.app.content's PERMISSIONS ("List portal members").
GROUP_VOCABULARIES = {
    "plone.app.vocabularies.Groups": MANAGE_GROUPS,
    "plone.app.vocabularies.Principals": MANAGE_GROUPS,
    "plone.app.users.group_ids": MANAGE_GROUPS,
}


class DirectoryVocabulariesGet(VocabulariesGet):
    def _has_permission_to_access_vocabulary(self, vocabulary_name):
        permission = GROUP_VOCABULARIES.get(vocabulary_name)
        if permission is not None and not api.user.has_permission(
            permission, obj=self.context
        ):
            return False
        return super()._has_permission_to_access_vocabulary(vocabulary_name)
