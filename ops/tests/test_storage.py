"""RelStorage on PostgreSQL: the FileStorage site migrated by zodbconvert."""

from ops.tests import services
import unittest


@services.skip_unless_available("postgresql")
class TestMigrationToRelStorage(unittest.TestCase):
    layer = services.POSTGRESQL_LAYER

    def test_zodbconvert_copies_every_item_and_every_blob(self):
        dsn, zope_conf = self.layer.relstorage_site("migrated")
        self.assertIn("<relstorage>", zope_conf.read_text())
        self.assertIn(dsn, zope_conf.read_text())
        migrated = services.inventory(zope_conf)
        reference = self.layer.reference
        self.assertGreater(
            sum(len(item["blobs"]) for item in reference["items"].values()),
            services.PostgreSQLLayer.items,
        )
        self.assertEqual(migrated, reference)

    def test_migration_refuses_a_database_that_is_not_empty(self):
        dsn, zope_conf = self.layer.relstorage_site("migrated-twice")
        with self.assertRaises(AssertionError) as refused:
            services.make(
                "migrate-relstorage",
                env={"COORDACTION_STORAGE": "relstorage", "COORDACTION_DSN": dsn},
                VAR=zope_conf.parents[2],
            )
        self.assertIn("the destination storage has data", str(refused.exception))
