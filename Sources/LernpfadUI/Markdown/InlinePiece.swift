/// Inline content reduced to styled text runs and hard breaks, ready for ``LineWrapper``.
enum InlinePiece: Equatable, Sendable {
    /// What a run of text is, for where it may be broken.
    enum Kind: Equatable, Sendable {
        /// Words, hyphenated where they must be broken.
        case prose
        /// Code: never hyphenated; a word of it that does not fit is broken without a `-` marker,
        /// because a marker would change it.
        case code
        /// A URL: never hyphenated either, and one that does not fit on the rest of a line starts
        /// the next, so that it is broken, if at all, only where the line ends and copying its lines
        /// gives the URL.
        case url
    }

    /// Text in one style.
    case text(String, style: CellStyle, kind: Kind)
    /// A hard line break.
    case lineBreak

    /// Text in one style, prose or (`isVerbatim`) code.
    static func text(_ text: String, style: CellStyle, isVerbatim: Bool) -> InlinePiece {
        .text(text, style: style, kind: isVerbatim ? .code : .prose)
    }
}

extension InlinePiece {
    /// The pieces of `inlines`, with emphasis, strong, strikethrough, code and links turned into
    /// styles on top of `style`.
    static func pieces(of inlines: [MarkdownInline], style: CellStyle) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        append(inlines, style: style, to: &pieces)
        return pieces
    }

    private static func append(_ inlines: [MarkdownInline], style: CellStyle, to pieces: inout [InlinePiece]) {
        for inline in inlines {
            switch inline {
            case .text(let text):
                pieces.append(.text(text, style: style, kind: .prose))
            case .code(let code):
                pieces.append(.text(code, style: style.with(role: .code), kind: .code))
            case .softBreak:
                pieces.append(.text(" ", style: style, kind: .prose))
            case .lineBreak:
                pieces.append(.lineBreak)
            case .emphasis(let content):
                append(content, style: style.adding(.italic), to: &pieces)
            case .strong(let content):
                append(content, style: style.adding(.bold), to: &pieces)
            case .strikethrough(let content):
                append(content, style: style.adding(.dim), to: &pieces)
            case .link(let url, let content):
                appendLink(url: url, content: content, style: style, to: &pieces)
            case .image(let alt):
                let text = "[image: " + MarkdownInline.plainText(of: alt) + "]"
                pieces.append(.text(text, style: CellStyle(role: .muted), kind: .prose))
            }
        }
    }

    /// The link text in the link role, then ` (URL)` in muted when the URL says something the
    /// text does not. Link text that is a URL itself (an autolink such as `https://eur-lex.europa.eu`)
    /// is a URL for wrapping, as is the target in brackets.
    private static func appendLink(
        url: String, content: [MarkdownInline], style: CellStyle, to pieces: inout [InlinePiece]
    ) {
        let linkStyle = style.with(role: .link).adding(.underline)
        let text = MarkdownInline.plainText(of: content)
        if text.trimmingSpaces().isEmpty {
            pieces.append(.text(url, style: linkStyle, kind: .url))
            return
        }
        let textIsTarget = isSameTarget(text, url)
        if textIsTarget || looksLikeURL(text) {
            pieces.append(.text(text, style: linkStyle, kind: .url))
        } else {
            append(content, style: linkStyle, to: &pieces)
        }
        if !url.isEmpty && !textIsTarget {
            let muted = CellStyle(role: .muted)
            pieces.append(.text(" ", style: style, kind: .prose))
            pieces.append(.text("(", style: muted, kind: .prose))
            pieces.append(.text(url, style: muted, kind: .url))
            pieces.append(.text(")", style: muted, kind: .prose))
        }
    }

    /// Whether `text` is one word that reads as a URL: it has a scheme (`https://`, `mailto:`) or
    /// starts with `www.`.
    static func looksLikeURL(_ text: String) -> Bool {
        guard !text.isEmpty, !text.contains(" ") else { return false }
        let lowered = text.lowercased()
        return lowered.contains("://") || lowered.hasPrefix("www.") || lowered.hasPrefix("mailto:")
    }

    /// Whether link text already shows the URL, ignoring the scheme and a final slash (so
    /// autolinks such as `<https://eur-lex.europa.eu>` or `www.bsi.bund.de` show once).
    static func isSameTarget(_ text: String, _ url: String) -> Bool {
        func normalised(_ string: String) -> Substring {
            var result = Substring(string.trimmingSpaces())
            for scheme in ["mailto:", "https://", "http://"] where result.lowercased().hasPrefix(scheme) {
                result = result.dropFirst(scheme.count)
                break
            }
            if result.hasSuffix("/") { result = result.dropLast() }
            return result
        }
        return normalised(text) == normalised(url)
    }
}

extension String {
    /// The string without leading and trailing spaces.
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return String(self[first...last])
    }
}
