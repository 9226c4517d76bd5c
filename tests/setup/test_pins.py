"""The pins: one source (constraints.txt), buildout's versions.cfg generated from it."""

from pathlib import Path
import importlib.util
import unittest


ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("pins", ROOT / "scripts" / "pins.py")
pins = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pins)


class TestPins(unittest.TestCase):
    def setUp(self):
        self.pins = {
            name.lower(): version for name, version in pins.read_constraints().items()
        }

    def test_versions_cfg_is_generated_from_constraints(self):
        self.assertEqual(
            (ROOT / "versions.cfg").read_text(encoding="utf-8"),
            pins.render_versions(pins.read_constraints()),
            "versions.cfg is out of date: run `make pins`",
        )

    def test_the_stack_we_build_on(self):
        expected = {
            "products.cmfplone": "6.2.2",
            "plone": "6.2.2",
            "plone.restapi": "10.0.4",
            "collective.easyform": "5.0.2",
            "eea.facetednavigation": "16.4",
            # 7.0.0a6, a pre-release pip would otherwise pick, breaks Plone 6.2.2.
            "plone.app.layout": "6.0.2",
        }
        for name, version in expected.items():
            self.assertEqual(self.pins.get(name), version, name)

    def test_setuptools_stays_below_81(self):
        # eea.facetednavigation 16.4 imports pkg_resources, gone from setuptools 81.
        major = int(self.pins["setuptools"].split(".")[0])
        self.assertLess(major, 81)

    def test_installed_versions_match_the_pins(self):
        from importlib.metadata import distributions

        wrong = {}
        for dist in distributions():
            # setuptools puts its vendored copies (wheel, packaging...) on the path.
            if "_vendor" in str(dist.locate_file("")) or "_vendor" in str(
                getattr(dist, "_path", "")
            ):
                continue
            name = dist.metadata["Name"].lower()
            pinned = self.pins.get(name) or self.pins.get(name.replace("-", "_"))
            if pinned is None:
                pinned = self.pins.get(name.replace("_", "-"))
            if pinned is not None and pinned != dist.version:
                wrong[name] = (pinned, dist.version)
        self.assertEqual(wrong, {})

    def test_a_bad_line_is_refused(self):
        bad = ROOT / "var" / "bad-constraints.txt"
        bad.parent.mkdir(exist_ok=True)
        bad.write_text("Plone>=6\n", encoding="utf-8")
        try:
            with self.assertRaises(SystemExit) as raised:
                pins.read_constraints(bad)
            self.assertIn("not a 'name==version' pin", str(raised.exception))
        finally:
            bad.unlink()
