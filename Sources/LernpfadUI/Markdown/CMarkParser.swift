import CMarkGFM
import Foundation

/// Parses Markdown with cmark-gfm (tables, strikethrough and autolinks switched on) into
/// ``MarkdownBlock`` values. Raw HTML is left out, except that `<br>` is a line break.
enum CMarkParser {
    /// Containers nested deeper than this are shown as their plain text, so that hostile input
    /// cannot exhaust the stack.
    static let maximumNesting = 32

    /// The GitHub extensions the parser uses.
    private static let extensionNames = ["table", "strikethrough", "autolink"]

    /// Registers the GitHub extensions with cmark-gfm, once per process (a thread-safe lazy
    /// static, so no global mutable state of our own).
    private static let coreExtensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm 0.29.0.gfm.6 (Debian 12) keeps the special inline characters in a process-wide
    /// table that parsing with extensions sets and resets (github/cmark-gfm#176), so two parses
    /// must not overlap; screens and tests lay out from several threads.
    private static let parsingLock = NSLock()

    /// The blocks of `markdown`.
    static func parse(_ markdown: String) -> [MarkdownBlock] {
        guard coreExtensionsRegistered, !markdown.isEmpty, let document = parseDocument(markdown) else { return [] }
        defer { cmark_node_free(document) }
        return blocks(in: document, depth: 0)
    }

    /// cmark-gfm's tree of `markdown`, which the caller frees.
    private static func parseDocument(_ markdown: String) -> OpaquePointer? {
        parsingLock.lock()
        defer { parsingLock.unlock() }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { characters in
                cmark_parser_feed(parser, characters.baseAddress, characters.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    // MARK: Blocks

    private static func blocks(in parent: OpaquePointer, depth: Int) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let block = block(node, depth: depth) { result.append(block) }
            child = cmark_node_next(node)
        }
        return result
    }

    private static func block(_ node: OpaquePointer, depth: Int) -> MarkdownBlock? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(in: node, depth: depth))
        case CMARK_NODE_HEADING:
            return .heading(level: Int(cmark_node_get_heading_level(node)), content: inlines(in: node, depth: depth))
        case CMARK_NODE_BLOCK_QUOTE:
            guard depth < maximumNesting else { return .paragraph([.text(plainText(of: node))]) }
            return .blockQuote(blocks(in: node, depth: depth + 1))
        case CMARK_NODE_LIST:
            guard depth < maximumNesting else { return .paragraph([.text(plainText(of: node))]) }
            return .list(list(node, depth: depth))
        case CMARK_NODE_CODE_BLOCK:
            var code = literal(of: node)
            if code.hasSuffix("\n") { code.removeLast() }
            return .codeBlock(code)
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        case CMARK_NODE_HTML_BLOCK:
            return nil
        default:
            guard typeName(of: node) == "table" else { return nil }
            return .table(table(node, depth: depth))
        }
    }

    private static func list(_ node: OpaquePointer, depth: Int) -> MarkdownList {
        let kind: MarkdownList.Kind
        if cmark_node_get_list_type(node) == CMARK_ORDERED_LIST {
            let delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : "."
            kind = .ordered(start: Int(cmark_node_get_list_start(node)), delimiter: delimiter)
        } else {
            kind = .bullet
        }
        var items: [[MarkdownBlock]] = []
        var child = cmark_node_first_child(node)
        while let item = child {
            items.append(blocks(in: item, depth: depth + 1))
            child = cmark_node_next(item)
        }
        return MarkdownList(kind: kind, isTight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    private static func table(_ node: OpaquePointer, depth: Int) -> MarkdownTable {
        let columnCount = Int(cmark_gfm_extensions_get_table_columns(node))
        let alignmentBytes = cmark_gfm_extensions_get_table_alignments(node)
        let alignments: [MarkdownTable.Alignment] = (0..<columnCount).map { column in
            switch alignmentBytes?[column] {
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .left
            }
        }
        var header: [[MarkdownInline]] = []
        var rows: [[[MarkdownInline]]] = []
        var child = cmark_node_first_child(node)
        while let row = child {
            var cells: [[MarkdownInline]] = []
            var cellNode = cmark_node_first_child(row)
            while let cell = cellNode {
                cells.append(inlines(in: cell, depth: depth))
                cellNode = cmark_node_next(cell)
            }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 && rows.isEmpty && header.isEmpty {
                header = cells
            } else {
                rows.append(cells)
            }
            child = cmark_node_next(row)
        }
        return MarkdownTable(alignments: alignments, header: header, rows: rows)
    }

    // MARK: Inlines

    private static func inlines(in parent: OpaquePointer, depth: Int) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        var child = cmark_node_first_child(parent)
        while let node = child {
            if let inline = inline(node, depth: depth) { result.append(inline) }
            child = cmark_node_next(node)
        }
        return result
    }

    private static func inline(_ node: OpaquePointer, depth: Int) -> MarkdownInline? {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_HTML_INLINE: return isLineBreakTag(literal(of: node)) ? .lineBreak : nil
        default: break
        }
        guard depth < maximumNesting else { return .text(plainText(of: node)) }
        let content = inlines(in: node, depth: depth + 1)
        switch type {
        case CMARK_NODE_EMPH: return .emphasis(content)
        case CMARK_NODE_STRONG: return .strong(content)
        case CMARK_NODE_LINK: return .link(url: string(cmark_node_get_url(node)), content: content)
        case CMARK_NODE_IMAGE: return .image(alt: content)
        default: return typeName(of: node) == "strikethrough" ? .strikethrough(content) : nil
        }
    }

    /// Whether an inline HTML tag is `<br>`, `<br/>` or `<br />`.
    private static func isLineBreakTag(_ html: String) -> Bool {
        let tag = html.lowercased().filter { $0 != " " }
        return tag == "<br>" || tag == "<br/>"
    }

    // MARK: Node helpers

    private static func literal(of node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func typeName(of node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The text of a subtree, walked without recursion; blocks and breaks become spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                text += literal(of: current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
            default:
                break
            }
        }
        return text.replacingNewlines()
    }
}

extension String {
    /// The string with line breaks (from code block literals) turned into spaces.
    fileprivate func replacingNewlines() -> String {
        contains("\n") ? String(map { $0 == "\n" ? " " : $0 }) : self
    }
}
