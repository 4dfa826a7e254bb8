import Foundation

/// Reads content files safely: inside the content folder, bounded in size, valid UTF-8.
struct ContentFileReader: Sendable {
    /// Why a content file could not be read.
    enum Failure: Error {
        case missing
        case outsideContent(String)
        case tooLarge(Int)
        case invalidUTF8(SourceMark)
        case unreadable(String)

        var message: String {
            switch self {
            case .missing: return "file is missing"
            case .outsideContent(let target): return "symlink leaves the content folder (points to \(target))"
            case .tooLarge(let bytes):
                return "file is \(bytes) bytes, more than the limit of \(ContentFileReader.maximumBytes)"
            case .invalidUTF8: return "file is not valid UTF-8"
            case .unreadable(let reason): return "cannot read file: \(reason)"
            }
        }

        var mark: SourceMark? {
            if case .invalidUTF8(let mark) = self { return mark }
            return nil
        }
    }

    /// Content files larger than this are refused: no lesson needs 4 MiB of text.
    static let maximumBytes = 4 * 1024 * 1024

    /// The content folder with symlinks resolved.
    let resolvedRoot: String

    /// Folders resolved so far, shared by the copies of this reader on every thread of a load.
    private let folders = ResolvedFolders()

    init(root: String) {
        resolvedRoot = Self.resolve(root)
    }

    /// The path with every symlink resolved; the path itself when it does not exist.
    ///
    /// `realpath(3)` rather than Foundation's URL resolution: it runs once per content file at start-up, and
    /// the URL round trip cost more than reading the file.
    static func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `absolutePath` resolves to a place inside the content folder.
    func isInside(_ absolutePath: String) -> Bool {
        let resolved = resolvedLocation(absolutePath)
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    /// `resolve(path)`, from the resolved folder when the last component is a plain name and no symlink.
    ///
    /// realpath(3) reads the link of every component, seven for a lesson: 75,000 calls for 1,000 modules. A name
    /// that is no link adds nothing to its folder's resolution, and a module's files share their folder.
    private func resolvedLocation(_ path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash != bytes.startIndex else {
            return Self.resolve(path)
        }
        let name = path[bytes.index(after: slash)...]
        var status = stat()
        guard !name.isEmpty, name != ".", name != "..", lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK
        else { return Self.resolve(path) }
        // A folder realpath cannot resolve comes back as it was, and so does the path inside it: the same result.
        return folders.resolved(String(path[..<slash])) + "/" + name
    }

    /// The resolved target of a path, for messages.
    func resolvedTarget(_ absolutePath: String) -> String {
        Self.resolve(absolutePath)
    }

    /// Reads a whole file as UTF-8 text.
    func text(at absolutePath: String) -> Result<String, Failure> {
        switch data(at: absolutePath, limit: nil) {
        case .failure(let failure): return .failure(failure)
        case .success(let data): return Self.decodeUTF8(data)
        }
    }

    /// Reads at most `limit` bytes (or the whole file) after the safety checks.
    func data(at absolutePath: String, limit: Int?) -> Result<Data, Failure> {
        var status = stat()
        guard stat(absolutePath, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .failure(.missing) : .failure(.unreadable(Self.reason(errno)))
        }
        guard isInside(absolutePath) else { return .failure(.outsideContent(resolvedTarget(absolutePath))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.unreadable("not a regular file")) }
        let size = Int(status.st_size)
        if limit == nil && size > Self.maximumBytes { return .failure(.tooLarge(size)) }
        let descriptor = open(absolutePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(Self.reason(errno))) }
        defer { close(descriptor) }
        let wanted = min(size, limit ?? size)
        var data = Data(count: wanted)
        var filled = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            while filled < wanted {
                let count = read(descriptor, buffer.baseAddress! + filled, wanted - filled)
                if count > 0 {
                    filled += count
                } else if count == 0 || errno != EINTR {
                    failure = count < 0 ? errno : 0
                    break
                }
            }
        }
        if failure != 0 { return .failure(.unreadable(Self.reason(failure))) }
        // A file that shrank while it was read yields what was there.
        if filled < wanted { data.removeSubrange(filled...) }
        return .success(data)
    }

    private static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Decodes UTF-8, reporting the line and column of the first bad byte.
    static func decodeUTF8(_ data: Data) -> Result<String, Failure> {
        if let text = String(validating: data, as: UTF8.self) { return .success(text) }
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var offset = 0
        while offset < bytes.count {
            let length = utf8SequenceLength(bytes, at: offset)
            if length == 0 { break }
            if bytes[offset] == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            offset += length
        }
        return .failure(.invalidUTF8(SourceMark(line: line, column: column)))
    }

    /// The length of a valid UTF-8 sequence at `offset`, or 0 when it is invalid.
    private static func utf8SequenceLength(_ bytes: [UInt8], at offset: Int) -> Int {
        let first = bytes[offset]
        let length: Int
        switch first {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard offset + length <= bytes.count else { return 0 }
        let sequence = Array(bytes[offset..<(offset + length)])
        return String(validating: sequence, as: UTF8.self) == nil ? 0 : length
    }
}

/// Resolved folder paths behind a lock, so that each is resolved once per load.
private final class ResolvedFolders: @unchecked Sendable {
    private var paths: [String: String] = [:]
    private let lock = NSLock()

    func resolved(_ folder: String) -> String {
        lock.lock()
        let known = paths[folder]
        lock.unlock()
        if let known { return known }
        let resolved = ContentFileReader.resolve(folder)
        lock.lock()
        paths[folder] = resolved
        lock.unlock()
        return resolved
    }
}
