/// A word for wrapping: text between spaces, which may change style within it (`**KI**-Gesetz`).
///
/// Most words have one style; their single fragment is stored inline, so that making a word
/// allocates nothing.
struct WrapWord: Sendable {
    /// A run of the word in one style.
    struct Fragment: Sendable {
        /// The text, without spaces.
        var text: Substring
        /// How it is drawn.
        var style: CellStyle
        /// The columns it occupies.
        var width: Int
        /// Code or a URL: never hyphenated.
        var isVerbatim: Bool
    }

    private var firstFragment: Fragment?
    private var laterFragments: [Fragment] = []
    /// The columns the word occupies.
    private(set) var width = 0
    /// Whether a prose run contains a hyphen, a possible place to break.
    private var hasProseHyphen = false

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
    mutating func append(_ text: Substring, style: CellStyle, isVerbatim: Bool, mayContainHyphen: Bool = true) {
        guard !text.isEmpty else { return }
        let fragment = Fragment(text: text, style: style, width: DisplayWidth.of(text), isVerbatim: isVerbatim)
        if firstFragment == nil {
            firstFragment = fragment
        } else {
            laterFragments.append(fragment)
        }
        width += fragment.width
        if !isVerbatim && mayContainHyphen && !hasProseHyphen && text.utf8.contains(UInt8(ascii: "-")) {
            hasProseHyphen = true
        }
    }

    /// The widest break after a hyphen inside the word (`KI-` | `Verordnung`) whose first part
    /// fits in `columns`: a natural place to wrap a long word without adding a marker.
    func hyphenBreak(fitting columns: Int) -> (head: WrapWord, tail: WrapWord)? {
        guard hasProseHyphen else { return nil }
        var column = 0
        var best: Int?
        var isFirst = true
        search: for fragment in fragments {
            for character in fragment.text {
                column += DisplayWidth.of(character)
                if column > columns { break search }
                if character == "-" && !isFirst && !fragment.isVerbatim && column < width { best = column }
                isFirst = false
            }
        }
        guard let best else { return nil }
        return split(maxColumns: best)
    }

    /// Splits the word into as many whole grapheme clusters as fit in `maxColumns` and the rest.
    func split(maxColumns: Int) -> (head: WrapWord, tail: WrapWord) {
        var head = WrapWord()
        var tail = WrapWord()
        var column = 0
        var isSplit = false
        for fragment in fragments {
            if isSplit {
                tail.append(fragment.text, style: fragment.style, isVerbatim: fragment.isVerbatim)
                continue
            }
            if column + fragment.width <= maxColumns {
                head.append(fragment.text, style: fragment.style, isVerbatim: fragment.isVerbatim)
                column += fragment.width
                continue
            }
            var index = fragment.text.startIndex
            for character in fragment.text {
                let characterWidth = DisplayWidth.of(character)
                if column + characterWidth > maxColumns { break }
                column += characterWidth
                index = fragment.text.index(after: index)
            }
            head.append(fragment.text[..<index], style: fragment.style, isVerbatim: fragment.isVerbatim)
            tail.append(fragment.text[index...], style: fragment.style, isVerbatim: fragment.isVerbatim)
            isSplit = true
        }
        return (head, tail)
    }

    /// Whether a forced break at the end of this (head) word should show a `-` marker: prose that
    /// does not already end in a hyphen.
    var wantsHyphenMarker: Bool {
        guard let last = lastFragment else { return false }
        return !last.isVerbatim && last.text.last != "-"
    }

    /// The style of the last run, for a marker appended to it.
    var lastStyle: CellStyle { lastFragment?.style ?? .plain }
}
