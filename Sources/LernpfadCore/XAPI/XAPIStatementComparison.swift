import Foundation

extension XAPIStatement {
    /// Whether an LRS's copy of a statement is this statement, by xAPI 1.0.3's comparison rules: ids compare
    /// without case, timestamps as instants (an LRS may store another offset or precision), and what the
    /// LRS adds (`stored`, `authority`, `version`) does not count, because it is not decoded.
    public func hasSameContent(as other: XAPIStatement) -> Bool {
        guard id.lowercased() == other.id.lowercased() else { return false }
        guard let mine = Timestamp.parse(timestamp), let theirs = Timestamp.parse(other.timestamp),
            abs(mine.timeIntervalSince(theirs)) < 0.0005
        else { return false }
        var aligned = other
        aligned.id = id
        aligned.timestamp = timestamp
        return aligned == self
    }

    /// The statement in an LRS's answer to `GET statements?statementId=ID`: the bare statement, as xAPI says,
    /// or a statement result holding it, as Ralph answers; `nil` when the answer holds none.
    public static func readBack(from data: Data) -> XAPIStatement? {
        struct Result: Decodable {
            var statements: [XAPIStatement]
        }
        let decoder = JSONDecoder()
        if let bare = try? decoder.decode(XAPIStatement.self, from: data) { return bare }
        return (try? decoder.decode(Result.self, from: data))?.statements.first
    }
}
