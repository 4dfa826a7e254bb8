import Foundation
import LernpfadCore

/// Writes to stdout and stderr; the one place commands print, and the one place that makes what they print
/// safe for a terminal.
///
/// Learner files, content folders and LRS answers are other people's text. Lines go through
/// ``TerminalSafeText`` (whole escape sequences, C0 and C1 controls and bidi controls removed); JSON keeps
/// its meaning but has every such scalar as a `\uXXXX` escape; CSV and HTML, whose cells the core already
/// made safe, lose any control that would still be left. Reports pass their data through
/// `escapedForMessage` before this, so that an id with an escape in it stays visible as one.
enum Output {
    /// The machine formats a command writes as one document.
    enum Document {
        case json, csv, html, text
    }

    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((safe(text) + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }

    /// A question on stderr, without a line break.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(safe(text).utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        var data = try JSONCoding.encoder().encode(value)
        data.append(0x0A)
        document(data, as: .json)
    }

    /// A whole document on stdout.
    static func document(_ data: Data, as format: Document) {
        FileHandle.standardOutput.write(safe(data, as: format))
    }

    /// Text made safe for a terminal: what `line` and `error` print.
    static func safe(_ text: String) -> String {
        TerminalSafeText.sanitize(text, keepingLineBreaks: true)
    }

    /// A document made safe for a terminal, as `document` writes it (and `team --output` stores it).
    static func safe(_ data: Data, as format: Document) -> Data {
        switch format {
        case .json: return TerminalSafeText.escapingInvisibles(inJSON: data)
        case .csv, .html: return TerminalSafeText.removingInvisibles(keepingLayout: data)
        case .text: return Data(safe(String(decoding: data, as: UTF8.self)).utf8)
        }
    }
}
