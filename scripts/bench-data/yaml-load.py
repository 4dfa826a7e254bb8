#!/usr/bin/env python3
"""The baseline of the `validate` benchmark row: what a minimal Python checker would do.

Parses every YAML file that `lernpfad validate` parses with PyYAML's `yaml.safe_load` (course.yaml,
paths/*.yaml, modules/*/module.yaml, modules/*/quiz.yaml) and reads every lesson (modules/*/*.md)
as bytes and decodes them as UTF-8, as validate does. It checks nothing else, so it is a lower
bound for a Python validator. Prints how many files of each kind it read, so that the benchmark
can make sure both sides saw the same files.

    yaml-load.py CONTENT_DIR
"""
import os
import sys

import yaml


def main(root):
    yaml_files = [os.path.join(root, "course.yaml")]
    paths = os.path.join(root, "paths")
    yaml_files += [os.path.join(paths, name) for name in sorted(os.listdir(paths)) if name.endswith((".yaml", ".yml"))]
    lessons = []
    modules = os.path.join(root, "modules")
    for module in sorted(os.listdir(modules)):
        folder = os.path.join(modules, module)
        if module.startswith(".") or not os.path.isdir(folder):
            continue
        names = sorted(os.listdir(folder))
        yaml_files += [os.path.join(folder, name) for name in ("module.yaml", "quiz.yaml") if name in names]
        lessons += [os.path.join(folder, name) for name in names if name.endswith(".md")]
    for path in yaml_files:
        with open(path, encoding="utf-8") as handle:
            yaml.safe_load(handle)
    for path in lessons:
        with open(path, "rb") as handle:
            handle.read().decode("utf-8")
    print(f"{len(yaml_files)} yaml, {len(lessons)} md")


if __name__ == "__main__":
    main(sys.argv[1])
