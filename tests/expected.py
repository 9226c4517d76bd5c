"""What visitors should see, written once for the tests that check it."""

# The main menu, in French and in order.
MENU_TITLES = [
    "Centre de ressources",
    "Trames-types",
    "Observatoire juridique et financier",
    "Projets",
    "Agenda",
    "Rencontres",
    "Petites annonces",
    "Banque d'images",
    "Groupes de travail",
    "Chantiers",
    "Contribuer",
]
