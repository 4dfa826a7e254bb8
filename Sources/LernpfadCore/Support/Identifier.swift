/// Rules for the ids that become file names and IRIs.
public enum Identifier {
    /// True for a content id: one or more of `a-z`, `0-9` and `-`.
    public static func isValidContentID(_ id: String) -> Bool {
        !id.isEmpty
            && id.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
    }

    /// True for a learner id: `a-z`, `0-9`, `.`, `_`, `-`; at most 64; not starting with a dot; no `.json` in it.
    ///
    /// The id is the file name (`<id>.json`, `<id>.json.lock`); the store's temp files are
    /// `.<id>.json.tmp-<pid>-<n>`. A leading dot would hide the file from listings and could spell another
    /// learner's temp file, and `.json` inside could spell another learner's file or lock, so neither is
    /// allowed: every name the store makes then belongs to exactly one learner.
    public static func isValidLearnerID(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 64 else { return false }
        guard id.utf8.first != 0x2E, !id.contains(".json") else { return false }
        return id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F
        }
    }
}
