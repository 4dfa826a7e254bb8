#!/usr/bin/env python3
"""Checks every shipped YAML file against its JSON Schema in Content/schemas/.

Also checks that each file names its schema on the first line (so editors find it),
and that the schemas reject a known-bad document (so this check can fail).
"""
import json
import pathlib
import sys

import jsonschema
import yaml


class StringDateLoader(yaml.SafeLoader):
    """YAML as lernpfad reads it: dates stay strings."""


StringDateLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema_for(relative: pathlib.PurePath) -> str | None:
    parts = relative.parts
    if parts == ("course.yaml",):
        return "course.schema.json"
    if len(parts) == 2 and parts[0] == "paths":
        return "path.schema.json"
    if len(parts) == 3 and parts[0] == "modules" and parts[2] == "module.yaml":
        return "module.schema.json"
    if len(parts) == 3 and parts[0] == "modules" and parts[2] == "quiz.yaml":
        return "quiz.schema.json"
    return None


def main() -> int:
    content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Content")
    schemas = {p.name: json.loads(p.read_text()) for p in (content / "schemas").glob("*.schema.json")}
    passed = failed = 0

    def report(ok: bool, message: str) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {message}")

    for path in sorted(content.rglob("*.yaml")):
        relative = path.relative_to(content)
        name = schema_for(relative)
        if name is None:
            continue
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        report(
            first.startswith("# yaml-language-server: $schema=") and first.endswith(name),
            f"{relative}: first line must reference {name}",
        )
        document = yaml.load(text, Loader=StringDateLoader)
        errors = list(jsonschema.Draft202012Validator(schemas[name]).iter_errors(document))
        report(not errors, f"{relative}: " + "; ".join(e.message for e in errors[:3]))

    # The data folder's organisation.yaml has a schema too; its shipped template must pass it.
    organisation = pathlib.Path(__file__).resolve().parent.parent / "docs" / "examples" / "organisation.yaml"
    text = organisation.read_text(encoding="utf-8")
    report(text.splitlines()[0].endswith("organisation.schema.json"),
           "docs/examples/organisation.yaml: first line must reference organisation.schema.json")
    errors = list(jsonschema.Draft202012Validator(schemas["organisation.schema.json"]).iter_errors(
        yaml.load(text, Loader=StringDateLoader)))
    report(not errors, "docs/examples/organisation.yaml: " + "; ".join(e.message for e in errors[:3]))
    bad_organisation = {"name": "X", "systems": [{"id": "a", "name": "A", "provider": "P", "purpose": "p",
                                                  "risk_class": "medium", "owner": "o"}]}
    report(not jsonschema.Draft202012Validator(schemas["organisation.schema.json"]).is_valid(bad_organisation),
           "organisation schema accepted an unknown risk class")

    # The schemas must be able to say no.
    bad_quiz = {"pass_mark": 0.8, "pass_makr": 0.9, "questions": []}
    report(
        not jsonschema.Draft202012Validator(schemas["quiz.schema.json"]).is_valid(bad_quiz),
        "quiz schema accepted an unknown key and an empty question list",
    )
    print(f"schemas: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
