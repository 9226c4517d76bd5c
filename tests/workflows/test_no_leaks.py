"""Nothing of a private space reaches those outside it: not its documents, not
their counts, not even the space's name, through any page or endpoint."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from DateTime import DateTime
from plone import api
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
import gzip
import json
import unittest


SPACE = "Cercle confidentiel xylophone"
DOCUMENT = "Procès-verbal xylophone"
SHARED = "Synthèse partagée xylophone"


class TestNoLeaks(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        as_manager(portal)
        space = builders.working_group(portal["groupes-de-travail"], title=SPACE)
        make_user("membre")
        make_user("autre")
        make_user("reseau", groups=("membres-du-reseau",))
        WorkingGroupRoster(space).add("membre", coordinator=True)
        api.content.create(container=space, type="Document", title=DOCUMENT)
        shared = api.content.create(container=space, type="Document", title=SHARED)
        api.content.transition(shared, transition="share")
        self.shared_url = shared.absolute_url()
        commit()
        self.portal_url = portal.absolute_url()
        self.outsiders = {
            "anonyme": Client(self.portal_url),
            "autre": Client(self.portal_url, "autre"),
            "reseau": Client(self.portal_url, "reseau"),
        }

    def assertNoTrace(
        self, who, text, words=(SPACE, DOCUMENT, "xylophone confidentiel")
    ):
        for word in words:
            self.assertNotIn(word, text, who)

    def test_rest_endpoints(self):
        for who, client in self.outsiders.items():
            search = client.get_json("@search?SearchableText=xylophone").json()
            expected = 1 if who == "reseau" else 0  # the shared document only
            self.assertEqual(search["items_total"], expected, who)
            self.assertNoTrace(who, json.dumps(search, ensure_ascii=False))
            query = client.api(
                "POST",
                "@querystring-search",
                json={
                    "query": [
                        {
                            "i": "SearchableText",
                            "o": "plone.app.querystring.operation.string.contains",
                            "v": "xylophone",
                        }
                    ]
                },
            ).json()
            self.assertEqual(query.get("items_total", 0), expected, who)
            self.assertNoTrace(who, json.dumps(query, ensure_ascii=False))
            navigation = client.get_json(
                "groupes-de-travail/@navigation?expand.navigation.depth=3"
            ).text
            self.assertNoTrace(who, navigation)
            vocabulary = client.get_json(
                "@vocabularies/plone.app.vocabularies.Catalog?title=xylophone"
            ).text
            self.assertNoTrace(who, vocabulary)

    def test_pages_sitemap_and_feeds(self):
        for who, client in self.outsiders.items():
            for path in (
                "groupes-de-travail",
                "search?SearchableText=xylophone",
                "sitemap",
                "nouvelles-ressources/rss.xml",
            ):
                self.assertNoTrace(who, client.page(path).text)
            sitemap = client.page("sitemap.xml.gz")
            if sitemap.status_code == 200:
                self.assertNoTrace(who, gzip.decompress(sitemap.content).decode())

    def test_a_shared_document_does_not_name_its_private_space(self):
        reader = self.outsiders["reseau"]
        page = reader.page(self.shared_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn(SHARED, page.text)
        self.assertNotIn(SPACE, page.text)
        self.assertIn("Espace de groupe", page.text)
        data = reader.get_json(self.shared_url).json()
        self.assertEqual(data["title"], SHARED)
        self.assertEqual(data["parent"]["title"], "Espace de groupe")
        self.assertNotIn(SPACE, json.dumps(data, ensure_ascii=False))
        crumbs = reader.get_json(f"{self.shared_url}/@breadcrumbs").text
        self.assertNotIn(SPACE, crumbs)
        # The group itself still reads its name.
        member = Client(self.portal_url, "membre")
        self.assertEqual(
            member.get_json(self.shared_url).json()["parent"]["title"], SPACE
        )


DIRECTORIES = (
    "plone.app.users.group_ids",
    "plone.app.vocabularies.Groups",
    "plone.app.vocabularies.Principals",
    "plone.app.vocabularies.Users",
)


class TestRestChannels(unittest.TestCase):
    """Navigation, the directories of accounts and groups, expired ads."""

    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        portal = self.layer["portal"]
        as_manager(portal)
        self.space = builders.working_group(portal["groupes-de-travail"], title=SPACE)
        make_user("coordinatrice")
        make_user("autre")
        make_user("reseau", groups=("membres-du-reseau",))
        make_user("autrice").setMemberProperties({"fullname": "Camille Autrice"})
        make_user("relectrice", groups=("Reviewers",))
        make_user("administratrice", groups=("Site Administrators",))
        WorkingGroupRoster(self.space).add("coordinatrice", coordinator=True)
        shared = api.content.create(container=self.space, type="Document", title=SHARED)
        api.content.transition(shared, transition="share")
        ads = portal["petites-annonces"]
        ads.manage_setLocalRoles("autrice", ["Contributor"])
        with api.env.adopt_user(username="autrice"):
            ad = builders.classified_ad(ads, title="Annonce périmée xylophone")
        builders.publish(ad)
        ad.expiration_date = DateTime() - 1
        ad.reindexObject()
        commit()
        self.portal_url = portal.absolute_url()
        self.shared_url = shared.absolute_url()
        self.ad_url = ad.absolute_url()

    def client(self, login=None):
        return Client(self.portal_url, login) if login else Client(self.portal_url)

    def test_context_navigation_names_no_space_hidden_from_the_reader(self):
        reseau = self.client("reseau")
        for query in ("", "?expand.contextnavigation.currentFolderOnly=1"):
            response = reseau.get_json(f"{self.shared_url}/@contextnavigation{query}")
            self.assertEqual(response.status_code, 200, query)
            self.assertNotIn(SPACE, response.text, query)
        # The reader still reaches the document, under a space without a name.
        [root] = response.json()["items"]
        self.assertEqual(root["title"], "Espace de groupe")
        self.assertEqual([item["title"] for item in root["items"]], [SHARED])
        expanded = reseau.get_json(
            f"{self.shared_url}?expand=contextnavigation,navigation,breadcrumbs"
        )
        expanded = json.dumps(expanded.json(), ensure_ascii=False)
        self.assertIn(SHARED, expanded)
        self.assertNotIn(SPACE, expanded)
        # The group reads its name.
        own = self.client("coordinatrice").get_json(
            f"{self.shared_url}/@contextnavigation"
            "?expand.contextnavigation.currentFolderOnly=1"
        )
        self.assertEqual(own.json()["items"][0]["title"], SPACE)

    def test_accounts_and_groups_are_no_public_directory(self):
        space_url = self.space.absolute_url()
        for name in DIRECTORIES:
            with self.subTest(name):
                self.assertEqual(
                    self.client().get_json(f"@vocabularies/{name}").status_code, 401
                )
                for login in ("autre", "reseau", "relectrice"):
                    response = self.client(login).get_json(f"@vocabularies/{name}")
                    self.assertEqual(response.status_code, 403, login)
                    self.assertNotIn(SPACE, response.text)
                admin = self.client("administratrice").get_json(f"@vocabularies/{name}")
                self.assertEqual(admin.status_code, 200)
        groups = self.client("administratrice").get_json(
            "@vocabularies/plone.app.users.group_ids"
        )
        self.assertIn(SPACE, groups.text)
        # A coordinator finds the accounts to add to the roster, in the space only.
        coordinator = self.client("coordinatrice")
        users = coordinator.get_json(
            f"{space_url}/@vocabularies/plone.app.vocabularies.Users"
        )
        self.assertEqual(users.status_code, 200)
        self.assertIn("autre", [term["token"] for term in users.json()["items"]])
        self.assertEqual(
            coordinator.get_json(
                "@vocabularies/plone.app.vocabularies.Users"
            ).status_code,
            403,
        )
        self.assertEqual(
            coordinator.get_json(
                f"{space_url}/@vocabularies/plone.app.users.group_ids"
            ).status_code,
            403,
        )

    def test_classic_vocabulary_view_lists_no_account_to_members(self):
        lookup = "@@getVocabulary?name=plone.app.vocabularies.Users&query=Camille"
        space_url = self.space.absolute_url()
        for login in (None, "autre", "reseau"):
            for url in (lookup, f"{space_url}/{lookup}"):
                response = self.client(login).page(url, allow_redirects=False)
                self.assertNotIn("Camille", response.text, (login, url))
        found = self.client("administratrice").page(lookup)
        self.assertEqual(found.status_code, 200)
        self.assertIn("Camille Autrice", found.text)

    def test_expired_ad_is_for_its_author_and_the_reviewers_only(self):
        for login in (None, "autre", "reseau"):
            with self.subTest(login=login):
                client = self.client(login)
                # Refused as a private item is (the space is private).
                private = client.get_json(self.space.absolute_url()).status_code
                self.assertIn(private, (401, 403))
                self.assertEqual(client.get_json(self.ad_url).status_code, private)
                page = client.page(self.ad_url, allow_redirects=False)
                self.assertNotEqual(page.status_code, 200)
                self.assertNotIn("Annonce périmée", page.text)
                search = client.get_json(
                    "@search?SearchableText=xylophone&show_inactive=1"
                    "&portal_type=ClassifiedAd"
                )
                self.assertEqual(search.json()["items_total"], 0)
        for login in ("autrice", "relectrice", "administratrice"):
            with self.subTest(login=login):
                client = self.client(login)
                data = client.get_json(self.ad_url).json()
                self.assertEqual(data["title"], "Annonce périmée xylophone")
                self.assertIn("Annonce périmée", client.page(self.ad_url).text)
        search = self.client("relectrice").get_json(
            "@search?SearchableText=xylophone&show_inactive=1&portal_type=ClassifiedAd"
        )
        self.assertEqual(search.json()["items_total"], 1)


class TestBrokenRelations(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def test_anyone_may_list_the_broken_relations(self):
        portal = self.layer["portal"]
        as_manager(portal)
        centre = portal["centre-de-ressources"]
        gone = builders.publish(builders.resource(centre, title="Bientôt supprimée"))
        item = builders.publish(builders.resource(centre, title="Ressource liée"))
        api.relation.create(source=item, target=gone, relationship="relatedItems")
        api.content.delete(gone, check_linkintegrity=False)
        commit()
        response = Client(portal.absolute_url()).get_json("@relations?onlyBroken=true")
        self.assertEqual(response.status_code, 200, response.text[:300])


class TestRelationRoundTrip(SiteTestCase):
    users = {"relectrice": {"groups": ("Reviewers",)}}

    def test_patching_back_a_hidden_successor_served_as_null_keeps_it(self):
        from z3c.relationfield import RelationValue
        from zope.component import getUtility
        from zope.intid.interfaces import IIntIds

        portal = self.portal
        templates = portal["trames-types"]
        successor = builders.legal_template(templates, title="Statuts 2027 en chantier")
        template = builders.publish(builders.legal_template(templates))
        template.superseded_by = RelationValue(getUtility(IIntIds).getId(successor))
        commit()
        reviewer = Client(portal.absolute_url(), "relectrice")
        served = reviewer.get_json(template.absolute_url()).json()
        self.assertIsNone(served["superseded_by"])
        response = reviewer.api(
            "PATCH", template.absolute_url(), json={"superseded_by": None}
        )
        self.assertEqual(response.status_code, 204, response.text)
        everything = admin(portal.absolute_url()).get_json(template.absolute_url())
        self.assertEqual(
            everything.json()["superseded_by"]["title"], "Statuts 2027 en chantier"
        )


class TestRelationsRoundTrip(SiteTestCase):
    """An editor writes back the relations she was served: the ones she may not
    see were left out of her GET, and are not lost by her PATCH."""

    users = {"relectrice": {"groups": ("Reviewers",)}}

    def test_patching_the_visible_relations_keeps_the_hidden_ones(self):
        portal = self.portal
        centre = portal["centre-de-ressources"]
        draft = builders.resource(centre, title="Brouillon xylophone")
        published = builders.publish(builders.resource(centre, title="Guide publié"))
        item = builders.publish(builders.resource(centre, title="Ressource liée"))
        for target in (draft, published):
            api.relation.create(source=item, target=target, relationship="relatedItems")
        commit()
        reviewer = Client(portal.absolute_url(), "relectrice")
        served = reviewer.get_json(item.absolute_url()).json()["relatedItems"]
        self.assertEqual([entry["title"] for entry in served], ["Guide publié"])
        response = reviewer.api(
            "PATCH", item.absolute_url(), json={"relatedItems": served}
        )
        self.assertEqual(response.status_code, 204, response.text)
        everything = admin(portal.absolute_url()).get_json(item.absolute_url()).json()
        self.assertEqual(
            sorted(entry["title"] for entry in everything["relatedItems"]),
            ["Brouillon xylophone", "Guide publié"],
        )
