import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadUI

/// `lernpfad preview FILE.md`: a lesson as the reader lays it out.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a lesson as the reader lays it out.",
        discussion: """
            FILE is a path, or a path inside the content folder (--content, else $LERNPFAD_CONTENT, else the \
            shipped Content), e.g. 'modules/ai-basics/01-what-is-ai.en.md'.
            """)

    /// `--content` finds a FILE given relative to the content folder; `--data` is taken as by every command.
    @OptionGroup var common: CommonOptions

    @Argument(help: "A lesson file (Markdown).")
    var file: String

    @Option(help: "The text width in columns.")
    var width: Int = 80

    /// For scripts/bench: prints to stderr how long reading the front matter, parsing and laying out took,
    /// without the process start and the output, which a benchmark of the whole command also counts.
    @Flag(help: .hidden)
    var reportLayoutTime = false

    func run() throws {
        guard (10...1000).contains(width) else { throw ValidationError("--width must be between 10 and 1000") }
        let path = lessonPath()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure("\(path): not valid UTF-8")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let startedCPU = Self.threadCPUMilliseconds()
        let document = LessonDocument(text: text)
        let lines = MarkdownLayout.layout(document.body, width: width)
        if reportLayoutTime {
            let elapsed = started.duration(to: clock.now)
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            // The CPU time too: on a shared machine the wall time mostly measures the other processes.
            Output.error(
                String(
                    format: "laid out %d lines in %.3f ms (CPU %.3f ms)", lines.count, milliseconds,
                    Self.threadCPUMilliseconds() - startedCPU))
        }
        // Printed in pieces of about 64 KB, each one write: a lesson of one 4 MB token is 50,000 lines at 80
        // columns, and one string of all of them would be one more copy of the lesson.
        var piece = ""
        var pieceHasLines = false
        for line in lines {
            if pieceHasLines { piece += "\n" }
            for span in line.spans { piece += span.text }
            pieceHasLines = true
            if piece.utf8.count >= 1 << 16 {
                Output.line(piece)
                piece.removeAll(keepingCapacity: true)
                pieceHasLines = false
            }
        }
        if pieceHasLines { Output.line(piece) }
    }

    /// FILE as given when it exists or is absolute, else the same path inside the content folder if it is there.
    private func lessonPath() -> String {
        if file.hasPrefix("/") || FileManager.default.fileExists(atPath: file) { return file }
        let inContent = common.locations.content + "/" + file
        return FileManager.default.fileExists(atPath: inContent) ? inContent : file
    }

    /// The CPU time this thread has used, in milliseconds.
    private static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
