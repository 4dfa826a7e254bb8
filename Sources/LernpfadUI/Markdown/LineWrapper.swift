/// Fills lines of a given width with words, greedily.
///
/// Words are separated by single spaces (runs of spaces collapse; no line starts or ends with
/// one). A word too long for the rest of the line moves to the next line; one too long for any
/// line is first broken after a hyphen it contains, else anywhere, with a `-` marker at the break
/// when it is prose and there is room for one. A word with a URL is never hyphenated: one that
/// does not fit starts a line of its own and is cut, if it must be, at the ends of lines without
/// a marker, so that its lines copied together give the URL. Text is never cut off or lost.
struct LineWrapper {
    /// A word longer than a whole line starts on the current line only when at least this many
    /// columns are left on it.
    static let minimumColumnsToStartLongWord = 5

    /// A word is broken after one of its hyphens at the end of a line that has text only when
    /// at least this many columns go before the break, so `KI-` | `Kompetenz` moves whole.
    static let minimumColumnsBeforeHyphenBreak = 4

    /// The widest a line after the first may be; at least 1.
    let width: Int
    /// The widest the first line may be; at least 1.
    let firstLineWidth: Int
    private var lines: [StyledLine] = []
    private var current = StyledLine()
    private var currentWidth = 0
    private var pendingSpace: CellStyle?

    /// A wrapper for lines of `width` columns, the first `firstLineWidth` (both at least 1).
    init(width: Int, firstLineWidth: Int? = nil) {
        self.width = max(1, width)
        self.firstLineWidth = max(1, firstLineWidth ?? width)
    }

    /// The widest the current line may be.
    private var lineWidth: Int { lines.isEmpty ? firstLineWidth : width }

    /// `pieces` wrapped into lines at most `width` columns wide, the first at most
    /// `firstLineWidth` (for hanging indents). Empty content gives no lines.
    static func wrap(_ pieces: [InlinePiece], width: Int, firstLineWidth: Int? = nil) -> [StyledLine] {
        var wrapper = LineWrapper(width: width, firstLineWidth: firstLineWidth)
        WrapToken.forEachToken(of: pieces) { wrapper.add($0) }
        return wrapper.finish()
    }

    /// `tokens` wrapped into lines at most `width` columns wide, the first at most
    /// `firstLineWidth`.
    static func wrap(_ tokens: [WrapToken], width: Int, firstLineWidth: Int? = nil) -> [StyledLine] {
        var wrapper = LineWrapper(width: width, firstLineWidth: firstLineWidth)
        for token in tokens { wrapper.add(token) }
        return wrapper.finish()
    }

    /// Adds a word, a space or a line break.
    mutating func add(_ token: WrapToken) {
        switch token {
        case .word(let word): add(word)
        case .space(let style): addSpace(style: style)
        case .lineBreak: breakLine()
        }
    }

    /// The lines so far, the unfinished one included when it has text.
    func finish() -> [StyledLine] {
        currentWidth > 0 ? lines + [current] : lines
    }

    /// A space between words: shown only between two words on the same line.
    mutating func addSpace(style: CellStyle) {
        if currentWidth > 0 && pendingSpace == nil { pendingSpace = style }
    }

    /// Ends the current line, even an empty one.
    mutating func breakLine() {
        lines.append(current)
        current = StyledLine()
        currentWidth = 0
        pendingSpace = nil
    }

    /// Adds a word after the last one, wrapping or breaking it as needed.
    mutating func add(_ word: WrapWord) {
        var rest = word
        // A prose word of printable ASCII far longer than the line, at the start of a line: whole lines are cut
        // off it as the loop below would cut them (the line's columns less one, then a `-` marker), without the
        // loop's bookkeeping. A lesson may be one 4 MB token.
        while currentWidth == 0, lineWidth >= 2, rest.width - (lineWidth - 1) >= 3,
            let head = rest.removeASCIIProseHead(columns: lineWidth - 1)
        {
            current.append(head, style: rest.lastStyle)
            current.append("-", style: rest.lastStyle)
            currentWidth = lineWidth
            breakLine()
        }
        while !rest.isEmpty {
            let separator = currentWidth > 0 && pendingSpace != nil ? 1 : 0
            let room = lineWidth - currentWidth - separator
            if rest.width <= room {
                place(rest, separator: separator)
                return
            }
            if room > 0, let (head, tail) = rest.hyphenBreak(fitting: room),
                currentWidth == 0 || head.width >= Self.minimumColumnsBeforeHyphenBreak
            {
                place(head, separator: separator)
                breakLine()
                rest = tail
                continue
            }
            if currentWidth > 0
                && (rest.width <= width || rest.hasURL || room < Self.minimumColumnsToStartLongWord
                    || rest.hyphenBreak(fitting: width) != nil)
            {
                breakLine()
                continue
            }
            rest = placeForcedBreak(of: rest, room: room, separator: separator)
            breakLine()
        }
    }

    /// Puts as much of `word` as fits in `room` columns on the current line, with a `-` marker
    /// when that suits, and returns the rest.
    private mutating func placeForcedBreak(of word: WrapWord, room: Int, separator: Int) -> WrapWord {
        if room >= 2 && !word.hasURL {
            // Leave at least three columns for the next line, so that no lonely `en` follows.
            let headColumns = word.width - (room - 1) < 3 ? min(room - 1, max(2, word.width - 3)) : room - 1
            let (head, tail) = word.split(maxColumns: headColumns)
            if !head.isEmpty && head.wantsHyphenMarker {
                place(head, separator: separator)
                current.append("-", style: head.lastStyle)
                currentWidth += 1
                return tail
            }
        }
        let (head, tail) = word.split(maxColumns: room)
        if !head.isEmpty {
            place(head, separator: separator)
            return tail
        }
        // Not even the first character fits on an empty line: a wide character on a line one
        // column wide. Show an ellipsis in its place rather than overflow the line.
        let (first, rest) = word.split(maxColumns: 2)
        current.append("…", style: first.lastStyle)
        currentWidth += 1
        return rest
    }

    private mutating func place(_ word: WrapWord, separator: Int) {
        if separator == 1, let pendingSpace {
            current.append(" ", style: pendingSpace)
        }
        word.forEachFragment { fragment in
            current.append(fragment.text, style: fragment.style)
        }
        currentWidth += separator + word.width
        pendingSpace = nil
    }
}
