"""Fill the benchmark site with resources (run by ops/bench/run.py, inside Zope).

    .venv/bin/python ops/bench/build_site.py var/bench/instance/etc/zope.conf \
        --published 20000 --private 500 --group 200 --report var/bench/build.json

The site itself is created beforehand by the normal path (``coordaction-create-site``);
this script opens the same Zope application the way that script does, then:

1. applies the faceted navigation of the sections (``apply_faceted_configurations``);
2. creates one published stock Document (the reference of the "GET one item" test)
   and one private working-group space;
3. creates the resources, drawn deterministically from the vocabularies with
   ``random.Random(42)``: published ones in the Centre de ressources, private ones
   beside them, and drafts inside the private group space. No files.

Everything is idempotent and resumable: items are created under fixed ids, an item
that already exists is skipped, and a transaction is committed every ``--batch``
items (the catalog queue is processed at each commit: indexing is done in batches).
``--faceted-only`` only re-applies the faceted configuration.
"""

from pathlib import Path
import argparse
import json
import random
import sys
import time


HERE = Path(__file__).resolve().parent
SEED = 42
CENTRE = "centre-de-ressources"
GROUPS = "groupes-de-travail"
DOCUMENT_FOLDER = "contribuer"
DOCUMENT_ID = "page-de-reference"
GROUP_ID = "groupe-banc-d-essai"
PUBLICATION_WORKFLOW = "coordaction_publication_workflow"
# The word of the full-text scenario: in about one title or summary out of five.
TEXT_WORD = "habitants"

TITLE_OPENINGS = (
    "Comprendre",
    "Réussir",
    "Financer",
    "Organiser",
    "Monter",
    "Accompagner",
    "Concevoir",
    "Animer",
    "Évaluer",
    "Documenter",
)
TITLE_SUBJECTS = (
    "un projet d'habitat participatif",
    "la coopérative d'habitants",
    "le foncier solidaire",
    "la gouvernance partagée",
    "les espaces communs",
    "le bail réel solidaire",
    "la mixité sociale",
    "un chantier en autopromotion",
    "la vie de groupe",
    "le partenariat avec un bailleur social",
    "la sortie d'un associé",
    "le budget prévisionnel",
)
TITLE_ENDINGS = (
    "",
    "en milieu rural",
    "en ville",
    "pas à pas",
    "avec les collectivités",
    "avec les futurs habitants",
    "retours d'expérience",
    "questions fréquentes",
)
SUMMARY_SENTENCES = (
    "Un document de synthèse issu des rencontres du réseau.",
    "Des exemples concrets et des modèles à adapter.",
    "Écrit par des habitants qui ont mené leur projet jusqu'au bout.",
    "Pour les groupes en constitution comme pour les projets avancés.",
    "Avec une bibliographie et des contacts utiles.",
    "Les points de vigilance juridiques et financiers.",
    "Une méthode éprouvée dans plusieurs régions.",
)
AUTHORS = (
    "Jeanne Martin",
    "Paul Bernard",
    "Amina Diallo",
    "Louis Petit",
    "Chloé Durand",
    "Hugo Leroy",
    "Sarah Moreau",
    "Yanis Garcia",
)
ORGANISATIONS = (
    "Les Habiles",
    "Éco Habitat Groupé",
    "Habicoop",
    "Hal'âge",
    "Coordin'action",
    "Parasol",
    "",
)
BODY = (
    "<p>Cette page présente le sujet en quelques paragraphes : le contexte, les "
    "étapes, les acteurs et les pièges à éviter. Elle renvoie aux trames-types et "
    "aux fiches projets du portail.</p>"
)


def vocabulary_values(name, context):
    from zope.component import getUtility
    from zope.schema.interfaces import IVocabularyFactory

    return [term.value for term in getUtility(IVocabularyFactory, name)(context)]


def draw_specs(vocabularies, published, private, group):
    """Every resource to create, in a fixed order, from one Random(42)."""
    rng = random.Random(SEED)
    kinds = vocabularies["resource_kinds"]
    themes = vocabularies["themes"]
    audiences = vocabularies["audiences"]
    regions = vocabularies["regions"]
    licenses = vocabularies["licenses"]
    specs = []
    plan = (
        ("published", published, "ressource-{:05d}"),
        ("private", private, "ressource-privee-{:04d}"),
        ("group", group, "ressource-groupe-{:04d}"),
    )
    for where, count, id_pattern in plan:
        for number in range(count):
            title = " ".join(
                part
                for part in (
                    rng.choice(TITLE_OPENINGS),
                    rng.choice(TITLE_SUBJECTS),
                    rng.choice(TITLE_ENDINGS),
                )
                if part
            )
            summary = " ".join(rng.sample(SUMMARY_SENTENCES, rng.randint(1, 2)))
            if rng.random() < 0.2:
                summary += f" Témoignages de {TEXT_WORD} à l'appui."
            # About one resource out of six is national: no région.
            region_count = rng.choices((0, 1, 2), weights=(1, 4, 1))[0]
            spec = {
                "where": where,
                "id": id_pattern.format(number + 1),
                "title": title[0].upper() + title[1:],
                "description": summary,
                "resource_kind": rng.choice(kinds),
                "themes": sorted(rng.sample(themes, rng.randint(1, 3))),
                "audiences": sorted(rng.sample(audiences, rng.randint(1, 3))),
                "regions": sorted(rng.sample(regions, region_count)),
                "license_spdx": rng.choice(licenses),
                "year": rng.randint(2000, 2025),
                "authors": rng.sample(AUTHORS, rng.randint(0, 2)),
                "organisation": rng.choice(ORGANISATIONS) or None,
                # Half are links (a video, a page elsewhere); none has a file.
                "external_url": (
                    f"https://ressources.example.org/doc/{number + 1}"
                    if rng.random() < 0.5
                    else None
                ),
                # Publication date: 2015-01-01 plus up to ~10 years.
                "effective_days": rng.uniform(0, 3800),
            }
            specs.append(spec)
    return specs


def open_site(zope_conf, site_id, login, password):
    from AccessControl.SecurityManagement import newSecurityManager
    from coordaction.policy.scripts.zope_app import ensure_admin
    from coordaction.policy.scripts.zope_app import open_zope_app
    from zope.component.hooks import setSite

    app = open_zope_app(zope_conf)
    newSecurityManager(None, ensure_admin(app, login, password))
    if site_id not in app.objectIds():
        raise SystemExit(
            f"No site {site_id!r} in this database: run coordaction-create-site first."
        )
    site = app[site_id]
    setSite(site)
    return app, site


def apply_faceted(site):
    from coordaction.policy.resourcecentre.faceted.pages import (
        apply_faceted_configurations,
    )

    configured = apply_faceted_configurations(site)
    return {section: sorted(ids) for section, ids in configured.items()}


def ensure_document(site):
    from coordaction.content.site_items import ensure_item
    from coordaction.content.site_items import publish
    from plone.app.textfield.value import RichTextValue

    document, _created = ensure_item(
        site[DOCUMENT_FOLDER],
        DOCUMENT_ID,
        "Document",
        title="Page de référence du banc d'essai",
        description="Une page Plone ordinaire, pour comparer avec une ressource.",
        text=RichTextValue(BODY, "text/html", "text/x-html-safe"),
    )
    publish(document)
    return document


def ensure_group_space(site):
    from coordaction.content.site_items import ensure_item

    space, _created = ensure_item(
        site[GROUPS],
        GROUP_ID,
        "WorkingGroup",
        title="Groupe du banc d'essai",
        visibility="private",
        join_policy="closed",
    )
    return space


def create_resource(container, spec, text, fast_publish=True):
    from DateTime import DateTime
    from plone import api

    fields = {
        key: spec[key]
        for key in (
            "description",
            "resource_kind",
            "themes",
            "audiences",
            "regions",
            "license_spdx",
            "year",
            "authors",
            "organisation",
            "external_url",
        )
        if spec[key] is not None
    }
    resource = api.content.create(
        container=container,
        type="Resource",
        id=spec["id"],
        title=spec["title"],
        text=text,
        file=None,
        **fields,
    )
    if spec["where"] == "published":
        resource.setEffectiveDate(
            DateTime("2015/01/01 10:00:00 Europe/Paris") + spec["effective_days"]
        )
        if fast_publish:
            publish_directly(resource)
        else:
            api.content.transition(resource, to_state="published")
    return resource


def publish_directly(obj):
    """The end state of the "publish" transition, without its side effects.

    The workflow state, its history entry and the permission mappings are those the
    transition leaves; what is skipped is what a bulk load does not need (the e-mail
    to the author, the move out of a group space, the publication date, set by us
    already) and the catalog work it forces on every item: ``notify_transition``
    looks the item up by UID, which flushes the indexing queue, then the transition
    reindexes the item twice. Here the item is indexed once, with its final state,
    when the queue is processed at the end of its batch.
    """
    from DateTime import DateTime
    from plone import api

    workflow_tool = api.portal.get_tool("portal_workflow")
    (workflow,) = workflow_tool.getWorkflowsFor(obj)
    if workflow.getId() != PUBLICATION_WORKFLOW:
        raise RuntimeError(f"{obj.getId()}: unexpected workflow {workflow.getId()}")
    workflow_tool.setStatusOf(
        workflow.getId(),
        obj,
        {
            "action": "publish",
            "review_state": "published",
            "actor": api.user.get_current().getId(),
            "comments": "",
            "time": DateTime(),
        },
    )
    workflow.updateRoleMappingsFor(obj)
    obj.reindexObject(idxs=["review_state", "allowedRolesAndUsers"])


def defer_indexing_of_notifications():
    """Stop the workflow e-mails from flushing the indexing queue on every item.

    ``coordaction.workflows.notifications.notify_transition`` runs after *every*
    transition, including the initial one of a new item, and starts by looking the
    item up by UID (``uuidToObject``): a catalog search, which first processes the
    indexing queue. Each new item would be indexed on its own, at creation, then
    again for its state. For the bulk load only, that look-up returns None (the
    handler then uses the item itself): nothing else changes, and the items are
    indexed once per batch. The server is not affected.
    """
    from coordaction.workflows import notifications

    notifications.uuidToObject = lambda uid, unrestricted=False: None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("zope_conf")
    parser.add_argument("--site-id", default="coordaction")
    parser.add_argument("--admin", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--published", type=int, default=20000)
    parser.add_argument("--private", type=int, default=500)
    parser.add_argument("--group", type=int, default=200)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--report", help="write what was built here (JSON)")
    parser.add_argument("--faceted-only", action="store_true")
    parser.add_argument(
        "--slow-publish",
        action="store_true",
        help="publish through the workflow transition (3x slower, same end state)",
    )
    args = parser.parse_args(argv)

    import transaction

    started = time.perf_counter()
    phases = {}
    app, site = open_site(args.zope_conf, args.site_id, args.admin, args.password)
    phases["open_zope_s"] = round(time.perf_counter() - started, 1)
    try:
        from plone import api
        from plone.app.textfield.value import RichTextValue
        from Products.CMFCore.indexing import processQueue

        step = time.perf_counter()
        faceted = apply_faceted(site)
        processQueue()
        transaction.commit()
        phases["faceted_s"] = round(time.perf_counter() - step, 1)
        print(f"Navigation à facettes appliquée : {faceted}", flush=True)
        if args.faceted_only:
            return 0

        step = time.perf_counter()
        document = ensure_document(site)
        space = ensure_group_space(site)
        processQueue()
        transaction.commit()
        phases["document_and_space_s"] = round(time.perf_counter() - step, 1)

        vocabularies = {
            key: vocabulary_values(f"coordaction.vocabularies.{key}", site)
            for key in ("resource_kinds", "themes", "audiences", "regions", "licenses")
        }
        specs = draw_specs(vocabularies, args.published, args.private, args.group)
        containers = {
            "published": site[CENTRE],
            "private": site[CENTRE],
            "group": space,
        }
        text = RichTextValue(BODY, "text/html", "text/x-html-safe")
        missing = [
            spec for spec in specs if spec["id"] not in containers[spec["where"]]
        ]
        print(
            f"{len(specs)} ressources prévues, {len(specs) - len(missing)} déjà là, "
            f"{len(missing)} à créer (lots de {args.batch}).",
            flush=True,
        )
        if not args.slow_publish:
            defer_indexing_of_notifications()
        step = time.perf_counter()
        pending = 0
        for done, spec in enumerate(missing, start=1):
            create_resource(
                containers[spec["where"]], spec, text, not args.slow_publish
            )
            pending += 1
            if pending >= args.batch or done == len(missing):
                processQueue()
                transaction.commit()
                app._p_jar.cacheGC()
                pending = 0
                elapsed = time.perf_counter() - step
                rate = done / elapsed if elapsed else 0.0
                left = (len(missing) - done) / rate if rate else 0.0
                print(
                    f"  {done:>6}/{len(missing)} créées  "
                    f"{rate:6.1f}/s  écoulé {elapsed:6.0f} s  reste ~{left:5.0f} s",
                    flush=True,
                )
        phases["resources_s"] = round(time.perf_counter() - step, 1)

        catalog = api.portal.get_tool("portal_catalog")
        counts = {
            "published": len(
                catalog.unrestrictedSearchResults(
                    portal_type="Resource", review_state="published"
                )
            ),
            "resources_total": len(
                catalog.unrestrictedSearchResults(portal_type="Resource")
            ),
            "in_group_space": len(
                catalog.unrestrictedSearchResults(
                    portal_type="Resource",
                    path="/".join(space.getPhysicalPath()),
                )
            ),
        }
        first_published = next(
            spec["id"] for spec in specs if spec["where"] == "published"
        )
        report = {
            "seed": SEED,
            "requested": {
                "published": args.published,
                "private": args.private,
                "group": args.group,
            },
            "counts": counts,
            "created_now": len(missing),
            "faceted": faceted,
            "text_word": TEXT_WORD,
            "paths": {
                "site": args.site_id,
                "section": CENTRE,
                "resource": f"{CENTRE}/{first_published}",
                "document": "/".join(document.getPhysicalPath()[2:]),
                "group_space": "/".join(space.getPhysicalPath()[2:]),
            },
            "phases": phases,
            "seconds": round(time.perf_counter() - started, 1),
        }
        print(f"Décompte dans le catalogue : {counts}", flush=True)
        if args.report:
            Path(args.report).write_text(
                json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8"
            )
        return 0
    finally:
        from AccessControl.SecurityManagement import noSecurityManager

        transaction.abort()
        noSecurityManager()
        # Close cleanly: the server opens the FileStorage without rebuilding its index.
        app._p_jar.db().close()


if __name__ == "__main__":
    sys.exit(main())
