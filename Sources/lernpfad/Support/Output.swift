import Foundation
import LernpfadCore

/// Writes to stdout and stderr; the one place commands print.
enum Output {
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T) throws {
        var data = try JSONCoding.encoder().encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
