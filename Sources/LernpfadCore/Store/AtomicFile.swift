import Foundation
import Glibc

/// Durable whole-file replacement and advisory locking with POSIX calls.
///
/// `Data.write(options: .atomic)` neither keeps permissions nor syncs the folder on Linux, hence this.
public enum AtomicFile {
    /// Replaces `path` with `data`: temp file in the same folder, fsync, rename, fsync the folder.
    ///
    /// A crash at any point leaves either the old or the new file, never a mix. The mode and group follow the
    /// folder's sharing rule (`FolderSharing`): 0600 in a personal folder, 0640 and the folder's group in a
    /// shared one; an existing file's read and write bits for owner and group are kept. `beforeRename` lets
    /// tests stop the write at its most delicate point. `durable: false` skips both fsyncs, for files that only
    /// spare work and can be rebuilt (see `SyncLedger`): the rename still keeps readers from ever seeing half a
    /// file.
    ///
    /// Only a regular file or nothing is replaced: a symbolic link, FIFO, device, socket or folder at `path` is
    /// refused (`StoreError.notRegularFile`), so a write can neither go through a link to another file nor
    /// swap a link, a device such as `/dev/full` or a FIFO for a regular file with a mode taken from elsewhere.
    public static func write(
        _ data: Data, to path: String, durable: Bool = true, beforeRename: () throws -> Void = {}
    ) throws(StoreError) {
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let name = (path as NSString).lastPathComponent
        var status = stat()
        var existing: mode_t?
        if lstat(path, &status) == 0 {
            if let kind = kind(of: status.st_mode) { throw .notRegularFile(path: path, kind: kind) }
            existing = status.st_mode
        } else if errno != ENOENT {
            throw .io(path: path, operation: "write", errno: errno)
        }
        let sharing = FolderSharing.of(folder: folder)
        var mode = sharing.mode(replacing: existing)
        let temporary =
            folder + "/" + temporaryName(of: name, pid: getpid(), counter: UInt32.random(in: 0...UInt32.max))
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .io(path: temporary, operation: "create", errno: errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
        }
        do {
            try writeAll(data, to: descriptor, path: temporary)
            mode = sharing.claim(descriptor, mode: mode)
            guard fchmod(descriptor, mode) == 0 else {
                throw StoreError.io(path: temporary, operation: "chmod", errno: errno)
            }
            guard !durable || fsync(descriptor) == 0 else {
                throw StoreError.io(path: temporary, operation: "fsync", errno: errno)
            }
            closed = true
            guard close(descriptor) == 0 else { throw StoreError.io(path: temporary, operation: "close", errno: errno) }
            try beforeRename()
            guard rename(temporary, path) == 0 else {
                throw StoreError.io(path: path, operation: "rename", errno: errno)
            }
        } catch let error as StoreError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw .io(path: path, operation: "write", errno: EIO)
        }
        if durable { syncFolder(folder) }
    }

    /// The name of a temp file for `name` made by process `pid`: `.<name>.tmp-<pid>-<counter>`.
    public static func temporaryName(of name: String, pid: Int32, counter: UInt32) -> String {
        ".\(name).tmp-\(pid)-\(counter)"
    }

    /// The writer's process id when `candidate` is exactly a name `temporaryName(of: name, ...)` makes, else nil.
    ///
    /// Only such names may be cleaned up: anything else in the folder (another learner's file, a name that
    /// merely starts the same way) is not the store's to delete.
    public static func temporaryWriter(of name: String, in candidate: String) -> Int32? {
        let prefix = ".\(name).tmp-"
        guard candidate.hasPrefix(prefix) else { return nil }
        let parts = candidate.utf8.dropFirst(prefix.utf8.count).split(
            separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }),
            let pid = Int32(String(decoding: parts[0], as: UTF8.self)), pid > 0,
            UInt32(String(decoding: parts[1], as: UTF8.self)) != nil
        else { return nil }
        return pid
    }

    /// Runs `body` while holding an exclusive `flock` on `lockPath`, made if needed with the folder's lock mode
    /// (0600, or 0660 and the folder's group in a shared folder, so that every member can take the lock).
    public static func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let descriptor = try openLock(lockPath)
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.io(path: lockPath, operation: "lock", errno: errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// The whole regular file at `path` in one open and as few reads as it takes.
    ///
    /// A symbolic link, FIFO, device, socket or folder is refused without being opened (`lstat`), and the open
    /// itself neither follows a link nor waits for a FIFO's writer (`O_NOFOLLOW`, `O_NONBLOCK`), so an entry
    /// swapped in between is refused too: nothing in a shared folder can make a reader hang or read elsewhere.
    /// A team report reads ten thousand files; `FileManager.contents(atPath:)` added a third to the system
    /// time of that. Writers replace files by rename, so what is read is one whole version of the file.
    public static func contents(of path: String) throws(StoreError) -> Data {
        var buffer: [UInt8] = []
        return try contents(of: path, into: &buffer) { Data($0) }
    }

    /// `body` of the bytes of the regular file at `path`, read into `buffer`, which is grown when the file does
    /// not fit and otherwise reused: a team report reads ten thousand files, and a fresh zero-filled buffer for
    /// each was page faults and zeroing for every one. The same checks as `contents(of:)`.
    static func contents<T>(
        of path: String, into buffer: inout [UInt8], _ body: (UnsafeRawBufferPointer) throws(StoreError) -> T
    ) throws(StoreError) -> T {
        try contents(of: path, into: &buffer, limit: readLimit, body)
    }

    /// The most bytes a file may have to be read: 64 MiB, about a hundred thousand events of a learner file (a
    /// learner has hundreds). A larger one, or a sparse file that claims terabytes, is refused before any
    /// memory is set aside for it.
    public static let readLimit = 64 << 20

    /// As `contents(of:into:_:)`, with the size limit given.
    static func contents<T>(
        of path: String, into buffer: inout [UInt8], limit: Int,
        _ body: (UnsafeRawBufferPointer) throws(StoreError) -> T
    ) throws(StoreError) -> T {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .io(path: path, operation: "read", errno: errno) }
        if let kind = kind(of: status.st_mode) { throw .notRegularFile(path: path, kind: kind) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw .notRegularFile(path: path, kind: "a symbolic link") }
            throw .io(path: path, operation: "read", errno: errno)
        }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw .io(path: path, operation: "read", errno: errno) }
        if let kind = kind(of: status.st_mode) { throw .notRegularFile(path: path, kind: kind) }
        let size = max(Int(status.st_size), 0)
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        if buffer.count < size { buffer = [UInt8](repeating: 0, count: size) }
        var filled = 0
        var failure: Int32?
        buffer.withUnsafeMutableBytes { buffer in
            // At most the size fstat gave: a file that grows meanwhile is read as it was then.
            while filled < size {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count > 0 {
                    filled += count
                } else if count == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
        }
        if let failure { throw .io(path: path, operation: "read", errno: failure) }
        let result = buffer.withUnsafeBytes { bytes -> Result<T, StoreError> in
            do throws(StoreError) {
                return .success(try body(UnsafeRawBufferPointer(rebasing: bytes[0..<filled])))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// What a non-regular file is, for messages ("a FIFO"); nil for a regular file.
    static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFLNK: return "a symbolic link"
        case S_IFIFO: return "a FIFO"
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// True when `path` is a regular file itself, not a link to one (`lstat`).
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Makes `path` and its missing parents. A new folder follows its parent's sharing rule: 0700 under a
    /// personal folder, the parent's group, group bits and setgid bit under a shared one (`FolderSharing`).
    public static func makeFolder(_ path: String) throws(StoreError) {
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else {
                throw .io(path: path, operation: "create folder", errno: ENOTDIR)
            }
            return
        }
        guard errno == ENOENT else { throw .io(path: path, operation: "create folder", errno: errno) }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolder(parent) }
        let sharing = FolderSharing.of(folder: parent.isEmpty ? "." : parent)
        guard mkdir(path, 0o700) == 0 else {
            if errno == EEXIST { return }
            throw .io(path: path, operation: "create folder", errno: errno)
        }
        guard let group = sharing.group else { return }
        // mkdir takes the group and setgid bit from a setgid parent on Linux; say so explicitly for others.
        if stat(path, &status) == 0, status.st_gid != group { chown(path, uid_t.max, group) }
        guard chmod(path, sharing.folderMode) == 0 else {
            throw .io(path: path, operation: "set the mode of folder", errno: errno)
        }
    }

    /// Opens (making it if needed) the lock file at `path` for reading and writing.
    ///
    /// Never through a symbolic link (`O_NOFOLLOW`, and `O_EXCL` when making it), so a link named like the lock
    /// cannot make the store create or open a file elsewhere; a FIFO or device there is refused, not waited on.
    private static func openLock(_ path: String) throws(StoreError) -> Int32 {
        while true {
            let existing = open(path, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            if existing >= 0 {
                var status = stat()
                guard fstat(existing, &status) == 0, kind(of: status.st_mode) == nil else {
                    close(existing)
                    throw .notRegularFile(path: path, kind: kind(of: status.st_mode) ?? "not a regular file")
                }
                return existing
            }
            if errno == ELOOP { throw .notRegularFile(path: path, kind: "a symbolic link") }
            guard errno == ENOENT else { throw .io(path: path, operation: "open lock", errno: errno) }
            let sharing = FolderSharing.of(folder: (path as NSString).deletingLastPathComponent)
            let made = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if made < 0 {
                if errno == EEXIST { continue }
                throw .io(path: path, operation: "create lock", errno: errno)
            }
            fchmod(made, sharing.claim(made, mode: sharing.lockMode))
            return made
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(StoreError) {
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .io(path: path, operation: "write", errno: failure) }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
