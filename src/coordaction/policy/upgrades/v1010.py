"""1010: the accessibility bundle (contrasts, visible focus, names of eea's lists)."""

from coordaction.policy.upgrades.records import import_registry_file


def install_accessibility_bundle(context):
    import_registry_file("accessibility.xml")
