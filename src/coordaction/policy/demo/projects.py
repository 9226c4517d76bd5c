"""The project sheets of the demo: invented projects in real French communes, with
their real postal code and département and the approximate coordinates of the town
centre. The other details (stage, legal form, households...) are drawn from a
random generator seeded with the project's name: the same on every run."""

from datetime import date
import random


# (project name, commune, postal code, département, latitude, longitude)
PROJECTS = (
    ("La Ruche de Villeurbanne", "Villeurbanne", "69100", "69", 45.7719, 4.8902),
    ("Les Choux Lents", "Montreuil", "93100", "93", 48.8611, 2.4436),
    ("L'Écoquartier des Tilleuls", "Rennes", "35000", "35", 48.1173, -1.6778),
    ("La Maison des Possibles", "Toulouse", "31000", "31", 43.6045, 1.4440),
    ("Les Habitants du Quai", "Nantes", "44000", "44", 47.2184, -1.5536),
    ("Le Jardin d'Ill", "Strasbourg", "67000", "67", 48.5734, 7.7521),
    ("La Courée Partagée", "Lille", "59000", "59", 50.6292, 3.0573),
    ("Les Toits de la Bastille", "Grenoble", "38000", "38", 45.1885, 5.7245),
    ("L'Échoppe Commune", "Bordeaux", "33000", "33", 44.8378, -0.5792),
    ("Le Panier Solidaire", "Marseille", "13001", "13", 43.2965, 5.3698),
    ("Les Cassissiers", "Dijon", "21000", "21", 47.3220, 5.0415),
    ("La Boucle Habitée", "Besançon", "25000", "25", 47.2378, 6.0241),
    ("Les Bords de Loire", "Tours", "37000", "37", 47.3941, 0.6848),
    ("L'Ardoise Bleue", "Angers", "49000", "49", 47.4784, -0.5632),
    ("Ti Kêr", "Brest", "29200", "29", 48.3904, -4.4861),
    ("Les Voisins de l'Odet", "Quimper", "29000", "29", 47.9960, -4.1024),
    ("Le Clain Partagé", "Poitiers", "86000", "86", 46.5802, 0.3404),
    ("La Porcelaine", "Limoges", "87000", "87", 45.8336, 1.2611),
    ("Les Volcans Unis", "Clermont-Ferrand", "63000", "63", 45.7772, 3.0870),
    ("L'Oustal Commun", "Montpellier", "34000", "34", 43.6108, 3.8767),
    ("Les Arènes Habitées", "Nîmes", "30000", "30", 43.8367, 4.3601),
    ("La Casa Nostra", "Perpignan", "66000", "66", 42.6887, 2.8948),
    ("Les Balcons du Gave", "Pau", "64000", "64", 43.2951, -0.3708),
    ("L'Etxe Partagée", "Bayonne", "64100", "64", 43.4929, -1.4748),
    ("Les Colombages", "Rouen", "76000", "76", 49.4432, 1.0999),
    ("La Presqu'île Solidaire", "Caen", "14000", "14", 49.1829, -0.3707),
    ("Les Hortillons", "Amiens", "80000", "80", 49.8941, 2.2958),
    ("La Cour de Moselle", "Metz", "57000", "57", 49.1193, 6.1757),
    ("Le Chardon Habité", "Nancy", "54000", "54", 48.6921, 6.1844),
    ("Les Bulles Partagées", "Reims", "51100", "51", 49.2583, 4.0317),
    ("La Cité Rêvée", "Mulhouse", "68100", "68", 47.7508, 7.3359),
    ("Les Coteaux du Lac", "Annecy", "74000", "74", 45.8992, 6.1294),
    ("La Cordée", "Chambéry", "73000", "73", 45.5646, 5.9178),
    ("Le Mas des Liens", "Valence", "26000", "26", 44.9334, 4.8924),
    ("Les Passementiers", "Saint-Étienne", "42000", "42", 45.4397, 4.3872),
    ("Le Pont Habité", "Avignon", "84000", "84", 43.9493, 4.8055),
    ("Les Oliviers du Port", "Nice", "06000", "06", 43.7102, 7.2620),
    ("A Casa Cumuna", "Ajaccio", "20000", "2A", 41.9192, 8.7386),
    ("U Rughjone", "Bastia", "20200", "2B", 42.6977, 9.4508),
    ("Les Mariniers", "Orléans", "45000", "45", 47.9030, 1.9093),
    ("Le Marais Partagé", "Bourges", "18000", "18", 47.0810, 2.3988),
    ("Les 24 Toits", "Le Mans", "72000", "72", 48.0061, 0.1996),
    ("La Mayenne Ensemble", "Laval", "53000", "53", 48.0706, -0.7734),
    ("Le Phare Commun", "La Rochelle", "17000", "17", 46.1603, -1.1511),
    ("Les Terrasses de la Sèvre", "Niort", "79000", "79", 46.3237, -0.4588),
    ("La Truffière", "Périgueux", "24000", "24", 45.1846, 0.7214),
    ("Le Pruneau Solidaire", "Agen", "47000", "47", 44.2033, 0.6163),
    ("La Maison de Gascogne", "Auch", "32000", "32", 43.6465, 0.5855),
    ("Les Briques Roses", "Albi", "81000", "81", 43.9289, 2.1464),
    ("Le Causse Habité", "Rodez", "12000", "12", 44.3506, 2.5750),
    ("Le Lot en Commun", "Cahors", "46000", "46", 44.4475, 1.4419),
    ("Les Haras Partagés", "Tarbes", "65000", "65", 43.2328, 0.0781),
    ("La Vallée de l'Ariège", "Foix", "09000", "09", 42.9653, 1.6069),
    ("Les Remparts Ouverts", "Carcassonne", "11000", "11", 43.2130, 2.3491),
    ("Les Cévenols", "Alès", "30100", "30", 44.1249, 4.0812),
    ("L'Oustau de Haute-Provence", "Forcalquier", "04300", "04", 43.9597, 5.7806),
    ("Le Hameau des Écrins", "Gap", "05000", "05", 44.5594, 6.0786),
    ("La Clairette", "Die", "26150", "26", 44.7536, 5.3703),
    ("Les Tours de Crest", "Crest", "26400", "26", 44.7283, 5.0225),
    ("Kaz Ansanm", "Saint-Denis", "97400", "974", -20.8823, 55.4504),
    ("Lakou Lamentin", "Le Lamentin", "97232", "972", 14.6097, -60.9989),
    ("Le Bourg Partagé", "Saint-Germain-sur-Ille", "35250", "35", 48.2408, -1.6542),
    ("L'Écohameau du Champ Commun", "Langouët", "35630", "35", 48.2500, -1.8247),
    ("Les Landes Habitées", "Trémargat", "22110", "22", 48.3333, -3.2667),
    ("Le Hameau de la Source", "Eourres", "05300", "05", 44.2028, 5.7253),
    ("La Filature", "Lasalle", "30460", "30", 44.0461, 3.8564),
    ("La Maison du Bourg", "Saillans", "26340", "26", 44.6958, 5.1953),
    ("Le Plateau Partagé", "Faux-la-Montagne", "23340", "23", 45.7500, 1.9333),
    ("Les Jardins de la Transition", "Ungersheim", "68190", "68", 47.8792, 7.3081),
    ("Le Terril Vert", "Loos-en-Gohelle", "62750", "62", 50.4569, 2.7906),
    ("La Cour des Possibles", "Kingersheim", "68260", "68", 47.7917, 7.3269),
    ("Les Trois Ponts", "Rezé", "44400", "44", 47.1917, -1.5697),
    ("L'Estuaire Habité", "Saint-Nazaire", "44600", "44", 47.2735, -2.2138),
    ("La Rade Commune", "Lorient", "56100", "56", 47.7483, -3.3700),
    ("Le Golfe Partagé", "Vannes", "56000", "56", 47.6582, -2.7608),
    ("Les Docks Habités", "Le Havre", "76600", "76", 49.4944, 0.1079),
    ("La Hague Solidaire", "Cherbourg-en-Cotentin", "50100", "50", 49.6337, -1.6222),
    ("Les Pans de Bois", "Troyes", "10000", "10", 48.2973, 4.0744),
    ("La Petite Venise Habitée", "Colmar", "68000", "68", 48.0794, 7.3585),
    ("Le Beffroi Partagé", "Arras", "62000", "62", 50.2910, 2.7775),
    ("Le Canal Commun", "Pantin", "93500", "93", 48.8944, 2.4094),
    ("La Manufacture des Voisins", "Ivry-sur-Seine", "94200", "94", 48.8156, 2.3849),
    ("Les Lilas Partagés", "Paris", "75020", "75", 48.8638, 2.3985),
    ("La Guillotière Ensemble", "Lyon", "69007", "69", 45.7456, 4.8422),
    ("Le Cours Habité", "Aix-en-Provence", "13100", "13", 43.5297, 5.4474),
    ("La Rade Fraternelle", "Toulon", "83000", "83", 43.1242, 5.9280),
    ("Les Coteaux de Blois", "Blois", "41000", "41", 47.5861, 1.3359),
    ("Le Célé Partagé", "Figeac", "46100", "46", 44.6086, 2.0317),
    ("Les Châtaigniers", "Aubenas", "07200", "07", 44.6203, 4.3903),
)

STAGES = (
    "reflexion",
    "groupe-constitue",
    "recherche-foncier",
    "conception",
    "chantier",
    "habite",
)
LEGAL_FORMS = (
    "cooperative-habitants",
    "scia",
    "sccc",
    "sas-cooperative",
    "sci",
    "scic",
    "association",
    "brs-ofs",
    "copropriete",
    "autre",
)
TENURES = (
    "propriete",
    "location",
    "location-sociale",
    "accession-sociale",
    "cooperative",
    "mixte",
)
PARTNERS = (
    "bailleur-social",
    "collectivite",
    "ofs",
    "promoteur",
    "amo",
    "association",
    "autre",
)
PARTNER_DETAILS = {
    "bailleur-social": "un office public de l'habitat du département",
    "collectivite": "la commune, qui a cédé le terrain",
    "ofs": "l'organisme de foncier solidaire de la métropole",
    "promoteur": "un promoteur coopératif régional",
    "amo": "une assistance à maîtrise d'ouvrage associative",
    "association": "l'association régionale d'habitat participatif",
    "autre": "une foncière solidaire",
}
SHARED_SPACES = (
    "salle-commune",
    "buanderie",
    "atelier",
    "chambres-amis",
    "jardin",
    "potager",
    "cuisine",
    "local-velos",
    "bureau",
)
SHARED_SPACE_WORDS = {
    "salle-commune": "une salle commune",
    "buanderie": "une buanderie",
    "atelier": "un atelier de bricolage",
    "chambres-amis": "des chambres d'amis",
    "jardin": "un jardin partagé",
    "potager": "un potager",
    "cuisine": "une cuisine partagée",
    "local-velos": "un local vélos",
    "bureau": "un espace de travail partagé",
}
STAGE_SENTENCES = {
    "reflexion": "Le projet est en réflexion : quelques foyers se réunissent chaque "
    "mois pour définir ce qu'ils veulent vivre ensemble.",
    "groupe-constitue": "Le groupe est constitué et a adopté sa charte ; il "
    "prépare la recherche d'un terrain.",
    "recherche-foncier": "Le groupe cherche un terrain ou un bâtiment à "
    "réhabiliter, en lien avec la commune.",
    "conception": "Le terrain est trouvé : le groupe conçoit le bâtiment avec son "
    "architecte.",
    "chantier": "Le chantier est en cours ; les habitants y participent certains "
    "samedis.",
    "habite": "Le lieu est habité : les habitants font visiter leurs espaces "
    "partagés lors des journées portes ouvertes.",
}
LEGAL_FORM_WORDS = {
    "cooperative-habitants": "en coopérative d'habitants",
    "scia": "en société d'attribution",
    "sccc": "en société coopérative de construction",
    "sas-cooperative": "en SAS coopérative",
    "sci": "en SCI",
    "scic": "en SCIC",
    "association": "porté par une association",
    "brs-ofs": "en bail réel solidaire",
    "copropriete": "en copropriété",
    "autre": "sous une forme juridique originale",
}


def slug(text):
    from plone.i18n.normalizer import idnormalizer

    return idnormalizer.normalize(text, max_length=80)


def project_details(index, name, commune, postal_code, departement, lat, lon):
    """The fields of one project sheet; deterministic for a given project."""
    from coordaction.content.vocabularies.geography import region_of_departement

    rng = random.Random(f"coordaction-demo-{name}")
    this_year = date.today().year
    stage = STAGES[index % len(STAGES)]
    planned = rng.choice((4, 5, 6, 8, 10, 12, 14, 16, 20, 24, 30, 42))
    start_year = rng.randint(2008, 2016) if stage == "habite" else None
    if stage == "habite":
        move_in = min(start_year + rng.randint(4, 8), this_year - 1)
        current = planned
    elif stage in ("conception", "chantier"):
        start_year = rng.randint(2018, 2023)
        move_in = this_year + (1 if stage == "chantier" else rng.randint(2, 3))
        current = None
    else:
        start_year = this_year - rng.randint(0, 3)
        move_in = None
        current = None
    legal_form = LEGAL_FORMS[(index * 7) % len(LEGAL_FORMS)]
    tenure = TENURES[(index * 5) % len(TENURES)]
    partners = sorted(rng.sample(PARTNERS, rng.randint(0, 3)), key=PARTNERS.index)
    spaces = sorted(
        rng.sample(SHARED_SPACES, rng.randint(1, 5)), key=SHARED_SPACES.index
    )
    looking = index % 3 == 0
    spaces_text = ", ".join(SHARED_SPACE_WORDS[space] for space in spaces)
    description = (
        f"Un projet de {planned} foyers à {commune}, "
        f"{LEGAL_FORM_WORDS[legal_form]}, avec {spaces_text}."
    )
    body = [STAGE_SENTENCES[stage]]
    if partners:
        body.append(
            "Partenaires : "
            + ", ".join(PARTNER_DETAILS[partner] for partner in partners)
            + "."
        )
    if looking:
        body.append(
            "Le groupe cherche de nouveaux membres : écrivez-lui par le formulaire "
            "de contact de cette fiche."
        )
    project_slug = slug(name)
    return {
        "id": slug(f"{name} {commune}"),
        "title": name,
        "description": description,
        "text": "".join(f"<p>{paragraph}</p>" for paragraph in body),
        "stage": stage,
        "commune": commune,
        "postal_code": postal_code,
        "departement": departement,
        "region": region_of_departement(departement),
        "latitude": lat,
        "longitude": lon,
        "households_planned": planned,
        "households_current": current,
        "legal_form": legal_form,
        "tenure": tenure,
        "partners": partners,
        "partners_details": "Avec "
        + " et ".join(PARTNER_DETAILS[partner] for partner in partners[:2])
        if partners
        else None,
        "start_year": start_year,
        "move_in_year": move_in,
        "shared_spaces": spaces,
        "looking_for_members": bool(looking),
        "website": f"https://{project_slug}.example.org" if index % 4 == 0 else None,
        "contact_email": f"{project_slug}@example.org",
        "license_spdx": "CC-BY-SA-4.0" if index % 5 else "CC-BY-4.0",
    }


def project_sheets():
    return [project_details(index, *project) for index, project in enumerate(PROJECTS)]
