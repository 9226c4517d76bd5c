"""The demo accounts: one per role. Their passwords are public: FOR LOCAL USE ONLY."""

# (login, password, full name, portal groups, what the account shows)
DEMO_USERS = (
    (
        "admin-demo",
        "demo-admin",
        "Agnès Administratrice",
        ("Site Administrators",),
        "administratrice du site : réglages, espaces de groupe",
    ),
    (
        "relectrice",
        "demo-relecture",
        "Rosalie Relectrice",
        ("Reviewers",),
        "relectrice : publie, refuse, marque une trame obsolète",
    ),
    (
        "contributeur",
        "demo-contribution",
        "Corentin Contributeur",
        ("equipe-editoriale",),
        "équipe éditoriale : rédige ressources, trames, fiches, annonces",
    ),
    (
        "membre-reseau",
        "demo-reseau",
        "Maëlle Réseau",
        ("membres-du-reseau",),
        "membre du réseau : voit l'intranet, demande à rejoindre un groupe",
    ),
    (
        "coordinatrice",
        "demo-coordination",
        "Colette Coordinatrice",
        ("membres-du-reseau",),
        "membre du réseau, coordinatrice du groupe juridique et financier (privé)",
    ),
    (
        "membre-groupe",
        "demo-groupe",
        "Gaspard Groupe",
        ("membres-du-reseau",),
        "membre du réseau et du groupe juridique et financier (privé)",
    ),
)


def email_of(login):
    return f"{login}@example.org"
