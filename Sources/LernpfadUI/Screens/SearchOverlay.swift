import Foundation
import LernpfadCore

/// `/`: searches module titles, lesson titles and lesson text in the current language and jumps to a hit.
enum SearchOverlay {
    static let maximumHits = 50

    static func update(
        _ state: inout AppState, _ search: inout SearchState, _ key: Key, now: Date, environment: AppEnvironment
    ) -> [Effect] {
        let visible = max(1, state.bodyHeight - 4)
        switch key {
        case .escape:
            state.overlay = nil
            return []
        case .up, .control("p"), .wheelUp: search.list.move(by: -1, count: search.hits.count, visible: visible)
        case .down, .control("n"), .tab, .wheelDown: search.list.move(by: 1, count: search.hits.count, visible: visible)
        case .backspace:
            if !search.query.isEmpty {
                search.query.removeLast()
                search.hits = hits(for: search.query, state: state, environment: environment)
                search.list = ListState()
            }
        case .character(let character) where search.query.count < 60:
            search.query.append(character)
            search.hits = hits(for: search.query, state: state, environment: environment)
            search.list = ListState()
        case .enter:
            state.overlay = nil
            guard search.hits.indices.contains(search.list.selected) else { return [] }
            return open(
                &state, search.hits[search.list.selected], query: search.query, now: now, environment: environment)
        default: break
        }
        state.overlay = .search(search)
        return []
    }

    static func hits(for query: String, state: AppState, environment: AppEnvironment) -> [SearchState.Hit] {
        let needle = query.trimmingCharacters(in: .whitespaces)
        guard needle.count >= 2 else { return [] }
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        let language = state.language
        var result: [SearchState.Hit] = []
        for module in state.catalog.modules {
            let moduleTitle = module.title.text(in: language)
            if moduleTitle.range(of: needle, options: options) != nil {
                result.append(SearchState.Hit(module: module.id, lesson: nil, line: nil, label: moduleTitle))
            }
            for lesson in module.lessons {
                let lessonTitle = lesson.title.text(in: language)
                if lessonTitle.range(of: needle, options: options) != nil {
                    result.append(
                        SearchState.Hit(
                            module: module.id, lesson: lesson.id, line: 0, label: "\(moduleTitle) › \(lessonTitle)"))
                    continue
                }
                guard case .success(let document) = environment.loadLesson(lesson, language),
                    let range = document.body.range(of: needle, options: options)
                else { continue }
                let snippet = snippetAround(range, in: document.body)
                result.append(
                    SearchState.Hit(
                        module: module.id, lesson: lesson.id, line: nil,
                        label: "\(moduleTitle) › \(lessonTitle): …\(snippet)…"))
                if result.count >= maximumHits { return result }
            }
        }
        return result
    }

    private static func snippetAround(_ range: Range<String.Index>, in text: String) -> String {
        let start = text.index(range.lowerBound, offsetBy: -25, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 35, limitedBy: text.endIndex) ?? text.endIndex
        return TerminalSafeText.sanitize(String(text[start..<end]).replacingOccurrences(of: "\n", with: " "))
    }

    private static func open(
        _ state: inout AppState, _ hit: SearchState.Hit, query: String, now: Date, environment: AppEnvironment
    ) -> [Effect] {
        guard let lesson = hit.lesson else {
            AppModel.push(&state, .module(id: hit.module, list: ListState()))
            return []
        }
        var effects = Navigation.openLesson(
            &state, module: hit.module, lesson: lesson, now: now, environment: environment)
        if hit.line == nil, case .reader(var reader) = state.screen, let layout = reader.layout {
            let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
            if let index = layout.lines.firstIndex(where: { $0.plainText.range(of: query, options: options) != nil }) {
                reader.top = max(0, index - 2)
                reader.highlight = index
                ReaderScreen.prepare(&reader, state: state, environment: environment)
                effects += ReaderScreen.afterMove(&state, &reader, now: now)
                state.screen = .reader(reader)
            }
        }
        return effects
    }

    static func draw(_ state: AppState, _ search: SearchState, into canvas: inout Canvas) {
        let text = state.text
        let width = min(canvas.width - 2, 100)
        let height = max(5, canvas.height - 4)
        let row = 2
        let column = max(1, (canvas.width - width) / 2)
        canvas.fill(row: row, column: column, width: width, height: height, style: .plain)
        canvas.box(row: row, column: column, width: width, height: height, title: text(.search), style: Theme.accent)
        _ = canvas.put(
            "/ " + search.query + "▏", row: row + 1, column: column + 2, style: Theme.plain.adding(.bold),
            maxWidth: width - 4)
        if search.hits.isEmpty && search.query.count >= 2 {
            _ = canvas.put(text(.noResults), row: row + 3, column: column + 2, style: Theme.muted)
            return
        }
        let items = search.hits.map { StyledLine($0.label) }
        ListContent(items: items).draw(
            into: &canvas, list: search.list, row: row + 3, height: height - 4, column: column + 2, width: width - 5)
    }
}
