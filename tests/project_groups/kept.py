"""A published project sheet kept by a member of its group (camille), and another
member who keeps nothing (intrus), for the tests of what a keeper does."""

from coordaction.policy.project_groups import maintainers
from tests import builders
from tests.http import VisitorTestCase


class KeptSheetTestCase(VisitorTestCase):
    users = {
        **VisitorTestCase.users,
        "camille": {"groups": ("membres-du-reseau",)},
        "intrus": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        super().build()
        self.sheet = builders.publish(
            builders.project_sheet(self.portal["projets"], title="Le Village Vertical")
        )
        token, _mail = maintainers.ask(self.sheet, "camille")
        maintainers.entrust(self.sheet, token)
