"""Backup and restore, one command each (make backup, make restore): the restored
site, in a fresh place, has every item and every file of the original."""

from ops.tests import services
import shutil
import unittest


@services.skip_unless_available("postgresql")
class TestBackupAndRestore(unittest.TestCase):
    layer = services.POSTGRESQL_LAYER

    def test_filestorage_backup_restored_into_a_fresh_folder_has_every_blob(self):
        original = self.layer.folder / "backed-up-filestorage"
        shutil.copytree(self.layer.filestorage_var, original)
        services.make_instance(original)
        services.make("backup", VAR=original)
        self.assertTrue(list((original / "backup" / "filestorage").glob("*.fsz")))
        self.assertTrue(list((original / "backup" / "blobstorage").glob("*.tar.gz")))
        # The original is gone; the backup folder is all that is left.
        backups = self.layer.folder / "filestorage-backups"
        shutil.move(original / "backup", backups)
        shutil.rmtree(original)

        fresh = self.layer.folder / "restored-filestorage"
        zope_conf = services.make_instance(fresh)
        services.make(
            "restore", VAR=fresh, BACKUP_ARGS=f"--dir {backups} --to-var {fresh}"
        )
        self.assertEqual(services.inventory(zope_conf), self.layer.reference)

    def test_restore_never_overwrites_a_database_without_force(self):
        original = self.layer.folder / "kept-filestorage"
        shutil.copytree(self.layer.filestorage_var, original)
        services.make_instance(original)
        services.make("backup", VAR=original)
        with self.assertRaises(AssertionError) as refused:
            services.make("restore", VAR=original)
        self.assertIn("--force", str(refused.exception))

    def test_postgresql_backup_restored_into_a_fresh_database_has_every_blob(self):
        dsn, zope_conf = self.layer.relstorage_site("backed-up")
        var = zope_conf.parents[2]
        services.make("backup", VAR=var)
        dumps = list((var / "backup" / "postgresql").glob("*.dump"))
        self.assertEqual(len(dumps), 1)
        with self.assertRaises(AssertionError) as refused:
            services.make("restore", VAR=var)
        self.assertIn("--force", str(refused.exception))
        # The original database is dropped: the dump is all that is left.
        services.pgcluster.psql(self.layer.postgresql, 'DROP DATABASE "backed-up"')

        fresh_dsn = self.layer.new_database("restored")
        fresh = self.layer.folder / "restored-postgresql"
        fresh_conf = services.make_instance(fresh, "relstorage", fresh_dsn)
        services.make(
            "restore",
            VAR=var,
            BACKUP_ARGS=f"--to-dsn '{fresh_dsn}'",
        )
        self.assertEqual(services.inventory(fresh_conf), self.layer.reference)
