import Foundation
import Glibc

/// The learner files of one data folder: `<data>/learners/<id>.json`.
///
/// Every change is a read-modify-write under an exclusive lock on `<id>.json.lock`, written atomically, so two
/// processes appending to one learner lose nothing and a reader never sees half a file.
public struct LearnerStore: Sendable {
    /// The data folder.
    public var dataFolder: String

    /// A store over `dataFolder`.
    public init(dataFolder: String) {
        self.dataFolder = dataFolder
    }

    /// The folder that holds the learner files.
    public var learnersFolder: String { dataFolder + "/learners" }

    /// The file of learner `id`; throws before touching the file system when the id is invalid.
    public func path(for id: String) throws(StoreError) -> String {
        guard Identifier.isValidLearnerID(id) else { throw .invalidLearnerID(id) }
        return learnersFolder + "/" + id + ".json"
    }

    /// Reads one learner.
    ///
    /// The file name is the learner id: a file whose inner id differs is refused, whichever way it was decoded,
    /// so no command can write to, report on or send statements for one learner from another's file.
    public func read(_ id: String) throws(StoreError) -> LearnerRecord {
        var buffer: [UInt8] = []
        return try read(id, buffer: &buffer)
    }

    /// Learner `id`, read through `buffer`, which a caller reading many files passes from one to the next.
    private func read(_ id: String, buffer: inout [UInt8]) throws(StoreError) -> LearnerRecord {
        let file = try path(for: id)
        let record: LearnerRecord
        do {
            record = try AtomicFile.contents(of: file, into: &buffer) { bytes throws(StoreError) in
                try LearnerFileCodec.decode(bytes: bytes, path: file)
            }
        } catch .io(_, _, ENOENT) {
            throw .learnerNotFound(id: id, path: file)
        }
        guard record.learner.id == id else {
            throw .identityMismatch(path: file, fileID: id, innerID: record.learner.id)
        }
        return record
    }

    /// True when learner `id` has a file.
    public func exists(_ id: String) -> Bool {
        guard let file = try? path(for: id) else { return false }
        return FileManager.default.fileExists(atPath: file)
    }

    /// Writes a new learner; refuses to replace an existing file.
    public func create(_ record: LearnerRecord) throws(StoreError) {
        let file = try path(for: record.learner.id)
        try AtomicFile.makeFolder(learnersFolder)
        try locked(file) { () throws(StoreError) in
            var status = stat()
            if lstat(file, &status) == 0 {
                if let kind = AtomicFile.kind(of: status.st_mode) { throw .notRegularFile(path: file, kind: kind) }
                throw .learnerExists(id: record.learner.id, path: file)
            }
            // A new file starts its hash chain with its first events.
            try AtomicFile.write(LearnerFileCodec.encode(LearnerChain.linked(record)), to: file)
        }
    }

    /// Applies `change` to the current file content under the lock and writes the result atomically.
    ///
    /// A file that does not decode is never overwritten: the error says where it is and why. Events the change
    /// appends are linked into the file's hash chain from its stored head (one hash each); a schema-1 file is
    /// chained from its first event and written as schema 2.
    @discardableResult
    public func update(_ id: String, _ change: (inout LearnerRecord) throws -> Void) throws -> LearnerRecord {
        let file = try path(for: id)
        return try locked(file) { () throws -> LearnerRecord in
            var record = try read(id)
            try change(&record)
            guard record.learner.id == id else {
                throw StoreError.identityMismatch(path: file, fileID: id, innerID: record.learner.id)
            }
            try LearnerChain.link(&record)
            try AtomicFile.write(LearnerFileCodec.encode(record), to: file)
            return record
        }
    }

    /// Appends events to a learner's file.
    @discardableResult
    public func append(_ events: [LearnerEvent], to id: String) throws -> LearnerRecord {
        try update(id) { $0.events.append(contentsOf: events) }
    }

    /// Removes temp files a killed writer left for learner `id` (`.<id>.json.tmp-<pid>-<n>` whose process is
    /// gone). They are never read, but should not pile up in a shared folder. Called once per session.
    ///
    /// Only regular files whose name is exactly one the store makes for this learner are removed, never a name
    /// that merely starts the same way.
    public func removeLeftovers(of id: String) {
        guard Identifier.isValidLearnerID(id) else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: learnersFolder)) ?? []
        for name in names {
            guard let pid = AtomicFile.temporaryWriter(of: id + ".json", in: name), pid != getpid(),
                kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            var status = stat()
            let path = learnersFolder + "/" + name
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            unlink(path)
        }
    }

    /// Deletes a learner's file and its lock.
    public func remove(_ id: String) throws(StoreError) {
        let file = try path(for: id)
        try locked(file) { () throws(StoreError) in
            guard FileManager.default.fileExists(atPath: file) else { throw .learnerNotFound(id: id, path: file) }
            guard unlink(file) == 0 else { throw .io(path: file, operation: "delete", errno: errno) }
        }
        unlink(file + ".lock")
    }

    /// Fails unless the learners folder exists and this user can list it and open its files.
    ///
    /// `learnerIDs()` and `readAll()` treat a missing folder as empty, which suits the TUI's first start; a
    /// report or a sync over a folder it cannot see calls this first, so that a wrong `--data` or a folder
    /// without permissions is an error, never an empty team.
    public func requireFolder() throws(StoreError) {
        for folder in [dataFolder, learnersFolder] {
            var status = stat()
            guard stat(folder, &status) == 0 else {
                if errno == ENOENT { throw .folderMissing(path: folder) }
                throw .io(path: folder, operation: "open folder", errno: errno)
            }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw .io(path: folder, operation: "open folder", errno: ENOTDIR)
            }
        }
        guard let listing = opendir(learnersFolder) else {
            throw .io(path: learnersFolder, operation: "list folder", errno: errno)
        }
        closedir(listing)
        guard access(learnersFolder, X_OK) == 0 else {
            throw .io(path: learnersFolder, operation: "open the files of folder", errno: errno)
        }
    }

    /// The ids that have a regular file, sorted; a missing or unreadable folder has none.
    public func learnerIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: learnersFolder)) ?? []
        return names.compactMap { name -> String? in
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
            let id = String(name.dropLast(5))
            // A FIFO, link or folder is no learner; `readAll` reports it as skipped.
            guard Identifier.isValidLearnerID(id), AtomicFile.isRegularFile(learnersFolder + "/" + name) else {
                return nil
            }
            return id
        }.sorted()
    }

    /// Every learner file: the ones that decode, and the skipped ones with the reason.
    ///
    /// Files are read and decoded on all cores; each file is read whole in one call, and since writers replace
    /// files by rename, a reader never sees half a file.
    public func readAll() -> (records: [LearnerRecord], skipped: [SkippedFile]) {
        let (records, skipped) = readAll { $0 }
        return (records, skipped)
    }

    /// `transform` of every learner file that decodes, in file-name order, and the skipped files.
    ///
    /// The transform runs on the reading thread as soon as a file is decoded, so a caller that keeps only a
    /// summary never holds ten thousand records at once.
    public func readAll<Value: Sendable>(_ transform: @Sendable (LearnerRecord) -> Value) -> (
        values: [Value], skipped: [SkippedFile]
    ) {
        // Hidden `.json` files are listed too: older versions accepted ids with a leading dot, and such a file
        // is reported as skipped rather than left invisible. Temp files never end in `.json`.
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: learnersFolder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        // Runs of files, each read through one buffer; enough runs that the cores stay busy to the end.
        let run = 32
        let results = parallelMap((names.count + run - 1) / run) { part in
            var buffer: [UInt8] = []
            return names[(part * run)..<min(names.count, (part + 1) * run)].map { name in
                readOne(name, buffer: &buffer).map(transform)
            }
        }
        var values: [Value] = []
        var skipped: [SkippedFile] = []
        values.reserveCapacity(names.count)
        for result in results.joined() {
            switch result {
            case .success(let value): values.append(value)
            case .failure(let file): skipped.append(file)
            }
        }
        return (values, skipped)
    }

    private func readOne(_ name: String, buffer: inout [UInt8]) -> Result<LearnerRecord, SkippedFile> {
        let file = learnersFolder + "/" + name
        let id = String(name.dropLast(5))
        guard Identifier.isValidLearnerID(id) else {
            return .failure(SkippedFile(file: file, reason: "file name is not a valid learner id"))
        }
        do {
            return .success(try read(id, buffer: &buffer))
        } catch {
            return .failure(SkippedFile(file: file, reason: error.shortReason))
        }
    }

    private func locked<T>(_ file: String, _ body: () throws -> T) throws -> T {
        try AtomicFile.makeFolder(learnersFolder)
        return try AtomicFile.withLock(file + ".lock", body)
    }

    private func locked(_ file: String, _ body: () throws(StoreError) -> Void) throws(StoreError) {
        do {
            try locked(file) { () throws -> Void in try body() }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: file, operation: "lock", errno: EIO)
        }
    }
}

/// A learner file that was left out of a team view, with the reason.
public struct SkippedFile: Error, Hashable, Sendable, Codable {
    /// The file.
    public var file: String
    /// Why it was skipped.
    public var reason: String

    /// Makes an entry.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

extension StoreError {
    /// The reason without the path, for lists that name the file already.
    var shortReason: String {
        switch self {
        case .corrupted(_, let reason): return reason
        case .newerSchema(_, let schema): return "newer schema \(schema)"
        case .notRegularFile(_, let kind): return "\(kind), not a regular file; left alone"
        case .tooLarge(_, let size, let limit):
            return "\(size) bytes, more than the \(limit) lernpfad reads; left alone"
        case .io(_, let operation, let errno): return "\(operation) failed: \(String(cString: strerror(errno)))"
        case .identityMismatch(_, let fileID, let innerID):
            return "holds learner '\(innerID.sanitizedForMessage)', not '\(fileID)'; the file name is the learner id"
        default: return description
        }
    }
}

extension Error {
    fileprivate var shortReason: String {
        (self as? StoreError)?.shortReason ?? String(describing: self)
    }
}
