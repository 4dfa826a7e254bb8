import Foundation
import LernpfadCore

/// The lesson reader: laid-out Markdown, scrolling, next/previous lesson; reaching the end completes the lesson.
enum ReaderScreen {
    /// The text column: the window less margins, capped at a comfortable reading measure.
    static func textWidth(_ state: AppState) -> Int { max(10, min(state.width - 4, 100)) }

    /// Rows for text: the body less one row for the position line.
    static func textRows(_ state: AppState) -> Int { max(1, state.bodyHeight - 1) }

    static func maxTop(_ reader: ReaderState, _ state: AppState) -> Int {
        max(0, (reader.layout?.lines.count ?? 0) - textRows(state))
    }

    /// Loads the Markdown once and lays it out for the current width, keeping the reading position on re-wraps.
    static func prepare(_ reader: inout ReaderState, state: AppState, environment: AppEnvironment) {
        if reader.markdown == nil && reader.failure == nil {
            guard let lesson = state.catalog.module(reader.module)?.lesson(reader.lesson) else {
                reader.failure = "\(reader.module)/\(reader.lesson)"
                return
            }
            switch environment.loadLesson(lesson, state.language) {
            case .success(let document): reader.markdown = document.body
            case .failure(let failure): reader.failure = failure.description
            }
        }
        guard let markdown = reader.markdown else { return }
        let width = textWidth(state)
        if reader.layout?.width != width {
            let old = reader.layout
            let layout = MarkdownLayout.layoutLesson(markdown, width: width)
            if let old, !old.lines.isEmpty {
                // Keep the same share of the text above the window, so a resize does not lose the place.
                let share = Double(reader.top) / Double(old.lines.count)
                reader.top = Int((share * Double(layout.lines.count)).rounded())
            }
            reader.layout = layout
        }
        reader.top = min(max(0, reader.top), maxTop(reader, state))
    }

    static func update(
        _ state: inout AppState, _ reader: inout ReaderState, _ key: Key, now: Date, environment: AppEnvironment
    ) -> [Effect] {
        prepare(&reader, state: state, environment: environment)
        let page = max(1, textRows(state) - 2)
        let before = reader.top
        reader.highlight = nil
        switch key {
        case .up, .character("k"): reader.top -= 1
        case .down, .character("j"), .enter: reader.top += 1
        case .wheelUp: reader.top -= 3
        case .wheelDown: reader.top += 3
        case .pageDown, .character(" "), .control("f"), .control("d"): reader.top += page
        case .pageUp, .character("b"), .control("b"), .control("u"): reader.top -= page
        case .home, .character("g"): reader.top = 0
        case .end, .character("G"): reader.top = maxTop(reader, state)
        case .character("n"), .right:
            return switchLesson(&state, reader, by: 1, now: now, environment: environment)
        case .character("p"), .left:
            return switchLesson(&state, reader, by: -1, now: now, environment: environment)
        default: break
        }
        reader.top = min(max(0, reader.top), maxTop(reader, state))
        var effects: [Effect] = []
        if reader.top != before {
            effects += afterMove(&state, &reader, now: now)
        }
        state.screen = .reader(reader)
        return effects
    }

    /// Saves the position and records completion once the end of the lesson is in view.
    static func afterMove(_ state: inout AppState, _ reader: inout ReaderState, now: Date) -> [Effect] {
        var effects: [Effect] = []
        let position = ReadingPosition(module: reader.module, lesson: reader.lesson, line: reader.top)
        state.record?.position = position
        effects.append(.savePosition(position))
        guard let layout = reader.layout, !reader.completionRecorded,
            reader.top + textRows(state) >= layout.lines.count,
            let module = state.catalog.module(reader.module)
        else { return effects }
        reader.completionRecorded = true
        let event = LearnerEvent(
            at: now, kind: .lessonCompleted, module: reader.module, moduleVersion: module.version, lesson: reader.lesson
        )
        state.record?.events.append(event)
        state.notice = "✓ \(state.text(.lessonCompleted))"
        effects.append(.append([event]))
        return effects
    }

    private static func switchLesson(
        _ state: inout AppState, _ reader: ReaderState, by delta: Int, now: Date, environment: AppEnvironment
    ) -> [Effect] {
        guard let module = state.catalog.module(reader.module),
            let index = module.lessons.firstIndex(where: { $0.id == reader.lesson })
        else { return [] }
        let target = index + delta
        guard module.lessons.indices.contains(target) else {
            state.screen = .reader(reader)
            // hasQuiz, not quiz: no quiz file is parsed on a keypress here, and a broken one still says why.
            if delta > 0, module.hasQuiz {
                state.stack.removeLast()
                Navigation.startQuiz(&state, module: module.id, environment: environment)
            }
            return []
        }
        state.stack.removeLast()
        return Navigation.openLesson(
            &state, module: module.id, lesson: module.lessons[target].id, now: now, environment: environment)
    }

    static func draw(_ state: AppState, _ reader: ReaderState, into canvas: inout Canvas) -> (String, String) {
        let text = state.text
        let module = state.catalog.module(reader.module)
        let lesson = module?.lesson(reader.lesson)
        let title = [module?.title.text(in: state.language), lesson?.title.text(in: state.language)]
            .compactMap { $0 }.joined(separator: " › ")
        let status = [text(.keysScroll), text(.keysPage), text(.keysLesson), text(.keysBack), text(.keysHelp)]
            .joined(separator: "  ")
        guard let layout = reader.layout else {
            _ = canvas.put(
                "\(text(.cannotOpenLesson)): \(reader.failure ?? "")", row: 2, column: 2, style: Theme.danger,
                maxWidth: canvas.width - 4)
            return (title, status)
        }
        let margin = max(2, (state.width - layout.width) / 2)
        let rows = textRows(state)
        for offset in 0..<rows {
            let index = reader.top + offset
            guard layout.lines.indices.contains(index) else { break }
            if index == reader.highlight {
                canvas.fill(row: 1 + offset, column: margin, width: layout.width, height: 1, style: Theme.selection)
            }
            _ = canvas.draw(layout.lines[index], row: 1 + offset, column: margin, width: layout.width)
        }
        let total = layout.lines.count
        let end = min(total, reader.top + rows)
        let percent = total == 0 ? 100 : Int((Double(end) / Double(total) * 100).rounded())
        let position =
            end >= total
            ? "\(text(.endOfLesson)) · \(reader.top + 1)–\(end)/\(total)"
            : "\(text(.position)) \(reader.top + 1)–\(end)/\(total) · \(percent)%"
        let lessonNumber = (module?.lessons.firstIndex { $0.id == reader.lesson }).map { $0 + 1 } ?? 0
        let counter = "\(text(.lesson)) \(lessonNumber)/\(module?.lessons.count ?? 0)"
        _ = canvas.put(counter, row: state.height - 2, column: margin, style: Theme.muted)
        let positionWidth = DisplayWidth.of(position)
        _ = canvas.put(
            position, row: state.height - 2, column: max(0, state.width - positionWidth - 2), style: Theme.muted)
        return (title, status)
    }
}
