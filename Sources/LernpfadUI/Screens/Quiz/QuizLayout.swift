import Foundation
import LernpfadCore

/// Lays out a question with its choices, feedback or the summary as lines; shared by render and clicks.
enum QuizLayout {
    struct Layout {
        var lines: [StyledLine]
        /// The first line of each choice.
        var choiceLines: [Int]
        /// The line the cursor is on, kept in view.
        var focusLine: Int
        /// The first feedback line, once the answer was checked.
        var feedbackStart: Int? = nil
    }

    static func width(_ area: Rect) -> Int { max(10, min(area.width - 4, 100)) }

    static func layout(_ context: ScreenContext, _ quiz: QuizRound, area: Rect) -> Layout {
        let text = context.text
        let language = context.language
        let width = width(area)
        var lines: [StyledLine] = []
        if quiz.phase == .summary { return summary(context, quiz) }
        guard let item = quiz.current, let question = context.question(module: item.module, id: item.question) else {
            return Layout(lines: [], choiceLines: [], focusLine: 0)
        }
        let moduleTitle = context.catalog.module(item.module)?.title.text(in: language) ?? item.module
        let label = quiz.module == nil ? text(.reviewQuestionOf) : text(.questionOf)
        lines.append(StyledLine("\(label) \(quiz.index + 1)/\(quiz.items.count) · \(moduleTitle)", style: Theme.muted))
        lines.append(.empty)
        lines += MarkdownLayout.layout(question.prompt.text(in: language), width: width).map(bold)
        lines.append(.empty)
        lines.append(StyledLine(text(question.kind == .single ? .chooseOne : .chooseSeveral), style: Theme.muted))
        var choiceLines: [Int] = []
        var focus = 0
        var feedbackCorrect: Bool?
        if case .feedback(let correct) = quiz.phase { feedbackCorrect = correct }
        for (index, choiceID) in item.choiceOrder.enumerated() {
            guard let choice = question.choices.first(where: { $0.id == choiceID }) else { continue }
            let picked = quiz.selected.contains(choiceID)
            let box = question.kind == .single ? (picked ? "(•)" : "( )") : (picked ? "[x]" : "[ ]")
            var style = Theme.plain
            var mark = index == quiz.cursor ? "› " : "  "
            if feedbackCorrect != nil {
                mark = "  "
                if question.correct.contains(choiceID) {
                    style = Theme.success
                    mark = "✓ "
                } else if picked {
                    style = Theme.danger
                    mark = "✗ "
                }
            }
            let prefix = "\(mark)\(box) \(QuizScreen.letters[index])) "
            let indent = DisplayWidth.of(prefix)
            let wrapped = MarkdownLayout.layout(choice.text.text(in: language), width: max(5, width - indent))
            choiceLines.append(lines.count)
            if index == quiz.cursor && feedbackCorrect == nil { focus = lines.count }
            for (offset, line) in wrapped.enumerated() {
                var row = StyledLine(offset == 0 ? prefix : String(repeating: " ", count: indent), style: style)
                for span in line.spans { row.append(span.text, style: feedbackCorrect == nil ? span.style : style) }
                if index == quiz.cursor && feedbackCorrect == nil {
                    row = StyledLine(row.spans.map { StyledSpan($0.text, style: $0.style.adding(.reverse)) })
                }
                lines.append(row)
            }
        }
        if let correct = feedbackCorrect {
            lines.append(.empty)
            focus = lines.count
            lines.append(
                StyledLine(
                    correct ? "✓ \(text(.correct))" : "✗ \(text(.wrong))", style: correct ? Theme.success : Theme.danger
                ))
            lines += MarkdownLayout.layout(question.explanation.text(in: language), width: width)
            if let source = question.source {
                lines.append(StyledLine("\(text(.source)): \(source)", style: Theme.muted))
            }
            focus = max(focus, 0)
        }
        var layout = Layout(lines: lines, choiceLines: choiceLines, focusLine: focus)
        if feedbackCorrect != nil { layout.feedbackStart = focus }
        return layout
    }

    private static func bold(_ line: StyledLine) -> StyledLine {
        StyledLine(line.spans.map { StyledSpan($0.text, style: $0.style.adding(.bold)) })
    }

    private static func summary(_ context: ScreenContext, _ quiz: QuizRound) -> Layout {
        let text = context.text
        var lines: [StyledLine] = []
        let percent = Int((quiz.score * 100).rounded())
        let right = quiz.answers.filter(\.correct).count
        if let id = quiz.module, case .ready(let content) = context.quiz(id) {
            let passed = content.passes(score: quiz.score)
            lines.append(
                StyledLine(
                    passed ? "✓ \(text(.passed))" : "✗ \(text(.failed))", style: passed ? Theme.success : Theme.danger))
            lines.append(.empty)
            lines.append(StyledLine("\(text(.score)): \(right)/\(quiz.answers.count) (\(percent)%)"))
            lines.append(
                StyledLine("\(text(.passMark)): \(Int((content.passMark * 100).rounded()))%", style: Theme.muted))
            lines.append(.empty)
            if !passed { lines.append(StyledLine(text(.retry), style: Theme.accent)) }
        } else {
            lines.append(StyledLine("✓ \(text(.reviewDone))", style: Theme.success))
            lines.append(StyledLine("\(text(.score)): \(right)/\(quiz.answers.count) (\(percent)%)"))
        }
        lines.append(StyledLine("⏎ \(text(quiz.module == nil ? .backHome : .backToModule))", style: Theme.muted))
        return Layout(lines: lines, choiceLines: [], focusLine: 0)
    }

    /// The first visible line: the learner's scroll, moved so the focus line is in view.
    static func top(_ layout: Layout, quiz: QuizRound, rows: Int) -> Int {
        let lastTop = max(0, layout.lines.count - rows)
        if let start = layout.feedbackStart {
            // Show as much of the explanation as fits, starting at the verdict; j/k scroll from there.
            let base = min(max(0, start - 1), lastTop)
            return max(0, min(base + quiz.scroll, lastTop))
        }
        var top = quiz.scroll
        if layout.focusLine >= top + rows { top = layout.focusLine - rows + 1 }
        if layout.focusLine < top, case .answering = quiz.phase { top = layout.focusLine }
        return max(0, min(top, max(0, layout.lines.count - rows)))
    }

    /// The choice drawn at row `row` of the area, if any.
    static func choice(atRow row: Int, context: ScreenContext, round: QuizRound, area: Rect) -> Int? {
        let layout = layout(context, round, area: area)
        let line = row + top(layout, quiz: round, rows: area.height)
        return layout.choiceLines.lastIndex { $0 <= line }.flatMap { index in
            let next =
                layout.choiceLines.indices.contains(index + 1) ? layout.choiceLines[index + 1] : layout.lines.count
            return line < next ? index : nil
        }
    }

    static func draw(_ context: ScreenContext, _ round: QuizRound, into canvas: inout Canvas, area: Rect) {
        let layout = layout(context, round, area: area)
        let top = top(layout, quiz: round, rows: area.height)
        let width = width(area)
        let margin = area.column + max(2, (area.width - width) / 2)
        for offset in 0..<area.height where layout.lines.indices.contains(top + offset) {
            _ = canvas.draw(layout.lines[top + offset], row: area.row + offset, column: margin, width: width)
        }
    }
}
