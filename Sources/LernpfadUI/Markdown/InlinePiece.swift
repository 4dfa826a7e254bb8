/// Inline content reduced to styled text runs and hard breaks, ready for ``LineWrapper``.
enum InlinePiece: Equatable, Sendable {
    /// Text in one style. Verbatim text (code, URLs) is never hyphenated: a word of it that does
    /// not fit is broken without a `-` marker, because a marker would change it.
    case text(String, style: CellStyle, isVerbatim: Bool)
    /// A hard line break.
    case lineBreak
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
                pieces.append(.text(text, style: style, isVerbatim: false))
            case .code(let code):
                pieces.append(.text(code, style: style.with(role: .code), isVerbatim: true))
            case .softBreak:
                pieces.append(.text(" ", style: style, isVerbatim: false))
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
                pieces.append(.text(text, style: CellStyle(role: .muted), isVerbatim: false))
            }
        }
    }

    /// The link text in the link role, then ` (URL)` in muted when the URL says something the
    /// text does not.
    private static func appendLink(
        url: String, content: [MarkdownInline], style: CellStyle, to pieces: inout [InlinePiece]
    ) {
        let linkStyle = style.with(role: .link).adding(.underline)
        let text = MarkdownInline.plainText(of: content)
        if text.trimmingSpaces().isEmpty {
            pieces.append(.text(url, style: linkStyle, isVerbatim: true))
            return
        }
        append(content, style: linkStyle, to: &pieces)
        if !url.isEmpty && !isSameTarget(text, url) {
            pieces.append(.text(" ", style: style, isVerbatim: false))
            pieces.append(.text("(" + url + ")", style: CellStyle(role: .muted), isVerbatim: true))
        }
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
