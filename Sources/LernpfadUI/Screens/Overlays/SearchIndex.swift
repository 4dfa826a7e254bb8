import Foundation
import Glibc
import LernpfadCore

/// Every module and lesson title and lesson text of one language, folded for search once.
///
/// The runner builds it when search first opens, reading each lesson once; each typed character then searches
/// bytes in memory, and only in the lessons whose n-gram lists say they can hold the query (`NGramIndex`).
/// Folding (lower case, no diacritics) keeps one scalar for one scalar, so a hit's scalar position in the folded
/// text is its position in the plain text.
public struct SearchIndex: Sendable {
    /// One searchable entry: a module title, or a lesson's title and text.
    struct Entry: Sendable {
        var module: String
        var lesson: String?
        /// What a hit shows: the module title, or "module › lesson".
        var label: String
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

    /// Bytes of many texts end to end, with the range of each; one buffer instead of one array per text, so a
    /// search copies nothing.
    struct Corpus: Sendable {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []

        mutating func append(_ text: String) {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            ranges.append(start..<bytes.count)
        }
    }

    var entries: [Entry] = []
    /// The folded title of each entry (a lesson's own title, without its module's).
    var foldedTitles = Corpus()
    /// The plain text of each entry (empty for a module).
    var plainTexts = Corpus()
    /// The folded plain text of each entry.
    var foldedTexts = Corpus()
    private var bigrams: NGramIndex?
    private var trigrams: NGramIndex?

    /// The most results a search shows.
    public static let maximumHits = 50

    /// The index of `catalog` in `language`; `text` gives a lesson's Markdown (nil when it cannot be read).
    public static func build(catalog: Catalog, language: LanguageCode, text: (Lesson) -> String?) -> SearchIndex {
        var folder = Folder()
        var index = SearchIndex()
        for module in catalog.modules {
            let moduleTitle = module.title.text(in: language)
            index.add(Entry(module: module.id, lesson: nil, label: moduleTitle), title: moduleTitle, plain: "", &folder)
            for lesson in module.lessons {
                let title = lesson.title.text(in: language)
                index.add(
                    Entry(module: module.id, lesson: lesson.id, label: "\(moduleTitle) › \(title)"), title: title,
                    plain: PlainText.fromMarkdown(text(lesson) ?? ""), &folder)
            }
        }
        index.bigrams = NGramIndex(length: 2, bytes: index.foldedTexts.bytes, ranges: index.foldedTexts.ranges)
        index.trigrams = NGramIndex(length: 3, bytes: index.foldedTexts.bytes, ranges: index.foldedTexts.ranges)
        return index
    }

    private mutating func add(_ entry: Entry, title: String, plain: String, _ folder: inout Folder) {
        entries.append(entry)
        foldedTitles.append(folder.fold(title))
        plainTexts.append(plain)
        foldedTexts.append(folder.fold(plain))
    }

    /// Hits for `query`: title hits first, then text hits with a snippet centred on the match, each in catalog order.
    public func search(_ query: String) -> [Hit] {
        var folder = Folder()
        let needle = folder.fold(query.trimmingCharacters(in: .whitespaces))
        guard needle.count >= 2 else { return [] }
        let needleBytes = Array(needle.utf8)
        var hits: [Hit] = []
        var titleMatched = Set<Int>()
        for index in entries.indices where Self.find(needleBytes, in: foldedTitles, index) != nil {
            hits.append(
                Hit(
                    module: entries[index].module, lesson: entries[index].lesson, inText: false,
                    label: entries[index].label))
            titleMatched.insert(index)
            if hits.count >= Self.maximumHits { return hits }
        }
        let ngrams = needleBytes.count >= 3 ? trigrams : bigrams
        let candidates = ngrams?.candidates(for: needleBytes) ?? []
        let scalarCount = needle.unicodeScalars.count
        for candidate in candidates where !titleMatched.contains(Int(candidate)) {
            let index = Int(candidate)
            guard hits.count < Self.maximumHits else { break }
            guard let offset = Self.find(needleBytes, in: foldedTexts, index) else { continue }
            let snippet = snippet(index, byteOffset: offset, length: scalarCount)
            hits.append(
                Hit(
                    module: entries[index].module, lesson: entries[index].lesson, inText: true,
                    label: "\(entries[index].label): \(snippet)"))
        }
        return hits
    }

    /// The byte offset (from the text's start) of the first `needle` in text `index` of `corpus`, by the C
    /// library's memmem (two-way search).
    static func find(_ needle: [UInt8], in corpus: Corpus, _ index: Int) -> Int? {
        let range = corpus.ranges[index]
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        return corpus.bytes.withUnsafeBytes { bytes -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                guard let base = bytes.baseAddress?.advanced(by: range.lowerBound),
                    let found = cMemmem(base, range.count, pin.baseAddress, pin.count)
                else { return nil }
                return UnsafeRawPointer(found) - base
            }
        }
    }

    /// About 60 characters of plain text around the match, with "…" where it was cut.
    private func snippet(_ index: Int, byteOffset: Int, length: Int) -> String {
        let folded = foldedTexts.ranges[index]
        let plain = plainTexts.ranges[index]
        // Folding keeps one scalar per scalar, so the scalar offset of the match carries over to the plain text.
        let start = foldedTexts.bytes.withUnsafeBufferPointer { bytes in
            Self.scalarCount(bytes, folded.lowerBound..<(folded.lowerBound + byteOffset))
        }
        return plainTexts.bytes.withUnsafeBufferPointer { bytes in
            let from = Self.offset(bytes, plain, afterScalars: max(0, start - 25), from: plain.lowerBound)
            let to = Self.offset(bytes, plain, afterScalars: length + 35 + min(25, start), from: from)
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
            return (from > plain.lowerBound ? "…" : "") + text + (to < plain.upperBound ? "…" : "")
        }
    }

    /// The number of scalars in `range` of UTF-8 bytes.
    private static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for position in range where bytes[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The byte offset `scalars` scalars after `from`, at most the end of `range`.
    private static func offset(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, afterScalars scalars: Int, from: Int
    ) -> Int {
        var position = from
        var remaining = scalars
        while position < range.upperBound {
            if bytes[position] & 0xC0 != 0x80 {
                if remaining == 0 { return position }
                remaining -= 1
            }
            position += 1
        }
        return range.upperBound
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
