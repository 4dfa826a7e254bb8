/// Where the parts of a quiz are written in quiz.yaml, so that rules over a whole quiz can locate their warnings.
struct QuizMarks: Sendable {
    /// The `questions` key.
    var questions: SourceMark?
    /// Per question id.
    var byQuestion: [String: QuestionMarks] = [:]
}

/// Where one question's parts are written.
struct QuestionMarks: Sendable {
    /// The question's mapping.
    var question: SourceMark?
    /// The value of `correct`.
    var correct: SourceMark?
    /// The `text` of each choice, by choice id.
    var choiceTexts: [String: LocalizedMarks] = [:]
    /// The `explanation`.
    var explanation = LocalizedMarks(nil)
}

/// Where a localised text is written: one mark per language, or one for a plain string used in every language.
struct LocalizedMarks: Sendable {
    private var whole: SourceMark?
    private var perLanguage: [LanguageCode: SourceMark] = [:]

    /// The marks of a text node as `MappingReader.localizedValue` reads it.
    init(_ node: YAMLNode?) {
        whole = node?.sourceMark
        guard case .mapping(let pairs, _)? = node else { return }
        for (key, value) in pairs {
            if let code = key.string, let mark = value.sourceMark { perLanguage[LanguageCode(rawValue: code)] = mark }
        }
    }

    /// Where the text in `language` starts.
    func mark(_ language: LanguageCode) -> SourceMark? { perLanguage[language] ?? whole }
}

/// A warning that a quiz rule found: where, and what.
struct QuizFinding: Hashable, Sendable {
    /// Where in quiz.yaml.
    var mark: SourceMark?
    /// What is wrong, in one sentence.
    var message: String
}

/// A check of one whole quiz that only warns: the quiz still works, but it may not measure knowledge.
///
/// Content/README.md ("Checking: `lernpfad validate`") explains each rule to trainers.
protocol QuizRule: Sendable {
    /// The warnings for `quiz`, located with `marks`, checked in every one of `languages`.
    func findings(in quiz: Quiz, marks: QuizMarks, languages: [LanguageCode]) -> [QuizFinding]
}

/// The quiz rules `lernpfad validate` applies, in the order their warnings are printed.
enum QuizRules {
    /// Every rule.
    static let all: [any QuizRule] = [
        RightChoiceStandsOutByLength(), RightChoiceUsuallyLongest(), ExplanationNamesChoiceLetter(),
        SameNumberOfRightChoices(),
    ]

    /// Reports the findings of every rule as warnings on `file`.
    static func report(
        _ quiz: Quiz, marks: QuizMarks, languages: [LanguageCode], file: String, sink: DiagnosticSink
    ) {
        for rule in all {
            for finding in rule.findings(in: quiz, marks: marks, languages: languages) {
                sink.warning(file, finding.mark, finding.message)
            }
        }
    }

    /// The length of a text as a reader sees it: characters (grapheme clusters), spaces included.
    static func length(_ text: LocalizedText, _ language: LanguageCode) -> Int { text.text(in: language).count }

    /// A percentage rounded to a whole number, for messages.
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}

/// The right choice of a single-choice question is noticeably longer than every wrong one, in some language.
///
/// "Noticeably" is more than `ratio` (25 %) longer than the longest wrong choice and at least `minimumDifference`
/// characters longer, so that "Yes" against "No" is not flagged. One warning per question, at the right choice's
/// text in the first language that trips it; the message names every such language.
struct RightChoiceStandsOutByLength: QuizRule {
    /// How much longer than the longest wrong choice the right one may be: 0.25 is 25 %.
    var ratio = 0.25
    /// The fewest characters by which the right choice must be longer to count as standing out.
    var minimumDifference = 5

    func findings(in quiz: Quiz, marks: QuizMarks, languages: [LanguageCode]) -> [QuizFinding] {
        quiz.questions.compactMap { question -> QuizFinding? in
            guard question.kind == .single, let right = question.correct.first,
                let rightChoice = question.choices.first(where: { $0.id == right })
            else { return nil }
            let wrong = question.choices.filter { $0.id != right }
            guard !wrong.isEmpty else { return nil }
            var tripped: [(LanguageCode, Int, Int)] = []
            for language in languages {
                let rightLength = QuizRules.length(rightChoice.text, language)
                let longestWrong = wrong.map { QuizRules.length($0.text, language) }.max() ?? 0
                if Double(rightLength) > Double(longestWrong) * (1 + ratio),
                    rightLength - longestWrong >= minimumDifference
                {
                    tripped.append((language, rightLength, longestWrong))
                }
            }
            guard let first = tripped.first else { return nil }
            let details = tripped.map { language, right, wrong in
                let share = QuizRules.percent(Double(right - wrong) / Double(max(1, wrong)))
                return "\(share) in '\(language)' (\(right) against \(wrong) characters)"
            }
            return QuizFinding(
                mark: marks.byQuestion[question.id]?.choiceTexts[right]?.mark(first.0),
                message: "question '\(question.id)': the right choice '\(right)' is longer than the longest wrong one "
                    + "by \(details.joined(separator: ", ")): length gives it away; make the wrong choices "
                    + "as specific, or the right one shorter")
        }
    }
}

/// Across a quiz's single-choice questions, the right choice is the longest far more often than chance.
///
/// Chance is the mean of 1/choices over those questions (25 % with four choices). The rule warns, per language,
/// when the right choice is the only longest one in at least `minimumQuestions` questions and in a share above
/// chance plus `margin` (15 percentage points): then "pick the longest" scores well without any knowledge.
struct RightChoiceUsuallyLongest: QuizRule {
    /// Percentage points above chance that are still tolerated: 0.15 is 15 points.
    var margin = 0.15
    /// The fewest questions with the right choice longest that can trip the rule.
    var minimumQuestions = 3

    func findings(in quiz: Quiz, marks: QuizMarks, languages: [LanguageCode]) -> [QuizFinding] {
        let single = quiz.questions.filter { $0.kind == .single && $0.choices.count > 1 && $0.correct.count == 1 }
        guard !single.isEmpty else { return [] }
        let chance = single.map { 1 / Double($0.choices.count) }.reduce(0, +) / Double(single.count)
        var findings: [QuizFinding] = []
        for language in languages {
            let longest = single.filter { question in
                let lengths = question.choices.map { ($0.id, QuizRules.length($0.text, language)) }
                guard let top = lengths.map(\.1).max() else { return false }
                let atTop = lengths.filter { $0.1 == top }
                return atTop.count == 1 && atTop[0].0 == question.correct[0]
            }.count
            let share = Double(longest) / Double(single.count)
            guard longest >= minimumQuestions, share > chance + margin + 1e-9 else { continue }
            findings.append(
                QuizFinding(
                    mark: marks.questions,
                    message: "the right choice is the longest in \(longest) of \(single.count) single-choice questions "
                        + "in '\(language)' (\(QuizRules.percent(share)); chance is \(QuizRules.percent(chance)), "
                        + "the limit \(QuizRules.percent(chance + margin))): picking the longest answer passes "
                        + "without knowledge"))
        }
        return findings
    }
}

/// An explanation refers to a choice by its letter: "a)", "(b)", "Antwort c", "option B", "choice d".
///
/// Choices are shuffled and relabelled a), b), c) each time a quiz is shown, so the letter a learner sees is not the
/// one the author meant. Letters up to the question's number of choices count; "(a)" after a closing parenthesis or
/// a digit, and letters after "point", "Buchst.", "lit." or "Nr.", are citations ("Art. 5(1)(a)", "point (b)") and
/// do not count.
struct ExplanationNamesChoiceLetter: QuizRule {
    /// Words that, followed by a letter, name a choice ("Antwort c", "option B").
    static let choiceWords: Set<String> = [
        "answer", "answers", "choice", "choices", "option", "options", "alternative", "antwort", "antworten",
        "antwortmöglichkeit", "antwortoption", "auswahl", "möglichkeit", "optionen",
    ]
    /// Words after which a letter is part of a legal citation ("point (a)", "Buchst. b").
    static let citationWords: Set<String> = [
        "point", "points", "letter", "letters", "lit", "lit.", "buchst.", "buchstabe", "buchstaben", "nr.", "ziffer",
    ]

    func findings(in quiz: Quiz, marks: QuizMarks, languages: [LanguageCode]) -> [QuizFinding] {
        var findings: [QuizFinding] = []
        for question in quiz.questions {
            let letters = Set("abcdefgh".prefix(question.choices.count))
            var seen = Set<String>()
            for language in languages {
                let text = question.explanation.text(in: language)
                let references = Self.letterReferences(in: text, letters: letters, english: language == .english)
                guard let reference = references.first, seen.insert(text).inserted else { continue }
                findings.append(
                    QuizFinding(
                        mark: marks.byQuestion[question.id]?.explanation.mark(language),
                        message: "question '\(question.id)': the explanation in '\(language)' names a choice by its "
                            + "letter ('\(reference)'), but choices are shuffled and relabelled: name it by its content"
                    ))
            }
        }
        return findings
    }

    /// The letter references in `text`, as written; `letters` are the lower-case labels a question shows.
    ///
    /// With `english`, a bare lower-case "a" after a choice word counts only before punctuation or the end, so that
    /// "answer a question" is not taken for "answer a".
    static func letterReferences(in text: String, letters: Set<Character>, english: Bool) -> [String] {
        let characters = Array(text)
        var found: [String] = []
        func isWordCharacter(_ index: Int) -> Bool {
            guard characters.indices.contains(index) else { return false }
            return characters[index].isLetter || characters[index].isNumber
        }
        /// The word that ends right before `index` (skipping spaces), as written.
        func word(before index: Int) -> String {
            var end = index
            while end > 0 && characters[end - 1].isWhitespace { end -= 1 }
            var start = end
            while start > 0 && !characters[start - 1].isWhitespace && characters[start - 1] != "(" { start -= 1 }
            return String(characters[start..<end])
        }
        for index in characters.indices {
            let character = characters[index]
            guard character.isLetter, let lower = character.lowercased().first, letters.contains(lower),
                !isWordCharacter(index - 1), !isWordCharacter(index + 1)
            else { continue }
            let opened = index > 0 && characters[index - 1] == "("
            let closed = index + 1 < characters.count && characters[index + 1] == ")"
            if opened && (!closed || (index > 1 && (characters[index - 2] == ")" || isWordCharacter(index - 2)))) {
                continue
            }
            let start = opened ? index - 1 : index
            let before = word(before: start)
            let key = before.lowercased()
            if citationWords.contains(key) || citationWords.contains(key.trimmingSuffix(","))
                || key.last?.isNumber == true
            {
                continue
            }
            let written = String(characters[start...(closed ? index + 1 : index)])
            if choiceWords.contains(key) {
                let after = closed ? index + 2 : index + 1
                if english && !opened && !closed && character == "a", after < characters.count,
                    !(characters[after].isPunctuation && characters[after] != "-")
                {
                    continue
                }
                found.append(before + " " + written)
            } else if closed {
                // "a)" or "(b)" on its own, after a space, a quote or the start.
                found.append(written)
            }
        }
        return found
    }
}

/// Every multiple-choice question of a quiz (at least two of them) has the same number of right choices.
///
/// Then the count itself is a hint ("it is always two"): a quiz should mix one right, several, and all but one.
/// The warning sits at the first multiple-choice question's `correct`.
struct SameNumberOfRightChoices: QuizRule {
    /// The fewest multiple-choice questions that can trip the rule.
    var minimumQuestions = 2

    func findings(in quiz: Quiz, marks: QuizMarks, languages: [LanguageCode]) -> [QuizFinding] {
        let multiple = quiz.questions.filter { $0.kind == .multiple }
        guard multiple.count >= minimumQuestions, let count = multiple.first?.correct.count,
            multiple.allSatisfy({ $0.correct.count == count })
        else { return [] }
        let ids = multiple.map { "'\($0.id)'" }.joined(separator: ", ")
        let all = multiple.count == 2 ? "both" : "all \(multiple.count)"
        return [
            QuizFinding(
                mark: marks.byQuestion[multiple[0].id]?.correct,
                message: "\(all) multiple-choice questions (\(ids)) have \(count) right "
                    + "choice\(count == 1 ? "" : "s"): mix one right, several and all but one, so that the count "
                    + "gives nothing away")
        ]
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
