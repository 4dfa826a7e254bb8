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
        if quiz.phase == .summary { return summary(context, quiz, width: width) }
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
            var mark = index == quiz.cursor ? Glyph.pointer.text + " " : "  "
            if feedbackCorrect != nil {
                mark = "  "
                if question.correct.contains(choiceID) {
                    style = Theme.success
                    mark = Glyph.done.text + " "
                } else if picked {
                    style = Theme.danger
                    mark = Glyph.wrong.text + " "
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
            if !correct && quiz.module == nil {
                lines.append(.empty)
                lines += wrap("↻ \(text(.reviewComesBackThisRound))", style: Theme.accent, width: width)
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

    private static func summary(_ context: ScreenContext, _ quiz: QuizRound, width: Int) -> Layout {
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
            // What to do next comes first; the list of missed questions, which can be long, after it.
            if passed { lines += lessonsStillNeeded(context, module: id, width: width) }
            if !passed { lines += [.empty, StyledLine(text(.retry), style: Theme.accent)] }
            lines += missed(context, quiz, module: id, quiz: content, width: width)
            lines.append(.empty)
        } else {
            lines.append(StyledLine("✓ \(text(.reviewDone))", style: Theme.success))
            lines.append(StyledLine("\(text(.score)): \(right)/\(quiz.answers.count) (\(percent)%)"))
            if let next = nextReview(
                context, keys: quiz.items.map { ReviewKey.make(module: $0.module, question: $0.question) })
            {
                lines += wrap(text(.nextReviewOn, day(context, next)), style: Theme.muted, width: width)
            }
            lines.append(.empty)
        }
        lines.append(StyledLine("⏎ \(text(quiz.module == nil ? .backHome : .backToModule))", style: Theme.muted))
        return Layout(lines: lines, choiceLines: [], focusLine: 0)
    }

    /// The missed questions, each with the lesson that teaches it, and when they come back for review.
    private static func missed(
        _ context: ScreenContext, _ round: QuizRound, module id: String, quiz: Quiz, width: Int
    ) -> [StyledLine] {
        let text = context.text
        let questions = round.answers.filter { !$0.correct }.compactMap { quiz.question($0.question) }
        guard !questions.isEmpty else { return [] }
        var lines: [StyledLine] = [
            .empty, StyledLine(text(.missedInQuiz, String(questions.count)), style: Theme.title),
        ]
        let keys = questions.map { ReviewKey.make(module: id, question: $0.id) }
        if let due = nextReview(context, keys: keys) {
            lines += wrap(text(.missedComeBack, day(context, due)), style: Theme.muted, width: width)
        }
        let module = context.catalog.module(id)
        for question in questions {
            // Two lines of the question are enough to recognise it; the lesson has the rest.
            let prompt = MarkdownLayout.layout(question.prompt.text(in: context.language), width: max(5, width - 5))
            for (offset, line) in prompt.prefix(Self.missedPromptLines).enumerated() {
                var row = StyledLine(offset == 0 ? "✗ " : "  ", style: Theme.danger)
                row.append(contentsOf: line)
                if offset == Self.missedPromptLines - 1 && prompt.count > Self.missedPromptLines {
                    row.append("…", style: Theme.plain)
                }
                lines.append(row)
            }
            if let lesson = question.lesson, let index = module?.lessons.firstIndex(where: { $0.id == lesson }),
                let title = module?.lessons[index].title.text(in: context.language)
            {
                lines += wrap(
                    text(.reReadLesson, "\(index + 1). \(TerminalSafeText.sanitize(title))"), style: Theme.accent,
                    width: max(5, width - 2)
                ).map { indented($0, by: 2) }
            }
        }
        return lines
    }

    /// How many lines of a missed question the result shows.
    static let missedPromptLines = 2

    /// After a pass that did not complete the module: the lessons still to read.
    private static func lessonsStillNeeded(
        _ context: ScreenContext, module id: String, width: Int
    ) -> [StyledLine] {
        guard let module = context.catalog.module(id) else { return [] }
        let progress = ModuleScreen.progress(context, module)
        // A first completion needs every lesson; a refresher the changed ones. A completion that counts needs none.
        let wanted: [String]
        if progress.completion == nil {
            wanted = module.lessons.map(\.id)
        } else if progress.state.needsAttention {
            wanted = progress.refresherLessons
        } else {
            return []
        }
        let needed = module.lessons.enumerated().filter { _, lesson in
            wanted.contains(lesson.id) && !progress.lessonsCompleted.contains(lesson.id)
        }
        guard !needed.isEmpty else { return [] }
        var lines: [StyledLine] = [.empty]
        lines += wrap(context.text(.passedLessonsStillNeeded), style: Theme.warning, width: width)
        for (index, lesson) in needed {
            let title = TerminalSafeText.sanitize(lesson.title.text(in: context.language))
            lines += wrap("· \(index + 1). \(title)", style: Theme.plain, width: max(5, width - 2)).map {
                indented($0, by: 2)
            }
        }
        return lines
    }

    /// The earliest due date among the learner's review cards of `keys`.
    private static func nextReview(_ context: ScreenContext, keys: [String]) -> Date? {
        keys.compactMap { context.record?.review[$0]?.due }.min()
    }

    private static func day(_ context: ScreenContext, _ date: Date) -> String {
        TeamWording.for(context.language).format(date)
    }

    private static func indented(_ line: StyledLine, by columns: Int) -> StyledLine {
        var row = StyledLine(String(repeating: " ", count: columns))
        row.append(contentsOf: line)
        return row
    }

    /// "Leave the knowledge check? … ⏎ leave · Esc continue" on one line where it fits; else the keys on a line
    /// of their own, so that a key and its word are never parted.
    static func leaveQuestion(_ text: Localizer, width: Int) -> [StyledLine] {
        let question = text(.leaveQuizQuestion)
        let keys = text(.leaveQuizKeys)
        let whole = "\(question) \(keys)"
        if DisplayWidth.of(whole) <= width { return [StyledLine(whole, style: Theme.warning)] }
        return wrap(question, style: Theme.warning, width: width) + wrap(keys, style: Theme.warning, width: width)
    }

    /// Plain text wrapped at word boundaries to `width`, in one style.
    static func wrap(_ text: String, style: CellStyle, width: Int) -> [StyledLine] {
        LineWrapper.wrap([.text(text, style: style, isVerbatim: false)], width: max(1, width))
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
        // The cursor on the focused choice after its marker ("( ) a) …"), or on the verdict once checked.
        let focusRow = layout.focusLine - top
        if (0..<area.height).contains(focusRow) && layout.lines.indices.contains(layout.focusLine) {
            let indent = layout.feedbackStart == nil && !layout.choiceLines.isEmpty ? 2 : 0
            canvas.setCursor(row: area.row + focusRow, column: margin + indent)
        }
    }
}
