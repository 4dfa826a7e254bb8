/// Reads one YAML mapping field by field, reporting located errors and every key it was not asked for.
///
/// Each accessor marks its key as known, so `finish()` can name unknown keys such as a typo `pass_makr`.
final class MappingReader {
    let file: String
    let sink: DiagnosticSink
    /// The languages every localised text needs; course.yaml sets them once it has read them.
    var languages: [LanguageCode]
    let mark: SourceMark?
    private let entries: [(key: String, keyMark: SourceMark?, value: YAMLNode)]
    /// The keys asked for: never more than the dozen or so a reader knows, so a list, not a set.
    private var known: [String] = []

    /// Nil (with an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, file: String, what: String, languages: [LanguageCode], sink: DiagnosticSink) {
        self.file = file
        self.sink = sink
        self.languages = languages
        mark = node.sourceMark
        guard case .mapping(let mapping, _) = node else {
            sink.error(file, node.sourceMark, "\(what) must be a mapping of keys to values")
            return nil
        }
        var entries: [(String, SourceMark?, YAMLNode)] = []
        entries.reserveCapacity(mapping.count)
        // A content mapping has a handful of keys, where comparing beats hashing, and a quiz file hundreds of such
        // mappings; a set keeps a hostile mapping with thousands of keys from going quadratic.
        var seen = mapping.count > 16 ? Set<String>() : nil
        for (key, value) in mapping {
            let name = key.string ?? ""
            let repeated: Bool
            if seen == nil {
                repeated = entries.contains { $0.0 == name }
            } else {
                repeated = seen?.insert(name).inserted == false
            }
            if repeated {
                sink.error(file, key.sourceMark, "key '\(name)' appears twice")
            }
            entries.append((name, key.sourceMark, value))
        }
        self.entries = entries
    }

    /// The raw node of `key`, marking the key as known.
    func node(_ key: String) -> YAMLNode? {
        if !known.contains(key) { known.append(key) }
        return entries.first { $0.key == key }?.value
    }

    /// Where `key` is written, or the mapping's start when it is absent.
    func markOf(_ key: String) -> SourceMark? {
        entries.first { $0.key == key }?.keyMark ?? mark
    }

    /// Reports a missing required key.
    func missing(_ key: String) {
        sink.error(file, mark, "missing required field '\(key)'")
    }

    /// A scalar string.
    func string(_ key: String, required: Bool = true) -> String? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return scalar(node, key: key)
    }

    /// A scalar string from any node, with an error if it is not a scalar.
    func scalar(_ node: YAMLNode, key: String) -> String? {
        guard case .scalar(let text, _) = node else {
            sink.error(file, node.sourceMark, "'\(key)' must be a single value")
            return nil
        }
        return text
    }

    /// A content id (`[a-z0-9-]+`).
    func identifier(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        return checkedIdentifier(text, at: node(key)?.sourceMark, key: key)
    }

    /// Checks an id found anywhere, reporting it when it has characters outside `[a-z0-9-]`.
    func checkedIdentifier(_ text: String, at mark: SourceMark?, key: String) -> String? {
        guard Identifier.isValidContentID(text) else {
            sink.error(file, mark, "\(key) '\(text.sanitizedForMessage)' may only contain a-z, 0-9 and '-'")
            return nil
        }
        return text
    }

    /// A whole number.
    func integer(_ key: String, required: Bool = true) -> Int? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Int(text) else {
            sink.error(
                file, node(key)?.sourceMark, "'\(key)' must be a whole number, not '\(text.sanitizedForMessage)'")
            return nil
        }
        return value
    }

    /// A decimal number.
    func number(_ key: String, required: Bool = true) -> Double? {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Double(text), value.isFinite else {
            sink.error(file, node(key)?.sourceMark, "'\(key)' must be a number, not '\(text.sanitizedForMessage)'")
            return nil
        }
        return value
    }

    /// A `YYYY-MM-DD` date.
    func day(_ key: String, required: Bool = true) -> CalendarDay? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = CalendarDay(text) else {
            sink.error(
                file, node(key)?.sourceMark, "'\(key)' must be a date YYYY-MM-DD, not '\(text.sanitizedForMessage)'")
            return nil
        }
        return day
    }

    /// An ISO 8601 duration such as `P12M`.
    func duration(_ key: String, required: Bool = true) -> ISODuration? {
        guard let text = string(key, required: required) else { return nil }
        guard let duration = ISODuration(text) else {
            sink.error(
                file, node(key)?.sourceMark,
                "'\(key)' must be an ISO 8601 duration like P12M, not '\(text.sanitizedForMessage)'")
            return nil
        }
        return duration
    }

    /// A semantic version.
    func version(_ key: String, required: Bool = true) -> SemanticVersion? {
        guard let text = string(key, required: required) else { return nil }
        return checkedVersion(text, at: node(key)?.sourceMark, key: key)
    }

    /// Checks semver text found anywhere.
    func checkedVersion(_ text: String, at mark: SourceMark?, key: String) -> SemanticVersion? {
        guard let version = SemanticVersion(text) else {
            sink.error(file, mark, "'\(key)' must be a semantic version like 1.0.0, not '\(text.sanitizedForMessage)'")
            return nil
        }
        return version
    }

    /// A list node; a missing optional list is empty.
    func sequence(_ key: String, required: Bool = true) -> [YAMLNode]? {
        guard let node = node(key) else {
            if required { missing(key) }
            return required ? nil : []
        }
        guard case .sequence(let items, _) = node else {
            sink.error(file, node.sourceMark, "'\(key)' must be a list")
            return nil
        }
        return items
    }

    /// A list of scalar strings with their marks.
    func strings(_ key: String, required: Bool = true) -> [(String, SourceMark?)]? {
        guard let items = sequence(key, required: required) else { return nil }
        return items.compactMap { item in scalar(item, key: key).map { ($0, item.sourceMark) } }
    }

    /// A localised text: a plain string, or a map with every course language.
    func localized(_ key: String, required: Bool = true) -> LocalizedText? {
        guard let node = node(key) else {
            if required { missing(key) }
            return nil
        }
        return localizedValue(node, key: key)
    }

    /// Reads any node as localised text.
    func localizedValue(_ node: YAMLNode, key: String) -> LocalizedText? {
        switch node {
        case .scalar(let text, _):
            return LocalizedText(text)
        case .mapping(let mapping, _):
            var translations: [LanguageCode: String] = [:]
            for (languageNode, textNode) in mapping {
                let language = LanguageCode(rawValue: languageNode.string ?? "")
                guard case .scalar(let text, _) = textNode else {
                    sink.error(file, textNode.sourceMark, "'\(key)' in '\(language)' must be text")
                    continue
                }
                if !languages.isEmpty && !languages.contains(language) {
                    sink.error(
                        file, languageNode.sourceMark,
                        "'\(key)' has language '\(language.rawValue.sanitizedForMessage)', which course.yaml does not list"
                    )
                }
                translations[language] = text
            }
            let text = LocalizedText(translations)
            for language in text.missingLanguages(among: languages) {
                sink.error(file, node.sourceMark, "'\(key)' is missing language '\(language)'")
            }
            return text
        default:
            sink.error(file, node.sourceMark, "'\(key)' must be text or a map of languages to text")
            return nil
        }
    }

    /// Reports every key that no accessor asked for.
    func finish(what: String) {
        for entry in entries where !known.contains(entry.key) {
            let suggestion = closestKey(to: entry.key).map { " (did you mean '\($0)'?)" } ?? ""
            sink.error(file, entry.keyMark, "unknown field '\(entry.key.sanitizedForMessage)' in \(what)\(suggestion)")
        }
    }

    private func closestKey(to key: String) -> String? {
        let candidates = known.map { ($0, EditDistance.between($0, key)) }.filter { $0.1 <= 2 }
        return candidates.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }
}

/// Levenshtein distance, for "did you mean" hints.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
