"""The coordaction distribution: the portal of the Coordin'action des associations
de l'habitat participatif, as three Plone add-on packages (policy, content, workflows)."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    [
        Path("README.md").read_text(encoding="utf-8"),
        Path("CHANGES.md").read_text(encoding="utf-8"),
    ]
)

setup(
    name="coordaction",
    version="1.0.0.dev0",
    description=(
        "Portail de la Coordin'action des associations de l'habitat participatif "
        "(Plone 6.2, Classic UI)"
    ),
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: French",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone habitat participatif coordaction",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["coordaction.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires="==3.11.*",
    install_requires=[
        "setuptools<81",
        "Products.CMFPlone",
        "Products.CMFPlacefulWorkflow",
        "plone.app.upgrade",
        "plone.api",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.app.event",
        "plone.app.registry",
        "plone.app.relationfield",
        "plone.classicui",
        "plone.restapi",
        "plone.app.caching",
        "collective.easyform",
        "collective.honeypot",
        "eea.facetednavigation",
        "Zope",
        "icalendar",
        # The printable sheet of a photo (PDF), for an exhibition's panels.
        "reportlab",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "zope.testrunner",
            "requests",
            "coverage",
            "playwright",
            "aiosmtpd",
        ],
        # Scale-out: several Zope instances sharing one RelStorage on PostgreSQL
        # (COORDACTION_STORAGE=relstorage, see ops/instance/make_instance.py).
        "relstorage": [
            "RelStorage",
            "psycopg2-binary",
        ],
        "dev": [
            "ruff",
            "zpretty",
            "i18ndude",
            "aiosmtpd",
        ],
    },
    entry_points={
        "console_scripts": [
            "coordaction-create-site = coordaction.policy.scripts.create_site:main",
            "coordaction-demo = coordaction.policy.scripts.demo:main",
            "coordaction-import = coordaction.policy.scripts.importexport:import_main",
            "coordaction-export = coordaction.policy.scripts.importexport:export_main",
            "coordaction-mail-queue = coordaction.policy.scripts.mail_queue:main",
            "coordaction-mailcatcher = coordaction.policy.scripts.mailcatcher:main",
        ],
        "plone.autoinclude.plugin": [
            "target = plone",
            "module = coordaction.policy",
        ],
    },
)
