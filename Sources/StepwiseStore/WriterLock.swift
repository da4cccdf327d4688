import Foundation

/// The exclusive right to write one database: an `flock` on the database file itself, so every path that
/// reaches it (a symlink, a hard link, a relative path, a bind mount) meets the same lock, and one on
/// `<database>.lock`, which holds the owner's pid so a refusal through the same path can name it. Both are held
/// until released or the process ends (the kernel drops them even on `kill -9`).
///
/// Two processes that both resumed the same RUNNING executions would run every task twice and interleave their
/// histories; SQLite's own locks only serialize transactions, not ownership. Read-only opens take no lock. The
/// `.lock` file is never deleted (removing it would let a third process lock a new file while the owner still
/// holds the old one). `flock` and SQLite's `fcntl` locks are independent on Linux and macOS, so the lock on the
/// database file does not disturb SQLite's own.
final class WriterLock {
    /// The open `.lock` file. Invariant: valid and locked from `init` until `deinit` closes it (which unlocks).
    private let descriptor: Int32
    /// The open database file, locked from `init` until `deinit` unlocks it.
    private let database: DatabaseFileLock
    let path: String

    /// Takes the lock for the database at `databasePath`, or throws at once when another process holds it.
    ///
    /// - Throws: `.inUse` naming the owner's pid; `.readOnly` when the directory cannot hold the lock file.
    init(databasePath: String) throws {
        path = databasePath + ".lock"
        // SQLite creates `-wal` and `-shm` files next to the database; without a writable directory it fails later
        // with a bare "unable to open database file".
        if FileManager.default.fileExists(atPath: Self.directory(of: databasePath)), !Self.isDirectoryWritable(of: databasePath) {
            throw Self.openError(EACCES, databasePath: databasePath, lockPath: path)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.openError(errno, databasePath: databasePath, lockPath: path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let owner = Self.owner(descriptor)
            close(descriptor)
            guard code == EWOULDBLOCK else {
                throw StoreError(.sqlite, "cannot lock \(path): \(String(cString: strerror(code)))")
            }
            let pid = owner.map { " (pid \($0))" } ?? ""
            throw StoreError(.inUse, "database \(databasePath) is in use by another stepwise process\(pid)")
        }
        do {
            database = try DatabaseFileLock(databasePath: databasePath)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        let text = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }  // only informs the message above
    }

    deinit {
        database.unlock()
        close(descriptor)
    }

    /// The pid written by the process holding the lock, if readable.
    private static func owner(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The directory holding `databasePath` ("." for a bare file name).
    static func directory(of databasePath: String) -> String {
        let directory = (databasePath as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    /// Whether files can be created in the database's directory (false for an immutable one, even for root).
    static func isDirectoryWritable(of databasePath: String) -> Bool {
        access(directory(of: databasePath), W_OK) == 0
    }

    private static func openError(_ code: Int32, databasePath: String, lockPath: String) -> StoreError {
        switch code {
        case EACCES, EPERM, EROFS:
            return StoreError(.readOnly, "\(databasePath) is read-only (its directory \(directory(of: databasePath)) cannot be written)")
        case ENOENT:
            return StoreError(.notFound, "the directory of \(databasePath) does not exist")
        default:
            return StoreError(.sqlite, "cannot create \(lockPath): \(String(cString: strerror(code)))")
        }
    }
}
