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
        emit(safe(text), lineBreak: true, to: .standardOutput)
    }

    static func error(_ text: String) {
        emit(safe(text), lineBreak: true, to: .standardError)
    }

    /// A question on stderr, without a line break.
    static func prompt(_ text: String) {
        emit(safe(text), lineBreak: false, to: .standardError)
    }

    /// Writes `text` in one piece when it is short; a long one (`preview` of a 4 MB lesson) straight from
    /// its storage, without copying it into a `Data` first.
    private static func emit(_ text: String, lineBreak: Bool, to handle: FileHandle) {
        guard text.utf8.count >= 1 << 16 else {
            handle.write(Data((lineBreak ? text + "\n" : text).utf8))
            return
        }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            handle.write(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
        if lineBreak { handle.write(Data([0x0A])) }
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
