#!/usr/bin/env python3
"""Recomputes the hash chain of lernpfad learner files without lernpfad (docs/evidence.md).

    scripts/verify-chain.py <data>/learners/*.json

For an auditor who wants to check the chain with tools of their own: the canonical form of an event is its
JSON object with each value written as lernpfad writes it (normalized() below: the id as an uppercase UUID, times
in UTC with milliseconds, whole numbers without ".0"), keys sorted, no whitespace and non-ASCII characters as
they are (json.dumps with sort_keys=True, separators=(",", ":"), ensure_ascii=False), and each event's "prev" is
the SHA-256 of the previous event's canonical form (64 zeros for the first). For files lernpfad wrote the values
already are in that form; a file another tool wrote may spell them otherwise. Prints one line per file and exits
1 if any chain is broken. Seals are checked by 'lernpfad verify' (their signatures need the sealer's public key).
"""
import calendar
import hashlib
import json
import re
import sys
import time
import uuid

GENESIS = "0" * 64
TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:([Zz])|([+-])(\d\d):(\d\d))")


def normalized_time(text):
    """A time as lernpfad writes it: UTC, milliseconds (further digits dropped, as lernpfad reads them), "Z"."""
    match = TIME.fullmatch(text)
    if not match:
        return text
    year, month, day, hour, minute, second = (int(match[i]) for i in range(1, 7))
    milliseconds = int((match[7] or "0")[:3].ljust(3, "0"))
    offset = 0 if match[8] else (int(match[10]) * 3600 + int(match[11]) * 60) * (-1 if match[9] == "-" else 1)
    seconds = calendar.timegm((year, month, day, hour, minute, 0)) + second - offset
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{milliseconds:03d}Z"


def normalized(value):
    """Whole numbers written as such (lernpfad writes 1, never 1.0), at every depth."""
    if isinstance(value, dict):
        return {key: normalized(member) for key, member in value.items()}
    if isinstance(value, list):
        return [normalized(member) for member in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def canonical(event):
    event = normalized(event)
    if isinstance(event.get("id"), str):
        try:
            event["id"] = str(uuid.UUID(event["id"])).upper()
        except ValueError:
            pass
    for key in ("at", "until"):
        if isinstance(event.get(key), str):
            event[key] = normalized_time(event[key])
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
