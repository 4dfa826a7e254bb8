import Foundation
import LernpfadCore

/// `/`: searches module titles, lesson titles and lesson text in the current language and jumps to a hit.
public struct SearchOverlay: ScreenModel {
    /// What the search keys do.
    public enum Action: Hashable, Sendable {
        case close
        case move(Int)
        case delete
        case type(Character)
        case open
    }

    /// The query typed so far.
    public private(set) var query = ""
    /// The results for `query`.
    public private(set) var hits: [SearchIndex.Hit] = []
    /// The cursor in the results.
    public private(set) var list = ListState()
    /// The query `hits` were found for, so results come as soon as the index does.
    private var searched: String?
    /// The modules among `hits` whose prerequisites the learner has not completed: shown with a lock.
    private var lockedModules: Set<String> = []

    /// An empty search.
    public init() {}

    /// True while a text field takes every key.
    public var takesText: Bool { true }

    /// The screen's key table.
    public func bindings(_ context: ScreenContext) -> [KeyBinding<Action>] {
        [
            .keys([.escape], help: .helpClose, status: .verbClose, .close),
            .keys(
                [.up, .down, .control("p"), .control("n"), .tab, .wheelUp, .wheelDown], help: .helpSelect, statusKeys: 2
            ) {
                key in [.up, .control("p"), .wheelUp].contains(key) ? .move(-1) : .move(1)
            },
            .keys([.enter], help: .helpOpen, status: .verbOpen, .open),
            .keys([.backspace], help: .helpDelete, .delete),
            .pattern(.keyTyping, help: .helpType) { key in
                if case .character(let character) = key { return .type(character) }
                return nil
            },
        ]
    }

    /// What the runner must load for this screen.
    public func needs(_ context: ScreenContext) -> [ResourceRequest] {
        context.resources.searchIndexes[context.language] == nil ? [.searchIndex(context.language)] : []
    }

    static func visibleRows(_ area: Rect) -> Int { max(1, area.height - 8) }

    /// Catches up with loaded resources and the area.
    public mutating func refresh(context: ScreenContext, area: Rect) -> [Transition] {
        if searched != query, let index = context.resources.searchIndexes[context.language] {
            hits = index.search(query)
            searched = query
            lockedModules = Set(hits.map(\.module)).filter { id in
                guard let module = context.catalog.module(id) else { return false }
                return !ProgressEngine.missingPrerequisites(
                    module, events: context.events, catalog: context.catalog, now: context.now
                ).isEmpty
            }
            list = ListState()
        }
        return []
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action, context: ScreenContext, area: Rect) -> [Transition] {
        switch action {
        case .close: return [.closeOverlay]
        case .move(let delta): list.move(by: delta, count: hits.count, visible: Self.visibleRows(area))
        case .delete: if !query.isEmpty { query.removeLast() }
        case .type(let character) where query.count < 60: query.append(character)
        case .type: break
        case .open:
            guard hits.indices.contains(list.selected) else { return [.closeOverlay] }
            let hit = hits[list.selected]
            guard let lesson = hit.lesson else { return [.closeOverlay, .push(ModuleScreen(module: hit.module))] }
            return [.closeOverlay]
                + Navigation.openLesson(
                    module: hit.module, lesson: lesson, find: hit.inText ? query : nil, context: context)
        }
        return refresh(context: context, area: area)
    }

    /// Draws the screen into `area`; returns its title.
    public func render(into canvas: inout Canvas, area: Rect, context: ScreenContext) -> String {
        let text = context.text
        let width = min(area.width - 2, 100)
        let height = max(5, area.height - 4)
        let row = area.row + 2
        let column = area.column + max(1, (area.width - width) / 2)
        canvas.fill(row: row, column: column, width: width, height: height, style: .plain)
        canvas.box(row: row, column: column, width: width, height: height, title: text(.search), style: Theme.accent)
        _ = canvas.put(
            "/ " + query + Glyph.textCursor.text, row: row + 1, column: column + 2, style: Theme.plain.adding(.bold),
            maxWidth: width - 4)
        if context.resources.searchIndexes[context.language] == nil {
            _ = canvas.put(text(.loading), row: row + 3, column: column + 2, style: Theme.muted)
        } else if hits.isEmpty && query.count >= 2 {
            _ = canvas.put(text(.noResults), row: row + 3, column: column + 2, style: Theme.muted)
        } else {
            let locked = lockedModules
            ListContent(
                items: hits.map { StyledLine((locked.contains($0.module) ? Glyph.lock.text + " " : "") + $0.label) }
            ).draw(
                into: &canvas, list: list,
                area: Rect(row: row + 3, column: column + 2, width: width - 5, height: height - 4))
        }
        // The cursor where the next letter goes, on the text bar: what is typed is what has the focus here.
        let typed = DisplayWidth.of("/ " + TerminalSafeText.sanitize(query))
        canvas.setCursor(row: row + 1, column: column + 2 + min(typed, max(0, width - 5)))
        return text(.search)
    }
}
