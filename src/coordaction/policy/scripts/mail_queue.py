"""The portal's mail queue, read from its folder (the server may be running).

    coordaction-mail-queue [DIR]            what waits, what failed and why
    coordaction-mail-queue [DIR] --now      end the waits: try everything at the next pass
    coordaction-mail-queue [DIR] --retry    put the refused messages back in the queue

DIR defaults to COORDACTION_MAIL_QUEUE, else var/mailqueue (``make mail-queue``).
Exit status: 0 when nothing waits or failed, 1 otherwise (for monitoring).
"""

from coordaction.policy.mailqueue.outbox import Outbox
from datetime import datetime
import argparse
import os
import sys


def _when(timestamp):
    return (
        datetime.fromtimestamp(timestamp).strftime("%d/%m/%Y %H:%M")
        if timestamp
        else "-"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "directory",
        nargs="?",
        default=os.environ.get("COORDACTION_MAIL_QUEUE") or "var/mailqueue",
    )
    parser.add_argument("--now", action="store_true", help="réessayer maintenant")
    parser.add_argument("--retry", action="store_true", help="renvoyer les refusés")
    args = parser.parse_args(argv)
    if not os.path.isdir(os.path.join(args.directory, "new")):
        print(f"Pas de file d'attente dans {args.directory} : aucun courriel envoyé.")
        return 0
    outbox = Outbox(args.directory)
    if args.retry:
        count = sum(outbox.retry(message.name) for message in outbox.failed())
        print(f"{count} message(s) refusé(s) remis dans la file.")
    if args.now:
        count = outbox.retry_all_now()
        print(f"{count} message(s) en attente repartent au prochain passage.")
    waiting, failed = outbox.waiting(), outbox.failed()
    print(f"File : {os.path.abspath(args.directory)}")
    print(f"En attente : {len(waiting)}   Refusés par le serveur : {len(failed)}")
    for title, messages in (("En attente", waiting), ("Refusés", failed)):
        if not messages:
            continue
        print(f"\n{title} :")
        for message in messages:
            print(
                f"- {_when(message.queued_at)}  {message.recipients}  « {message.subject} »"
            )
            if message.attempts:
                print(
                    f"    {message.attempts} essai(s), dernière erreur : "
                    f"{message.last_error or '-'} ; prochain essai : "
                    f"{_when(message.next_attempt) if not message.failed else '-'}"
                )
    return 1 if waiting or failed else 0


if __name__ == "__main__":
    sys.exit(main())
