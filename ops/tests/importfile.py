"""A large import file for the fault tests: the documented example's project
sheets (docs/import/projets-exemple.csv), repeated under new external ids."""

from pathlib import Path
import csv
import io


EXAMPLE = (
    Path(__file__).resolve().parents[2] / "docs" / "import" / "projets-exemple.csv"
)
# The example shows two refused rows (a misplaced latitude, a département outside
# its région): left out here.
REFUSED_IN_EXAMPLE = {"ha-0007", "ha-0009"}


def project_rows(count, prefix="imp"):
    with open(EXAMPLE, encoding="utf-8", newline="") as example:
        models = [
            row
            for row in csv.DictReader(example)
            if row["external_id"] not in REFUSED_IN_EXAMPLE
        ]
    rows = []
    for number in range(count):
        row = dict(models[number % len(models)])
        row["external_id"] = f"{prefix}-{number:05d}"
        row["title"] = f"{row['title']} (import n° {number})"
        rows.append(row)
    return rows


def write_csv(rows, path):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    Path(path).write_text(buffer.getvalue(), encoding="utf-8")
    return path
