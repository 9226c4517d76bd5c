"""The situations of the demo's legal and financial observatory: blocking situations
groups met, and what they found. Invented, but of the kind the federation hears of.

Each entry is a dict; ``templates`` are ids of the demo's legal templates
(``templates.py``) the situation links to; ``state`` is its workflow state."""

CCH_HABITAT_PARTICIPATIF = (
    "Code de la construction et de l'habitation, articles L. 200-1 et suivants "
    "(sociétés d'habitat participatif)"
)

SITUATIONS = (
    {
        "id": "pret-bancaire-refuse-a-une-cooperative-d-habitants",
        "title": "Prêt bancaire refusé à une coopérative d'habitants",
        "description": "Aucune banque ne voulait prêter à une société sans apport "
        "individuel des futurs habitants.",
        "domains": ["financier"],
        "status": "resolue",
        "situation": "<p>Trois banques ont refusé le prêt collectif de la "
        "coopérative : elles demandaient des cautions personnelles de chaque "
        "coopérateur, que le groupe ne voulait pas donner.</p>",
        "context": "Quatorze foyers, dont quatre à revenus modestes, en phase de "
        "conception, dans une commune de la métropole lyonnaise.",
        "solution": "<p>Une banque coopérative a accepté le prêt avec une garantie "
        "d'emprunt de la commune, votée en conseil municipal, et un apport "
        "collectif constitué par les parts sociales.</p>",
        "legal_forms": ["cooperative-habitants"],
        "references": CCH_HABITAT_PARTICIPATIF,
        "themes": ["financement", "collectivites"],
        "regions": ["84"],
        "templates": ["plan-de-financement-d-une-cooperative"],
        "state": "published",
    },
    {
        "id": "statuts-de-societe-d-attribution-refuses-par-le-notaire",
        "title": "Statuts de société d'attribution refusés par le notaire",
        "description": "Le notaire du vendeur ne connaissait pas les sociétés "
        "d'attribution et d'autopromotion.",
        "domains": ["juridique"],
        "status": "resolue",
        "situation": "<p>À deux semaines de la signature de l'acte d'achat du "
        "terrain, le notaire a refusé d'instrumenter au nom de la société, dont il "
        "jugeait les statuts « non conformes ».</p>",
        "context": "Neuf foyers, terrain trouvé, permis de construire déposé.",
        "solution": "<p>Le groupe lui a remis les statuts types et une note sur les "
        "textes applicables ; un second notaire, habitué de l'habitat participatif, "
        "a relu les statuts et l'acte a été signé avec un mois de retard.</p>",
        "legal_forms": ["scia"],
        "references": CCH_HABITAT_PARTICIPATIF
        + "\nDécret n° 2015-1438 du 5 novembre 2015",
        "themes": ["juridique", "foncier"],
        "regions": ["53"],
        "templates": ["statuts-de-societe-d-attribution-et-d-autopromotion"],
        "state": "published",
    },
    {
        "id": "assurance-dommages-ouvrage-introuvable",
        "title": "Assurance dommages-ouvrage introuvable pour un chantier participatif",
        "description": "Les assureurs refusent de couvrir les travaux faits par "
        "les habitants eux-mêmes.",
        "domains": ["juridique", "financier"],
        "status": "non-resolue",
        "situation": "<p>Le groupe prévoit de réaliser lui-même l'isolation et les "
        "finitions. Aucun assureur consulté n'accepte de couvrir l'ouvrage en "
        "dommages-ouvrage avec cette part d'autoconstruction.</p>",
        "context": "Six foyers en milieu rural, ossature bois, chantier prévu "
        "l'an prochain.",
        "solution": "",
        "legal_forms": ["sccc", "scia"],
        "references": "Code des assurances, article L. 242-1",
        "themes": ["financement", "architecture"],
        "regions": ["75"],
        "templates": [],
        "state": "published",
    },
    {
        "id": "depart-d-un-cooperateur-qui-rachete-ses-parts",
        "title": "Départ d'un coopérateur : qui rachète ses parts ?",
        "description": "Un foyer quitte la coopérative et demande le remboursement "
        "immédiat de ses parts sociales.",
        "domains": ["juridique", "financier"],
        "status": "resolue",
        "situation": "<p>Le foyer sortant voulait être remboursé tout de suite ; la "
        "trésorerie de la coopérative ne le permettait pas et aucun nouveau foyer "
        "n'était encore agréé.</p>",
        "context": "Coopérative habitée depuis cinq ans, douze logements.",
        "solution": "<p>Le règlement intérieur a été complété : le remboursement "
        "suit l'entrée d'un nouveau coopérateur, dans un délai maximal fixé par "
        "l'assemblée générale, avec une avance de la réserve de trésorerie.</p>",
        "legal_forms": ["cooperative-habitants", "sas-cooperative"],
        "references": CCH_HABITAT_PARTICIPATIF
        + "\nLoi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
        "themes": ["juridique", "gouvernance"],
        "regions": ["52"],
        "templates": ["reglement-interieur-de-cooperative-d-habitants"],
        "state": "published",
    },
    {
        "id": "bail-reel-solidaire-et-salle-commune",
        "title": "Bail réel solidaire et salle commune",
        "description": "Comment intégrer une salle commune dans une opération en "
        "bail réel solidaire ?",
        "domains": ["juridique"],
        "status": "en-cours",
        "situation": "<p>L'organisme de foncier solidaire ne sait pas à qui "
        "consentir le bail de la salle commune, qui n'est le logement de "
        "personne.</p>",
        "context": "Opération de huit logements avec un bailleur social et un "
        "organisme de foncier solidaire.",
        "solution": "<p>Piste à l'étude : une association des habitants, titulaire "
        "d'un bail distinct pour la salle commune.</p>",
        "legal_forms": ["brs-ofs", "association"],
        "references": "Code de l'urbanisme, article L. 329-1\n"
        "Ordonnance n° 2016-985 du 20 juillet 2016 relative au bail réel solidaire",
        "themes": ["juridique", "habitat-social", "vie-quotidienne"],
        "regions": ["44"],
        "templates": ["convention-de-bail-reel-solidaire"],
        "state": "published",
    },
    {
        "id": "garantie-d-emprunt-refusee-par-l-intercommunalite",
        "title": "Garantie d'emprunt refusée par l'intercommunalité",
        "description": "Brouillon : la situation est en cours de rédaction.",
        "domains": ["financier"],
        "status": "non-resolue",
        "situation": "<p>À compléter.</p>",
        "context": "",
        "solution": "",
        "legal_forms": ["cooperative-habitants"],
        "references": "",
        "themes": ["financement", "collectivites"],
        "regions": ["76"],
        "templates": [],
        "state": "private",
    },
)
