import Glibc

/// Why the learner store could not do what was asked; every case names the file or id it concerns.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The id breaks the learner-id rule and never reaches the file system.
    case invalidLearnerID(String)
    /// No file for this learner.
    case learnerNotFound(id: String, path: String)
    /// `learner add` for an id that already has a file.
    case learnerExists(id: String, path: String)
    /// The file does not decode; it is left untouched and nothing is written until it is fixed.
    case corrupted(path: String, reason: String)
    /// The file was written by a newer lernpfad.
    case newerSchema(path: String, schema: Int)
    /// The operating system refused a read or write.
    case io(path: String, operation: String, errno: Int32)
    /// The entry is a symbolic link, FIFO, device, socket or folder (`kind` says which): never opened for reading
    /// through, nor written through or over.
    case notRegularFile(path: String, kind: String)
    /// A member this version does not know cannot be written back unchanged, so the file is not written at all.
    case unknownFieldNotKept(id: String, reason: String)
    /// The data folder or its `learners` folder does not exist: a report over it would only look empty.
    case folderMissing(path: String)
    /// The file is larger than lernpfad reads (`AtomicFile.readLimit`): it is left alone, so that one file in a
    /// shared folder, even a sparse one of terabytes, cannot exhaust memory and stop every report.
    case tooLarge(path: String, size: Int, limit: Int)
    /// The file of learner `fileID` (its name is the id) says it belongs to `innerID`; it is neither read nor
    /// written, so that one learner can never act, or be reported, as another.
    case identityMismatch(path: String, fileID: String, innerID: String)

    /// One line that says what and where.
    public var description: String {
        switch self {
        case .invalidLearnerID(let id):
            return
                "invalid learner id '\(id.sanitizedForMessage)': use a-z, 0-9, '.', '_' or '-', at most 64 characters, not starting with '.' and without '.json'"
        case .learnerNotFound(let id, let path):
            return "no learner '\(id)' (expected \(path)); enrol with 'lernpfad learner add'"
        case .learnerExists(let id, let path):
            return "learner '\(id)' already exists (\(path))"
        case .corrupted(let path, let reason):
            return
                "\(path): cannot read learner file (\(reason)); it was left untouched and nothing will be written to it until it is repaired or moved away"
        case .newerSchema(let path, let schema):
            return
                "\(path): written by a newer lernpfad (schema \(schema), this build reads up to \(LearnerRecord.currentSchema)); update lernpfad"
        case .io(let path, let operation, let errno):
            return "\(path): \(operation) failed: \(String(cString: strerror(errno)))"
        case .notRegularFile(let path, let kind):
            return "\(path): is \(kind), not a regular file; lernpfad neither reads nor writes through it"
        case .unknownFieldNotKept(let id, let reason):
            return
                "learner '\(id)': the file holds a field this lernpfad does not know and \(reason); nothing was written, so nothing is lost (update lernpfad)"
        case .folderMissing(let path):
            return
                "\(path): no such folder; check --data or LERNPFAD_DATA, enrol a learner with 'lernpfad learner add', or set up a team folder with 'lernpfad init --shared DIR --group GROUP'"
        case .tooLarge(let path, let size, let limit):
            return "\(path): is \(size) bytes, more than the \(limit) lernpfad reads; it was left untouched"
        case .identityMismatch(let path, let fileID, let innerID):
            return
                "\(path): the file of learner '\(fileID)' holds learner '\(innerID.sanitizedForMessage)'; the file name is the learner id, so it is refused (rename the file or correct its id)"
        }
    }
}
