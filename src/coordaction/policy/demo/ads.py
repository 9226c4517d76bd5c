"""The classified ads of the demo, of every kind, across the régions.

Each ad: title, kind, département, commune, text, days since publication, days
until expiry (negative: the ad has expired and is hidden from visitors). The dates
are computed once, when the ad is created."""

ADS = (
    (
        "Groupe nantais cherche deux foyers",
        "groupe-cherche-membres",
        "44",
        "Rezé",
        "Nous sommes six foyers en coopérative d'habitants, terrain trouvé près du "
        "tram.\nNous cherchons deux familles prêtes à s'engager pour l'emménagement "
        "prévu dans trois ans.",
        10,
        80,
    ),
    (
        "Couple retraité cherche un habitat participatif en Bretagne",
        "cherche-groupe",
        "29",
        "Quimper",
        "Retraités actifs, nous cherchons un groupe en Finistère ou dans le "
        "Morbihan, plutôt en ville ou dans un bourg bien desservi.",
        5,
        85,
    ),
    (
        "Terrain de 3 000 m² à vendre pour un projet collectif",
        "foncier-bati",
        "26",
        "Crest",
        "Terrain constructible en bordure de bourg, proche des écoles. La commune "
        "soutient un projet d'habitat participatif.",
        20,
        70,
    ),
    (
        "T3 à louer dans une coopérative lyonnaise",
        "logement",
        "69",
        "Villeurbanne",
        "Un T3 de 68 m² se libère dans notre coopérative : salle commune, "
        "buanderie, jardin. Redevance modérée.",
        3,
        87,
    ),
    (
        "Architecte propose un accompagnement bénévole",
        "competences",
        "31",
        "Toulouse",
        "Architecte retraitée, je peux accompagner un groupe dans ses premières "
        "esquisses et la lecture du plan local d'urbanisme.",
        15,
        75,
    ),
    (
        "Famille avec deux enfants cherche un groupe en Île-de-France",
        "cherche-groupe",
        "93",
        "Montreuil",
        "Nous cherchons un projet en petite couronne, accessible en transports en "
        "commun, avec une salle commune et un jardin.",
        25,
        65,
    ),
    (
        "Écohameau en Ardèche : deux lots disponibles",
        "groupe-cherche-membres",
        "07",
        "Aubenas",
        "Notre écohameau de huit maisons bioclimatiques cherche deux foyers pour "
        "les derniers lots.",
        30,
        60,
    ),
    (
        "Ancienne ferme à rénover collectivement",
        "foncier-bati",
        "23",
        "Faux-la-Montagne",
        "Corps de ferme avec grange et deux hectares, idéal pour quatre à six "
        "foyers. Vente à prix modéré à un collectif.",
        40,
        50,
    ),
    (
        "Juriste propose des permanences sur les statuts",
        "competences",
        "33",
        "Bordeaux",
        "Juriste en économie sociale et solidaire, je propose une permanence "
        "mensuelle pour relire vos statuts.",
        12,
        78,
    ),
    (
        "Chambre à louer dans un habitat groupé à Grenoble",
        "logement",
        "38",
        "Grenoble",
        "Chambre meublée dans une maison partagée de cinq adultes, accès à la "
        "cuisine et au jardin.",
        7,
        83,
    ),
    (
        "Groupe strasbourgeois cherche des seniors",
        "groupe-cherche-membres",
        "67",
        "Strasbourg",
        "Notre projet intergénérationnel cherche trois foyers de plus de soixante "
        "ans pour équilibrer le groupe.",
        18,
        72,
    ),
    (
        "Cherche un groupe à Montpellier ou Nîmes",
        "cherche-groupe",
        "34",
        "Montpellier",
        "Jeune actif, je cherche un groupe en constitution dans l'Hérault ou le Gard.",
        22,
        68,
    ),
    (
        "Immeuble vacant proposé par la commune",
        "foncier-bati",
        "59",
        "Lille",
        "La ville propose un immeuble de six logements à réhabiliter à un groupe "
        "d'habitants, par bail emphytéotique.",
        35,
        55,
    ),
    (
        "Maison partagée cherche colocataire en Corse",
        "logement",
        "2A",
        "Ajaccio",
        "Une chambre se libère dans notre maison partagée, vue sur le golfe.",
        9,
        81,
    ),
    (
        "Menuisier propose des ateliers d'autoconstruction",
        "competences",
        "56",
        "Lorient",
        "Menuisier, j'anime des ateliers d'autoconstruction pour les groupes qui "
        "veulent participer au chantier.",
        14,
        76,
    ),
    (
        "Groupe réunionnais cherche des familles",
        "groupe-cherche-membres",
        "974",
        "Saint-Denis",
        "Projet de dix logements sur les hauts de Saint-Denis : nous cherchons "
        "trois familles.",
        11,
        79,
    ),
    (
        "Facilitatrice en gouvernance partagée",
        "competences",
        "21",
        "Dijon",
        "J'accompagne les groupes dans leurs décisions et la gestion des tensions.",
        26,
        64,
    ),
    (
        "Cherche un groupe en Normandie",
        "cherche-groupe",
        "14",
        "Caen",
        "Couple avec un enfant, nous cherchons un projet près de Caen ou de Bayeux.",
        19,
        71,
    ),
    # Expired: hidden from visitors, still visible to their authors and editors.
    (
        "Grange à vendre près de Die (annonce terminée)",
        "foncier-bati",
        "26",
        "Die",
        "Grange de 200 m² à transformer, vendue à un collectif en début d'année.",
        130,
        -40,
    ),
    (
        "Groupe rennais complet (annonce expirée)",
        "groupe-cherche-membres",
        "35",
        "Rennes",
        "Notre groupe a trouvé ses derniers membres : merci à tous.",
        100,
        -10,
    ),
    (
        "T2 à louer dans un habitat participatif à Tours",
        "logement",
        "37",
        "Tours",
        "Le logement a été attribué : annonce expirée.",
        95,
        -5,
    ),
)
