// Feeds arbitrary bytes to the content loader as one file of a small valid course, then hands whatever loaded
// to what lernpfad does next with a catalog: `catalog`, `status` and the lesson reader.
//
// The loader reads folders, not bytes, so each input is written into a per-process course folder. The first
// byte picks the file (see `Slot`) and the mode: upper case loads as `lernpfad validate` does (lesson bodies and
// quizzes read at once), lower case as the TUI starts (lesson heads only, quizzes read when opened). The rest of
// the input is the file's content.
import CLibFuzzer
import Foundation
import LernpfadCore

/// The files an input can stand in for.
enum Slot: CaseIterable {
    case module, quiz, lesson, path, course

    var file: String {
        switch self {
        case .module: return "modules/basics/module.yaml"
        case .quiz: return "modules/basics/quiz.yaml"
        case .lesson: return "modules/basics/01-intro.de.md"
        case .path: return "paths/staff.yaml"
        case .course: return "course.yaml"
        }
    }

    /// `m`, `q`, `l`, `p`, `c` keep the corpus readable; other bytes map too.
    init(selector: UInt8) {
        switch selector | 0x20 {
        case UInt8(ascii: "m"): self = .module
        case UInt8(ascii: "q"): self = .quiz
        case UInt8(ascii: "l"): self = .lesson
        case UInt8(ascii: "p"): self = .path
        case UInt8(ascii: "c"): self = .course
        default: self = Slot.allCases[Int(selector) % Slot.allCases.count]
        }
    }
}

/// The valid course every input is dropped into: two modules (the second requires the first), one path.
enum Course {
    static let files: [String: String] = [
        "course.yaml": """
        id: fuzz-course
        title: {de: Fuzzkurs, en: Fuzz course}
        languages: [de, en]
        default_language: de
        roles: [staff]

        """,
        "paths/staff.yaml": """
        role: staff
        title: {de: Mitarbeitende, en: Staff}
        modules: [basics, law]
        validity: P12M
        due_soon: P1M
        milestones:
          - id: kickoff
            title: {de: Auftakt, en: Kick-off}

        """,
        "modules/basics/module.yaml": module("basics", prerequisites: "[]"),
        "modules/basics/quiz.yaml": quiz,
        "modules/basics/01-intro.de.md": "---\ntitle: Einstieg\nminutes: 4\n---\n# Einstieg\n\nText.\n",
        "modules/basics/01-intro.en.md": "---\ntitle: Intro\nminutes: 4\n---\n# Intro\n\nText.\n",
        "modules/law/module.yaml": module("law", prerequisites: "[basics]"),
        "modules/law/quiz.yaml": quiz,
        "modules/law/01-scope.de.md": "# Geltungsbereich\n\nText.\n",
        "modules/law/01-scope.en.md": "# Scope\n\nText.\n",
    ]

    static func module(_ id: String, prerequisites: String) -> String {
        """
        id: \(id)
        version: 2.1.0
        title: {de: Titel, en: Title}
        summary: {de: Kurz, en: Short}
        minutes: 12
        level: basic
        objectives:
          - {de: Ziel, en: Objective}
        prerequisites: \(prerequisites)
        sources:
          - title: Regulation (EU) 2024/1689
            url: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
        reviewed: 2026-10-01
        review_by: 2027-10-01
        changelog:
          - version: 2.0.0
            date: 2026-09-01
            changes: {de: Neu, en: New}
            lessons: [01-intro]

        """
    }

    static let quiz = """
        pass_mark: 0.5
        questions:
          - id: q1
            type: single
            prompt: {de: Frage?, en: Question?}
            choices:
              - {id: a, text: {de: Ja, en: Yes}}
              - {id: b, text: {de: Nein, en: No}}
            correct: a
            explanation: {de: Darum., en: Because.}
            source: Art. 4

        """
}

/// The course folder of this process, written once; only the file of the last input differs from `Course`.
final class Workspace {
    let root: String
    private var changed: Slot?

    init() {
        // TMPDIR lets scripts/fuzz put the folder on a RAM disk: every input is a write and several reads.
        root = NSTemporaryDirectory() + "lernpfad-fuzz-\(getpid())"
        try? FileManager.default.removeItem(atPath: root)
        for (file, text) in Course.files { Self.write(Data(text.utf8), to: root + "/" + file) }
        // libFuzzer ends a run with exit(), which skips deinit; a crash leaves the folder for a look.
        atexit { try? FileManager.default.removeItem(atPath: workspace.root) }
    }

    func put(_ data: Data, as slot: Slot) {
        if let changed, changed != slot {
            Self.write(Data(Course.files[changed.file]!.utf8), to: root + "/" + changed.file)
        }
        Self.write(data, to: root + "/" + slot.file)
        changed = slot
    }

    private static func write(_ data: Data, to path: String) {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            fatalError("cannot write the fuzz course: \(error)")
        }
    }
}

// libFuzzer calls the target from one thread only, so the workspace needs no lock.
nonisolated(unsafe) let workspace = Workspace()

/// A learner with history in both modules and the milestone, so the progress engine walks the loaded content.
let learner: LearnerRecord = {
    let start = Timestamp.parse("2026-03-01T09:00:00.000Z")!
    func event(_ hour: Double, _ kind: LearnerEvent.Kind, _ module: String?, _ id: Int) -> LearnerEvent {
        LearnerEvent(
            id: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", id))!,
            at: start.addingTimeInterval(hour * 3600), kind: kind, module: module,
            moduleVersion: module == nil ? nil : SemanticVersion(1, 0, 0), lesson: module == nil ? nil : "01-intro")
    }
    var record = LearnerRecord(
        learner: LearnerProfile(id: "fuzz", name: "Fuzz", team: "qa", roles: ["staff", "leader"], language: .english))
    record.events = [
        event(0, .lessonOpened, "basics", 1), event(1, .lessonCompleted, "basics", 2),
        event(2, .quizAttempted, "basics", 3), event(3, .lessonCompleted, "law", 4),
        event(4, .moduleReset, "law", 5), event(5, .attested, nil, 6),
    ]
    record.events[2].score = 1
    record.events[2].passed = true
    record.events[5].milestone = "kickoff"
    record.review["basics/q1"] = ReviewCard(missedAt: start)
    record.position = ReadingPosition(module: "basics", lesson: "01-intro", line: 3)
    return record
}()

let today = CalendarDay(year: 2026, month: 11, day: 21)
let now = Timestamp.parse("2026-11-21T12:00:00.000Z")!

/// libFuzzer's per-input callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let selector = start.load(as: UInt8.self)
    workspace.put(Data(bytes: start + 1, count: count - 1), as: Slot(selector: selector))
    let validate = selector & 0x20 == 0
    let result = ContentLoader(
        root: workspace.root, today: today, checkLessonBodies: validate, deferQuizzes: !validate
    ).load()

    checkMessages(result.diagnostics)

    let catalog = result.catalog
    let inventory = CatalogReport(catalog: catalog)
    _ = inventory.text
    _ = try? JSONCoding.encoder().encode(inventory)
    let status = StatusReport(record: learner, catalog: catalog, now: now)
    _ = status.text
    _ = try? JSONCoding.encoder().encode(status)
    for module in catalog.modules {
        if case .deferred(let deferred) = module.quizSource {
            checkMessages(deferred.diagnostics)
        }
        _ = ProgressEngine.missingPrerequisites(module, events: learner.events, catalog: catalog, now: now)
        for lesson in module.lessons {
            for language in catalog.course.languages {
                _ = LessonText.load(lesson, language: language, catalog: catalog)
            }
        }
    }
    return 0
}

/// `lernpfad validate` and the quiz screen show diagnostics on a terminal: each must be one line, and content must
/// not be able to send escape sequences through one.
func checkMessages(_ diagnostics: [Diagnostic]) {
    for diagnostic in diagnostics {
        let text = diagnostic.description
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            // fatalError, not precondition: -O drops a precondition's message.
            fatalError("a diagnostic carries a control character: \(text.debugDescription)")
        }
    }
}

/// The program's entry point.
///
/// SwiftPM links every executable with `--defsym main=<Module>_main`, so libFuzzer's own `main` never gets
/// linked; this function, under that name, hands over to libFuzzer's driver instead.
@_cdecl("FuzzContentLoader_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(data, size)
    }
}
