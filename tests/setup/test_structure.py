"""The rooms of src/coordaction import one another one way (scripts/structure.py)."""

from pathlib import Path
import importlib.util
import unittest


ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "structure", ROOT / "scripts" / "structure.py"
)
structure = importlib.util.module_from_spec(spec)
spec.loader.exec_module(structure)


class TestStructure(unittest.TestCase):
    def test_imports_run_one_way_from_policy_to_workflows_to_content(self):
        edges, rooms = structure.arrows()
        self.assertIn("policy.resourcecentre", rooms)
        self.assertIn("workflows.spaces", rooms)
        self.assertEqual(structure.wrong_way(edges), [])

    def test_a_room_importing_a_later_package_is_reported(self):
        problems = structure.wrong_way({("content", "policy.agenda"): 1})
        self.assertEqual(problems, ["content -> policy.agenda: content comes first"])

    def test_two_features_importing_each_other_are_reported(self):
        problems = structure.wrong_way(
            {
                ("policy.matching", "policy.home"): 1,
                ("policy.home", "policy.matching"): 1,
            }
        )
        self.assertEqual(len(problems), 2)
        self.assertIn("policy.home -> policy.matching", problems[0])

    def test_a_module_at_the_top_of_a_package_is_its_own_room(self):
        self.assertEqual(
            structure.room_of_module("coordaction.workflows.transitions"),
            "workflows.transitions",
        )
        self.assertEqual(
            structure.room_of_module("coordaction.policy.agenda.page.AgendaView"),
            "policy.agenda",
        )
        self.assertEqual(structure.room_of_module("coordaction.policy._"), "policy")
        self.assertEqual(
            structure.room_of_module("coordaction.content.sections"), "content"
        )
        self.assertIsNone(structure.room_of_module("plone.api"))
