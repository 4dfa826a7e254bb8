import Foundation
import Glibc
import LernpfadCore

/// Every module and lesson title and lesson text of one language, folded for search once.
///
/// The runner builds it when search first opens, reading each lesson once; each typed character then searches
/// bytes in memory. Folding (lower case, no diacritics) keeps one character for one character, so a hit's
/// position in the folded text is its position in the plain text.
public struct SearchIndex: Sendable {
    /// One searchable entry: a module title, or a lesson's title and text.
    struct Entry: Sendable {
        var module: String
        var lesson: String?
        var title: String
        var foldedTitle: [UInt8]
        var plain: String
        var foldedPlain: [UInt8]
    }

    /// One search result.
    public struct Hit: Hashable, Sendable {
        /// The module.
        public var module: String
        /// The lesson, or nil for a module title hit.
        public var lesson: String?
        /// True when the hit is in the lesson's text (the reader then jumps to it).
        public var inText: Bool
        /// What the result list shows.
        public var label: String
    }

    var entries: [Entry]

    /// The most results a search shows.
    public static let maximumHits = 50

    /// The index of `catalog` in `language`; `text` gives a lesson's Markdown (nil when it cannot be read).
    public static func build(catalog: Catalog, language: LanguageCode, text: (Lesson) -> String?) -> SearchIndex {
        var folder = Folder()
        var entries: [Entry] = []
        for module in catalog.modules {
            let moduleTitle = module.title.text(in: language)
            entries.append(
                Entry(
                    module: module.id, lesson: nil, title: moduleTitle,
                    foldedTitle: Array(folder.fold(moduleTitle).utf8),
                    plain: "", foldedPlain: []))
            for lesson in module.lessons {
                let title = lesson.title.text(in: language)
                let plain = PlainText.fromMarkdown(text(lesson) ?? "")
                entries.append(
                    Entry(
                        module: module.id, lesson: lesson.id, title: "\(moduleTitle) › \(title)",
                        foldedTitle: Array(folder.fold(title).utf8), plain: plain,
                        foldedPlain: Array(folder.fold(plain).utf8)))
            }
        }
        return SearchIndex(entries: entries)
    }

    /// Hits for `query`: title hits first, then text hits with a snippet centred on the match.
    public func search(_ query: String) -> [Hit] {
        var folder = Folder()
        let needle = folder.fold(query.trimmingCharacters(in: .whitespaces))
        guard needle.count >= 2 else { return [] }
        let needleBytes = Array(needle.utf8)
        var titleHits: [Hit] = []
        var textHits: [Hit] = []
        var titleMatched = Set<Int>()
        for (index, entry) in entries.enumerated() where Self.find(needleBytes, in: entry.foldedTitle) != nil {
            titleHits.append(Hit(module: entry.module, lesson: entry.lesson, inText: false, label: entry.title))
            titleMatched.insert(index)
            if titleHits.count >= Self.maximumHits { return titleHits }
        }
        for (index, entry) in entries.enumerated() where entry.lesson != nil && !titleMatched.contains(index) {
            guard textHits.count + titleHits.count < Self.maximumHits,
                let offset = Self.find(needleBytes, in: entry.foldedPlain)
            else { continue }
            let snippet = Self.snippet(entry, byteOffset: offset, length: needle.count)
            textHits.append(
                Hit(module: entry.module, lesson: entry.lesson, inText: true, label: "\(entry.title): \(snippet)"))
        }
        return titleHits + textHits
    }

    /// The byte offset of the first `needle` in `haystack`, by the C library's memmem (two-way search).
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = hay.baseAddress, let found = cMemmem(base, hay.count, pin.baseAddress, pin.count)
                else { return nil }
                return UnsafeRawPointer(found) - base
            }
        }
    }

    /// About 60 characters of plain text around the match, with "…" where it was cut.
    private static func snippet(_ entry: Entry, byteOffset: Int, length: Int) -> String {
        // Folding keeps one scalar per scalar, so the scalar offset of the match carries over to the plain text.
        let start = entry.foldedPlain[..<byteOffset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        let scalars = entry.plain.unicodeScalars
        let from =
            scalars.index(scalars.startIndex, offsetBy: max(0, start - 25), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        let to =
            scalars.index(from, offsetBy: length + 35 + min(25, start), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        return (from > scalars.startIndex ? "…" : "") + String(scalars[from..<to]) + (to < scalars.endIndex ? "…" : "")
    }
}

/// Folds text for search: lower case, without diacritics, one Unicode scalar for each scalar.
struct Folder {
    private var cache: [Unicode.Scalar: Unicode.Scalar] = [:]

    mutating func fold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            } else if let known = cache[scalar] {
                result.append(known)
            } else {
                let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                let single = folded.unicodeScalars.count == 1 ? folded.unicodeScalars.first! : scalar
                cache[scalar] = single
                result.append(single)
            }
        }
        return String(result)
    }
}

/// Lesson Markdown as plain text on one line: headings, emphasis, link targets and table bars taken out.
///
/// One pass over the bytes, so a hostile lesson of many megabytes costs linear time.
enum PlainText {
    static func fromMarkdown(_ markdown: String) -> String {
        let source = Array(TerminalSafeText.sanitize(markdown, keepingLineBreaks: true).utf8)
        var result: [UInt8] = []
        result.reserveCapacity(source.count)
        var inLinkTarget = false
        var previous: UInt8 = 10
        var lineStart = true
        func space() {
            if let last = result.last, last != 32 { result.append(32) }
        }
        for byte in source {
            defer { previous = byte }
            if inLinkTarget {
                if byte == UInt8(ascii: ")") { inLinkTarget = false }
                continue
            }
            // Heading, quote and list markers at the start of a line.
            if lineStart
                && (byte == UInt8(ascii: "#") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "+"))
            {
                continue
            }
            switch byte {
            case 10, 13:
                lineStart = true
                space()
            case 32, 9:
                space()
            case UInt8(ascii: "(") where previous == UInt8(ascii: "]"):
                inLinkTarget = true
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "|"):
                lineStart = false
            default:
                lineStart = false
                result.append(byte)
            }
        }
        while result.last == 32 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }
}

/// glibc's memmem, which Swift's Glibc module leaves out (it is a GNU extension).
@_silgen_name("memmem")
private func cMemmem(
    _ haystack: UnsafeRawPointer?, _ haystackLength: Int, _ needle: UnsafeRawPointer?, _ needleLength: Int
) -> UnsafeMutableRawPointer?
