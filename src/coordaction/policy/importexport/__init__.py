"""Import and export of project sheets and resources, from and to CSV and JSON.

For migrating the federation's existing project database, and for keeping a copy:

- ``columns``: the documented columns of each type (``docs/import.md``);
- ``parse``: read a CSV or JSON file into rows, each with its line number;
- ``validate``: convert and check a row with the types' own schemas (fields,
  vocabularies, constraints and invariants), in French;
- ``run``: import the good rows (each row completely or not at all; re-running
  the same file updates instead of duplicating), export in the same columns;
- ``browser``: the administrator page ``@@import-export``.

The console scripts are in ``coordaction.policy.scripts.importexport``.
"""
