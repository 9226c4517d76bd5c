"""Known images in the photo bank (published and private, under different licences
and credits) and a project photo outside it, built once for the photo bank tests."""

from tests import builders
from tests import samples
from tests.layers import content_layers


# title: (licence, credit shown, rights holder, région, theme), as published.
PUBLISHED_IMAGES = {
    "La salle commune du Village Vertical": (
        "CC-BY-4.0",
        "Photo : Jeanne Martin / Les Habiles",
        "Jeanne Martin",
        "84",
        "gouvernance",
    ),
    "Chantier participatif à Rennes": (
        "CC-BY-SA-4.0",
        "Photo : Paul Durand",
        "Paul Durand",
        "53",
        "foncier",
    ),
    # No attribution text: the credit is the rights holder.
    "Le jardin partagé": (
        "CC0-1.0",
        "Coordin'action",
        "Coordin'action",
        "53",
        "foncier",
    ),
    "La façade sur rue": (
        "LicenseRef-All-Rights-Reserved",
        "Photo : Agence Lumière",
        "Agence Lumière",
        "11",
        "gouvernance",
    ),
}
PRIVATE_IMAGE = "Portrait sans autorisation"
PROJECT_PHOTO = "Photo du projet lyonnais"


def create_photobank_content(portal):
    bank = portal["banque-d-images"]
    for index, (title, (license_spdx, credit, holder, region, theme)) in enumerate(
        PUBLISHED_IMAGES.items()
    ):
        builders.publish(
            builders.image(
                bank,
                title=title,
                image=samples.png_image(
                    filename=f"photo-{index}.png", color=(40 * index, 120, 90)
                ),
                license_spdx=license_spdx,
                attribution_text=None if credit == holder else credit,
                rights_holder=holder,
                regions=[region],
                themes=[theme],
            )
        )
    # Added like any upload: it waits, private, for a reviewer.
    builders.image(
        bank,
        title=PRIVATE_IMAGE,
        license_spdx="LicenseRef-All-Rights-Reserved",
        attribution_text="Photo : Nadia Secret",
        rights_holder="Nadia Secret",
        regions=["53"],
        themes=["foncier"],
    )
    # A published project's photo is an Image too, but not one of the photo bank.
    project = builders.publish(builders.project_sheet(portal["projets"]))
    builders.image(project, title=PROJECT_PHOTO, license_spdx="CC-BY-4.0")


PHOTOBANK = content_layers("PhotoBank", create_photobank_content)
PHOTOBANK_FUNCTIONAL_TESTING = PHOTOBANK.functional
