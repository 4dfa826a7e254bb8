import Foundation
import LernpfadCore
import LernpfadUI

/// Explores the interface's state space with generated key sequences and shrinks the ones that fail.
///
/// Sequences mix single keys with a few "moves" a learner makes (answer and go on, read to the end), so that
/// random walks reach deep screens such as a quiz's summary. Everything is seeded: a failure replays exactly.
public enum KeyExplorer {
    /// Single keys, each with a weight: every key the interface knows, plus resize, mouse and the ways to stop.
    static let keys: [(Key, Int)] = [
        (.down, 6), (.up, 3), (.character("j"), 6), (.character("k"), 3), (.enter, 10), (.escape, 3),
        (.backspace, 2), (.tab, 1), (.left, 1), (.right, 2), (.pageDown, 2), (.pageUp, 1), (.home, 1), (.end, 1),
        (.character(" "), 3), (.character("a"), 3), (.character("b"), 3), (.character("c"), 2),
        (.character("d"), 2), (.character("1"), 2), (.character("2"), 2), (.character("3"), 1), (.character("n"), 2),
        (.character("p"), 1), (.character("r"), 2), (.character("s"), 1), (.character("f"), 1), (.character("g"), 1),
        (.character("G"), 1), (.character("x"), 1), (.character("/"), 1), (.character("?"), 1), (.character("L"), 1),
        (.character("ü"), 1), (.character("<"), 1), (.control("f"), 1), (.control("b"), 1), (.wheelDown, 1),
        (.wheelUp, 1), (.character("q"), 1), (.control("c"), 1),
    ]

    /// Generates `count` sequences of about `length` steps from `seed`.
    public static func sequences(seed: UInt64, count: Int, length: Int) -> [[Key]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in sequence(length: length, using: &generator) }
    }

    static func sequence(length: Int, using generator: inout SeededGenerator) -> [Key] {
        var result: [Key] = []
        let total = keys.reduce(0) { $0 + $1.1 }
        while result.count < length {
            switch Int.random(in: 0..<100, using: &generator) {
            case 0..<6:
                // Answer a whole quiz: choose, check, go on, many times over (more than any quiz has questions).
                let choice = ["a", "b", "1", "2"].randomElement(using: &generator)!
                for _ in 0..<Int.random(in: 5...16, using: &generator) {
                    result += [.character(Character(choice)), .enter, .enter]
                }
            case 6..<9:
                result += Array(repeating: .enter, count: Int.random(in: 2...6, using: &generator))
            case 9..<13:
                // From home into a path, a module, and its last item (the quiz), as a learner heads for a check.
                result += Array(repeating: .escape, count: 4) + Array(repeating: .down, count: 2) + [.enter]
                result += Array(repeating: .down, count: Int.random(in: 0...3, using: &generator)) + [.enter]
                result += [.character("G"), .enter]
            case 13..<15:
                result += [.end, .pageDown, .character("G"), .character("n")]
            case 15..<18:
                let width = [1, 20, 39, 40, 41, 80, 120, 300].randomElement(using: &generator)!
                let height = [1, 3, 11, 12, 13, 24, 50, 100].randomElement(using: &generator)!
                result.append(.resize(width: width, height: height))
            case 18..<20:
                result.append(
                    .click(
                        row: Int.random(in: -1...30, using: &generator),
                        column: Int.random(in: 0...90, using: &generator)))
            case 20..<22:
                // Typing, as onboarding and search take it.
                result += "Ab ü".map { Key.character($0) } + [.enter]
            default:
                var pick = Int.random(in: 0..<total, using: &generator)
                for (key, weight) in keys {
                    if pick < weight {
                        result.append(key)
                        break
                    }
                    pick -= weight
                }
            }
        }
        return result
    }

    /// The smallest part of `keys` that still `fails` (delta debugging: drop chunks, then single keys).
    public static func shrink(_ keys: [Key], fails: ([Key]) -> Bool) -> [Key] {
        var current = keys
        var chunk = max(1, current.count / 2)
        while chunk >= 1 {
            var start = 0
            var removed = false
            while start < current.count {
                var candidate = current
                candidate.removeSubrange(start..<min(current.count, start + chunk))
                if fails(candidate) {
                    current = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed { chunk /= 2 }
        }
        return current
    }

    /// `keys` in the notation of `lernpfad snapshot --keys`.
    public static func notation(_ keys: [Key]) -> String {
        keys.map { key -> String in
            switch key {
            case .character("<"): return "<<"
            case .character(" "): return "<space>"
            case .character(let character): return String(character)
            case .up: return "<up>"
            case .down: return "<down>"
            case .left: return "<left>"
            case .right: return "<right>"
            case .pageUp: return "<pgup>"
            case .pageDown: return "<pgdn>"
            case .home: return "<home>"
            case .end: return "<end>"
            case .enter: return "<enter>"
            case .escape: return "<esc>"
            case .backspace: return "<bs>"
            case .tab: return "<tab>"
            case .control(let letter): return "<c-\(letter)>"
            case .resize(let width, let height): return "<resize:\(width)x\(height)>"
            case .click(let row, let column): return "<click:\(row),\(column)>"
            case .wheelUp: return "<wheelup>"
            case .wheelDown: return "<wheeldown>"
            }
        }.joined()
    }
}

/// Runs key sequences on a fresh runner each and checks the interface's invariants after every key.
public struct InvariantChecker: Sendable {
    /// A broken invariant: which, after which key of which sequence.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The keys up to and including the one after which the invariant broke.
        public var keys: [Key]
        /// What broke.
        public var invariant: String

        /// One line for a report, with the keys in snapshot notation.
        public var description: String { "\(invariant) after --keys '\(KeyExplorer.notation(keys))'" }
    }

    /// Makes a fresh runner, with its data folder as at the start, for each sequence.
    public let makeRunner: @Sendable () -> AppRunner
    /// How often the record on disk is compared with the one in memory: every `diskEvery`-th key and at the end.
    public var diskEvery = 7

    /// A checker over runners from `makeRunner`.
    public init(makeRunner: @escaping @Sendable () -> AppRunner) { self.makeRunner = makeRunner }

    /// The first invariant `keys` break, or nil.
    public func check(_ keys: [Key], now: Date) -> Failure? {
        var runner = makeRunner()
        for (index, key) in keys.enumerated() {
            runner.handle(key, now: now)
            let done = Array(keys.prefix(index + 1))
            if let problem = Self.problem(runner, now: now, checkDisk: index % diskEvery == diskEvery - 1) {
                return Failure(keys: done, invariant: problem)
            }
            if runner.model.isFinished { break }
        }
        if let problem = Self.problem(runner, now: now, checkDisk: true) {
            return Failure(keys: keys, invariant: problem)
        }
        return nil
    }

    /// What is wrong with the runner's state now, if anything.
    static func problem(_ runner: AppRunner, now: Date, checkDisk: Bool) -> String? {
        let model = runner.model
        if model.stack.isEmpty { return "the screen stack is empty" }
        let canvas = runner.render()
        if canvas.width != model.width || canvas.height != model.height {
            return "the frame is \(canvas.width)x\(canvas.height), the window \(model.width)x\(model.height)"
        }
        for row in 0..<canvas.height {
            var owed = 0
            for cell in canvas.cells(inRow: row) {
                // A wide character's right half is an empty cell; nothing else may be empty.
                if cell.text.isEmpty {
                    guard owed == 1 else { return "row \(row) has a half character" }
                    owed = 0
                    continue
                }
                if owed != 0 { return "row \(row) has a wide character without its right half" }
                if cell.text.unicodeScalars.contains(where: isControl) { return "row \(row) holds a control character" }
                owed = cell.displayWidth - 1
            }
            if owed != 0 { return "row \(row) ends in half a wide character" }
        }
        if !model.isFinished {
            if let problem = stopsAndGoesHome(model, now: now) { return problem }
            if let problem = onboardingProblem(runner, now: now) { return problem }
        }
        if checkDisk, runner.unsaved.isEmpty, runner.saves, let record = model.record {
            guard let saved = try? runner.store.read(record.learner.id) else {
                return "the learner file cannot be read"
            }
            if saved != record { return "the record in memory differs from the learner file" }
        }
        return nil
    }

    /// Ctrl-C ends from here, q too unless a text field has the keys, and Esc leads home within the stack depth
    /// (a quiz that asks before its answers are lost is answered with ⏎, as the question offers).
    static func stopsAndGoesHome(_ model: AppModel, now: Date) -> String? {
        var interrupted = model
        _ = interrupted.update(AppEvent(.key(.control("c")), now: now, seed: 0))
        if !interrupted.isFinished { return "Ctrl-C does not end the program" }
        let typing = model.screen.takesText || (model.activeOverlay?.takesText ?? false)
        if !typing && !model.isTooSmall {
            var quit = model
            _ = quit.update(AppEvent(.key(.character("q")), now: now, seed: 0))
            if !quit.isFinished { return "q does not end the program" }
        }
        guard model.record != nil, !model.isTooSmall else { return nil }
        var back = model
        for _ in 0...(model.stack.count + 1) where back.stack.count > 1 || back.activeOverlay != nil {
            let asks = back.activeOverlay == nil && (back.screen as? QuizScreen)?.isAskingToLeave == true
            _ = back.update(AppEvent(.key(asks ? .enter : .escape), now: now, seed: 0))
        }
        if back.stack.count != 1 || back.activeOverlay != nil { return "Esc does not lead home within the stack depth" }
        return nil
    }

    /// Onboarding writes no learner file before its last step, and Esc leads back through its steps to the first
    /// one (or to the picker it came from) with the name as typed.
    static func onboardingProblem(_ runner: AppRunner, now: Date) -> String? {
        let model = runner.model
        guard let onboarding = model.screen as? OnboardingScreen, model.activeOverlay == nil, !model.isTooSmall
        else { return nil }
        if runner.saves, !Set(runner.store.learnerIDs()).isSubset(of: onboarding.takenIDs) {
            return "a learner file exists before onboarding's last step"
        }
        var back = model
        for _ in 0...OnboardingScreen.Step.allCases.count + 1 {
            guard let current = back.screen as? OnboardingScreen, current.step != .language else { break }
            _ = back.update(AppEvent(.key(.escape), now: now, seed: 0))
        }
        guard let first = back.screen as? OnboardingScreen else {
            if back.screen is PickerScreen { return nil }
            return "Esc leads from onboarding to neither its first step nor the picker"
        }
        if first.step != .language { return "Esc does not lead back to onboarding's first step" }
        if first.name != onboarding.name { return "going back through onboarding lost the name" }
        return nil
    }

    /// C0 and C1 controls, DEL, and bidirectional overrides: nothing of these may reach a terminal cell.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }
}
