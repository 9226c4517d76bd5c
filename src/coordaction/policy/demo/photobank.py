"""The pictures of the demo's photo bank. They are drawn here (a house under a sky,
in the colours of each entry), not photographs: their credit says so."""

from PIL import Image
from PIL import ImageDraw
import io


CREDIT = "Illustration de démonstration : Coordin'action"

IMAGES = (
    # id, title, description, licence, themes, régions, sky, walls, state
    (
        "salle-commune-d-un-habitat-participatif",
        "Salle commune d'un habitat participatif",
        "Le lieu des repas partagés et des assemblées.",
        "CC-BY-SA-4.0",
        ["vie-quotidienne", "gouvernance"],
        ["84"],
        (170, 200, 230),
        (200, 120, 80),
        "published",
    ),
    (
        "chantier-participatif-ossature-bois",
        "Chantier participatif : l'ossature bois",
        "Les futurs habitants montent les murs avec les charpentiers.",
        "CC-BY-4.0",
        ["architecture", "ecologie"],
        ["53"],
        (190, 215, 240),
        (190, 150, 100),
        "published",
    ),
    (
        "jardin-partage-au-pied-de-l-immeuble",
        "Jardin partagé au pied de l'immeuble",
        "Potager et verger cultivés par les habitants.",
        "CC0-1.0",
        ["ecologie", "vie-quotidienne"],
        ["52"],
        (160, 210, 200),
        (120, 160, 90),
        "published",
    ),
    (
        "facade-d-une-cooperative-d-habitants",
        "Façade d'une coopérative d'habitants",
        "Douze logements et une buanderie commune.",
        "CC-BY-NC-4.0",
        ["architecture"],
        ["11"],
        (200, 200, 220),
        (230, 200, 150),
        "published",
    ),
    (
        "buanderie-commune",
        "Buanderie commune",
        "Trois machines pour vingt foyers.",
        "CC-BY-SA-4.0",
        ["vie-quotidienne", "ecologie"],
        ["44"],
        (210, 220, 235),
        (150, 170, 200),
        "published",
    ),
    (
        "maison-de-bourg-rehabilitee",
        "Maison de bourg réhabilitée",
        "Un habitat groupé dans un centre-bourg.",
        "LicenseRef-All-Rights-Reserved",
        ["foncier", "collectivites"],
        ["75"],
        (225, 210, 190),
        (170, 110, 90),
        "published",
    ),
    (
        "visite-de-chantier",
        "Visite de chantier",
        "En attente de relecture.",
        "CC-BY-4.0",
        ["architecture"],
        ["53"],
        (180, 190, 210),
        (140, 140, 140),
        "pending",
    ),
)


def picture_bytes(sky, walls, width=1200, height=800):
    """A PNG of a house under a sky, for the demo's photo bank."""
    picture = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 3 // 4, width, height), fill=(110, 150, 80))
    left, right = width // 4, width * 3 // 4
    top, ground = height * 2 // 5, height * 3 // 4 + 10
    draw.rectangle((left, top, right, ground), fill=walls)
    draw.polygon(
        ((left - 40, top), (width // 2, height // 8), (right + 40, top)),
        fill=(120, 60, 50),
    )
    for column in range(3):
        x = left + 60 + column * (right - left - 120) // 2
        draw.rectangle((x - 35, top + 50, x + 35, top + 130), fill=(240, 240, 210))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
