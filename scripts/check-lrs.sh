#!/usr/bin/env bash
# Syncs with a real LRS (Ralph on loopback) and checks what an organisation relies on:
# statements are valid xAPI and accepted; a second sync sends nothing and duplicates nothing;
# with the LRS down, sync fails with one line and loses nothing; after a restart the rest arrives.
# Usage: scripts/check-lrs.sh BINARY
set -uo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
work=$(mktemp -d)
lrs="$work/lrs"
mkdir -p "$lrs"
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
cleanup() { scripts/lrs stop "$lrs" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export LERNPFAD_LRS_PORT=$port LERNPFAD_LRS_PASSWORD=lernpfad-test
read -r url user password < <(scripts/lrs start "$lrs")
export LERNPFAD_LRS_USER=$user LERNPFAD_LRS_PASSWORD=$password XDG_CONFIG_HOME="$work/config"
data="$work/data"
"$bin" dev generate-team --learners 12 --seed 9 --data "$data" >/dev/null

count_statements() {
    .venv-lrs/bin/python - "$url" "$user" "$password" <<'PY'
import sys, urllib.parse, requests
url, user, password = sys.argv[1:]
ids, next_url = [], urllib.parse.urljoin(url, "statements?limit=100")
while next_url:
    page = requests.get(next_url, auth=(user, password), headers={"X-Experience-API-Version": "1.0.3"}, timeout=30).json()
    ids += [s["id"] for s in page["statements"]]
    next_url = urllib.parse.urljoin(url, page["more"]) if page.get("more") else None
print(len(ids), len(set(ids)))
PY
}

# Every exported statement passes Ralph's strict statement model.
total=0
for id in $("$bin" learner list --format json --data "$data" | jq -r '.learners[].id'); do
    "$bin" export xapi --learner "$id" --data "$data" >"$work/$id.json"
    total=$((total + $(jq length "$work/$id.json")))
    if .venv-lrs/bin/python scripts/check-xapi.py "$work/$id.json" >"$work/check.txt" 2>&1; then ok; else fail "export of $id: $(tail -3 "$work/check.txt")"; fi
done

# First sync sends everything; the LRS holds each statement once.
if "$bin" sync --all --lrs "$url" --batch 100 --data "$data" >"$work/sync1.txt" 2>&1; then ok; else fail "first sync: $(cat "$work/sync1.txt")"; fi
grep -q "sent $total statement" "$work/sync1.txt" && ok || fail "first sync did not send $total: $(tail -1 "$work/sync1.txt")"
read -r stored unique < <(count_statements)
[ "$stored" = "$total" ] && [ "$unique" = "$total" ] && ok || fail "LRS holds $stored ($unique unique), expected $total"

# A second sync sends nothing and creates no duplicates.
"$bin" sync --all --lrs "$url" --data "$data" >"$work/sync2.txt" 2>&1
grep -q "sent 0 statement" "$work/sync2.txt" && ok || fail "second sync: $(cat "$work/sync2.txt")"
read -r stored unique < <(count_statements)
[ "$stored" = "$total" ] && ok || fail "after the second sync the LRS holds $stored, expected $total"

# LRS down: one clear line, exit 1, nothing lost.
scripts/lrs stop "$lrs" >/dev/null
"$bin" dev append-events --learner learner-00003 --count 5 --data "$data" >/dev/null
"$bin" sync --all --lrs "$url" --data "$data" >"$work/down.txt" 2>&1
status=$?
[ "$status" = 1 ] && ok || fail "sync with the LRS down exited $status"
[ "$(wc -l <"$work/down.txt")" -le 2 ] && grep -q "$url" "$work/down.txt" && ok || fail "down message: $(cat "$work/down.txt")"

# After a restart on the same URL, the rest arrives.
scripts/lrs start "$lrs" >/dev/null
"$bin" sync --all --lrs "$url" --data "$data" >"$work/sync3.txt" 2>&1
grep -q "sent 5 statement" "$work/sync3.txt" && ok || fail "after restart: $(cat "$work/sync3.txt")"
read -r stored unique < <(count_statements)
[ "$stored" = "$((total + 5))" ] && [ "$unique" = "$stored" ] && ok || fail "after restart the LRS holds $stored ($unique unique), expected $((total + 5))"

# The team view built from the LRS matches the one built from the folder, learner by learner.
shape='[.learners[] | {id, paths: ([.paths[] | {role, state, percent, modulesDone}] | sort_by(.role))}] | sort_by(.id)'
"$bin" team --format json --as-of 2026-11-20 --data "$data" | jq "$shape" >"$work/team-folder.json"
if "$bin" team --format json --as-of 2026-11-20 --lrs "$url" --data "$data" 2>"$work/team-lrs.err" | jq "$shape" >"$work/team-lrs.json"; then ok; else fail "team --lrs: $(cat "$work/team-lrs.err")"; fi
ids=$(jq -r '.[].id' "$work/team-lrs.json" | sort | paste -sd, -)
[ "$(jq length "$work/team-lrs.json")" -gt 0 ] && ok || fail "team --lrs found no learners"
jq --arg ids "$ids" '[.[] | select(.id as $i | $ids | split(",") | index($i))]' "$work/team-folder.json" >"$work/team-folder-same.json"
if diff -u "$work/team-folder-same.json" "$work/team-lrs.json" >"$work/team.diff"; then ok; else fail "team views differ: $(head -20 "$work/team.diff")"; fi

echo "lrs: $passed passed, $failed failed"
[ "$failed" = 0 ]
