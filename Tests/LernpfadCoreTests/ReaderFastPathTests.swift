import Foundation
import Testing

@testable import LernpfadCore

/// The word-at-a-time string scan and the compact chain hash agree with the plain definitions they replace.
@Suite("Reader fast paths")
struct ReaderFastPathTests {
    @Test func theEightByteScanFindsEveryQuoteBackslashAndControlByteAtEveryPosition() {
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let plain = value >= 0x20 && value != 0x22 && value != 0x5C
                #expect(JSONReader.isPlainText(word) == plain, "byte \(value) at \(position)")
            }
        }
    }

    @Test func aWellFormedHashIsKeptAsBytesAndGivesBackItsText() throws {
        let hex = "670d0f00517e109ffd6ed2c193bb4b36d374216b3a62e8dfe2e7b0b372e2dcd6"
        let fromBytes = try #require(Array(hex.utf8).withUnsafeBytes { ChainHashText(hexDigits: $0) })
        #expect(fromBytes.text == hex)
        #expect(ChainHashText(hex) == fromBytes)
        #expect(ChainHashText(String(repeating: "0", count: 64)).text == String(repeating: "0", count: 64))
    }

    @Test(arguments: [
        "670D0F00517E109FFD6ED2C193BB4B36D374216B3A62E8DFE2E7B0B372E2DCD6", "abc", "",
        String(repeating: "g", count: 64), String(repeating: "0", count: 63) + "/", String(repeating: "f", count: 65),
    ])
    func anyOtherTextIsKeptExactly(text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { ChainHashText(hexDigits: $0) } == nil)
        #expect(ChainHashText(text).text == text)
    }

    @Test func changingACopyOfAnEventLeavesTheOriginal() {
        let original = LearnerEvent(at: Date(timeIntervalSince1970: 1_780_000_000), kind: .lessonOpened, module: "m")
        var copy = original
        #expect(copy == original)
        copy.module = "other"
        copy.previous = String(repeating: "a", count: 64)
        #expect(original.module == "m")
        #expect(original.previous == nil)
        #expect(copy.previous == String(repeating: "a", count: 64))
        #expect(copy != original)
    }
}

/// The key table finds exactly its names: short ones, ones of 8 to 16 bytes, and longer ones that differ only
/// in the middle.
@Suite("Key table")
struct KeyTableTests {
    static let names = [
        "a", "id", "at", "seq", "type", "prev", "module", "lesson", "moduleVersion", "durationSeconds",
        "exactlysixteen!!", "aaaaaaaa1bbbbbbbb", "aaaaaaaa2bbbbbbbb", "aaaaaaaa12bbbbbbbb",
    ]

    @Test func everyNameFindsItselfAndNoOtherTextMatches() {
        let table = KeyTable(Self.names.enumerated().map { ($0.element, $0.offset) })
        for (offset, name) in Self.names.enumerated() {
            #expect(Array(name.utf8).withUnsafeBytes { table.field($0) } == offset, "\(name)")
        }
        let others = ["", "b", "i", "ida", "prev ", " prev", "Prev", "modul", "moduleversion", "aaaaaaaa3bbbbbbbb"]
        for other in others + Self.names.map({ $0 + "x" }) + Self.names.map({ "x" + $0 }) {
            #expect(Array(other.utf8).withUnsafeBytes { table.field($0) } == nil, "\(other)")
        }
    }
}
