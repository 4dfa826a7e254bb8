import Foundation
import LernpfadCore

/// The lesson reader: laid-out Markdown, scrolling, next/previous lesson; reaching the end completes the lesson.
public struct ReaderScreen: ScreenModel {
    /// What the reader's keys do.
    public enum Action: Hashable, Sendable {
        case scroll(Int)
        case page(Int)
        case first
        case last
        case lesson(Int)
        /// To the next (+1) or previous (-1) line holding the search term the lesson was opened for.
        case match(Int)
    }

    /// The module.
    public let module: String
    /// The lesson.
    public let lesson: String
    /// The first visible line.
    public private(set) var top: Int
    /// The layout for the current width and language, once the text is loaded.
    public private(set) var layout: LaidOutLesson?
    /// Why the lesson could not be loaded.
    public private(set) var failure: String?
    /// Whether reaching the end has been recorded in this visit.
    public private(set) var completionRecorded = false
    /// The line a search hit points to, highlighted until the next key.
    public private(set) var highlight: Int?
    /// Text to find once the lesson is laid out (opened from a search hit).
    private var find: String?
    /// The search term the lesson was opened for, kept for `]` and `[`.
    public private(set) var searchTerm: String?
    /// The lines of the layout that hold `searchTerm`.
    public private(set) var matches: [Int] = []
    /// Which of `matches` is shown.
    private var currentMatch = 0
    /// The language the layout was made in.
    private var layoutLanguage: LanguageCode?

    /// Opens `lesson` of `module` at line `top`, or at the first line holding `find`.
    public init(module: String, lesson: String, top: Int = 0, find: String? = nil) {
        self.module = module
        self.lesson = lesson
        self.top = top
        self.find = find
        self.searchTerm = find
    }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        [
            .keys(
                [.up, .down, .character("j"), .character("k"), .enter], help: .helpLine, status: .verbScroll,
                statusKeys: 4
            ) { key in
                key == .up || key == .character("k") ? .scroll(-1) : .scroll(1)
            },
            .keys(
                [
                    .pageDown, .pageUp, .character(" "), .character("b"), .control("f"), .control("b"), .control("d"),
                    .control("u"),
                ],
                help: .helpPage, status: .verbPage, statusKeys: 3
            ) { key in
                [.pageDown, .character(" "), .control("f"), .control("d")].contains(key) ? .page(1) : .page(-1)
            },
            .keys([.home, .end, .character("g"), .character("G")], help: .helpTopEnd) { key in
                key == .home || key == .character("g") ? .first : .last
            },
            .keys(
                [.character("n"), .character("p"), .right, .left], help: .helpNextLesson, status: .verbLesson,
                statusKeys: 2
            ) { key in
                key == .character("n") || key == .right ? .lesson(1) : .lesson(-1)
            },
            .pattern(.keyWheel, help: .helpScroll) { key in
                key == .wheelUp ? .scroll(-3) : key == .wheelDown ? .scroll(3) : nil
            },
        ] + matchBindings
    }

    /// `+` and `-` (and `]` and `[`, which need AltGr on a German keyboard) through the search term's matches,
    /// offered only when the lesson was opened from search.
    private var matchBindings: [KeyBinding<Action>] {
        guard searchTerm != nil, matches.count > 1 else { return [] }
        return [
            .keys(
                [.character("+"), .character("-"), .character("]"), .character("[")], help: .helpMatch,
                status: .verbMatch, statusKeys: 2
            ) { key in
                .match(key == .character("+") || key == .character("]") ? 1 : -1)
            }
        ]
    }

    var key: (LanguageCode) -> LessonKey {
        { LessonKey(module: module, lesson: lesson, language: $0) }
    }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        var wanted: [ResourceRequest] = []
        if layout == nil || layoutLanguage != context.language { wanted.append(.lesson(key(context.language))) }
        // 'n' on the last lesson starts the quiz; have it read by then.
        if context.catalog.module(module)?.lessons.last?.id == lesson { wanted += context.quizRequests([module]) }
        return wanted
    }

    /// The text column: the area less margins, capped at a comfortable reading measure.
    static func textWidth(_ area: Rect) -> Int { max(10, min(area.width - 4, 100)) }

    /// Rows for text: the area less one row for the position line.
    static func textRows(_ area: Rect) -> Int { max(1, area.height - 1) }

    func maxTop(_ area: Rect) -> Int { max(0, (layout?.lines.count ?? 0) - Self.textRows(area)) }

    /// Catches up with loaded resources and the area.
    public mutating func refresh(context: ScreenContext, area: Rect) -> [Transition] {
        let width = Self.textWidth(area)
        let isCurrent = layout != nil && layoutLanguage == context.language
        if isCurrent && layout?.width == width { return [] }
        guard let loaded = context.resources.lessons[key(context.language)] else { return [] }
        let opening = layout == nil && failure == nil
        switch loaded {
        case .failure(let problem):
            failure = problem.description
            layout = nil
            return []
        case .success(let document):
            let old = layout
            let new = MarkdownLayout.layoutLesson(document.body, width: width)
            if let old, !old.lines.isEmpty {
                // Keep the same share of the text above the window, so a resize does not lose the place.
                top = Int((Double(top) / Double(old.lines.count) * Double(new.lines.count)).rounded())
            }
            layout = new
            layoutLanguage = context.language
            failure = nil
        }
        if let term = searchTerm, let layout {
            let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
            matches = layout.lines.indices.filter {
                layout.lines[$0].plainText.range(of: term, options: options) != nil
            }
            currentMatch = min(currentMatch, max(0, matches.count - 1))
        }
        if find != nil {
            find = nil
            if let index = matches.first {
                top = max(0, index - 2)
                highlight = index
                currentMatch = 0
            }
        }
        top = min(max(0, top), maxTop(area))
        return opening ? afterMove(context: context, area: area) : []
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        guard layout != nil else { return [] }
        let page = max(1, Self.textRows(area) - 2)
        let before = top
        highlight = nil
        switch action {
        case .scroll(let lines): top += lines
        case .page(let pages): top += pages * page
        case .first: top = 0
        case .last: top = maxTop(area)
        case .lesson(let delta): return switchLesson(by: delta, context: context)
        case .match(let delta):
            guard !matches.isEmpty else { return [] }
            currentMatch = (currentMatch + delta + matches.count) % matches.count
            highlight = matches[currentMatch]
            top = max(0, matches[currentMatch] - 2)
            top = min(max(0, top), maxTop(area))
            let found = context.text(.matchOf, String(currentMatch + 1), String(matches.count))
            return (top == before ? [] : afterMove(context: context, area: area)) + [.notice(found)]
        }
        top = min(max(0, top), maxTop(area))
        return top == before ? [] : afterMove(context: context, area: area)
    }

    /// Saves the position and records completion once the end of the lesson is in view.
    private mutating func afterMove(context: ScreenContext, area: Rect) -> [Transition] {
        var transitions: [Transition] = [.change(.position(ReadingPosition(module: module, lesson: lesson, line: top)))]
        guard let layout, !completionRecorded, top + Self.textRows(area) >= layout.lines.count,
            let content = context.catalog.module(module)
        else { return transitions }
        completionRecorded = true
        switch Self.readToTheEnd(content, lesson: lesson, context: context) {
        case .locked(let names):
            return transitions + [
                .notice("🔒 \(context.text(.locked)): \(context.text(.requires)) \(names.joined(separator: ", "))")
            ]
        case .completed(let event):
            transitions += [.change(.append([event])), .notice("✓ \(context.text(.lessonCompleted))")]
            return transitions
        }
    }

    /// What reading a lesson to its end records: the TUI's reader and `lernpfad read` both ask here.
    public enum Reading: Sendable {
        /// The lesson counts as read: this `lessonCompleted` event records it.
        case completed(LearnerEvent)
        /// The module is locked; reading counts once these modules (titles in the UI language) are done.
        case locked([String])
    }

    /// Reading `lesson` of `module` to the end: a completion, or nothing while the module is locked.
    ///
    /// A lesson of a locked module (opened from search, or with `lernpfad read`) can be read, but counts only
    /// once the module is open: otherwise a learner could complete modules out of order.
    public static func readToTheEnd(_ module: Module, lesson: String, context: ScreenContext) -> Reading {
        let missing = ProgressEngine.missingPrerequisites(
            module, events: context.events, catalog: context.catalog, now: context.now)
        guard missing.isEmpty else {
            return .locked(missing.map { context.catalog.module($0)?.title.text(in: context.language) ?? $0 })
        }
        return .completed(
            LearnerEvent(
                at: context.now, kind: .lessonCompleted, module: module.id, moduleVersion: module.version,
                lesson: lesson))
    }

    private func switchLesson(by delta: Int, context: ScreenContext) -> [Transition] {
        guard let content = context.catalog.module(module),
            let index = content.lessons.firstIndex(where: { $0.id == lesson })
        else { return [] }
        let target = index + delta
        guard content.lessons.indices.contains(target) else {
            guard delta > 0, content.hasQuiz else { return [] }
            switch Navigation.quiz(module: module, context: context) {
            case .success(let quiz): return [.replace(quiz)]
            case .failure(let reason): return [.notice(reason.message)]
            }
        }
        return Navigation.openLesson(
            module: module, lesson: content.lessons[target].id, replacing: true, context: context)
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let text = context.text
        let content = context.catalog.module(module)
        let title = [
            content?.title.text(in: context.language), content?.lesson(lesson)?.title.text(in: context.language),
        ]
        .compactMap { $0 }.joined(separator: " › ")
        guard let layout else {
            let message = failure.map { "\(text(.cannotOpenLesson)): \($0)" } ?? text(.loading)
            _ = canvas.put(
                message, row: area.row + 1, column: area.column + 2, style: failure == nil ? Theme.muted : Theme.danger,
                maxWidth: area.width - 4)
            return title
        }
        let margin = area.column + max(2, (area.width - layout.width) / 2)
        let rows = Self.textRows(area)
        for offset in 0..<rows {
            let index = top + offset
            guard layout.lines.indices.contains(index) else { break }
            if index == highlight {
                canvas.fill(
                    row: area.row + offset, column: margin, width: layout.width, height: 1, style: Theme.selection)
            }
            _ = canvas.draw(layout.lines[index], row: area.row + offset, column: margin, width: layout.width)
        }
        // The cursor on the highlighted match, else on the first line shown: where a screen reader reads on.
        let focus = highlight.map { $0 - top }.flatMap { (0..<rows).contains($0) ? $0 : nil } ?? 0
        canvas.setCursor(row: area.row + focus, column: margin)
        let total = layout.lines.count
        let end = min(total, top + rows)
        let percent = total == 0 ? 100 : Int((Double(end) / Double(total) * 100).rounded())
        let position =
            end >= total
            ? "\(text(.endOfLesson)) · \(top + 1)–\(end)/\(total)"
            : "\(text(.position)) \(top + 1)–\(end)/\(total) · \(percent)%"
        let lessonNumber = (content?.lessons.firstIndex { $0.id == lesson }).map { $0 + 1 } ?? 0
        let counter = "\(text(.lesson)) \(lessonNumber)/\(content?.lessons.count ?? 0)"
        // The lesson counter left, the position right; on a narrow window the counter is cut with `…` or
        // left out, so that the two never run into each other.
        let positionLine = StatusLine.spread(
            left: counter, shortLeft: "\(lessonNumber)/\(content?.lessons.count ?? 0)", right: position,
            width: max(0, area.column + area.width - 2 - margin))
        _ = canvas.put(positionLine, row: area.bottom - 1, column: margin, style: Theme.muted)
        return title
    }
}
