"""A local SMTP server that shows what the portal sends (for development).

    coordaction-mailcatcher [--port 1025] [--save var/mailcatcher]

Prints each message it receives and saves it as an .eml file. Start the portal
with COORDACTION_SMTP_HOST=localhost COORDACTION_SMTP_PORT=1025 (``make
mailcatcher`` and ``make start`` in two terminals: the Makefile sets them).
"""

from coordaction.policy.mailqueue.catcher import MailCatcher
from pathlib import Path
import argparse
import sys
import time


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--save", default="var/mailcatcher")
    args = parser.parse_args(argv)
    folder = Path(args.save)
    folder.mkdir(parents=True, exist_ok=True)

    def show(received):
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{len(catcher.received):04d}.eml"
        path.write_bytes(received.content)
        print("=" * 72)
        print(f"De : {received.mail_from}")
        print(f"À : {', '.join(received.rcpt_tos)}")
        print(f"Objet : {received.subject}")
        print(f"(enregistré dans {path})")
        print("-" * 72)
        text = ""
        for part in received.message.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True) or b""
                text = payload.decode(part.get_content_charset() or "utf-8", "replace")
                break
        print(text)
        sys.stdout.flush()

    catcher = MailCatcher(host=args.host, port=args.port, on_message=show).start()
    print(
        f"Serveur SMTP de développement sur {args.host}:{args.port} ; les messages "
        f"s'affichent ici et sont enregistrés dans {folder}/ (Ctrl+C pour arrêter)."
    )
    sys.stdout.flush()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        catcher.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
