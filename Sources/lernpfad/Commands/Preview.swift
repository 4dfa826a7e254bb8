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
        for line in MarkdownLayout.layout(document.body, width: width) {
            Output.line(line.plainText)
        }
    }
}
