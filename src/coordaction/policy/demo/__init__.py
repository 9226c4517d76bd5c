"""Demo content in French, as data modules (``resources.py``, ``projects.py``...)
built by ``build.create_demo_content`` (local use only)."""
