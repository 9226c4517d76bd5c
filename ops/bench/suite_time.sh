#!/usr/bin/env bash
# Time the test suite against an older version of itself, in one run on the same
# machine, pair by pair (old, new, old, new...), so that a machine that gets
# busier or quieter during the run weighs on both alike.
#
#   ops/bench/suite_time.sh OLD_CHECKOUT [PAIRS]
#
# OLD_CHECKOUT: a clone at the revision to compare with, installed (make install),
# e.g. git clone . /tmp/suite-before && git -C /tmp/suite-before checkout REV &&
# make -C /tmp/suite-before install. PAIRS: how many pairs (2 by default).
# Each line gives the wall-clock seconds of `make test` in both and their ratio;
# the outputs are kept in var/suite-time/. A failing suite is reported as such.
set -euo pipefail
old=$(cd "${1:?usage: $0 OLD_CHECKOUT [PAIRS]}" && pwd)
pairs=${2:-2}
new=$(cd "$(dirname "$0")/../.." && pwd)
logs="$new/var/suite-time"
mkdir -p "$logs"

run() {  # run NAME DIR PAIR: the wall-clock seconds of `make test` in DIR
    local started status
    started=$(date +%s.%N)
    status=0
    make -C "$2" test >"$logs/$1-$3.log" 2>&1 || status=$?
    echo "$(date +%s.%N) - $started" | bc | xargs printf '%.0f'
    [ "$status" = 0 ] || echo " (ÉCHEC, voir $logs/$1-$3.log)"
}

echo "paire  avant (s)  après (s)  après/avant"
for pair in $(seq "$pairs"); do
    before=$(run avant "$old" "$pair")
    after=$(run apres "$new" "$pair")
    ratio=$(echo "scale=2; ${after%% *} / ${before%% *}" | bc)
    printf '%5s  %9s  %9s  %11s\n' "$pair" "$before" "$after" "$ratio"
done
