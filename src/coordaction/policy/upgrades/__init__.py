"""Upgrade steps of the three coordaction profiles (content, workflows, policy).

Version 1000 is 1.0: every profile is complete at that version. A later change to
a profile ships one step here, as a small GenericSetup profile of its own
(``profiles/<step>/``) that ``configure.zcml`` applies with ``import_profile``; see
the README's "Mises à jour" section. ``tests/setup/test_upgrades.py`` replays every
step from 1000.
"""
