import Synchronization

/// Damage SQLite reported (SQLITE_CORRUPT or SQLITE_NOTADB) by database path, for the store's health.
///
/// Recorded where the store's connections map SQLite's errors, which know the path but not the store; cleared
/// when a store opens the path afresh.
enum DamageReports {
    private static let reports = Mutex<[String: String]>([:])

    static func record(_ message: String, at path: String) {
        reports.withLock { $0[path] = $0[path] ?? message }
    }

    static func damage(at path: String) -> String? { reports.withLock { $0[path] } }

    static func clear(_ path: String) { _ = reports.withLock { $0.removeValue(forKey: path) } }
}
