#!/usr/bin/env python3
"""Checks exported xAPI statements against Ralph's strict statement model.

Usage: scripts/check-xapi.py [--all] FILE.json

FILE.json holds a JSON array of statements (or an xAPI StatementResult, an object whose
"statements" member is that array). Every statement is validated with
ralph.models.xapi.base.statements.BaseXapiStatement, the strict xAPI 1.0.x model behind
Ralph (unknown properties, empty values, malformed IRIs, mboxes, UUIDs, language maps and
timestamps all fail), and two statements with the same id fail too, since an LRS refuses
such a batch. Each failure is printed with the statement's index and pydantic's errors
(where a union such as actor or object failed, only the members that came closest, unless
--all is given); the last line is "xapi: N passed, M failed". Exit status: 0 if all passed, 1 if any failed,
2 if the file cannot be read.

Ralph lives in .venv-lrs (made by `scripts/lrs install`); run from any other Python, this
script re-executes itself with that environment's Python.
"""

import json
import os
import sys
from pathlib import Path

try:
    from pydantic import ValidationError
    from ralph.models.xapi.base.statements import BaseXapiStatement
except ImportError:
    venv = os.environ.get("LERNPFAD_LRS_VENV") or Path(__file__).resolve().parent.parent / ".venv-lrs"
    venv_python = Path(venv) / "bin" / "python"
    if venv_python.exists() and not os.environ.get("CHECK_XAPI_REEXECUTED"):
        os.environ["CHECK_XAPI_REEXECUTED"] = "1"
        os.execv(str(venv_python), [str(venv_python), __file__, *sys.argv[1:]])
    print("check-xapi: Ralph is not installed; run scripts/lrs install first", file=sys.stderr)
    sys.exit(2)


def describe(index, statement):
    """Names a statement in messages: its index and, when it has one, its id."""
    if isinstance(statement, dict) and isinstance(statement.get("id"), str):
        return f"statement {index} (id {statement['id']})"
    return f"statement {index}"


def is_alternative(part):
    """Tells whether a location part names a union member, such as BaseXapiAgentWithMbox."""
    return isinstance(part, str) and part.startswith("Base") and part[4:5].isupper()


def prune(errors, start=0):
    """Keeps, for each union (actor, object, ...), only the members that came closest.

    pydantic reports every member of a union that failed, so one missing homePage in an
    actor yields a screenful of errors about groups and mboxes. Members are compared by
    how many errors they have once their own inner unions are pruned; the fewest win.
    Returns the kept errors and how many members were left out.
    """
    kept, unions = [], {}
    for error in errors:
        loc = error["loc"]
        position = next((i for i in range(start, len(loc)) if is_alternative(loc[i])), None)
        if position is None:
            kept.append(error)
        else:
            members = unions.setdefault(tuple(loc[:position]), {})
            members.setdefault(loc[position], []).append(error)
    hidden = 0
    for prefix, members in unions.items():
        pruned = {
            name: prune(member_errors, len(prefix) + 1) for name, member_errors in members.items()
        }
        fewest = min(len(member_kept) for member_kept, _ in pruned.values())
        for member_kept, member_hidden in pruned.values():
            if len(member_kept) == fewest:
                kept.extend(member_kept)
                hidden += member_hidden
            else:
                hidden += 1
    return kept, hidden


def errors_of(statement, show_all):
    """Returns the reasons why the statement is not valid xAPI, or an empty list."""
    if not isinstance(statement, dict):
        return [f"not a JSON object but {type(statement).__name__}"]
    try:
        BaseXapiStatement.model_validate(statement)
    except ValidationError as error:
        details, hidden = error.errors(include_url=False), 0
        if not show_all:
            details, hidden = prune(details)
        reasons = []
        for detail in details:
            where = ".".join(str(part) for part in detail["loc"]) or "statement"
            reasons.append(f"{where}: {detail['msg']} [type={detail['type']}]")
        if hidden:
            reasons.append(f"({hidden} further union members that fit worse left out; --all shows them)")
        return reasons
    except Exception as error:  # noqa: BLE001 - Ralph's own checks can raise plain errors
        return [f"{type(error).__name__}: {error} (raised inside Ralph's model checks)"]
    return []


def main(argv):
    show_all = "--all" in argv[1:]
    arguments = [argument for argument in argv[1:] if argument != "--all"]
    if len(arguments) != 1:
        print("usage: scripts/check-xapi.py [--all] FILE.json", file=sys.stderr)
        return 2
    path = arguments[0]
    try:
        with open(path, encoding="utf-8") as file:
            document = json.load(file)
    except (OSError, ValueError) as error:
        print(f"check-xapi: cannot read {path}: {error}", file=sys.stderr)
        return 2
    if isinstance(document, dict) and isinstance(document.get("statements"), list):
        statements = document["statements"]
    elif isinstance(document, list):
        statements = document
    else:
        print(
            f"check-xapi: {path} holds neither a JSON array of statements"
            " nor an object with a \"statements\" array",
            file=sys.stderr,
        )
        return 2

    passed = failed = 0
    first_index_of_id = {}
    for index, statement in enumerate(statements):
        reasons = errors_of(statement, show_all)
        statement_id = statement.get("id") if isinstance(statement, dict) else None
        if isinstance(statement_id, str):
            if statement_id in first_index_of_id:
                reasons.append(
                    f"id: same id as statement {first_index_of_id[statement_id]} [type=duplicate_id]"
                )
            else:
                first_index_of_id[statement_id] = index
        if reasons:
            failed += 1
            print(f"{describe(index, statement)} failed:")
            for reason in reasons:
                print(f"  {reason}")
        else:
            passed += 1
    print(f"xapi: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
