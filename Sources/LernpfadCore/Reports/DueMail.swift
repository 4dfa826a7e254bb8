import Foundation

/// A mail address with an optional display name, as RFC 5322 writes it in a header.
///
/// Only plain ASCII addresses (`dot-atom@domain`): anything else, and anything that could end a header or start a
/// new one, is refused when the address is set, so no learner profile can inject a header.
public struct MailAddress: Hashable, Sendable {
    /// The display name, e.g. "Anna Beispiel"; nil for a bare address.
    public var name: String?
    /// The address, e.g. `anna@example.org`.
    public var address: String

    /// `address` with `name`; nil when the address is not a plain `local@domain`.
    public init?(_ address: String, name: String? = nil) {
        guard Self.isValid(address) else { return nil }
        self.address = address
        self.name = name
    }

    /// Reads `anna@example.org` or `Anna Beispiel <anna@example.org>`; nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            self.init(address, name: name.isEmpty ? nil : name)
        } else {
            self.init(trimmed)
        }
    }

    /// True for `local@domain` with a dot-atom local part and a domain of letters, digits and hyphens, at most
    /// 254 characters: what a profile may hold and a header may carry.
    public static func isValid(_ address: String) -> Bool {
        guard address.utf8.count <= 254, let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        let atom = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        func dotted(_ text: Substring, allowed: (Character) -> Bool) -> Bool {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed) }
        }
        guard local.utf8.count <= 64, dotted(local, allowed: { atom.contains($0) }) else { return false }
        return dotted(domain) { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// The domain part, for message ids.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// The address as a header value: `"Anna Beispiel" <anna@example.org>`, the name encoded per RFC 2047 when it
    /// is not plain ASCII, and stripped of every control character first.
    public var header: String {
        guard let name = name.map(MailMessage.headerText), !name.isEmpty else { return address }
        if name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        // The address on a line of its own: a folded header stays within 78 characters however long the name.
        return MailMessage.encodedWords(name).joined(separator: "\r\n ") + "\r\n <\(address)>"
    }
}

/// An RFC 5322 message in UTF-8 text: headers, CRLF line ends, a quoted-printable body. lernpfad writes these
/// for the administrator's own mail system and sends nothing itself.
public enum MailMessage {
    /// The whole message: `headers` in order (values already safe, see ``headerText``) and `body` (any text;
    /// its line ends become CRLF), as `text/plain; charset=utf-8` in quoted-printable.
    public static func render(headers: [(String, String)], body: String) -> String {
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("")
        return lines.joined(separator: "\r\n") + "\r\n" + quotedPrintable(body)
    }

    /// A header value from data: every control character (CR and LF above all: they would start a header of their
    /// own) and every invisible one becomes a space, runs of spaces one, and the ends are trimmed.
    public static func headerText(_ text: String) -> String {
        // Line breaks and tabs separate words: spaces first, then escape sequences and other controls go.
        let spaced = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { ["\r", "\n", "\t", "\u{0B}", "\u{0C}"].contains($0) ? " " : $0 }))
        let visible = TerminalSafeText.sanitize(spaced, keepingLineBreaks: false)
        let clean = String(
            String.UnicodeScalarView(visible.unicodeScalars.filter { $0.properties.generalCategory != .control }))
        return clean.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// An unstructured header value (`Subject`): as it is when plain printable ASCII, else RFC 2047 encoded-words
    /// of at most 75 characters each, folded onto continuation lines.
    public static func unstructured(_ text: String) -> String {
        let clean = headerText(text)
        if clean.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), clean.utf8.count <= 900,
            !clean.contains("=?")
        {
            return clean
        }
        return encodedWords(clean).joined(separator: "\r\n ")
    }

    /// `text` as `=?utf-8?B?…?=` words, each at most 75 characters, never splitting a character between two.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?utf-8?B?\(Data(chunk).base64EncodedString())?=")
            chunk = []
        }
        // 39 bytes become 52 base64 characters: with the 12 of `=?utf-8?B?` and `?=`, 64 of the 75 allowed, so
        // that "Subject: " and a word stay within 78 characters a line.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 { flush() }
            chunk += bytes.prefix(39)
        }
        flush()
        return words.isEmpty ? ["=?utf-8?B??="] : words
    }

    /// `text` in quoted-printable (RFC 2045): lines of at most 76 characters with soft breaks, CRLF line ends,
    /// `=`, controls, non-ASCII bytes and spaces before a line end encoded.
    public static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            var length = 0
            let bytes = Array(line.utf8)
            for (position, byte) in bytes.enumerated() {
                let last = position == bytes.count - 1
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 0x20 || byte == 0x09) && !last)
                let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // A soft break keeps each line at 76 characters including its `=`.
                if length + piece.count > 75 {
                    output += Array("=\r\n".utf8)
                    length = 0
                }
                output += piece
                length += piece.count
            }
            if index < lines.count - 1 { output += Array("\r\n".utf8) }
        }
        return String(decoding: output, as: UTF8.self) + "\r\n"
    }

    /// A date as RFC 5322 writes it, in UTC: `Wed, 02 Dec 2026 04:21:49 +0000`.
    public static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// The reminder `lernpfad due --format mail` writes for one learner, in the learner's language.
public enum DueMail {
    /// The message to `to` from `from` about `learner`'s items, dated `date`; `course` is the course title.
    public static func message(
        for learner: DueReport.LearnerDue, to: MailAddress, from: MailAddress, date: Date, asOf: Date, course: String
    ) -> String {
        let german = learner.language == .german
        let wording = TeamWording.for(learner.language)
        let overdue = learner.items.filter { $0.daysLeft < 0 || $0.state == .overdue }.count
        let soon = learner.items.count - overdue
        var counts: [String] = []
        if overdue > 0 { counts.append(german ? "\(overdue) überfällig" : "\(overdue) overdue") }
        if soon > 0 { counts.append(german ? "\(soon) bald fällig" : "\(soon) due soon") }
        let subject = "\(MailMessage.headerText(course)): " + counts.joined(separator: ", ")
        var body: [String] = []
        let name = MailMessage.headerText(learner.name)
        body.append(german ? "Hallo \(name)," : "Hello \(name),")
        body.append("")
        body.append(
            german
                ? "lernpfad zeigt für Sie mit Stand \(wording.format(asOf)) als fällig:"
                : "this is what lernpfad shows as due for you as of \(wording.format(asOf)):")
        body.append("")
        for item in learner.items {
            let title = MailMessage.headerText(item.title)
            body.append(
                "- \(title) (\(MailMessage.headerText(item.id))): \(when(item, german: german, wording: wording))")
            if let waiver = item.waiver { body.append("  " + MailMessage.headerText(wording.waiverNote(waiver))) }
        }
        body.append("")
        body.append(
            german
                ? "Weiter geht es im Terminal mit: lernpfad"
                : "To continue, run in a terminal: lernpfad")
        body.append("")
        body.append("-- ")
        body.append(
            german
                ? "Diese Nachricht hat lernpfad für das Mailsystem Ihrer Organisation geschrieben."
                : "lernpfad wrote this message for your organisation's mail system.")
        let id = NameBasedUUID.make(
            namespace: NameBasedUUID.urlNamespace,
            name: "lernpfad-due|\(learner.id)|\(Timestamp.format(asOf))|\(Timestamp.format(date))")
        let headers: [(String, String)] = [
            ("From", from.header), ("To", MailAddress(to.address, name: learner.name)?.header ?? to.address),
            ("Subject", MailMessage.unstructured(subject)), ("Date", MailMessage.date(date)),
            ("Message-ID", "<\(id.uuidString.lowercased())@\(from.domain)>"),
            ("Auto-Submitted", "auto-generated"), ("Content-Language", german ? "de" : "en"),
        ]
        return MailMessage.render(headers: headers, body: body.joined(separator: "\n"))
    }

    /// When an item is due, in words: "seit 14 Tagen überfällig (seit 18. November 2026)".
    static func when(_ item: DueReport.Item, german: Bool, wording: TeamWording) -> String {
        let day = wording.format(item.due)
        let days = abs(item.daysLeft)
        if item.daysLeft < 0 || item.state == .overdue {
            let count = wording.overdue(1, days).dropFirst(2)
            return german ? "\(count) (seit \(day))" : "\(count) (since \(day))"
        }
        if item.state == .waived { return german ? "Erlass endet am \(day)" : "waiver ends on \(day)" }
        let inDays = wording.dueIn(days)
        return german ? "\(inDays) (bis \(day))" : "\(inDays) (by \(day))"
    }
}
