"""Upgrade steps of the coordaction profiles.

Each profile change bumps the version in its ``metadata.xml`` and registers here a
step from the previous version; ``tests/setup/test_upgrades.py`` replays them all
from version 1000 on a fresh site.
"""
