"""Demo content in French, as data files (``content/*.json``) loaded by ``load`` and
built by ``build.create_demo_content`` (local use only)."""
