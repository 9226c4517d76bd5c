"""The three working groups of the demo, their rosters and their documents.

Each document: (id, type, title, description, content, shared with the network,
owner). A Document's content is HTML; a File's is the paragraphs of a generated PDF.
"""

GROUPS = (
    {
        "id": "juridique-et-financier",
        "title": "Groupe juridique et financier",
        "description": "Statuts, montages financiers et relations avec les banques : "
        "le groupe qui prépare les trames-types.",
        "mission": "<p>Le groupe juridique et financier relit les trames-types, suit "
        "l'évolution des textes (loi ALUR, bail réel solidaire) et prépare les "
        "échanges avec les banques coopératives.</p>"
        "<p>Il se réunit en visioconférence le premier mardi de chaque mois.</p>",
        "visibility": "private",
        "join_policy": "closed",
        # (login, coordinator)
        "roster": (("coordinatrice", True), ("membre-groupe", False)),
        "requests": (),
        "documents": (
            (
                "compte-rendu-reunion-de-septembre",
                "Document",
                "Compte rendu de la réunion de septembre",
                "Relecture des statuts types, calendrier de la mise à jour.",
                "<p>Présents : Colette, Gaspard et trois membres excusés.</p>"
                "<p>Décisions : la relecture des statuts types de coopérative "
                "d'habitants est confiée à Gaspard ; la nouvelle version sera "
                "proposée aux relecteurs avant la fin du trimestre.</p>",
                False,
                "coordinatrice",
            ),
            (
                "note-sur-les-prets-bancaires-collectifs",
                "File",
                "Note sur les prêts bancaires collectifs",
                "Synthèse des échanges avec trois banques coopératives.",
                [
                    "Trois banques coopératives ont été rencontrées au printemps.",
                    "Toutes acceptent désormais de prêter à une coopérative "
                    "d'habitants, avec une garantie de la collectivité ou d'un "
                    "organisme de caution mutuelle.",
                    "Les durées proposées vont de vingt à trente ans ; la "
                    "caution solidaire des coopérateurs n'est plus exigée.",
                ],
                True,
                "coordinatrice",
            ),
            (
                "suivi-des-textes-de-loi",
                "Document",
                "Suivi des textes de loi",
                "Les textes à surveiller cette année.",
                "<ul><li>Décrets d'application sur les sociétés d'habitat "
                "participatif</li><li>Évolution du bail réel solidaire</li>"
                "<li>Fiscalité des parts sociales</li></ul>",
                True,
                "membre-groupe",
            ),
        ),
        "draft_resource": {
            "id": "brouillon-fiche-fiscalite-des-cooperatives",
            "title": "Fiche pratique : la fiscalité des coopératives d'habitants",
            "description": "Brouillon du groupe : TVA, impôt sur les sociétés, taxe "
            "foncière.",
            "resource_kind": "fiche-pratique",
            "themes": ["juridique", "financement"],
            "audiences": ["groupes-projets", "professionnels"],
            "year": 2025,
            "license_spdx": "CC-BY-SA-4.0",
            "organisation": "Coordin'action des associations de l'habitat participatif",
            "owner": "membre-groupe",
        },
    },
    {
        "id": "foncier-et-collectivites",
        "title": "Groupe foncier et collectivités",
        "description": "Le dialogue avec les communes, les intercommunalités et les "
        "organismes de foncier solidaire.",
        "mission": "<p>Le groupe recense les terrains proposés par les collectivités, "
        "prépare les rencontres avec les élus et partage les appels à projets.</p>",
        "visibility": "internal",
        "join_policy": "request",
        "roster": (("coordinatrice", True), ("membre-groupe", False)),
        # Waiting for a coordinator's answer.
        "requests": ("membre-reseau",),
        "documents": (
            (
                "liste-des-appels-a-projets-en-cours",
                "Document",
                "Liste des appels à projets en cours",
                "Les appels à projets des collectivités pour l'habitat participatif.",
                "<p>Rennes Métropole : terrain de 2 000 m² en zone d'aménagement "
                "concerté.</p><p>Communauté de communes du Diois : ancienne école "
                "à réhabiliter.</p>",
                True,
                "coordinatrice",
            ),
            (
                "argumentaire-pour-les-elus",
                "File",
                "Argumentaire pour les élus",
                "Deux pages pour convaincre une commune de soutenir un projet.",
                [
                    "L'habitat participatif attire de jeunes ménages et maintient "
                    "les services dans les bourgs.",
                    "Il produit des logements abordables durablement, notamment en "
                    "bail réel solidaire.",
                    "Les habitants s'engagent dans la vie locale : salle commune "
                    "ouverte, associations, écoles.",
                ],
                True,
                "coordinatrice",
            ),
        ),
    },
    {
        "id": "communication",
        "title": "Groupe communication",
        "description": "Le site, la lettre d'information et les rencontres nationales.",
        "mission": "<p>Le groupe communication anime le portail, prépare la lettre "
        "d'information trimestrielle et organise la communication des rencontres "
        "nationales.</p>",
        "visibility": "public",
        "join_policy": "request",
        "roster": (("contributeur", True), ("coordinatrice", False)),
        "requests": (),
        "documents": (
            (
                "calendrier-editorial",
                "Document",
                "Calendrier éditorial",
                "Les publications prévues pour les prochains mois.",
                "<p>Lettre d'information : début de chaque trimestre.</p>"
                "<p>Portraits de projets : un par mois, en alternance ville et "
                "campagne.</p>",
                False,
                "contributeur",
            ),
            (
                "charte-graphique",
                "File",
                "Charte graphique de la Coordin'action",
                "Couleurs, typographies et usage du logo.",
                [
                    "Le logo se place en haut à gauche, sur fond clair.",
                    "Couleurs principales : vert tilleul et bleu ardoise.",
                    "Typographie des titres : une linéale lisible ; texte courant "
                    "en corps 11 minimum.",
                ],
                True,
                "contributeur",
            ),
            (
                "lettre-d-information-de-printemps",
                "Document",
                "Lettre d'information de printemps",
                "Le brouillon de la prochaine lettre.",
                "<p>Au sommaire : les rencontres nationales, trois nouveaux "
                "projets habités, la mise à jour des statuts types.</p>",
                True,
                "contributeur",
            ),
        ),
    },
)
