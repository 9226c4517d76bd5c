"""The legal and financial templates of the demo: statutes, internal rules, pacts,
charters, budgets... Each is an ODT (or ODS) to adapt, some with a PDF too.

Each entry is a dict; ``content`` holds the paragraphs of the ODT, or the rows of
the ODS when ``format`` is ``"ods"``. The template ``OBSOLETE`` is published then
marked obsolete, superseded by ``SUCCESSOR``."""

from datetime import date


ALUR = (
    "Loi n° 2014-366 du 24 mars 2014 pour l'accès au logement et un urbanisme "
    "rénové (ALUR), articles 47 et 48 ; Code de la construction et de l'habitation, "
    "articles L. 200-1 et suivants."
)
COOPERATION = "Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération."
DECRET_2015 = "Décret n° 2015-1438 du 5 novembre 2015 relatif aux sociétés d'habitat participatif."

SUCCESSOR = "statuts-types-de-cooperative-d-habitants-2024"
OBSOLETE = "statuts-de-cooperative-d-habitants-2015"

TEMPLATES = (
    {
        "id": SUCCESSOR,
        "title": "Statuts types de coopérative d'habitants (2024)",
        "description": "Statuts d'une coopérative d'habitants à capital variable "
        "selon la loi ALUR, mis à jour de la recodification du code de la "
        "construction et de l'habitation.",
        "document_kind": "statuts",
        "legal_forms": ["cooperative-habitants"],
        "themes": ["juridique", "gouvernance"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Article 1 – Forme. Il est formé une société coopérative d'habitants à "
            "capital variable régie par les articles L. 200-1 et suivants du code de "
            "la construction et de l'habitation.",
            "Article 2 – Objet. La société a pour objet de fournir à ses associés "
            "personnes physiques la jouissance d'un logement à titre de résidence "
            "principale et de contribuer au développement de leur vie collective.",
            "Article 7 – Parts sociales. Le capital est divisé en parts sociales "
            "nominatives ; chaque associé en souscrit au moins une.",
            "Article 15 – Assemblée générale. Chaque associé dispose d'une voix, "
            "quel que soit le nombre de parts qu'il détient.",
            "Article 22 – Redevance. L'associé coopérateur verse une redevance "
            "composée d'une part acquisitive et d'une part locative.",
        ],
        "legal_basis": ALUR + "\n" + COOPERATION + "\n" + DECRET_2015,
        "legal_basis_date": date(2024, 1, 1),
        "last_review_date": date(2024, 9, 12),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": OBSOLETE,
        "title": "Statuts de coopérative d'habitants (2015)",
        "description": "La première version des statuts types, rédigée après la loi "
        "ALUR : remplacée par la version 2024.",
        "document_kind": "statuts",
        "legal_forms": ["cooperative-habitants"],
        "themes": ["juridique"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Article 1 – Forme. Il est formé une société coopérative d'habitants à "
            "capital variable régie par l'article L. 201-1 du code de la "
            "construction et de l'habitation.",
            "Article 2 – Objet. Fournir à ses associés la jouissance d'un logement à "
            "titre de résidence principale.",
            "Article 15 – Assemblée générale. Chaque associé dispose d'une voix.",
        ],
        "legal_basis": ALUR + "\n" + COOPERATION,
        "legal_basis_date": date(2014, 3, 24),
        "last_review_date": date(2016, 2, 3),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": "statuts-de-societe-d-attribution-et-d-autopromotion",
        "title": "Statuts de société d'attribution et d'autopromotion",
        "description": "Statuts d'une société d'attribution et d'autopromotion : "
        "les associés deviennent propriétaires ou jouissent d'un logement.",
        "document_kind": "statuts",
        "legal_forms": ["scia"],
        "themes": ["juridique"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Article 1 – Forme. Société d'attribution et d'autopromotion régie par "
            "les articles L. 202-1 et suivants du code de la construction et de "
            "l'habitation.",
            "Article 3 – Objet. Acquérir un terrain, y construire un immeuble, et "
            "attribuer aux associés la jouissance ou la propriété des lots.",
            "Article 9 – Appels de fonds. Les associés répondent aux appels de fonds "
            "à proportion de leurs droits.",
        ],
        "legal_basis": "Loi n° 2014-366 du 24 mars 2014 (ALUR), article 47 ; code "
        "de la construction et de l'habitation, articles L. 202-1 à L. 202-11.",
        "legal_basis_date": date(2014, 3, 24),
        "last_review_date": date(2023, 5, 22),
        "license": "CC-BY-4.0",
    },
    {
        "id": "statuts-de-sas-cooperative-a-capital-variable",
        "title": "Statuts de SAS coopérative à capital variable",
        "description": "Pour un groupe qui veut la souplesse de la SAS et les "
        "principes coopératifs : une personne, une voix.",
        "document_kind": "statuts",
        "legal_forms": ["sas-cooperative"],
        "themes": ["juridique", "gouvernance"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Article 1 – Forme. Société par actions simplifiée coopérative à "
            "capital variable, régie par les articles L. 227-1 et suivants et "
            "L. 231-1 et suivants du code de commerce et par la loi du 10 septembre "
            "1947.",
            "Article 12 – Décisions collectives. Chaque associé dispose d'une voix.",
            "Article 18 – Présidence. Le président est élu par l'assemblée pour "
            "deux ans.",
        ],
        "legal_basis": "Code de commerce, articles L. 227-1 et suivants, L. 231-1 et "
        "suivants ; " + COOPERATION,
        "legal_basis_date": date(2019, 5, 22),
        "last_review_date": date(2024, 3, 18),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": "statuts-de-sci-d-habitat-groupe",
        "title": "Statuts de SCI d'habitat groupé",
        "description": "Une société civile immobilière pour un petit groupe qui "
        "achète et gère ensemble un bâtiment.",
        "document_kind": "statuts",
        "legal_forms": ["sci"],
        "themes": ["juridique"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Article 1 – Forme. Société civile régie par les articles 1832 et "
            "suivants et 1845 et suivants du code civil.",
            "Article 2 – Objet. L'acquisition, l'administration et la gestion d'un "
            "immeuble mis à la disposition des associés.",
            "Article 10 – Cession des parts. Toute cession est soumise à l'agrément "
            "unanime des associés.",
        ],
        "legal_basis": "Code civil, articles 1832 à 1844-17 et 1845 à 1870-1.",
        "legal_basis_date": date(2016, 10, 1),
        "last_review_date": date(2022, 11, 7),
        "license": "CC0-1.0",
    },
    {
        "id": "statuts-d-association-de-prefiguration",
        "title": "Statuts d'association de préfiguration d'un projet",
        "description": "L'association qui porte le groupe avant la création de la "
        "société d'habitants : adhésions, cotisations, études.",
        "document_kind": "statuts",
        "legal_forms": ["association"],
        "themes": ["gouvernance"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Article 1 – Il est fondé entre les adhérents aux présents statuts une "
            "association régie par la loi du 1er juillet 1901.",
            "Article 2 – Objet. Préparer la réalisation d'un habitat participatif : "
            "constituer le groupe, rechercher le foncier, financer les études.",
            "Article 8 – Ressources. Les cotisations des membres, les subventions et "
            "les dons.",
        ],
        "legal_basis": "Loi du 1er juillet 1901 relative au contrat d'association.",
        "legal_basis_date": date(1901, 7, 1),
        "last_review_date": date(2021, 6, 14),
        "license": "CC-BY-4.0",
    },
    {
        "id": "reglement-interieur-de-cooperative-d-habitants",
        "title": "Règlement intérieur de coopérative d'habitants",
        "description": "Usage des espaces partagés, entretien, accueil des invités, "
        "animaux, stationnement : le règlement à adapter.",
        "document_kind": "reglement-interieur",
        "legal_forms": ["cooperative-habitants", "sas-cooperative"],
        "themes": ["gouvernance", "vie-quotidienne"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Titre I – Les espaces partagés. La salle commune est réservée via le "
            "calendrier partagé ; la buanderie est ouverte de 7 h à 22 h.",
            "Titre II – L'entretien. Chaque foyer participe aux journées de travaux "
            "collectifs, au moins quatre par an.",
            "Titre III – Les invités. La chambre d'amis est attribuée par ordre de "
            "réservation, pour sept nuits au plus.",
        ],
        "legal_basis": ALUR,
        "legal_basis_date": date(2014, 3, 24),
        "last_review_date": date(2023, 1, 30),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": "reglement-de-copropriete-d-un-habitat-groupe",
        "title": "Règlement de copropriété d'un habitat groupé",
        "description": "Les clauses à ajouter à un règlement de copropriété pour "
        "gérer des espaces communs partagés et une gouvernance participative.",
        "document_kind": "reglement-interieur",
        "legal_forms": ["copropriete"],
        "themes": ["juridique", "vie-quotidienne"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Les parties communes spéciales comprennent la salle commune, l'atelier "
            "et la buanderie.",
            "Le syndicat des copropriétaires peut confier leur gestion à une "
            "association des habitants.",
        ],
        "legal_basis": "Loi n° 65-557 du 10 juillet 1965 fixant le statut de la "
        "copropriété des immeubles bâtis.",
        "legal_basis_date": date(2019, 10, 30),
        "last_review_date": date(2022, 4, 11),
        "license": "CC-BY-NC-SA-4.0",
    },
    {
        "id": "pacte-d-associes-d-un-habitat-participatif",
        "title": "Pacte d'associés d'un habitat participatif",
        "description": "Ce que les statuts ne disent pas : entrée et sortie des "
        "associés, solidarité financière, règlement des désaccords.",
        "document_kind": "pacte",
        "legal_forms": ["sci", "scia", "sas-cooperative"],
        "themes": ["juridique", "gouvernance"],
        "format": "odt",
        "pdf": True,
        "content": [
            "Article 1 – Objet du pacte. Organiser les relations entre associés en "
            "complément des statuts.",
            "Article 4 – Sortie d'un associé. L'associé sortant présente un "
            "successeur au groupe, qui dispose d'un droit de préférence.",
            "Article 6 – Médiation. Tout désaccord est soumis à une médiation avant "
            "toute action en justice.",
        ],
        "legal_basis": "Code civil, articles 1103 et suivants (force obligatoire des "
        "contrats).",
        "legal_basis_date": date(2016, 10, 1),
        "last_review_date": date(2024, 6, 3),
        "license": "CC-BY-NC-4.0",
    },
    {
        "id": "charte-de-groupe-d-habitants",
        "title": "Charte de groupe d'habitants",
        "description": "Un modèle de charte : valeurs, engagements réciproques, "
        "mode de décision, accueil des nouveaux membres.",
        "document_kind": "charte",
        "legal_forms": ["cooperative-habitants", "association", "autre"],
        "themes": ["gouvernance", "vie-quotidienne"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Nous, habitantes et habitants, voulons vivre dans un lieu que nous "
            "concevons, finançons et gérons ensemble.",
            "Nous décidons par consentement ; à défaut, à la majorité des deux tiers.",
            "Nous accueillons les nouveaux membres après une période de découverte "
            "de trois mois.",
        ],
        "legal_basis": "",
        "legal_basis_date": None,
        "last_review_date": date(2023, 9, 25),
        "license": "CC0-1.0",
    },
    {
        "id": "charte-de-partenariat-avec-une-collectivite",
        "title": "Charte de partenariat avec une collectivité",
        "description": "Les engagements réciproques d'une commune et d'un groupe "
        "d'habitants pour un projet sur un terrain communal.",
        "document_kind": "charte",
        "legal_forms": ["cooperative-habitants", "scia", "brs-ofs"],
        "themes": ["collectivites", "foncier"],
        "format": "odt",
        "pdf": True,
        "content": [
            "La commune s'engage à réserver le terrain au groupe pendant dix-huit "
            "mois et à l'accompagner dans ses démarches.",
            "Le groupe s'engage à ouvrir la salle commune aux associations du "
            "quartier et à accueillir des ménages modestes.",
        ],
        "legal_basis": "Code général des collectivités territoriales, article "
        "L. 2241-1 (gestion des biens communaux).",
        "legal_basis_date": date(2015, 8, 7),
        "last_review_date": date(2024, 2, 19),
        "license": "CC-BY-4.0",
    },
    {
        "id": "convention-de-bail-reel-solidaire",
        "title": "Convention de bail réel solidaire avec un OFS",
        "description": "Les clauses essentielles d'un bail réel solidaire signé "
        "entre un organisme de foncier solidaire et un groupe d'habitants.",
        "document_kind": "contrat",
        "legal_forms": ["brs-ofs"],
        "themes": ["foncier", "habitat-social"],
        "format": "odt",
        "pdf": False,
        "content": [
            "L'organisme de foncier solidaire consent au preneur un bail réel "
            "solidaire d'une durée de quatre-vingt-dix-neuf ans.",
            "Le prix de cession des droits réels est plafonné et révisé selon "
            "l'indice de référence des loyers.",
        ],
        "legal_basis": "Ordonnance n° 2016-985 du 20 juillet 2016 ; code de la "
        "construction et de l'habitation, articles L. 255-1 et suivants ; code de "
        "l'urbanisme, article L. 329-1.",
        "legal_basis_date": date(2016, 7, 20),
        "last_review_date": date(2023, 11, 6),
        "license": "CC-BY-ND-4.0",
    },
    {
        "id": "budget-previsionnel-d-operation",
        "title": "Budget prévisionnel d'une opération d'habitat participatif",
        "description": "Le tableur du coût complet d'une opération : foncier, "
        "travaux, honoraires, frais financiers, espaces partagés.",
        "document_kind": "budget-previsionnel",
        "legal_forms": ["cooperative-habitants", "scia", "sccc"],
        "themes": ["financement"],
        "format": "ods",
        "pdf": True,
        "content": [
            ["Poste", "Montant HT (€)", "Part du total (%)"],
            ["Acquisition du foncier", 420000, 18],
            ["Travaux de construction", 1480000, 63],
            ["Honoraires (architecte, bureaux d'études)", 210000, 9],
            ["Assistance à maîtrise d'ouvrage", 60000, 3],
            ["Frais financiers et assurances", 95000, 4],
            ["Aménagement des espaces partagés", 70000, 3],
            ["Total", 2335000, 100],
        ],
        "legal_basis": "",
        "legal_basis_date": None,
        "last_review_date": date(2024, 1, 15),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": "plan-de-financement-d-une-cooperative",
        "title": "Plan de financement d'une coopérative d'habitants",
        "description": "Apports, emprunt collectif, prêts aidés, subventions : le "
        "plan de financement à présenter à la banque.",
        "document_kind": "plan-de-financement",
        "legal_forms": ["cooperative-habitants"],
        "themes": ["financement"],
        "format": "ods",
        "pdf": False,
        "content": [
            ["Ressource", "Montant (€)", "Observations"],
            ["Apports des coopérateurs (parts sociales)", 350000, "15 % du coût"],
            ["Emprunt collectif", 1650000, "25 ans, taux fixe"],
            ["Prêt aidé de la collectivité", 150000, "différé de 2 ans"],
            ["Subvention régionale", 85000, "ingénierie et espaces partagés"],
            ["Titres participatifs (épargne solidaire)", 100000, ""],
            ["Total", 2335000, ""],
        ],
        "legal_basis": "",
        "legal_basis_date": None,
        "last_review_date": date(2024, 1, 15),
        "license": "CC-BY-SA-4.0",
    },
    {
        "id": "tableau-de-bord-de-tresorerie",
        "title": "Tableau de bord de trésorerie d'un groupe projet",
        "description": "Suivre mois par mois les appels de fonds, les dépenses et "
        "la trésorerie pendant la conception et le chantier.",
        "document_kind": "tableau-de-bord",
        "legal_forms": ["scia", "sccc", "sci", "autre"],
        "themes": ["financement", "gouvernance"],
        "format": "ods",
        "pdf": False,
        "content": [
            ["Mois", "Appels de fonds (€)", "Dépenses (€)", "Trésorerie (€)"],
            ["Janvier", 60000, 12000, 48000],
            ["Février", 0, 18500, 29500],
            ["Mars", 45000, 22000, 52500],
            ["Avril", 0, 31000, 21500],
        ],
        "legal_basis": "",
        "legal_basis_date": None,
        "last_review_date": date(2023, 6, 5),
        "license": "CC-PDM-1.0",
    },
    {
        "id": "statuts-de-scic-d-habitat",
        "title": "Statuts de SCIC d'habitat et de services",
        "description": "Une société coopérative d'intérêt collectif associant "
        "habitants, collectivité et partenaires pour un lieu de vie et d'activités.",
        "document_kind": "statuts",
        "legal_forms": ["scic"],
        "themes": ["juridique", "collectivites"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Article 1 – Forme. Société coopérative d'intérêt collectif régie par "
            "le titre II ter de la loi du 10 septembre 1947.",
            "Article 10 – Catégories d'associés. Habitants, salariés, collectivités "
            "publiques, partenaires.",
        ],
        "legal_basis": COOPERATION
        + "\nLoi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et "
        "solidaire.",
        "legal_basis_date": date(2014, 7, 31),
        "last_review_date": date(2022, 9, 26),
        "license": "LicenseRef-All-Rights-Reserved",
    },
    {
        "id": "contrat-de-societe-cooperative-de-construction",
        "title": "Contrat de société civile coopérative de construction",
        "description": "Statuts et contrat d'une SCCC : construire ensemble un "
        "immeuble vendu ensuite aux associés.",
        "document_kind": "contrat",
        "legal_forms": ["sccc"],
        "themes": ["juridique", "architecture"],
        "format": "odt",
        "pdf": False,
        "content": [
            "Article 1 – La société a pour objet la construction d'un immeuble en "
            "vue de sa division en fractions attribuées aux associés.",
            "Article 14 – Garanties. La société souscrit une garantie d'achèvement.",
        ],
        "legal_basis": "Code de la construction et de l'habitation, articles "
        "L. 213-1 et suivants.",
        "legal_basis_date": date(2021, 7, 1),
        "last_review_date": date(2023, 3, 13),
        "license": "CC-BY-NC-ND-4.0",
    },
)
