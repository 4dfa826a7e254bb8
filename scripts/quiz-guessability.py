#!/usr/bin/env python3
"""Measures how far a quiz can be passed without knowledge, by choice length alone.

For each module and language: in how many single-choice questions the right choice is the
longest, and the score of the strategy "pick the longest; in multiple choice tick all but the
shortest", against the module's pass mark. Exit 1 when a module passes by length or when the
right choice is the longest in more than a third of a language's single-choice questions.

Usage: scripts/quiz-guessability.py [CONTENT_DIR]
"""
import pathlib
import sys

import yaml


def text(value, language):
    return value if isinstance(value, str) else value.get(language, "")


def main():
    content = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Content")
    course = yaml.safe_load((content / "course.yaml").read_text(encoding="utf-8"))
    languages = course.get("languages", ["de", "en"])
    totals = {language: [0, 0] for language in languages}
    failures = []
    print(f"{'module':34} {'lang':4} {'longest right':>14} {'by length':>10} {'pass mark':>9}")
    for quiz_file in sorted(content.glob("modules/*/quiz.yaml")):
        module = quiz_file.parent.name
        quiz = yaml.safe_load(quiz_file.read_text(encoding="utf-8"))
        pass_mark = float(quiz.get("pass_mark", 0.8))
        questions = quiz.get("questions", [])
        for language in languages:
            single = longest_right = right_by_length = 0
            for question in questions:
                lengths = {c["id"]: len(text(c["text"], language)) for c in question["choices"]}
                correct = set(question["correct"])
                if question.get("type", "single") == "single":
                    single += 1
                    longest = max(lengths, key=lambda c: lengths[c])
                    if longest in correct and sum(1 for v in lengths.values() if v == lengths[longest]) == 1:
                        longest_right += 1
                    right_by_length += longest in correct
                else:
                    shortest = min(lengths, key=lambda c: lengths[c])
                    right_by_length += set(lengths) - {shortest} == correct
            score = right_by_length / len(questions) if questions else 0
            passes = score >= pass_mark
            totals[language][0] += longest_right
            totals[language][1] += single
            flag = "  PASSES BY LENGTH" if passes else ""
            print(f"{module:34} {language:4} {longest_right:>6}/{single:<7} {score:>9.0%} {pass_mark:>9.0%}{flag}")
            if passes:
                failures.append(f"{module} ({language}) passes by length")
    for language, (longest_right, single) in totals.items():
        share = longest_right / single if single else 0
        print(f"{language}: the right choice is the longest in {longest_right} of {single} single-choice questions ({share:.0%})")
        if share > 1 / 3:
            failures.append(f"{language}: right choice longest in {share:.0%} of single-choice questions (limit 33%)")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
