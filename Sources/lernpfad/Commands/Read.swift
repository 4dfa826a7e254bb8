import ArgumentParser
import Foundation
import Glibc
import LernpfadCore
import LernpfadTerminal
import LernpfadUI

/// `lernpfad read [MODULE[/LESSON]]`: the linear reading mode for screen readers, braille displays and scripts.
///
/// A lesson goes to stdout as plain text (``PlainTextLesson``), through the user's pager when stdout is a
/// terminal; `MODULE/quiz` asks the knowledge check as numbered prompts on stdin and stdout. Progress counts as
/// in the TUI: a lesson written to its end is read (the reader's rule, locks included), and an attempt is
/// recorded by the quiz screen's own function, through the same locked store update.
struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a lesson as plain text, or take a module's quiz as numbered prompts (screen readers, scripts).",
        discussion: """
            With no argument, lists the modules, lessons and quizzes. MODULE prints every lesson of the module, \
            MODULE/LESSON one lesson, MODULE/quiz asks the knowledge check on stdin/stdout ("1" or "1,3" answers). \
            On a terminal the text goes through $PAGER (else 'less -R', else straight out). A lesson written to \
            its end counts as read for the learner, as in the TUI's reader.
            """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "MODULE, MODULE/LESSON or MODULE/quiz; nothing lists them.")
    var target: String?

    @Option(help: "The learner whose progress this counts for (default: as the TUI chooses).")
    var learner: String?

    @Option(help: "The language, de or en (default: the learner's).")
    var language: String?

    @Flag(help: "Ask the quiz's choices in the order of quiz.yaml instead of shuffled.")
    var ordered = false

    @Flag(help: "Write to stdout even on a terminal, without a pager.")
    var noPager = false

    func run() throws {
        let now = Date()
        let environment = ProcessInfo.processInfo.environment
        let catalog = try common.loadCatalog(now: now)
        let record = try learnerRecord(environment: environment)
        let language = try chosenLanguage(record: record, catalog: catalog, environment: environment)
        let text = Localizer(language)
        guard let target else {
            Output.line(Self.listing(catalog, language: language).joined(separator: "\n"))
            return
        }
        let parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw UsageFailure("'\(target)' is not MODULE, MODULE/LESSON or MODULE/quiz")
        }
        guard let module = catalog.module(parts[0]) else {
            throw CommandFailure("unknown module '\(parts[0])'; 'lernpfad read' lists the modules")
        }
        if parts.count == 2 && parts[1] == "quiz" {
            try QuizPrompts(module: module, catalog: catalog, record: record, language: language, ordered: ordered)
                .run(store: common.store, now: now)
            return
        }
        let lessons: [Lesson]
        if parts.count == 2 {
            guard let lesson = module.lesson(parts[1]) else {
                throw CommandFailure(
                    "unknown lesson '\(parts[1])' in module '\(module.id)'; 'lernpfad read' lists the lessons")
            }
            lessons = [lesson]
        } else {
            lessons = module.lessons
        }
        var lines: [String] = []
        for lesson in lessons {
            let document = try LessonText.load(lesson, language: language, catalog: catalog).mapError {
                CommandFailure("\($0.file): \($0.reason)")
            }.get()
            if !lines.isEmpty { lines += ["", ""] }
            lines += Self.lessonLines(module, lesson, body: document.body, language: language)
        }
        if module.hasQuiz && (parts.count == 1 || lessons.last?.id == module.lessons.last?.id) {
            lines += ["", text(.readQuizHint, module.id)]
        }
        let wholeTextShown = Pager.show(
            lines.joined(separator: "\n") + "\n", usePager: !noPager, environment: environment)
        guard wholeTextShown else { return }
        guard let record else {
            Output.error(text(.readNoLearner))
            return
        }
        try markRead(lessons, of: module, record: record, catalog: catalog, language: language, now: now)
    }

    /// The lesson's title line and its text.
    static func lessonLines(_ module: Module, _ lesson: Lesson, body: String, language: LanguageCode) -> [String] {
        let text = Localizer(language)
        let number = (module.lessons.firstIndex { $0.id == lesson.id } ?? 0) + 1
        let title =
            "\(module.title.text(in: language)): \(text(.lesson)) \(number)/\(module.lessons.count): "
            + lesson.title.text(in: language)
        return [title, ""] + PlainTextLesson.lines(body) + [
            "", "\(text(.endOfLesson)): \(lesson.title.text(in: language))",
        ]
    }

    /// Every module with its lessons and quiz, each with the argument that reads it.
    static func listing(_ catalog: Catalog, language: LanguageCode) -> [String] {
        let text = Localizer(language)
        var lines: [String] = []
        for module in catalog.modules {
            lines.append("\(module.id): \(module.title.text(in: language))")
            for lesson in module.lessons {
                lines.append("  \(module.id)/\(lesson.id): \(lesson.title.text(in: language))")
            }
            if module.hasQuiz { lines.append("  \(module.id)/quiz: \(text(.quiz))") }
        }
        return lines
    }

    /// Records that the lessons were read to the end, as the reader does when a lesson's end comes into view.
    private func markRead(
        _ lessons: [Lesson], of module: Module, record: LearnerRecord, catalog: Catalog, language: LanguageCode,
        now: Date
    ) throws {
        let text = Localizer(language)
        let context = AppModel(catalog: catalog, record: record, width: 80, height: 24, now: now).context
        var events: [LearnerEvent] = []
        for lesson in lessons {
            events.append(
                LearnerEvent(
                    at: now, kind: .lessonOpened, module: module.id, moduleVersion: module.version, lesson: lesson.id))
            switch ReaderScreen.readToTheEnd(module, lesson: lesson.id, context: context) {
            case .completed(let event): events.append(event)
            case .locked(let names):
                Output.error(text(.readLessonNotCounted, names.joined(separator: ", ")))
                _ = try common.store.update(record.learner.id) { $0.apply([.append(events)]) }
                return
            }
        }
        _ = try common.store.update(record.learner.id) { $0.apply([.append(events)]) }
        Output.error(text(.readLessonMarked))
    }

    /// The learner as the TUI would choose: `--learner`, `$LERNPFAD_LEARNER`, the only one, or the login name's;
    /// nil when none is enrolled (then nothing is saved).
    private func learnerRecord(environment: [String: String]) throws -> LearnerRecord? {
        let store = common.store
        let requested = learner ?? environment["LERNPFAD_LEARNER"].flatMap { $0.isEmpty ? nil : $0 }
        if let requested {
            guard Identifier.isValidLearnerID(requested) else {
                throw UsageFailure(StoreError.invalidLearnerID(requested).description)
            }
            return try store.read(requested)
        }
        let ids = store.learnerIDs()
        if ids.count == 1 { return try store.read(ids[0]) }
        let user = SessionStart.learnerID(fromUser: environment["USER"] ?? environment["LOGNAME"] ?? "")
        return ids.contains(user) ? try store.read(user) : nil
    }

    private func chosenLanguage(
        record: LearnerRecord?, catalog: Catalog, environment: [String: String]
    ) throws -> LanguageCode {
        let languages = catalog.course.languages
        if let language {
            guard let code = languages.first(where: { $0.rawValue == language }) else {
                throw UsageFailure(
                    "--language '\(language)': the course has \(languages.map(\.rawValue).joined(separator: ", "))")
            }
            return code
        }
        let wanted = record?.learner.language ?? SessionStart.languageFromLocale(environment)
        return wanted.flatMap { languages.contains($0) ? $0 : nil } ?? catalog.course.defaultLanguage
    }
}

/// Shows text through the user's pager on a terminal, else writes it to stdout.
enum Pager {
    /// Writes `text` (made terminal-safe) through `$PAGER`, else `less -R`, else straight to stdout; the pager only
    /// when `usePager` and stdout is a terminal.
    ///
    /// - Returns: Whether the whole text was delivered: written out, or the pager ended normally.
    static func show(_ text: String, usePager: Bool, environment: [String: String]) -> Bool {
        let safe = Output.safe(text)
        guard usePager, isTerminal(1), let command = pagerCommand(environment) else {
            FileHandle.standardOutput.write(Data(safe.utf8))
            return true
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        // A pager that quits before reading everything closes the pipe: that is an answer, not a crash.
        signal(SIGPIPE, SIG_IGN)
        do {
            try process.run()
        } catch {
            FileHandle.standardOutput.write(Data(safe.utf8))
            return true
        }
        let delivered = (try? pipe.fileHandleForWriting.write(contentsOf: Data(safe.utf8))) != nil
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return delivered && process.terminationStatus == 0
    }

    /// `$PAGER` when set, else `less -R` when `less` is on the `PATH`, else nil.
    static func pagerCommand(_ environment: [String: String]) -> String? {
        if let pager = environment["PAGER"], !pager.trimmingCharacters(in: .whitespaces).isEmpty { return pager }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let hasLess = folders.contains { FileManager.default.isExecutableFile(atPath: "\($0)/less") }
        return hasLess ? "less -R" : nil
    }
}

/// A module's knowledge check as numbered prompts: the question, its choices as `1)` `2)` …, then `Antwort:`,
/// read from stdin one line per question (`2`, or `1,3` for several). Works the same with a pipe for stdin.
struct QuizPrompts {
    let module: Module
    let catalog: Catalog
    let record: LearnerRecord?
    let language: LanguageCode
    let ordered: Bool

    /// Asks every question, says after each whether it was right and why, then the result; records the attempt
    /// for the learner as the TUI's quiz does. Fails without recording when stdin ends before the last answer.
    func run(store: LearnerStore, now: Date) throws {
        let text = Localizer(language)
        let stand = record ?? LearnerRecord(learner: LearnerProfile(id: "reader", name: "", roles: []))
        let start = AppModel(catalog: catalog, record: stand, width: 80, height: 24, now: now).context
        guard case .ready(let quiz) = start.quiz(module.id), !quiz.questions.isEmpty else {
            throw CommandFailure("module '\(module.id)' has no knowledge check")
        }
        var round = QuizRound(
            module: module.id, questions: quiz.questions.map { (module: module.id, question: $0) },
            seed: ordered ? 0 : UInt64.random(in: 0...UInt64.max), startedAt: now.timeIntervalSince1970)
        if ordered {
            for index in round.items.indices {
                round.items[index].choiceOrder = quiz.questions[index].choices.map(\.id)
            }
        }
        let percent = String(Int((quiz.passMark * 100).rounded()))
        say("\(module.title.text(in: language)): \(text(.quizFacts, String(quiz.questions.count), percent))")
        say(text(.readAnswerHint))
        for (number, item) in round.items.enumerated() {
            guard let question = quiz.question(item.question) else { continue }
            let chosen = try ask(question, item: item, number: number + 1, of: round.items.count)
            let correct = question.isCorrect(chosen)
            round.answers.append(LearnerEvent.Answer(question: question.id, chosen: chosen, correct: correct))
            tell(question, item: item, correct: correct)
        }
        let right = round.answers.filter(\.correct).count
        let passed = quiz.passes(score: round.score)
        say("")
        say(
            "\(text(passed ? .passed : .failed)). \(text(.score)): \(right)/\(round.answers.count) "
                + "(\(Int((round.score * 100).rounded())) %) · \(text(.passMark)) \(percent) %")
        let missed = round.answers.filter { !$0.correct }.compactMap { quiz.question($0.question) }
        if !missed.isEmpty {
            say(text(.readQuestionsMissed, String(missed.count)))
            for question in missed {
                var line = "- " + PlainTextLesson.lines(question.prompt.text(in: language)).joined(separator: " ")
                if let lesson = question.lesson, let index = module.lessons.firstIndex(where: { $0.id == lesson }) {
                    let title = module.lessons[index].title.text(in: language)
                    line += " (\(text(.reReadLesson, "\(index + 1). \(title)")); lernpfad read \(module.id)/\(lesson))"
                }
                say(line)
            }
        }
        guard let record else {
            Output.error(text(.readNoLearner))
            return
        }
        let end = AppModel(catalog: catalog, record: record, width: 80, height: 24, now: Date()).context
        let changes = QuizScreen.attemptChanges(round, context: end)
        _ = try store.update(record.learner.id) { $0.apply(changes) }
    }

    /// Asks one question until the answer names valid choices; returns their ids in the order shown.
    private func ask(_ question: Question, item: QuizRound.Item, number: Int, of count: Int) throws -> [String] {
        let text = Localizer(language)
        say("")
        say("\(text(.readQuestionOf, String(number), String(count))):")
        for line in PlainTextLesson.lines(question.prompt.text(in: language)) { say(line) }
        say(text(question.kind == .single ? .chooseOne : .chooseSeveral))
        let choices = item.choiceOrder.compactMap { id in question.choices.first { $0.id == id } }
        for (index, choice) in choices.enumerated() { say("\(index + 1)) \(plain(choice.text))") }
        while true {
            write(text(.readAnswer) + " ")
            guard let line = readLine(strippingNewline: true) else {
                say("")
                throw CommandFailure(
                    "standard input ended at question \(number) of \(count); the attempt is not recorded")
            }
            let words = line.split { $0 == "," || $0 == " " || $0 == ";" }
            let numbers = words.compactMap { Int($0) }
            let valid =
                !numbers.isEmpty && numbers.count == words.count
                && numbers.allSatisfy { (1...choices.count).contains($0) }
                && (question.kind == .multiple || Set(numbers).count == 1)
            guard valid else {
                say(text(.readAnswerInvalid, String(choices.count)))
                continue
            }
            let picked = Set(numbers.map { choices[$0 - 1].id })
            return choices.map(\.id).filter { picked.contains($0) }
        }
    }

    /// Right or not, the right choices when not, the explanation and the source.
    private func tell(_ question: Question, item: QuizRound.Item, correct: Bool) {
        let text = Localizer(language)
        let choices = item.choiceOrder.compactMap { id in question.choices.first { $0.id == id } }
        if correct {
            say("\(text(.correct)).")
        } else {
            let right = choices.enumerated().filter { question.correct.contains($0.element.id) }
                .map { "\($0.offset + 1)) \(plain($0.element.text))" }
            say("\(text(.wrong)). \(text(.correct)): \(right.joined(separator: "; "))")
        }
        for line in PlainTextLesson.lines(question.explanation.text(in: language)) { say(line) }
        if let source = question.source { say("\(text(.source)): \(source)") }
    }

    private func plain(_ localized: LocalizedText) -> String {
        PlainTextLesson.lines(localized.text(in: language)).joined(separator: " ")
    }

    private func say(_ line: String) { Output.line(line) }

    /// Text without a line break, for the answer prompt, made safe as every line is.
    private func write(_ text: String) { FileHandle.standardOutput.write(Data(Output.safe(text).utf8)) }
}
