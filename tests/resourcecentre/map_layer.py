"""Projects around Lyon, and far from it, for the map and "Autour de…": built once
for the REST and browser tests of the radius filter."""

from tests import builders
from tests.layers import content_layers


# FIELDS of each project (latitude and longitude None: no coordinates)
AROUND_LYON = (
    ("Le Village Vertical", "Villeurbanne", "69", "84", 45.7719, 4.8902),
    ("Habitat de la Croix-Rousse", "Lyon", "69", "84", 45.7743, 4.8317),
    ("Les Jardins de Vaulx", "Vaulx-en-Velin", "69", "84", 45.7786, 4.9219),
)
FARTHER = (
    # 50 km from Lyon.
    ("Le Hameau stéphanois", "Saint-Étienne", "42", "84", 45.4397, 4.3872),
    ("Projet rennais", "Rennes", "35", "53", 48.1173, -1.6778),
    ("Ti Kaz an nou", "Fort-de-France", "972", "02", 14.6161, -61.0588),
    ("Projet lyonnais sans coordonnées", "Lyon", "69", "84", None, None),
)
PRIVATE = ("Projet lyonnais en brouillon", "Lyon", "69", "84", 45.7600, 4.8400)
PHOTO = "La salle commune du Village Vertical"


FIELDS = ("title", "commune", "departement", "region", "latitude", "longitude")


def create_projects(portal):
    projects = portal["projets"]
    for row in AROUND_LYON + FARTHER + (PRIVATE,):
        fields = dict(zip(FIELDS, row, strict=True))
        stage = "conception" if fields["commune"] == "Lyon" else "habite"
        sheet = builders.project_sheet(projects, stage=stage, **fields)
        if row != PRIVATE:
            builders.publish(sheet)
        if fields["title"] == "Le Village Vertical":
            builders.image(sheet, title=PHOTO)


PROJECTS_AROUND = content_layers("ProjectsAround", create_projects)
