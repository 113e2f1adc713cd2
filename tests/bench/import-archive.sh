#!/usr/bin/env bash
# An archive import at scale, killed and resumed, as a desk migrating would run it:
#   tests/bench/import-archive.sh [COUNT=100000] [KILL_AT=30000] [WORK=/tmp/newsroom-archive]
# Writes COUNT generated legacy stories (tests/bench/import.ts files), runs `newsroom import` on them into a fresh
# SQLite file, SIGKILLs it once KILL_AT stories are in, runs the same command again, and prints what the database
# holds after each run (stories, distinct import keys and slugs, versions, history rows). The import process's
# VmRSS is sampled every 5 s into WORK/<run>.rss (unix time, kB, progress); each run's report is in WORK/<run>.out.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-100000}
KILL_AT=${2:-30000}
WORK=${3:-/tmp/newsroom-archive}
mkdir -p "$WORK"
if [ ! -f "$WORK/files-$COUNT.done" ]; then
  rm -rf "$WORK/stories"
  node --import tsx tests/bench/import.ts files "$WORK/stories" "$COUNT" >/dev/null
  touch "$WORK/files-$COUNT.done"
fi
rm -rf "$WORK/db"
mkdir -p "$WORK/db"
# NEWSROOM_SITE_ORIGIN: no running site to tell (the import says so and goes on).
export DATABASE_URI="file:$WORK/db/newsroom.db" NEWSROOM_DATA_DIR="$WORK/db" NEWSROOM_SEED=false PAYLOAD_SECRET=bench-secret \
  NODE_ENV=production NEWSROOM_PUBLIC_URL=http://localhost:3000 NEWSROOM_SITE_ORIGIN=http://127.0.0.1:9

holds() {
  node -e '
    const { createClient } = require("@libsql/client")
    const db = createClient({ url: process.env.DATABASE_URI })
    const one = async (sql) => Object.values((await db.execute(sql)).rows[0]).join(" / ")
    ;(async () => {
      console.log("  stories / import keys / slugs:", await one("select count(*), count(distinct import_key), count(distinct slug) from articles"))
      console.log("  versions / stories with one:", await one("select count(*), count(distinct parent_id) from _articles_v"))
      console.log("  history rows / stories with one:", await one("select count(*), count(distinct article_id) from workflow_events"))
    })()'
}

run() { # $1: name, $2: kill once this many stories are in (0: let it finish)
  local started=$SECONDS
  node bin/newsroom.mjs import "$WORK/stories" >"$WORK/$1.out" 2>&1 &
  local launcher=$!
  : >"$WORK/$1.rss"
  while kill -0 "$launcher" 2>/dev/null; do
    local pid progress
    pid=$(pgrep -f "dist/cli.mjs import $WORK/stories" | head -n1 || true)
    progress=$(tail -c 300 "$WORK/$1.out" | tr '\r' '\n' | grep -o "[0-9]*/$COUNT" | tail -n1 || true)
    [ -n "$pid" ] && echo "$(date +%s) $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null) $progress" >>"$WORK/$1.rss"
    if [ "$2" != 0 ] && [ -n "$progress" ] && [ "${progress%/*}" -ge "$2" ] && [ -n "$pid" ]; then
      kill -9 "$pid"
      echo "$1: killed (SIGKILL) at $progress"
      break
    fi
    sleep 5
  done
  wait "$launcher" 2>/dev/null || true
  echo "$1: $((SECONDS - started)) s"
  grep -E "^(Imported|Took)" "$WORK/$1.out" | sed 's/^/  /' || true
  holds
}

run first "$KILL_AT"
run resumed 0
