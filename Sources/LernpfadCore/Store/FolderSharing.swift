import Glibc

/// Who may read what lernpfad writes into a folder: the sharing rule of `docs/sharing.md`.
///
/// A folder with the setgid bit is a team's shared folder: what lernpfad makes in it belongs to the folder's
/// group and is readable by that group; group members may add and replace files when the folder is
/// group-writable. Any other folder is personal: folders 0700, files 0600. No file ever gets permission bits
/// for others, execute bits or special bits, whatever mode a file had before.
public struct FolderSharing: Equatable, Sendable {
    /// The group that shares the folder; nil for a personal folder.
    public var group: gid_t?
    /// The folder's group permission bits (`0o070` at most); zero for a personal folder.
    public var groupBits: mode_t

    /// A personal folder: nothing for the group.
    public static let personal = FolderSharing(group: nil, groupBits: 0)

    /// Makes a rule; `groupBits` is masked to the group's bits.
    public init(group: gid_t?, groupBits: mode_t) {
        self.group = group
        self.groupBits = group == nil ? 0 : groupBits & 0o070
    }

    /// The rule of `folder`: shared with the folder's group when it has the setgid bit, else personal (also when
    /// it does not exist).
    public static func of(folder: String) -> FolderSharing {
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_mode & S_ISGID != 0 else {
            return .personal
        }
        return FolderSharing(group: status.st_gid, groupBits: status.st_mode & 0o070)
    }

    /// True for a team's shared folder.
    public var isShared: Bool { group != nil }

    /// A new data file (learner file, ledger, report): 0600, or 0640 when the group may read the folder.
    public var fileMode: mode_t { 0o600 | (groupBits & 0o040) }

    /// A lock file: like a data file, plus group write where members may write, since an exclusive lock
    /// on a network file system needs a descriptor open for writing.
    public var lockMode: mode_t { fileMode | (groupBits & 0o020) }

    /// A new subfolder: 0700, or the folder's group bits and the setgid bit, so the rule carries on down.
    public var folderMode: mode_t { isShared ? 0o2700 | groupBits : 0o700 }

    /// The mode for a file that replaces one with mode `existing` (nil for a new file): the owner's and the
    /// group's read and write bits of the old file are kept (an owner's `chmod 640` stands), never anything
    /// for others, and at least what the rule gives.
    public func mode(replacing existing: mode_t?) -> mode_t {
        guard let existing else { return fileMode }
        return (existing & 0o660) | fileMode
    }

    /// Gives the open file `descriptor` the folder's group; when that fails, takes the group bits away, so that
    /// a file never becomes readable by a group other than the folder's. Returns the mode to set.
    func claim(_ descriptor: Int32, mode: mode_t) -> mode_t {
        guard let group else { return mode }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return mode & 0o700 }
        if status.st_gid == group || fchown(descriptor, uid_t.max, group) == 0 { return mode }
        return mode & 0o700
    }
}
