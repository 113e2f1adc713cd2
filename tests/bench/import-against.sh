#!/usr/bin/env bash
# The archive import of this checkout beside another's (an earlier commit, as a `git worktree` with node_modules),
# with the benchmark's seeder in the same rounds — what a change to the importer gains, measured side by side:
#   tests/bench/import-against.sh OTHER_CHECKOUT [COUNT=2000] [ROUNDS=4] [WORK=/tmp/newsroom-import-against]
#   BENCH_DB=postgres tests/bench/import-against.sh …   the same on PostgreSQL (BENCH_POSTGRES_URL, default the local
#                                                      trust server): a fresh database per run, dropped after it
# e.g.  git worktree add /tmp/before a24eb13 && ln -s "$PWD/node_modules" /tmp/before/node_modules
#       tests/bench/import-against.sh /tmp/before
# Each round runs the seeder, the other checkout's `tests/bench/import.ts import` and this one's on the same COUNT
# generated stories, each into a fresh database; the order reverses every round (ABC CBA). One line per run:
# stage, round, stories/s, peak RSS MB.
set -euo pipefail
cd "$(dirname "$0")/../.."
HERE=$PWD
OTHER=$(cd "${1:?usage: import-against.sh OTHER_CHECKOUT [COUNT] [ROUNDS] [WORK]}" && pwd)
COUNT=${2:-2000}
ROUNDS=${3:-4}
WORK=${4:-/tmp/newsroom-import-against}
rm -rf "$WORK"
mkdir -p "$WORK"
node --conditions=production --import tsx tests/bench/import.ts files "$WORK/stories" "$COUNT" >/dev/null

SERVER=${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
run() { # stage round
  local dir="$WORK/$1-$2" checkout args database="file:$WORK/$1-$2/bench.db" name="import_against_$1_$2"
  mkdir -p "$dir"
  if [ "${BENCH_DB:-sqlite}" = postgres ]; then
    psql "$SERVER" -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $name" -c "CREATE DATABASE $name" >/dev/null
    database="${SERVER%/*}/$name"
  fi
  case $1 in
    seeder) checkout=$HERE args=(tests/bench/seed.ts "$COUNT") ;;
    other) checkout=$OTHER args=(tests/bench/import.ts import "$WORK/stories") ;;
    this) checkout=$HERE args=(tests/bench/import.ts import "$WORK/stories") ;;
  esac
  (cd "$checkout" && env DATABASE_URI="$database" NEWSROOM_DATA_DIR="$dir" NEWSROOM_SEED=false PAYLOAD_SECRET=bench \
    NODE_ENV=production NEWSROOM_PUBLIC_URL=http://localhost:3000 \
    node --no-deprecation --conditions=production --import tsx "${args[@]}") >"$dir/out.log" 2>&1
  node -e "const r = JSON.parse(require('fs').readFileSync(0, 'utf8').split('\n').reverse().find((l) => l.startsWith('RESULT ')).slice(7));
    console.log(['$1', $2, r.articlesPerSecond, r.peakRssMb ?? ''].join('\t'))" <"$dir/out.log"
  if [ "${BENCH_DB:-sqlite}" = postgres ]; then psql "$SERVER" -qc "DROP DATABASE $name" >/dev/null; fi
}

for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="seeder other this"; else order="this other seeder"; fi
  for stage in $order; do run "$stage" "$round"; done
done
