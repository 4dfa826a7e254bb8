/// A command's own failure (exit 1): a one-line message for stderr that says what and where.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}

/// A usage mistake found after parsing (exit 2), such as an unknown role.
struct UsageFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
