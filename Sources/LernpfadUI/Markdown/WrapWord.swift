/// A word for wrapping: text between spaces, which may change style within it (`**KI**-Gesetz`).
///
/// Most words have one style; their single fragment is stored inline, so that making a word
/// allocates nothing. Splitting costs what the head costs, never the length of the word: the tail
/// shares the word's text and later fragments, and its width is the word's width less the head's,
/// so wrapping a word of a million characters takes time in proportion to its length, not its
/// square.
struct WrapWord: Sendable {
    /// A run of the word in one style.
    struct Fragment: Sendable {
        /// The text, without spaces.
        var text: Substring
        /// How it is drawn.
        var style: CellStyle
        /// The columns it occupies.
        var width: Int
        /// Prose, code or a URL.
        var kind: InlinePiece.Kind
        /// Code or a URL: never hyphenated.
        var isVerbatim: Bool { kind != .prose }
    }

    private var firstFragment: Fragment?
    private var laterFragments: ArraySlice<Fragment> = []
    /// The columns the word occupies.
    private(set) var width = 0
    /// Whether a prose run may contain a hyphen, a possible place to break. `false` is certain.
    private var hasProseHyphen = false
    /// Whether a run is a URL: the word is then never given a `-` marker and does not start on a
    /// line it does not fit on. `false` is certain; a tail keeps its word's `true`.
    private(set) var hasURL = false

    /// Whether the word has no text.
    var isEmpty: Bool { firstFragment == nil }

    /// The runs, left to right.
    var fragments: [Fragment] {
        guard let firstFragment else { return [] }
        return [firstFragment] + laterFragments
    }

    /// The last run.
    var lastFragment: Fragment? { laterFragments.last ?? firstFragment }

    /// Calls `body` with each run, left to right, without building an array.
    func forEachFragment(_ body: (Fragment) -> Void) {
        guard let firstFragment else { return }
        body(firstFragment)
        for fragment in laterFragments { body(fragment) }
    }

    /// Appends a run; `mayContainHyphen: false` saves looking for one.
    mutating func append(
        _ text: Substring, style: CellStyle, kind: InlinePiece.Kind, mayContainHyphen: Bool = true
    ) {
        guard !text.isEmpty else { return }
        let hasHyphen = kind == .prose && mayContainHyphen && !hasProseHyphen && text.utf8.contains(UInt8(ascii: "-"))
        append(Fragment(text: text, style: style, width: DisplayWidth.of(text), kind: kind), hasHyphen: hasHyphen)
    }

    /// Appends a run whose width is known; `hasHyphen` says whether it may hold a prose hyphen.
    private mutating func append(_ fragment: Fragment, hasHyphen: Bool) {
        guard !fragment.text.isEmpty else { return }
        if firstFragment == nil {
            firstFragment = fragment
        } else {
            laterFragments.append(fragment)
        }
        width += fragment.width
        hasProseHyphen = hasProseHyphen || hasHyphen
        hasURL = hasURL || fragment.kind == .url
    }

    /// The widest break after a hyphen inside the word (`KI-` | `Verordnung`) whose first part
    /// fits in `columns`: a natural place to wrap a long word without adding a marker. Looks at
    /// no more than those columns.
    func hyphenBreak(fitting columns: Int) -> (head: WrapWord, tail: WrapWord)? {
        guard hasProseHyphen, let firstFragment else { return nil }
        var column = 0
        var best: Int?
        var isFirst = true
        func scan(_ fragment: Fragment) -> Bool {
            for character in fragment.text {
                column += DisplayWidth.of(character)
                if column > columns { return false }
                if character == "-" && !isFirst && !fragment.isVerbatim && column < width { best = column }
                isFirst = false
            }
            return true
        }
        if scan(firstFragment) {
            for fragment in laterFragments where !scan(fragment) { break }
        }
        guard let best else { return nil }
        return split(maxColumns: best)
    }

    /// Splits the word into as many whole grapheme clusters as fit in `maxColumns` and the rest.
    func split(maxColumns: Int) -> (head: WrapWord, tail: WrapWord) {
        var head = WrapWord()
        guard let firstFragment else { return (head, WrapWord()) }
        var column = 0
        // The fragment being cut: the first one, then each of `laterFragments` by its index.
        var fragment = firstFragment
        var nextIndex = laterFragments.startIndex
        while true {
            if column + fragment.width <= maxColumns {
                head.append(fragment, hasHyphen: hasProseHyphen)
                column += fragment.width
                guard nextIndex < laterFragments.endIndex else { return (head, WrapWord()) }
                fragment = laterFragments[nextIndex]
                nextIndex += 1
                continue
            }
            var index = fragment.text.startIndex
            var headWidth = 0
            if let cut = Self.asciiCut(fragment.text, columns: maxColumns - column) {
                (index, headWidth) = cut
            } else {
                for character in fragment.text {
                    let characterWidth = DisplayWidth.of(character)
                    if column + headWidth + characterWidth > maxColumns { break }
                    headWidth += characterWidth
                    index = fragment.text.index(after: index)
                }
            }
            var cut = fragment
            cut.text = fragment.text[..<index]
            cut.width = headWidth
            head.append(cut, hasHyphen: hasProseHyphen)
            var rest = fragment
            rest.text = fragment.text[index...]
            rest.width = fragment.width - headWidth
            var tail = WrapWord()
            tail.append(rest, hasHyphen: hasProseHyphen)
            if tail.firstFragment == nil {
                tail.firstFragment = nextIndex < laterFragments.endIndex ? laterFragments[nextIndex] : nil
                nextIndex += tail.firstFragment == nil ? 0 : 1
            }
            tail.laterFragments = laterFragments[nextIndex...]
            tail.width = width - head.width
            tail.hasProseHyphen = hasProseHyphen
            // Like `hasProseHyphen`, kept from the whole word: looking through the tail's runs would make
            // cutting a word of many runs quadratic.
            tail.hasURL = hasURL
            return (head, tail)
        }
    }

    /// Removes and returns the first `columns` characters when the word is one prose run of printable ASCII
    /// without a hyphen and they are all ASCII: the wrapper's shortcut for a token far longer than a line.
    /// `nil` leaves the word as it is.
    mutating func removeASCIIProseHead(columns: Int) -> Substring? {
        guard laterFragments.isEmpty, !hasProseHyphen, columns < width, var fragment = firstFragment,
            !fragment.isVerbatim, let (index, taken) = Self.asciiCut(fragment.text, columns: columns),
            taken == columns
        else { return nil }
        let head = fragment.text[..<index]
        fragment.text = fragment.text[index...]
        fragment.width -= columns
        firstFragment = fragment
        width -= columns
        return head
    }

    /// Where `columns` columns of `text` end when they are all printable ASCII (one column and one grapheme
    /// cluster each) and the next byte is ASCII too, so that the cut falls between two clusters; `nil`
    /// otherwise, for the slower walk by `Character`. Most long tokens are ASCII; this keeps a 4 MB one
    /// to a few milliseconds.
    private static func asciiCut(_ text: Substring, columns: Int) -> (index: Substring.Index, width: Int)? {
        let utf8 = text.utf8
        let cut: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            let end = min(max(0, columns), bytes.count)
            for offset in 0..<end where !(0x21...0x7E).contains(bytes[offset]) { return nil }
            if end < bytes.count, bytes[end] >= 0x80 { return nil }
            return end
        }
        // Text that is not stored contiguously takes the walk by `Character`.
        guard let cut, let cut else { return nil }
        return (utf8.index(utf8.startIndex, offsetBy: cut), cut)
    }

    /// Whether a forced break at the end of this (head) word should show a `-` marker: prose that
    /// does not already end in a hyphen, in a word without a URL.
    var wantsHyphenMarker: Bool {
        guard let last = lastFragment, !hasURL else { return false }
        return !last.isVerbatim && last.text.last != "-"
    }

    /// The style of the last run, for a marker appended to it.
    var lastStyle: CellStyle { lastFragment?.style ?? .plain }
}
