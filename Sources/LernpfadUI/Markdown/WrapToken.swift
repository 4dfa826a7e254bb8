/// Inline pieces cut into what line wrapping works with: words, the spaces between them and hard
/// line breaks.
enum WrapToken: Sendable {
    /// A word: text between spaces.
    case word(WrapWord)
    /// A run of spaces, in the style of its first space.
    case space(CellStyle)
    /// A hard line break.
    case lineBreak

    /// The tokens of `pieces`, in order. Runs of spaces give one token each; a word may span
    /// several pieces (`**KI**-Gesetz`).
    static func tokens(of pieces: [InlinePiece]) -> [WrapToken] {
        var tokens: [WrapToken] = []
        forEachToken(of: pieces) { tokens.append($0) }
        return tokens
    }

    /// Calls `body` with the tokens of `pieces`, in order, without collecting them.
    static func forEachToken(of pieces: [InlinePiece], _ body: (WrapToken) -> Void) {
        var word = WrapWord()
        var lastWasSpace = false
        func endWord() {
            guard !word.isEmpty else { return }
            body(.word(word))
            word = WrapWord()
            lastWasSpace = false
        }
        for piece in pieces {
            switch piece {
            case .lineBreak:
                endWord()
                body(.lineBreak)
                lastWasSpace = false
            case .text(let text, let style, let kind):
                // Spaces and hyphens are found on the bytes (`forEachSpace`): a lesson may be one 4 MB word.
                let utf8 = text.utf8
                var start = utf8.startIndex
                let sawHyphen = forEachSpace(in: text) { space, sawHyphen in
                    let index = utf8.index(utf8.startIndex, offsetBy: space)
                    word.append(text[start..<index], style: style, kind: kind, mayContainHyphen: sawHyphen)
                    endWord()
                    if !lastWasSpace { body(.space(style)) }
                    lastWasSpace = true
                    start = utf8.index(after: index)
                }
                word.append(text[start...], style: style, kind: kind, mayContainHyphen: sawHyphen)
            }
        }
        endWord()
    }

    /// Calls `body` with the UTF-8 offset of every space in `text` and whether a hyphen came since the
    /// last space, scanning the bytes in place where they are contiguous; returns whether a hyphen
    /// came after the last space.
    private static func forEachSpace(in text: String, _ body: (Int, Bool) -> Void) -> Bool {
        let scanned: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var sawHyphen = false
            for offset in bytes.indices {
                switch bytes[offset] {
                case UInt8(ascii: " "):
                    body(offset, sawHyphen)
                    sawHyphen = false
                case UInt8(ascii: "-"): sawHyphen = true
                default: break
                }
            }
            return sawHyphen
        }
        if let scanned { return scanned }
        var sawHyphen = false
        for (offset, byte) in text.utf8.enumerated() {
            if byte == UInt8(ascii: " ") {
                body(offset, sawHyphen)
                sawHyphen = false
            } else if byte == UInt8(ascii: "-") {
                sawHyphen = true
            }
        }
        return sawHyphen
    }

    /// The width of the widest word in `tokens`: the narrowest a column can be without breaking
    /// a word.
    static func widestWord(in tokens: [WrapToken]) -> Int {
        var widest = 0
        for case .word(let word) in tokens { widest = max(widest, word.width) }
        return widest
    }

    /// The width of `tokens` laid out without wrapping: its widest line between hard breaks.
    static func unwrappedWidth(of tokens: [WrapToken]) -> Int {
        var widest = 0
        var lineWidth = 0
        var hasSpace = false
        for token in tokens {
            switch token {
            case .word(let word):
                lineWidth += (hasSpace && lineWidth > 0 ? 1 : 0) + word.width
                hasSpace = false
            case .space:
                hasSpace = true
            case .lineBreak:
                widest = max(widest, lineWidth)
                lineWidth = 0
                hasSpace = false
            }
        }
        return max(widest, lineWidth)
    }
}
