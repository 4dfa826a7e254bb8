import Foundation
import Glibc

/// Sets up a team's shared data folder (`lernpfad init --shared DIR --group G`), see `docs/sharing.md`.
///
/// The folder, `learners/` and `sync/` get the group and mode 2770 (setgid, so everything made in them keeps
/// the group); learner files and ledgers already there get the group and group read (0640), lock files group
/// read and write (0660). Symbolic links and other non-regular entries are left alone.
public enum SharedFolderSetup {
    /// What was set up, and what could not be changed.
    public struct Outcome: Equatable, Sendable {
        /// The folders made shared.
        public var folders: [String] = []
        /// The files given the group and mode.
        public var files: [String] = []
        /// Entries left as they were, with the reason (not a regular file, not this user's, ...).
        public var refused: [SkippedFile] = []
        /// Folders above the shared folder that members of the group cannot enter.
        public var closedParents: [String] = []
    }

    /// The mode of the shared folders: setgid, group may read, enter and add files; others nothing.
    public static let folderMode: mode_t = 0o2770

    /// Makes `folder` (and its missing parents, privately) a shared folder of group `group`.
    public static func run(folder: String, group: gid_t) throws(StoreError) -> Outcome {
        var outcome = Outcome()
        let parent = (folder as NSString).deletingLastPathComponent
        var status = stat()
        guard stat(parent.isEmpty ? "." : parent, &status) == 0 else {
            // Parents made here would be private and keep the group out; where they go is the user's choice.
            throw errno == ENOENT ? .folderMissing(path: parent) : .io(path: parent, operation: "open", errno: errno)
        }
        outcome.closedParents = closedParents(of: folder, group: group)
        for path in [folder, folder + "/learners", folder + "/sync"] {
            try share(path, group: group)
            outcome.folders.append(path)
        }
        for subfolder in [folder + "/learners", folder + "/sync"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: subfolder)) ?? []
            for name in names.sorted() {
                let path = subfolder + "/" + name
                let mode: mode_t = name.hasSuffix(".lock") ? 0o660 : 0o640
                if let reason = shareFile(path, group: group, mode: mode) {
                    outcome.refused.append(SkippedFile(file: path, reason: reason))
                } else {
                    outcome.files.append(path)
                }
            }
        }
        return outcome
    }

    /// The folders above `folder` that a member of `group` (not their owner) cannot enter.
    static func closedParents(of folder: String, group: gid_t) -> [String] {
        var closed: [String] = []
        var path = (folder as NSString).deletingLastPathComponent
        while !path.isEmpty {
            var status = stat()
            if stat(path, &status) == 0 {
                let enterable = status.st_mode & 0o001 != 0 || (status.st_gid == group && status.st_mode & 0o010 != 0)
                if !enterable { closed.append(path) }
            }
            if path == "/" { break }
            path = (path as NSString).deletingLastPathComponent
        }
        return closed.reversed()
    }

    private static func share(_ path: String, group: gid_t) throws(StoreError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw .io(path: path, operation: "create folder", errno: errno)
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .io(path: path, operation: "open folder", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw .io(path: path, operation: "share folder", errno: ENOTDIR)
        }
        guard chown(path, uid_t.max, group) == 0 else {
            throw .io(path: path, operation: "give the folder to group \(group)", errno: errno)
        }
        guard chmod(path, folderMode) == 0 else {
            throw .io(path: path, operation: "set mode 2770 on folder", errno: errno)
        }
        // chmod drops the setgid bit silently for a group the user is not in.
        guard lstat(path, &status) == 0, status.st_mode & 0o7777 == folderMode else {
            throw .io(path: path, operation: "set mode 2770 on folder", errno: EPERM)
        }
    }

    /// Nil when done, else why not; never follows a symbolic link.
    private static func shareFile(_ path: String, group: gid_t, mode: mode_t) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == ELOOP ? "a symbolic link; left alone" : String(cString: strerror(errno))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return String(cString: strerror(errno)) }
        guard status.st_mode & S_IFMT == S_IFREG else { return "not a regular file; left alone" }
        guard fchown(descriptor, uid_t.max, group) == 0, fchmod(descriptor, (status.st_mode & 0o660) | mode) == 0
        else { return "cannot change group or mode (\(String(cString: strerror(errno))))" }
        return nil
    }
}
