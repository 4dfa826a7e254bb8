import Foundation
import LernpfadCore

/// The whole interface as one state machine: `update` turns an event into commands for the runner, `render`
/// draws the state. It is the only code that touches the screen stack and the learner record.
public struct AppModel: Sendable {
    /// Smallest window the screens are laid out for.
    public static let minimumSize = (width: 40, height: 12)

    /// The content.
    public let catalog: Catalog
    /// The current learner; nil until enrolment or the picker is done.
    public private(set) var record: LearnerRecord?
    /// The interface and content language.
    public private(set) var language: LanguageCode
    /// A notice that stays (broken modules skipped at start, unsaved changes).
    public var banner: String?
    /// A one-line notice shown above the status line until the next key.
    public private(set) var notice: String?
    /// Terminal columns.
    public private(set) var width: Int
    /// Terminal rows.
    public private(set) var height: Int
    /// Set once the learner asked to quit.
    public private(set) var isFinished = false
    /// The time of the last event; render shows states at this time.
    public private(set) var now: Date
    /// What the runner has loaded.
    public private(set) var resources = Resources()
    /// Changes made in memory whose save has not been confirmed.
    public private(set) var unsavedChanges = 0
    /// Why the last save failed, shown until a save succeeds.
    public private(set) var saveProblem: String?
    /// The keys of the actions config.yaml may remap (`keys:`); help and the status line show them.
    public var keyMap = KeyMap.standard
    /// Whether the terminal reports the mouse; help then says how to select text past it (Shift).
    public var mouseCaptured = true

    private var navigator: Navigator
    private var overlay: (any ScreenModel)?
    private var seed: UInt64 = 0

    /// A model for a known learner, starting at home.
    public init(catalog: Catalog, record: LearnerRecord, width: Int, height: Int, now: Date) {
        self.catalog = catalog
        self.record = record
        language = Self.language(of: record, catalog: catalog)
        navigator = Navigator(root: HomeScreen())
        self.width = width
        self.height = height
        self.now = now
    }

    /// A model for a first start: the enrolment questions, offering `newLearnerID` (fixed when
    /// `learnerIDIsFixed`, e.g. given by `--learner`), in `language` when the course has it.
    public init(
        catalog: Catalog, newLearnerID: String, learnerIDIsFixed: Bool = false, language: LanguageCode?, width: Int,
        height: Int, now: Date
    ) {
        self.catalog = catalog
        self.language = Self.language(language, catalog: catalog)
        navigator = Navigator(
            root: OnboardingScreen(
                learnerID: newLearnerID, language: self.language, learnerIDIsFixed: learnerIDIsFixed))
        self.width = width
        self.height = height
        self.now = now
    }

    /// A model for choosing among several learners, in `language` when the course has it; "new learner" offers
    /// `newLearnerID`.
    public init(
        catalog: Catalog, learners: [LearnerProfile], newLearnerID: String = "", language: LanguageCode? = nil,
        width: Int, height: Int, now: Date
    ) {
        self.catalog = catalog
        self.language = Self.language(language, catalog: catalog)
        navigator = Navigator(root: PickerScreen(learners: learners, newLearnerID: newLearnerID))
        self.width = width
        self.height = height
        self.now = now
    }

    /// The screen on top of the stack.
    public var screen: any ScreenModel { navigator.top }

    /// Every screen on the stack, bottom first.
    public var stack: [any ScreenModel] { navigator.screens }

    /// The overlay above the screen, if any.
    public var activeOverlay: (any ScreenModel)? { overlay }

    /// True when the learner has a role that looks after others (ambassador, leader, AI manager).
    public var canSeeTeam: Bool { record?.learner.roles.contains(where: HomeScreen.teamRoles.contains) ?? false }

    /// True when the window is too small to lay out screens.
    public var isTooSmall: Bool { width < Self.minimumSize.width || height < Self.minimumSize.height }

    /// Where screens draw: between the title bar and the status line.
    public var bodyArea: Rect { Rect(row: 1, column: 0, width: width, height: max(1, height - 2)) }

    /// What screens may read now.
    public var context: ScreenContext {
        ScreenContext(
            catalog: catalog, record: record, events: record?.chronologicalEvents ?? [], language: language,
            now: now, seed: seed, resources: resources)
    }

    // MARK: - Update

    /// Handles one event; returns what the runner must do, loads first.
    public mutating func update(_ event: AppEvent) -> [AppCommand] {
        now = event.now
        seed = event.seed
        var pending = PendingWork()
        switch event.message {
        case .key(let key): handleKey(key, &pending)
        case .loaded(let resource):
            resources.store(resource)
            if case .searchIndex = resource { refreshOverlay(&pending) }
        case .recordSaved(let saved):
            record = saved
            unsavedChanges = 0
            saveProblem = nil
        case .saveFailed(let reason, let unsaved):
            unsavedChanges = unsaved
            saveProblem = "\(Localizer(language)(.notSaved)) (\(unsaved)): \(TerminalSafeText.sanitize(reason))"
        case .learnerOpened(let opened):
            record = opened
            language = Self.language(of: opened, catalog: catalog)
            overlay = nil
            navigator.reset(to: HomeScreen())
        case .learnerFailed(let message):
            notice = TerminalSafeText.sanitize(message)
        case .openTeamView:
            if canSeeTeam {
                resources.forget(.team)
                navigator.push(TeamScreen(team: record?.learner.team))
            }
        case .attested(let learner, let milestone): attested(learner: learner, milestone: milestone)
        case .attestationFailed(let reason):
            notice = Localizer(language)(.attestFailed, TerminalSafeText.sanitize(reason))
        }
        refreshTop(&pending)
        return pending.commands(loads: loadRequests())
    }

    /// "✓ Modul abgeschlossen: KI-Grundlagen · gültig bis 1. Dezember 2027" when `after` completes a module or a
    /// path that `before` had not (a first completion or a refresher), so finishing is seen and what it means.
    private func completionNotice(_ before: LearnerRecord, _ after: LearnerRecord) -> String? {
        let old = ProgressEngine.paths(for: before, catalog: catalog, now: now)
        let new = ProgressEngine.paths(for: after, catalog: catalog, now: now)
        let text = Localizer(language)
        let wording = TeamWording.for(language)
        for (was, path) in zip(old, new) where path.state == .completed && was.state != .completed {
            let title = catalog.path(path.role)?.title.text(in: language) ?? path.role
            let until = path.validUntil.map { " · \(text(.validUntil)) \(wording.format($0))" } ?? ""
            return "✓ \(text(.pathCompleted)): \(title)\(until)"
        }
        for (was, path) in zip(old, new) {
            for (wasModule, module) in zip(was.modules, path.modules)
            where module.state == .completed && wasModule.state != .completed {
                let title = catalog.module(module.module)?.title.text(in: language) ?? module.module
                let until = module.validUntil.map { " · \(text(.validUntil)) \(wording.format($0))" } ?? ""
                return "✓ \(text(.moduleCompleted)): \(title)\(until)"
            }
        }
        return nil
    }

    /// After an attestation, the learner's file and the team changed: both are read again when next shown.
    private mutating func attested(learner: String, milestone: String) {
        resources.forget(.learner(id: learner))
        resources.forget(.team)
        notice = Localizer(language)(.attestedNotice, milestoneTitle(milestone), learner)
    }

    private func milestoneTitle(_ id: String) -> String {
        catalog.paths.flatMap(\.milestones).first { $0.id == id }?.title.text(in: language) ?? id
    }

    private mutating func handleKey(_ key: Key, _ pending: inout PendingWork) {
        notice = nil
        if case .resize(let newWidth, let newHeight) = key {
            width = max(0, newWidth)
            height = max(0, newHeight)
            return
        }
        // Ctrl-C ends the program from every screen, overlay and text field.
        if key == .control("c") || (isTooSmall && key == .character("q")) {
            apply([.quit], &pending)
            return
        }
        if isTooSmall { return }
        let context = self.context
        if var current = overlay {
            let area = Rect(row: 0, column: 0, width: width, height: height)
            let transitions = current.handle(key, context: context, area: area) ?? []
            overlay = current
            apply(transitions, &pending)
            return
        }
        let area = bodyArea
        let local = Self.localize(key, to: area)
        if let transitions = navigator.withTop({ $0.handle(local, context: context, area: area) }) {
            apply(transitions, &pending)
            return
        }
        let global = GlobalKeys.bindings(
            canGoBack: navigator.depth > 1, hasLearner: record != nil, languages: catalog.course.languages.count,
            takesText: navigator.top.takesText, keyMap: keyMap)
        switch firstAction(for: key, in: global) {
        case .back: apply([.pop], &pending)
        case .search: apply([.showSearch], &pending)
        case .help: apply([.showHelp], &pending)
        case .quit: apply([.quit], &pending)
        case .language:
            let languages = catalog.course.languages
            let index = languages.firstIndex(of: language) ?? 0
            apply([.setLanguage(languages[(index + 1) % languages.count])], &pending)
        case nil: break
        }
    }

    /// Clicks arrive in window coordinates; screens get them relative to their area.
    private static func localize(_ key: Key, to area: Rect) -> Key {
        if case .click(let row, let column) = key { return .click(row: row - area.row, column: column - area.column) }
        return key
    }

    private mutating func apply(_ transitions: [Transition], _ pending: inout PendingWork) {
        // A completed module or path outranks the screen's own notice ("Lektion abgeschlossen").
        var completion: String?
        defer { if let completion { notice = completion } }
        for transition in transitions {
            switch transition {
            case .push(let screen): navigator.push(screen)
            case .pop: navigator.pop()
            case .popToRoot: navigator.popToRoot()
            case .replace(let screen): navigator.replaceTop(screen)
            case .notice(let text): notice = text
            case .change(let change):
                guard let before = record else { continue }
                record?.apply(change)
                pending.changes.append(change)
                if case .append = change, let after = record, let words = completionNotice(before, after) {
                    completion = words
                }
            case .setLanguage(let new):
                language = new
                if record != nil { apply([.change(.language(new))], &pending) }
            case .reload(let request): resources.forget(request)
            case .createLearner(let profile): pending.others.append(.createLearner(profile))
            case .openLearner(let id): pending.others.append(.openLearner(id))
            case .attest(let learner, let milestone):
                // Only a team role reaches a colleague; the attester is the learner at the keyboard.
                guard canSeeTeam, let attester = record?.learner else { continue }
                let event = LearnerEvent(
                    at: now, kind: .attested, milestone: milestone, by: "\(attester.name) (\(attester.id))")
                if learner == attester.id {
                    // One's own file changes by the one path for the own record, so memory and file agree.
                    apply([.change(.append([event]))], &pending)
                    attested(learner: learner, milestone: milestone)
                } else {
                    pending.others.append(.attest(learner: learner, event))
                }
            case .showHelp: overlay = HelpOverlay(entries: helpEntries())
            case .showSearch: overlay = SearchOverlay()
            case .closeOverlay: overlay = nil
            case .quit:
                isFinished = true
                pending.others.append(.quit)
            }
        }
    }

    /// Lets the top screen (and an open search) catch up with resources and the window; one pass.
    private mutating func refreshTop(_ pending: inout PendingWork) {
        guard !isTooSmall else { return }
        let context = self.context
        let area = bodyArea
        let transitions = navigator.withTop { $0.refresh(context: context, area: area) }
        apply(transitions, &pending)
    }

    private mutating func refreshOverlay(_ pending: inout PendingWork) {
        guard var current = overlay else { return }
        let transitions = current.refresh(context: context, area: Rect(row: 0, column: 0, width: width, height: height))
        overlay = current
        apply(transitions, &pending)
    }

    /// Loads the top screen and the overlay need that are neither loaded nor asked for.
    private mutating func loadRequests() -> [AppCommand] {
        let context = self.context
        var wanted = navigator.top.needs(context)
        if let overlay { wanted += overlay.needs(context) }
        var commands: [AppCommand] = []
        for request in wanted where !resources.has(request) && !resources.requested.contains(request) {
            resources.requested.insert(request)
            commands.append(.load(request))
        }
        return commands
    }

    private func helpEntries() -> [(keys: String, help: String)] {
        let context = self.context
        let global = GlobalKeys.bindings(
            canGoBack: navigator.depth > 1, hasLearner: record != nil, languages: catalog.course.languages.count,
            takesText: navigator.top.takesText, keyMap: keyMap)
        // While the program has the mouse, the terminal's own selection needs Shift (in most terminals).
        let selecting = mouseCaptured ? [(keys: context.text(.keyShiftDrag), help: context.text(.helpSelectText))] : []
        return navigator.top.helpEntries(context) + selecting
            + global.map { (keys: $0.label(context.text), help: context.text($0.help)) }
    }

    /// `wanted` when the course has it, else the course's default.
    private static func language(_ wanted: LanguageCode?, catalog: Catalog) -> LanguageCode {
        wanted.flatMap { catalog.course.languages.contains($0) ? $0 : nil } ?? catalog.course.defaultLanguage
    }

    private static func language(of record: LearnerRecord, catalog: Catalog) -> LanguageCode {
        record.learner.language.flatMap { catalog.course.languages.contains($0) ? $0 : nil }
            ?? catalog.course.defaultLanguage
    }

    // MARK: - Render

    /// Draws the state into a canvas of the window's size.
    public func render() -> Canvas {
        let text = Localizer(language)
        if isTooSmall { return Frame.tooSmall(width: width, height: height, text: text) }
        var canvas = Canvas(width: width, height: height)
        let context = self.context
        let top = navigator.top
        let title = top.render(into: &canvas, area: bodyArea, context: context)
        let global = GlobalKeys.bindings(
            canGoBack: navigator.depth > 1, hasLearner: record != nil, languages: catalog.course.languages.count,
            takesText: top.takesText, keyMap: keyMap)
        let status = StatusLine.fit(
            screen: top.statusEntries(context), global: global.compactMap { $0.statusEntry(text) },
            help: global.first { $0.help == .helpHelp }?.statusEntry(text), width: width - 2)
        let right = record.map { TerminalSafeText.sanitize($0.learner.name) } ?? text(.appName)
        Frame.draw(into: &canvas, title: title, right: right, status: status, notice: saveProblem ?? notice ?? banner)
        if let overlay {
            _ = overlay.render(
                into: &canvas, area: Rect(row: 0, column: 0, width: width, height: height), context: context)
        }
        return canvas
    }
}

/// What one update has collected for the runner.
private struct PendingWork {
    var changes: [RecordChange] = []
    var others: [AppCommand] = []

    func commands(loads: [AppCommand]) -> [AppCommand] {
        loads + (changes.isEmpty ? [] : [.save(changes)]) + others
    }
}
