import ArgumentParser
import Foundation
import LernpfadCore
import LernpfadUI

/// `lernpfad preview FILE.md`: a lesson as the reader lays it out.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a lesson as the reader lays it out.")

    @Argument(help: "A lesson file (Markdown).")
    var file: String

    @Option(help: "The text width in columns.")
    var width: Int = 80

    func run() throws {
        guard (10...1000).contains(width) else { throw ValidationError("--width must be between 10 and 1000") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("\(file): cannot read file")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw CommandFailure("\(file): not valid UTF-8")
        }
        let document = LessonDocument(text: text)
        // Printed in pieces of about 64 KB, each one write: a lesson of one 4 MB token is 50,000 lines at 80
        // columns, and one string of all of them would be one more copy of the lesson.
        var piece = ""
        var pieceHasLines = false
        for line in MarkdownLayout.layout(document.body, width: width) {
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
}
