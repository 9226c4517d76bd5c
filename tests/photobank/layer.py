"""Known images in the photo bank (published and private, under different licences
and credits) and photos of project sheets, which the bank lists when anyone may reuse
them and their sheet is published; built once for the photo bank tests."""

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
PROJECT_PHOTO = "Photo du projet lyonnais"  # CC BY, published sheet: in the bank
RESERVED_PROJECT_PHOTO = "Plan du projet lyonnais"  # all rights reserved: not
PENDING_PROJECT_PHOTO = "Photo d'un projet en relecture"  # sheet not published yet


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
    # A project's photos are seen as their sheet is (they have no workflow of
    # their own); the bank lists those anyone may reuse.
    project = builders.publish(builders.project_sheet(portal["projets"]))
    builders.image(
        project,
        title=PROJECT_PHOTO,
        license_spdx="CC-BY-4.0",
        attribution_text="Photo : Habitants du Lyonnais",
        themes=[],
    )
    builders.image(
        project,
        title=RESERVED_PROJECT_PHOTO,
        license_spdx="LicenseRef-All-Rights-Reserved",
        themes=[],
    )
    pending = builders.project_sheet(portal["projets"], title="Le Hameau en relecture")
    builders.image(
        pending, title=PENDING_PROJECT_PHOTO, license_spdx="CC-BY-4.0", themes=[]
    )


PHOTOBANK = content_layers("PhotoBank", create_photobank_content)
PHOTOBANK_FUNCTIONAL_TESTING = PHOTOBANK.functional
