/// Rules for the ids that become file names and IRIs.
public enum Identifier {
    /// True for a content id: one or more of `a-z`, `0-9` and `-`.
    public static func isValidContentID(_ id: String) -> Bool {
        !id.isEmpty
            && id.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
    }

    /// True for a learner id: `a-z`, `0-9`, `.`, `_`, `-`; at most 64; not only dots.
    public static func isValidLearnerID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 64 else { return false }
        guard !id.utf8.allSatisfy({ $0 == 0x2E }) else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
    }
}
