import Foundation
import Synchronization

/// An `flock` on a database file, found by its inode: whatever path opened the file (a symlink, a hard link, a
/// relative path, a bind mount), two locks on it conflict, between processes and within one.
///
/// The descriptor on the database file is never closed: closing any descriptor of a file drops every POSIX
/// (`fcntl`) lock this process holds on it, and SQLite's connections to the same file hold such locks. So one
/// descriptor is kept per database file this process has tried to write, locked and unlocked as writers come
/// and go.
struct DatabaseFileLock {
    private let identity: FileIdentity

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    private struct Kept {
        var descriptor: Int32
        var held = false
    }

    /// The kept descriptors by file identity.
    private static let kept = Mutex<[FileIdentity: Kept]>([:])

    /// Locks the file at `databasePath`, creating it empty when missing (SQLite reads an empty file as a new
    /// database), or throws `.inUse` at once when another writer holds it through any path.
    init(databasePath: String) throws {
        var status = stat()
        var fresh: Int32 = -1
        if stat(databasePath, &status) != 0 || !Self.kept.withLock({ $0[FileIdentity(status)] != nil }) {
            fresh = open(databasePath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fresh >= 0 else { throw Self.failure("open", databasePath) }
            guard fstat(fresh, &status) == 0 else {
                let error = Self.failure("inspect", databasePath)
                close(fresh)  // no connection of ours can have this file open: it was not kept
                throw error
            }
        }
        let identity = FileIdentity(status)
        let outcome = Self.kept.withLock { kept -> Int32? in
            var entry = kept[identity] ?? Kept(descriptor: fresh)
            // A descriptor opened in a race with another opener of the same file stays open (see above): rare.
            guard !entry.held else { return nil }
            guard flock(entry.descriptor, LOCK_EX | LOCK_NB) == 0 else {
                kept[identity] = entry
                return errno
            }
            entry.held = true
            kept[identity] = entry
            return 0
        }
        switch outcome {
        case 0: self.identity = identity
        case EWOULDBLOCK?, nil: throw StoreError(.inUse, "database \(databasePath) is in use by another stepwise process")
        case let code?: throw StoreError(.sqlite, "cannot lock \(databasePath): \(String(cString: strerror(code)))")
        }
    }

    /// Releases the lock; the descriptor stays open for the next writer of the same file.
    func unlock() {
        Self.kept.withLock { kept in
            guard var entry = kept[identity], entry.held else { return }
            flock(entry.descriptor, LOCK_UN)
            entry.held = false
            kept[identity] = entry
        }
    }

    private static func failure(_ verb: String, _ path: String) -> StoreError {
        StoreError(.sqlite, "cannot \(verb) \(path): \(String(cString: strerror(errno)))")
    }
}
