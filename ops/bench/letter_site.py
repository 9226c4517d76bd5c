"""Prepare the letter's benchmark site (run by ops/bench/letter.py, inside Zope):

    .venv/bin/python ops/bench/letter_site.py var/bench-letter/instance/etc/zope.conf \
        --subscribers 10000

Adds (or tops up to) ``--subscribers`` confirmed subscribers, their topics and
régions drawn with ``random.Random(42)`` (half of them take every topic), and
writes a new letter of the demo's publications of the last year, marked ready;
prints its address and how many subscribers it has something for. Idempotent for the subscribers; a new letter each run.
"""

from pathlib import Path
import argparse
import random
import sys


sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

SEED = 42


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("zope_conf")
    parser.add_argument("--subscribers", type=int, default=10000)
    args = parser.parse_args(argv)

    from coordaction.content.site_items import LETTER_ARCHIVE
    from coordaction.content.vocabularies.geography import regions
    from coordaction.policy.newsletter import subscribers
    from coordaction.policy.newsletter.letter import audience
    from coordaction.policy.newsletter.letter import snapshot
    from coordaction.policy.newsletter.topics import TOPIC_IDS
    from coordaction.policy.scripts.zope_app import existing_site
    from coordaction.policy.scripts.zope_app import site_id
    from coordaction.policy.scripts.zope_app import zope_as_admin
    from datetime import UTC
    from datetime import date
    from datetime import datetime
    from datetime import timedelta
    from plone import api
    from plone.app.textfield.value import RichTextValue
    import transaction

    draw = random.Random(SEED)
    region_codes = sorted(regions())
    with zope_as_admin(args.zope_conf) as app:
        site = existing_site(app, site_id())
        if site is None:
            return 1
        present = len(subscribers.all_subscribers())
        for number in range(present, args.subscribers):
            everything = draw.random() < 0.5
            topics = (
                []
                if everything
                else draw.sample(TOPIC_IDS, draw.randint(1, len(TOPIC_IDS)))
            )
            region = draw.choice(region_codes) if draw.random() < 0.3 else ""
            subscribers.subscribe(
                f"abonne{number:05d}@banc.example.org",
                topics,
                region,
                consent="import",
                consented=datetime.now(UTC),
            )
            if number % 1000 == 999:
                transaction.commit()
        transaction.commit()
        letter = api.content.create(
            container=site[LETTER_ARCHIVE],
            type="Newsletter",
            title="La lettre du banc d'essai",
            description="Ce que le réseau a publié cette année.",
            period_start=date.today() - timedelta(days=365),
            period_end=date.today(),
            editorial=RichTextValue(
                "<p>Bonjour, voici la lettre du réseau.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
        api.content.transition(letter, transition="make_ready")
        transaction.commit()
        frozen = snapshot(letter)
        expected = len(audience(frozen)[0])
        print(f"subscribers={len(subscribers.all_subscribers())}")
        print(f"letter={letter.absolute_url(relative=True)}")
        print(f"publications={len(letter.publications)}")
        print(f"expected={expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
