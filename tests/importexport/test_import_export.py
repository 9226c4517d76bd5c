"""Import and export of project sheets and resources, from and to CSV and JSON:
every bad row reported by line and reason, good rows imported, each row written
completely or not at all, re-runs that update instead of duplicating, a dry run
that writes nothing, exports that re-import as no-ops; and the administrators'
page ``@@import-export``."""

from coordaction.policy.importexport import run
from coordaction.policy.importexport.columns import column_names
from coordaction.policy.importexport.parse import read
from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from datetime import date
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from Products.CMFCore.indexing import processQueue
from tests import builders
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from tests.samples import IMPORT_SAMPLE as SAMPLE
from unittest import mock
import csv
import html
import io
import json
import re
import time
import unittest


THIS_YEAR = date.today().year
PROJECT_COLUMNS = column_names("ProjectSheet")
STAGES = (
    "reflexion",
    "groupe-constitue",
    "recherche-foncier",
    "conception",
    "chantier",
    "habite",
)
PLACES = (
    ("Villeurbanne", "69100", "69", "84", "45.7719", "4.8902"),
    ("Rennes", "35000", "35", "53", "48.1173", "-1.6778"),
    ("Nantes", "44000", "44", "52", "47.2184", "-1.5536"),
    ("Lille", "59000", "59", "32", "50.6292", "3.0573"),
    ("Die", "26150", "26", "84", "44.7536", "5.3703"),
    ("Ajaccio", "20000", "2A", "94", "41.9192", "8.7386"),
    ("Saint-Denis", "97400", "974", "04", "-20.8823", "55.4504"),
    ("Montreuil", "93100", "93", "11", "48.8611", "2.4436"),
)
# The five mistakes of the issue, each with the reason the report gives.
MISTAKES = (
    (
        {"latitude": "123.4"},
        "latitude : La latitude doit être comprise entre -90 et 90 degrés.",
    ),
    (
        {"departement": "13", "postal_code": "13001", "region": "84"},
        "Le département 13 n'est pas dans la région choisie.",
    ),
    (
        {"stage": "en-travaux"},
        "stage : valeur inconnue « en-travaux » (valeurs possibles : reflexion, "
        "groupe-constitue, recherche-foncier, conception, chantier, habite).",
    ),
    (
        {"stage": "habite", "start_year": "2020", "move_in_year": str(THIS_YEAR + 2)},
        "Le lieu est indiqué comme habité : l'année d'emménagement "
        f"({THIS_YEAR + 2}) ne peut pas être dans le futur.",
    ),
    ({"title": ""}, "title : obligatoire."),
)


def external_id(index):
    return f"bdd-{index:04d}"


def project_row(index):
    """A valid row of the federation's database, different for each index."""
    commune, postal_code, departement, region, latitude, longitude = PLACES[
        index % len(PLACES)
    ]
    stage = STAGES[index % len(STAGES)]
    planned = 4 + index % 20
    if stage == "habite":
        start, move_in, current = 2005 + index % 10, 2012 + index % 10, planned
    elif stage in ("conception", "chantier"):
        start, move_in, current = 2020, THIS_YEAR + 1 + index % 3, ""
    else:
        start, move_in, current = 2024, "", ""
    description = f"Un projet de {planned} foyers à {commune}."
    if index % 50 == 0:  # what CSV must quote: separators, quotes, line breaks
        description = f'Un lieu "vivant", à {commune} ; sur deux lignes\navec | et ;'
    return {
        "external_id": external_id(index),
        "title": f"Projet participatif n° {index}",
        "description": description,
        "stage": stage,
        "commune": commune,
        "postal_code": postal_code,
        "departement": departement,
        "region": region,
        "latitude": latitude,
        "longitude": longitude,
        "households_planned": str(planned),
        "households_current": str(current),
        "legal_form": ("cooperative-habitants", "scia", "", "brs-ofs")[index % 4],
        "tenure": ("cooperative", "", "location-sociale")[index % 3],
        "partners": ("", "ofs|amo", "bailleur-social")[index % 3],
        "partners_details": "La métropole, qui a cédé le terrain" if index % 3 else "",
        "start_year": str(start),
        "move_in_year": str(move_in),
        "looking_for_members": "oui" if index % 2 else "non",
        "shared_spaces": ("salle-commune|jardin", "", "buanderie")[index % 3],
        "website": f"https://projet-{index}.example.org" if index % 3 == 0 else "",
        "contact_email": f"projet-{index}@example.org",
        "license_spdx": ("CC-BY-SA-4.0", "CC-BY-4.0", "")[index % 3],
        "state": "private" if index % 4 == 0 else "published",
    }


def project_rows(count, mistakes_at=()):
    """Rows, with the MISTAKES at the given positions; and {line: reason}."""
    rows = [project_row(index) for index in range(count)]
    expected = {}
    for position, (changes, reason) in zip(mistakes_at, MISTAKES, strict=False):
        rows[position].update(changes)
        # A row's line is its row in a spreadsheet: line 1 is the header, a cell
        # on two lines (the descriptions of rows 0, 50, 100...) makes one row.
        expected[position + 2] = reason
    return rows, expected


def to_csv(rows, delimiter=","):
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(rows[0]), delimiter=delimiter, lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


class ImportTestCase(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.projets = self.portal["projets"]
        # The instance's ZODB cache (cache-size 30000 in ops/instance/filestorage.conf.in)
        # instead of the test database's 400 objects, which the per-row savepoints
        # would otherwise keep flushing and reloading.
        cache = self.portal._p_jar._cache
        size = cache.cache_size
        cache.cache_size = 30000
        self.addCleanup(setattr, cache, "cache_size", size)

    def import_projects(self, data, filename="projets.csv", dry_run=False):
        return run.import_file(
            self.projets, "ProjectSheet", data, filename=filename, dry_run=dry_run
        )

    def sheets(self):
        return {
            run.external_id_of_item(obj): obj
            for obj in run.items_of(self.projets, "ProjectSheet")
        }

    def modification_dates(self):
        return {key: obj.modified() for key, obj in self.sheets().items()}


class TestValidationOf2000Rows(ImportTestCase):
    def test_2000_rows_report_exactly_the_bad_rows_with_their_reason(self):
        rows, expected = project_rows(2000, mistakes_at=(137, 512, 1024, 1500, 1999))
        data = to_csv(rows)
        started = time.monotonic()
        report = self.import_projects(data, dry_run=True)
        seconds = time.monotonic() - started
        self.assertEqual(dict(report.errors), expected)
        self.assertEqual(report.refused_lines, [139, 514, 1026, 1502, 2001])
        self.assertEqual(len(report.created), 1995)
        self.assertEqual(report.updated + report.unchanged, [])
        self.assertIn("lignes refusées : 5.", report.summary())
        self.assertIn(
            "ligne 139 : latitude : La latitude doit être comprise entre -90 et 90 "
            "degrés.",
            report.lines(),
        )
        # A dry run writes nothing.
        self.assertEqual(self.sheets(), {})
        self.assertLess(seconds, 60)

    def test_the_same_rows_in_json_and_semicolon_csv_get_the_same_report(self):
        rows, expected = project_rows(60, mistakes_at=(3, 14, 15, 40, 59))
        semicolon = to_csv(
            [{**row, "latitude": row["latitude"].replace(".", ",")} for row in rows],
            delimiter=";",
        )
        report = self.import_projects(semicolon, dry_run=True)
        self.assertEqual(dict(report.errors), expected)
        self.assertEqual(len(report.created), 55)

        # JSON: the line is where the row's object starts.
        text = json.dumps(rows, ensure_ascii=False, indent=2)
        starts = [m.start() for m in re.finditer(r"^  \{", text, re.MULTILINE)]
        lines = [text.count("\n", 0, start) + 1 for start in starts]
        report = self.import_projects(text.encode(), "projets.json", dry_run=True)
        self.assertEqual(
            dict(report.errors),
            {lines[line - 2]: reason for line, reason in expected.items()},
        )


class TestWriting(ImportTestCase):
    """The writing parts use 120 rows: creating an item costs about 0.1 s (the
    catalog, the workflow), 2,000 would take minutes; the 2,000-row test above
    checks the validation and the report."""

    COUNT = 120
    MISTAKES_AT = (7, 30, 55, 80, 119)

    def test_good_rows_are_imported_and_a_rerun_changes_nothing(self):
        rows, expected = project_rows(self.COUNT, self.MISTAKES_AT)
        data = to_csv(rows)
        report = self.import_projects(data)
        self.assertEqual(dict(report.errors), expected)
        self.assertEqual(len(report.created), self.COUNT - 5)
        self.assertEqual(
            report.summary(),
            "Créés : 115 ; mis à jour : 0 ; inchangés : 0 ; lignes refusées : 5.",
        )
        sheets = self.sheets()
        self.assertEqual(len(sheets), 115)
        self.assertNotIn(external_id(7), sheets)

        sheet = sheets[external_id(3)]
        self.assertEqual(sheet.getId(), "projet-participatif-ndeg-3")
        self.assertEqual(sheet.external_id, "bdd-0003")
        self.assertEqual(sheet.title, "Projet participatif n° 3")
        self.assertEqual(sheet.stage, "conception")
        self.assertEqual((sheet.latitude, sheet.longitude), (50.6292, 3.0573))
        self.assertEqual(sheet.households_planned, 7)
        self.assertIsNone(sheet.households_current)
        self.assertEqual(sheet.partners, [])
        self.assertEqual(sheet.shared_spaces, ["salle-commune", "jardin"])
        self.assertEqual(sheet.website, "https://projet-3.example.org")
        self.assertIs(sheet.looking_for_members, True)
        self.assertEqual(sheet.license_spdx, "CC-BY-SA-4.0")
        self.assertEqual(api.content.get_state(sheet), "published")
        self.assertTrue(sheet.effective_date)
        self.assertEqual(sheets[external_id(2)].license_spdx, "CC-BY-SA-4.0")  # default
        self.assertEqual(sheets[external_id(4)].partners, ["ofs", "amo"])
        self.assertEqual(api.content.get_state(sheets[external_id(4)]), "private")
        self.assertEqual(
            sheets[external_id(0)].description,
            'Un lieu "vivant", à Villeurbanne ; sur deux lignes\navec | et ;',
        )
        # Indexed, with its state and the facets' values.
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(len(catalog(portal_type="ProjectSheet")), 115)
        published = [
            index
            for index in range(self.COUNT)
            if index % 4 and index not in self.MISTAKES_AT
        ]
        self.assertEqual(
            len(catalog(portal_type="ProjectSheet", review_state="published")),
            len(published),
        )

        # The same file again: nothing created, nothing updated.
        before = self.modification_dates()
        again = self.import_projects(data)
        self.assertEqual(dict(again.errors), expected)
        self.assertEqual((again.created, again.updated), ([], []))
        self.assertEqual(len(again.unchanged), 115)
        self.assertEqual(self.modification_dates(), before)
        self.assertEqual(len(self.sheets()), 115)

        # One changed row updates that item only.
        rows[10]["households_planned"] = "99"
        rows[11]["state"] = "private"
        changed = self.import_projects(to_csv(rows))
        self.assertEqual(changed.updated, [external_id(10), external_id(11)])
        self.assertEqual(len(changed.unchanged), 113)
        after = self.modification_dates()
        self.assertEqual(after[external_id(10)] > before[external_id(10)], True)
        self.assertEqual(
            {key for key in after if after[key] != before[key]}, {external_id(10)}
        )
        self.assertEqual(self.sheets()[external_id(10)].households_planned, 99)
        self.assertEqual(
            api.content.get_state(self.sheets()[external_id(11)]), "private"
        )

    def test_a_dry_run_writes_nothing(self):
        rows, expected = project_rows(30, (1, 2, 3, 4, 5))
        report = self.import_projects(to_csv(rows), dry_run=True)
        self.assertEqual(dict(report.errors), expected)
        self.assertEqual(len(report.created), 25)
        self.assertTrue(report.summary().startswith("Simulation"))
        self.assertEqual(self.sheets(), {})

        self.import_projects(to_csv(rows))
        before = self.modification_dates()
        rows[10]["commune"] = "Villeurbanne-Centre"
        report = self.import_projects(to_csv(rows), dry_run=True)
        self.assertEqual(report.updated, [external_id(10)])
        self.assertEqual(len(report.unchanged), 24)
        self.assertEqual(self.sheets()[external_id(10)].commune, "Nantes")
        self.assertEqual(self.modification_dates(), before)

    def test_a_row_that_fails_while_written_leaves_nothing_half_written(self):
        rows, _expected = project_rows(12)
        set_state = run.set_state

        def broken_set_state(obj, state):
            if obj.external_id == external_id(5):
                raise RuntimeError("disque plein")
            return set_state(obj, state)

        # Row 5 fails after its item was added to the folder, before its state.
        with mock.patch.object(run, "set_state", broken_set_state):
            report = self.import_projects(to_csv(rows))
        self.assertEqual(report.refused_lines, [7])
        self.assertIn("disque plein", report.errors[0][1])
        self.assertIn("rien n'a été écrit pour cette ligne", report.errors[0][1])
        self.assertEqual(len(report.created), 11)
        self.assertNotIn(external_id(5), self.sheets())
        self.assertNotIn("projet-participatif-ndeg-5", self.projets.objectIds())
        processQueue()
        catalog = api.portal.get_tool("portal_catalog")
        self.assertEqual(
            len(catalog.unrestrictedSearchResults(Title="Projet participatif n° 5")), 0
        )
        self.assertEqual(
            len(catalog.unrestrictedSearchResults(portal_type="ProjectSheet")), 11
        )

        # An update that fails after setting the fields keeps the old values.
        rows[6]["commune"], rows[6]["households_planned"] = "Ailleurs", "77"
        with mock.patch.object(run, "notify", side_effect=RuntimeError("panne")):
            report = self.import_projects(to_csv(rows))
        self.assertEqual(report.refused_lines, [8])
        self.assertEqual(report.updated, [])
        self.assertEqual(report.created, [external_id(5)])
        sheet = self.sheets()[external_id(6)]
        self.assertEqual((sheet.commune, sheet.households_planned), ("Saint-Denis", 10))

    def test_duplicate_ids_unknown_columns_and_unreadable_files(self):
        rows, _expected = project_rows(4)
        rows[3]["external_id"] = rows[1]["external_id"]
        report = self.import_projects(to_csv(rows))
        self.assertEqual(
            report.errors,
            [(5, "external_id : « bdd-0001 » est déjà celui de la ligne 3.")],
        )
        self.assertEqual(len(report.created), 3)

        misspelt = to_csv([{**row, "lattitude": "1"} for row in project_rows(3)[0]])
        report = self.import_projects(misspelt)
        self.assertEqual(report.refused_lines, [1])
        self.assertTrue(
            report.errors[0][1].startswith("colonne inconnue : « lattitude »")
        )
        self.assertEqual(report.created + report.updated, [])

        latin1 = to_csv(project_rows(3)[0]).decode().encode("latin-1")
        report = self.import_projects(latin1)
        self.assertEqual(report.refused_lines, [2])
        self.assertIn("UTF-8", report.errors[0][1])

        report = self.import_projects(b'[{"external_id": "x",}]', "p.json")
        self.assertEqual(report.refused_lines, [1])
        self.assertIn("JSON illisible", report.errors[0][1])

        json_row = {**project_row(50), "external_id": 50, "looking_for_members": True}
        json_row["latitude"], json_row["partners"] = 45.5, ["ofs", "amo"]
        report = self.import_projects(json.dumps([json_row]).encode(), "p.json")
        self.assertEqual((report.errors, report.created), ([], ["50"]))
        self.assertEqual(self.sheets()["50"].partners, ["ofs", "amo"])

    def test_each_cell_error_is_explained_in_french(self):
        cases = (
            (
                {"contact_email": "pas-un-courriel"},
                "contact_email : « pas-un-courriel » n'est pas une adresse de courriel.",
            ),
            (
                {"website": "village.example.org"},
                "website : Adresse invalide : seules les adresses http ou https sont acceptées (par exemple https://exemple.org).",
            ),
            (
                {"website": "javascript:alert(1)"},
                "website : Adresse invalide : seules les adresses http ou https sont acceptées (par exemple https://exemple.org).",
            ),
            (
                {"households_planned": "douze"},
                "households_planned : « douze » n'est pas un nombre entier.",
            ),
            (
                {"households_planned": "-3"},
                "households_planned : -3 est trop petit : 0 au moins.",
            ),
            ({"start_year": "1850"}, "start_year : L'année 1850 n'est pas plausible."),
            (
                {"postal_code": "6900"},
                "postal_code : Un code postal compte cinq chiffres, par exemple 69003.",
            ),
            (
                {"looking_for_members": "peut-être"},
                "looking_for_members : « peut-être » : indiquez oui ou non.",
            ),
            (
                {"partners": "ofs|mairie"},
                "partners : valeur inconnue « mairie » (valeurs possibles : bailleur-social, collectivite, ofs, promoteur, amo, association, autre).",
            ),
            (
                {"longitude": ""},
                "Indiquez la latitude et la longitude, ou aucune des deux.",
            ),
            (
                {"state": "archivé"},
                "state : état inconnu « archivé » : indiquez published (publié) ou private (brouillon).",
            ),
            (
                {"external_id": " "},
                "external_id : obligatoire : l'identifiant stable de la ligne dans la base d'origine.",
            ),
        )
        rows = [project_row(index) for index in range(len(cases))]
        for row, (changes, _reason) in zip(rows, cases, strict=True):
            row.update(changes)
        report = self.import_projects(to_csv(rows), dry_run=True)
        self.assertEqual(
            report.errors,
            [(line, reason) for line, (_changes, reason) in enumerate(cases, start=2)],
        )

    def test_a_file_with_fewer_columns_changes_only_those(self):
        rows, _expected = project_rows(3)
        self.import_projects(to_csv(rows))
        before = self.sheets()[external_id(1)]
        partial = [
            {
                "external_id": external_id(1),
                "commune": "Saint-Malo",
                "postal_code": "35400",
            },
            {"external_id": external_id(2), "stage": "Groupe constitué"},  # its label
        ]
        report = self.import_projects(to_csv(partial[:1]))
        self.assertEqual((report.errors, report.updated), ([], [external_id(1)]))
        sheet = self.sheets()[external_id(1)]
        self.assertEqual((sheet.commune, sheet.postal_code), ("Saint-Malo", "35400"))
        self.assertEqual(sheet.title, before.title)
        self.assertEqual(sheet.latitude, 48.1173)
        self.assertEqual(api.content.get_state(sheet), "published")
        report = self.import_projects(json.dumps(partial[1:]).encode(), "p.json")
        self.assertEqual((report.errors, report.updated), ([], [external_id(2)]))
        self.assertEqual(self.sheets()[external_id(2)].stage, "groupe-constitue")
        # A new item needs the required columns.
        report = self.import_projects(
            to_csv([{"external_id": "nouveau", "title": "X"}])
        )
        self.assertEqual(
            [message for _line, message in report.errors],
            [
                "stage : obligatoire (colonne absente).",
                "commune : obligatoire (colonne absente).",
                "postal_code : obligatoire (colonne absente).",
                "departement : obligatoire (colonne absente).",
                "region : obligatoire (colonne absente).",
            ],
        )


class TestRoundTrip(ImportTestCase):
    def setUp(self):
        super().setUp()
        rows, _expected = project_rows(40)
        report = self.import_projects(to_csv(rows))
        self.assertEqual((report.errors, len(report.created)), ([], 40))
        # An item written on the site, without external id: its UID stands for it;
        # its title is what a spreadsheet would run as a formula.
        self.on_site = builders.project_sheet(
            self.projets, title='=HYPERLINK("http://exemple.org","Saisie sur le site")'
        )

    def assert_round_trip(self, file_format):
        exported = run.export_file(self.projets, "ProjectSheet", file_format)
        report = self.import_projects(exported.encode(), f"export.{file_format}")
        self.assertEqual(report.errors, [])
        self.assertEqual((report.created, report.updated), ([], []))
        self.assertEqual(len(report.unchanged), 41)
        self.assertIn(self.on_site.UID(), report.unchanged)
        self.assertEqual(
            run.export_file(self.projets, "ProjectSheet", file_format), exported
        )
        return exported

    def test_csv_export_reimports_as_a_no_op(self):
        before = self.modification_dates()
        exported = self.assert_round_trip("csv")
        self.assertEqual(self.modification_dates(), before)
        parsed = read(exported.encode(), "export.csv")
        self.assertEqual(parsed.columns, PROJECT_COLUMNS)
        first = parsed.rows[0].values
        self.assertEqual(first["external_id"], "bdd-0000")
        self.assertEqual(first["looking_for_members"], "non")
        self.assertEqual(first["shared_spaces"], "salle-commune|jardin")
        self.assertEqual(first["state"], "private")
        # The formula is written as text, and read back as the title it is.
        self.assertIn("'=HYPERLINK(", exported)
        self.assertIn(
            '=HYPERLINK("http://exemple.org","Saisie sur le site")',
            [row.values["title"] for row in parsed.rows],
        )

    def test_json_export_reimports_as_a_no_op(self):
        exported = json.loads(self.assert_round_trip("json"))
        self.assertEqual(list(exported[1]), PROJECT_COLUMNS)
        self.assertEqual(exported[1]["partners"], ["ofs", "amo"])
        self.assertEqual(exported[1]["latitude"], 48.1173)
        self.assertIs(exported[1]["looking_for_members"], True)
        self.assertIsNone(exported[1]["households_current"])

    def test_resources_round_trip_too(self):
        centre = self.portal["centre-de-ressources"]
        rows = [
            {
                "external_id": f"res-{index}",
                "title": f"Guide n° {index}",
                "description": "Un guide pratique.",
                "resource_kind": ("guide", "video", "etude")[index % 3],
                "themes": "foncier|juridique" if index % 2 else "",
                "audiences": "futurs-habitants|collectivites",
                "regions": ("53|84", "", "1")[index % 3],
                "year": str(2010 + index),
                "authors": "Jeanne Martin|Paul Durand" if index % 2 else "",
                "organisation": "Les Habiles",
                "external_url": f"https://exemple.org/guide-{index}",
                "license_spdx": "CC-BY-SA-4.0",
                "state": "published",
            }
            for index in range(6)
        ]
        rows[4]["resource_kind"] = "recette"
        report = run.import_file(centre, "Resource", to_csv(rows), "r.csv")
        self.assertEqual(report.refused_lines, [6])
        self.assertTrue(
            report.errors[0][1].startswith("resource_kind : valeur inconnue")
        )
        self.assertEqual(centre[centre.objectIds()[-1]].regions, ["01"])
        builders.resource(centre)  # with a file, which the files do not carry
        for file_format in ("csv", "json"):
            exported = run.export_file(centre, "Resource", file_format)
            again = run.import_file(
                centre, "Resource", exported.encode(), f"r.{file_format}"
            )
            self.assertEqual((again.errors, again.created, again.updated), ([], [], []))
            self.assertEqual(len(again.unchanged), 6)


class TestImportExportPage(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        make_user("adherente", roles=("Member",))
        commit()
        self.url = self.portal.absolute_url()

    def upload(self, client, data, dry_run=False):
        page = client.page("@@import-export")
        token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)
        fields = {"_authenticator": token[1] if token else "", "type": "projets"}
        fields["form.import"] = "1"
        if dry_run:
            fields["dry_run"] = "1"
        return client.session.post(
            client.url("@@import-export"),
            data=fields,
            files={"file": ("projets-exemple.csv", data, "text/csv")},
            timeout=120,
            allow_redirects=False,
        )

    def test_the_owner_uploads_the_sample_and_reads_the_french_report(self):
        client = admin(self.url)
        page = client.page("@@import-export")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Importer et exporter des fiches projets", page.text)
        self.assertIn("Simulation", page.text)

        data = SAMPLE.read_bytes()
        simulated = self.upload(client, data, dry_run=True)
        text = html.unescape(simulated.text)
        self.assertEqual(simulated.status_code, 200)
        self.assertIn(
            "Simulation, rien n'a été enregistré. À créer : 8 ; à mettre à jour : 0 ; "
            "inchangés : 0 ; lignes refusées : 2.",
            text,
        )

        response = self.upload(client, data)
        text = html.unescape(response.text)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "Créés : 8 ; mis à jour : 0 ; inchangés : 0 ; lignes refusées : 2.", text
        )
        self.assertIn(
            "ligne 8 : latitude : La latitude doit être comprise entre -90 et 90 "
            "degrés.",
            text,
        )
        self.assertIn(
            "ligne 10 : Le département 13 n'est pas dans la région choisie.", text
        )

        again = html.unescape(self.upload(client, data).text)
        self.assertIn("Créés : 0 ; mis à jour : 0 ; inchangés : 8", again)

        exported = client.page("@@import-export?export=projets&format=csv")
        self.assertEqual(exported.status_code, 200)
        self.assertTrue(exported.headers["Content-Type"].startswith("text/csv"))
        self.assertIn("attachment", exported.headers["Content-Disposition"])
        lines = exported.content.decode("utf-8").splitlines()
        self.assertEqual(lines[0].split(","), PROJECT_COLUMNS)
        self.assertEqual(len(lines), 9)
        self.assertTrue(lines[1].startswith("ha-0001,Le Village des Canuts,"))
        as_json = client.page("@@import-export?export=projets&format=json").json()
        self.assertEqual(len(as_json), 8)

    def test_anonymous_visitors_and_members_have_no_access(self):
        for client in (Client(self.url), Client(self.url, "adherente")):
            for path in (
                "@@import-export",
                "@@import-export?export=projets&format=csv",
            ):
                response = client.page(path, allow_redirects=False)
                self.assertIn(response.status_code, (301, 302, 303, 401, 403), path)
                self.assertNotIn("external_id", response.text)
            response = self.upload(client, SAMPLE.read_bytes())
            self.assertIn(response.status_code, (301, 302, 303, 401, 403))
        commit()
        self.assertEqual(
            admin(self.url).page("@@import-export?export=projets&format=json").json(),
            [],
        )
