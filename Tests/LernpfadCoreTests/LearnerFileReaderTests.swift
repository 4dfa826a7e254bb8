import Foundation
import Testing

@testable import LernpfadCore

/// The hand-written learner-file reader must agree with `JSONDecoder` on everything it accepts.
@Suite("Learner file reader")
struct LearnerFileReaderTests {
    /// Text that JSON must escape, and text that it need not.
    static let awkwardTexts = [
        "Anna", "Jürgen „Jo“ Weiß", "quote \" and backslash \\", "tab\tnew\nline", "\u{1}\u{1F}\u{7F}",
        "emoji 👩🏽‍💻", "line separator \u{2028}", "slash / and </script>", "",
    ]

    static func record(_ number: Int) -> LearnerRecord {
        var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func text() -> String { awkwardTexts[next(awkwardTexts.count)] }
        let base = Date(timeIntervalSince1970: 1_780_000_000)
        var record = LearnerRecord(
            learner: LearnerProfile(
                id: "learner-\(number)", name: text(), team: next(3) == 0 ? nil : text(),
                roles: Array(["staff", "ambassador", "leader"].prefix(next(4))),
                language: next(2) == 0 ? nil : .english))
        if next(2) == 0 { record.position = ReadingPosition(module: "m\(next(9))", lesson: text(), line: next(5000)) }
        for index in 0..<next(30) {
            let kind = LearnerEvent.Kind.allCases[next(LearnerEvent.Kind.allCases.count)]
            let at = base.addingTimeInterval(Double(index * 3600) + Double(next(1000)) / 1000)
            record.events.append(
                LearnerEvent(
                    at: at, kind: kind, module: next(5) == 0 ? nil : "module-\(next(9))",
                    moduleVersion: next(2) == 0 ? nil : SemanticVersion(1, next(3), 0),
                    lesson: next(2) == 0 ? nil : text(), question: next(3) == 0 ? "q\(next(9))" : nil,
                    score: next(2) == 0 ? nil : Double(next(101)) / 100, passed: next(3) == 0 ? nil : next(2) == 0,
                    answers: next(3) == 0
                        ? nil
                        : (0..<next(4)).map { _ in
                            LearnerEvent.Answer(question: "q\(next(9))", chosen: ["a", "b"], correct: next(2) == 0)
                        },
                    seed: next(2) == 0 ? nil : UInt64.max - UInt64(next(10)),
                    durationSeconds: next(2) == 0 ? nil : Double(next(100_000)) / 7, milestone: nil,
                    by: next(4) == 0 ? text() : nil, note: next(4) == 0 ? text() : nil))
        }
        for question in 0..<next(4) {
            record.review["module-1/q\(question)"] = ReviewCard(
                due: base.addingTimeInterval(Double(next(100)) * 86_400), intervalDays: Double(next(60)),
                easiness: 1.3 + Double(next(120)) / 100, repetitions: next(5), lapses: next(3))
        }
        return record
    }

    @Test func agreesWithJSONDecoderOnWrittenFiles() throws {
        for number in 0..<300 {
            let data = try LearnerFileCodec.encode(Self.record(number))
            let foundation = try JSONCoding.decoder().decode(LearnerRecord.self, from: data)
            let fast = try #require(LearnerFileReader.record(from: data), "declined file \(number)")
            #expect(fast == foundation, "file \(number) differs")
        }
    }

    /// Whitespace of every kind and run length (the reader skips runs of spaces eight at a time) between every
    /// two tokens, up to the last byte of the file: the same record as the file without it.
    @Test func runsOfWhitespaceOfEveryLengthBetweenTokensReadAlike() throws {
        let compact = try JSONSerialization.data(
            withJSONObject: JSONSerialization.jsonObject(with: LearnerFileCodec.encode(Self.record(7))))
        let expected = try #require(LearnerFileReader.record(from: compact))
        for seed in 0..<40 {
            var state = UInt64(seed) &+ 1
            func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
            var spaced: [UInt8] = []
            var inString = false
            var escaped = false
            for byte in compact {
                if !inString, [UInt8]("{}[],:".utf8).contains(byte) || byte == UInt8(ascii: "\"") {
                    let run = next(3) == 0 ? next(20) : next(3)
                    spaced += (0..<run).map { _ in next(6) == 0 ? [0x0A, 0x09, 0x0D][next(3)] : 0x20 }
                }
                spaced.append(byte)
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                }
            }
            spaced += Array(repeating: 0x20, count: next(17))
            #expect(LearnerFileReader.record(from: Data(spaced)) == expected, "seed \(seed)")
        }
    }

    @Test func readsCompactTextUnknownKeysNullsAndEscapes() throws {
        let text = #"""
            {"schema":1,"future":{"a":[1,2.5e3,true,null,"x"]},"learner":{"id":"a","name":"\u00c4nne \ud83d\ude00 \/",
            "roles":[],"team":null},"position":null,"events":[{"id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A",
            "at":"2026-05-08T14:33:26+02:00","type":"quizAttempted","score":1,"seed":0,"answers":[]}],"review":{}}
            """#
        let data = Data(text.utf8)
        let fast = try #require(LearnerFileReader.record(from: data))
        #expect(fast == (try JSONCoding.decoder().decode(LearnerRecord.self, from: data)))
        #expect(fast.learner.name == "Änne 😀 /")
        #expect(fast.events.first?.score == 1)
    }

    /// Each text is broken; the reader must decline it, as Foundation refuses it.
    @Test(arguments: [
        #"{"schema":01,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":"1","learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"\x","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"\ud800","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}} x"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[]}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[{"id":"nope","at":"2026-05-08T14:33:26Z","type":"attested"}],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[{"id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A","at":"yesterday","type":"attested"}],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[{"id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A","at":"2026-05-08T14:33:26Z","type":"danced"}],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[{"id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A","at":"2026-05-08T14:33:26Z","type":"attested","seed":-1}],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[{"id":"7A53C5F8-F7AF-4A4F-817C-AE2F1012565A","at":"2026-05-08T14:33:26Z","type":"attested","score":1e999}],"review":{}}"#,
        #"{"schema":99999999999999999999,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{"k":{"due":"2026-05-08T14:33:26Z"}}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}"#,
        "", "null", "[]",
    ])
    func declinesBrokenText(_ text: String) {
        let data = Data(text.utf8)
        #expect(LearnerFileReader.record(from: data) == nil)
        #expect((try? JSONCoding.decoder().decode(LearnerRecord.self, from: data)) == nil)
    }

    /// What the reader declines out of caution (Foundation even takes a trailing comma) still loads.
    @Test(arguments: [
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[],},"events":[],"review":{}}"#,
        #"{"schema":1.0,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}}"#,
        #"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{},"x":"#
            + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}",
    ])
    func unusualButValidTextFallsBackToFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        #expect(LearnerFileReader.record(from: data) == nil)
        let foundation = try? JSONCoding.decoder().decode(LearnerRecord.self, from: data)
        #expect((try? LearnerFileCodec.decode(data, path: "a.json")) == foundation)
    }

    @Test func declinesInvalidUTF8AndRawControlCharacters() {
        let prefix = Array(#"{"schema":1,"learner":{"id":"a","name":""#.utf8)
        let suffix = Array(#"","roles":[]},"events":[],"review":{}}"#.utf8)
        #expect(LearnerFileReader.record(from: Data(prefix + [0x62] + suffix)) != nil)
        #expect(LearnerFileReader.record(from: Data(prefix + [0xC3, 0x28] + suffix)) == nil)
        #expect(LearnerFileReader.record(from: Data(prefix + [0x0A] + suffix)) == nil)
        #expect(LearnerFileReader.record(from: Data(prefix + [0xED, 0xA0, 0x80] + suffix)) == nil)
    }

    @Test func uuidsReadLikeFoundationReadsThem() {
        for _ in 0..<200 {
            let uuid = UUID()
            for text in [uuid.uuidString, uuid.uuidString.lowercased()] {
                let parsed = Array(text.utf8).withUnsafeBytes { LearnerFileReader.uuid($0) }
                #expect(parsed == uuid)
            }
        }
        for text in [
            "", "7A53C5F8F7AF4A4F817CAE2F1012565A", "7A53C5F8-F7AF-4A4F-817C-AE2F1012565G",
            "7A53C5F8-F7AF-4A4F-817C_AE2F1012565A", "{7A53C5F8-F7AF-4A4F-817C-AE2F1012565A}",
        ] {
            #expect(Array(text.utf8).withUnsafeBytes { LearnerFileReader.uuid($0) } == nil, "read \(text)")
        }
    }

    @Test func aDeclinedFileStillGetsFoundationsReason() {
        let data = Data(#"{"schema":1,"learner":{"id":"a","name":"b","roles":[]},"events":[],"review":{}"#.utf8)
        #expect(throws: StoreError.self) { try LearnerFileCodec.decode(data, path: "learners/a.json") }
    }
}
