import Foundation

/// Turns a learner's events into xAPI 1.0.3 statements. Pure: same record, same statements.
public struct XAPIExporter: Sendable {
    /// The organisation's lernpfad home page; account and activity IRIs live under it.
    public var homePage: String
    /// The content, for names, versions and paths.
    public var catalog: Catalog

    /// ADL verbs used.
    public enum VerbIRI {
        /// A lesson was opened.
        public static let experienced = "http://adlnet.gov/expapi/verbs/experienced"
        /// A lesson, module or milestone was completed.
        public static let completed = "http://adlnet.gov/expapi/verbs/completed"
        /// A quiz reached the pass mark.
        public static let passed = "http://adlnet.gov/expapi/verbs/passed"
        /// A quiz did not reach the pass mark.
        public static let failed = "http://adlnet.gov/expapi/verbs/failed"
        /// A module was started over.
        public static let attempted = "http://adlnet.gov/expapi/verbs/attempted"
        /// A review question was answered.
        public static let answered = "http://adlnet.gov/expapi/verbs/answered"
        /// A module's or path's requirements were met by other means (a waiver), as cmi5 uses it.
        public static let waived = "http://adlnet.gov/expapi/verbs/waived"
    }

    /// The result extension that carries a quiz attempt's answers.
    public var answersExtension: String { homePage + "/xapi/extensions/answers" }

    /// Makes an exporter.
    public init(homePage: String, catalog: Catalog) {
        self.homePage = homePage.hasSuffix("/") ? String(homePage.dropLast()) : homePage
        self.catalog = catalog
    }

    /// Every event of `record` as a statement, in time order, plus a `completed` statement for each module
    /// completion the engine derives (with an id made from the learner, module and completion time).
    public func statements(for record: LearnerRecord) -> [XAPIStatement] {
        let events = record.chronologicalEvents
        let eventsByModule = ProgressEngine.eventsByModule(events)
        var statements: [XAPIStatement] = []
        var cycles: [String: Int] = [:]
        var lastCompletion: [String: Date] = [:]
        for event in events {
            let moduleID = event.module ?? ""
            let cycle = cycles[moduleID, default: 0]
            if let statement = statement(for: event, record: record, cycle: cycle) { statements.append(statement) }
            guard let module = catalog.module(moduleID) else { continue }
            if event.kind == .moduleReset {
                cycles[moduleID] = cycle + 1
                continue
            }
            // Only a read lesson or a passed quiz can complete a module; asking the engine after other events
            // would find nothing new and make the export quadratic in the number of events.
            guard event.kind == .lessonCompleted || (event.kind == .quizAttempted && event.passed == true) else {
                continue
            }
            // A new module completion closes a certification cycle: later events get a new registration.
            let progress = ProgressEngine.module(
                module, validity: ISODuration(years: 100), dueSoon: ISODuration(),
                events: eventsByModule[moduleID], now: event.at)
            if let completion = progress.completion, completion.at != lastCompletion[moduleID] {
                lastCompletion[moduleID] = completion.at
                statements.append(moduleCompleted(module, completion: completion, record: record, cycle: cycle))
                cycles[moduleID] = cycle + 1
            }
        }
        return statements
    }

    private func statement(for event: LearnerEvent, record: LearnerRecord, cycle: Int) -> XAPIStatement? {
        let language = record.learner.language ?? catalog.course.defaultLanguage
        var result: XAPIStatement.Result?
        let verb: XAPIStatement.Verb
        let object: XAPIStatement.Activity
        switch event.kind {
        case .lessonOpened, .lessonCompleted:
            guard let moduleID = event.module, let lessonID = event.lesson else { return nil }
            let lesson = catalog.module(moduleID)?.lesson(lessonID)
            object = activity(
                "\(homePage)/modules/\(moduleID)/lessons/\(lessonID)", name: lesson?.title, fallback: lessonID,
                type: "http://adlnet.gov/expapi/activities/lesson")
            if event.kind == .lessonOpened {
                verb = Self.verb(VerbIRI.experienced, "experienced")
            } else {
                verb = Self.verb(VerbIRI.completed, "completed")
                result = XAPIStatement.Result(completion: true)
            }
        case .quizAttempted:
            guard let moduleID = event.module else { return nil }
            let passed = event.passed == true
            verb = passed ? Self.verb(VerbIRI.passed, "passed") : Self.verb(VerbIRI.failed, "failed")
            object = activity(
                "\(homePage)/modules/\(moduleID)/quiz", name: catalog.module(moduleID)?.title, fallback: moduleID,
                type: "http://adlnet.gov/expapi/activities/assessment")
            result = XAPIStatement.Result(
                score: event.score.map { XAPIStatement.Score(scaled: min(1, max(0, $0))) }, success: passed,
                completion: true, duration: event.durationSeconds.map(Self.duration),
                extensions: event.answers.map { [answersExtension: $0] })
        case .questionReviewed:
            guard let moduleID = event.module, let questionID = event.question else { return nil }
            verb = Self.verb(VerbIRI.answered, "answered")
            object = activity(
                "\(homePage)/modules/\(moduleID)/quiz/questions/\(questionID)",
                name: catalog.module(moduleID)?.quiz?.question(questionID)?.prompt, fallback: questionID,
                type: "http://adlnet.gov/expapi/activities/cmi.interaction")
            result = XAPIStatement.Result(success: event.passed == true)
        case .attested:
            guard let milestoneID = event.milestone else { return nil }
            verb = Self.verb(VerbIRI.completed, "completed")
            object = activity(
                "\(homePage)/milestones/\(milestoneID)", name: catalog.milestone(milestoneID)?.milestone.title,
                fallback: milestoneID, type: "http://adlnet.gov/expapi/activities/performance")
            result = XAPIStatement.Result(completion: true, response: event.note)
        case .moduleReset:
            guard let moduleID = event.module else { return nil }
            verb = Self.verb(VerbIRI.attempted, "attempted")
            object = moduleActivity(moduleID)
        case .roleAdded:
            // Enrolment bookkeeping for `due_within`, not a learning experience: no statement.
            return nil
        case .waived:
            // An exception is evidence too (docs/lrs.md): the module or path, the reason, who granted it, until when.
            verb = Self.verb(VerbIRI.waived, "waived")
            if let moduleID = event.module {
                object = moduleActivity(moduleID)
            } else if let role = event.role {
                object = activity(
                    "\(homePage)/paths/\(role)", name: catalog.path(role)?.title, fallback: role,
                    type: "http://adlnet.gov/expapi/activities/course")
            } else {
                return nil
            }
            let until = event.until.map { " (until \(CalendarDay($0)))" } ?? ""
            result = XAPIStatement.Result(success: true, completion: true, response: (event.reason ?? "") + until)
        }
        var context = context(
            module: event.module, version: event.moduleVersion, record: record, cycle: cycle, language: language)
        if event.kind == .attested || event.kind == .waived, let by = event.by {
            context.instructor = XAPIStatement.Actor(account: XAPIStatement.Account(homePage: homePage, name: by))
        }
        return XAPIStatement(
            id: statementID(learner: record.learner.id, event: event.id), actor: actor(record), verb: verb,
            object: object, result: result,
            context: context, timestamp: Timestamp.format(event.at))
    }

    private func moduleCompleted(
        _ module: Module, completion: ModuleCompletion, record: LearnerRecord, cycle: Int
    ) -> XAPIStatement {
        let language = record.learner.language ?? catalog.course.defaultLanguage
        return XAPIStatement(
            id: Self.derivedID("\(record.learner.id)|\(module.id)|completed|\(Timestamp.format(completion.at))")
                .uuidString.lowercased(),
            actor: actor(record), verb: Self.verb(VerbIRI.completed, "completed"), object: moduleActivity(module.id),
            result: XAPIStatement.Result(
                score: completion.score.map { XAPIStatement.Score(scaled: min(1, max(0, $0))) }, success: true,
                completion: true),
            context: XAPIStatement.Context(
                registration: registration(record, module: module.id, cycle: cycle),
                contextActivities: XAPIStatement.ContextActivities(
                    parent: nil, grouping: grouping(module.id, record: record)),
                revision: completion.version?.description, language: language.rawValue),
            timestamp: Timestamp.format(completion.at))
    }

    /// The id of the statement for event `event` of learner `learner`: the RFC 4122 version 5 UUID, in the URL
    /// namespace, of `<homePage>/learners/<learner>/events/<event id in lower case>`.
    ///
    /// The same event of the same learner always gets the same id, so a retried or repeated sync sends nothing
    /// twice; two learners whose files share an event id (a copied file) still get different statements,
    /// so neither can make the other's vanish at the LRS as a duplicate.
    public func statementID(learner: String, event: UUID) -> String {
        NameBasedUUID.make(
            namespace: NameBasedUUID.urlNamespace,
            name: "\(homePage)/learners/\(learner)/events/\(event.uuidString.lowercased())"
        ).uuidString.lowercased()
    }

    private func actor(_ record: LearnerRecord) -> XAPIStatement.Actor {
        XAPIStatement.Actor(account: XAPIStatement.Account(homePage: homePage, name: record.learner.id))
    }

    private func moduleActivity(_ moduleID: String) -> XAPIStatement.Activity {
        activity(
            "\(homePage)/modules/\(moduleID)", name: catalog.module(moduleID)?.title, fallback: moduleID,
            type: "http://adlnet.gov/expapi/activities/module")
    }

    private func activity(_ id: String, name: LocalizedText?, fallback: String, type: String) -> XAPIStatement.Activity
    {
        var names: [String: String] = [:]
        for language in catalog.course.languages {
            names[language.rawValue] = name?.text(in: language) ?? fallback
        }
        return XAPIStatement.Activity(id: id, definition: XAPIStatement.Definition(name: names, type: type))
    }

    private func context(
        module: String?, version: SemanticVersion?, record: LearnerRecord, cycle: Int, language: LanguageCode
    ) -> XAPIStatement.Context {
        guard let module else {
            return XAPIStatement.Context(language: language.rawValue)
        }
        return XAPIStatement.Context(
            registration: registration(record, module: module, cycle: cycle),
            contextActivities: XAPIStatement.ContextActivities(
                parent: [moduleActivity(module)], grouping: grouping(module, record: record)),
            revision: version?.description, language: language.rawValue)
    }

    private func grouping(_ module: String, record: LearnerRecord) -> [XAPIStatement.Activity]? {
        let paths = record.learner.roles.compactMap { catalog.path($0) }.filter { $0.modules.contains(module) }
        guard !paths.isEmpty else { return nil }
        return paths.map { path in
            activity(
                "\(homePage)/paths/\(path.role)", name: path.title, fallback: path.role,
                type: "http://adlnet.gov/expapi/activities/course")
        }
    }

    private func registration(_ record: LearnerRecord, module: String, cycle: Int) -> String {
        Self.derivedID("\(record.learner.id)|\(module)|cycle|\(cycle)").uuidString.lowercased()
    }

    private static func verb(_ id: String, _ name: String) -> XAPIStatement.Verb {
        XAPIStatement.Verb(id: id, display: ["en-US": name])
    }

    /// `PT12.5S`.
    static func duration(_ seconds: Double) -> String {
        // A year of seconds is more than any quiz takes; beyond it (or NaN) a file is wrong, not the learner slow.
        let rounded = (min(max(0, seconds.isNaN ? 0 : seconds), 31_536_000) * 100).rounded() / 100
        return "PT\(rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded))S"
    }

    /// A stable UUID (version 5 layout over a FNV-1a based 128-bit hash) for statements lernpfad derives.
    static func derivedID(_ text: String) -> UUID {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ first
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<8 {
            bytes[index] = UInt8(truncatingIfNeeded: first >> (8 * index))
            bytes[8 + index] = UInt8(truncatingIfNeeded: second >> (8 * index))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
