#!/usr/bin/env python3
"""Recomputes the hash chain of lernpfad learner files without lernpfad (docs/evidence.md).

    scripts/verify-chain.py <data>/learners/*.json

For an auditor who wants to check the chain with tools of their own: the canonical form of an event is its
JSON object with keys sorted, no whitespace and non-ASCII characters as they are (json.dumps with
sort_keys=True, separators=(",", ":"), ensure_ascii=False), and each event's "prev" is the SHA-256 of the
previous event's canonical form (64 zeros for the first). Prints one line per file and exits 1 if any chain is
broken. Seals are checked by 'lernpfad verify' (their signatures need the sealer's public key).
"""
import hashlib
import json
import sys

GENESIS = "0" * 64


def canonical(event):
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def check(path):
    with open(path, encoding="utf-8") as handle:
        record = json.load(handle)
    if record.get("schema") == 1:
        return True, "not chained yet (schema 1)"
    previous = GENESIS
    for index, event in enumerate(record.get("events", [])):
        if event.get("prev") != previous or event.get("seq") != index:
            return False, f"break at event {index} (id {event.get('id')})"
        previous = hashlib.sha256(canonical(event)).hexdigest()
    head = record.get("head") or {}
    if head.get("hash") != previous or head.get("events") != len(record.get("events", [])):
        return False, "the head does not match the last event"
    return True, f"ok ({len(record['events'])} events, head {previous})"


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    broken = False
    for path in paths:
        try:
            fine, message = check(path)
        except (OSError, ValueError) as error:
            fine, message = False, f"cannot read: {error}"
        broken |= not fine
        print(f"{path}: {message}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
