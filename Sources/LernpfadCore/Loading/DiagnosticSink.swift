/// Collects the diagnostics of one load; a reference so that readers of nested nodes can share it.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    func error(_ file: String, _ mark: SourceMark?, _ message: String) {
        diagnostics.append(Diagnostic(.error, file, line: mark?.line, column: mark?.column, message))
    }

    func warning(_ file: String, _ mark: SourceMark?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file, line: mark?.line, column: mark?.column, message))
    }

    func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    /// The number of errors so far, so a caller can tell whether a part added any.
    var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
}

/// A line and column in a content file, 1-based.
public struct SourceMark: Hashable, Sendable {
    /// The line.
    public var line: Int
    /// The column, counted in Unicode scalars.
    public var column: Int

    /// Makes a mark.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
