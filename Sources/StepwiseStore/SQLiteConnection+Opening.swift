import Foundation
import StepwiseSQLite

extension SQLiteConnection {
    /// Opens `path` as the store does: every failure is thrown as a ``StoreError``.
    convenience init(storeAt path: String, mode: Mode) throws {
        try self.init(path: path, mode: mode) { error in
            let mapped = StoreError(error)
            if mapped.kind == .notADatabase { DamageReports.record(mapped.message, at: path) }
            return mapped
        }
    }

    /// Opens the store's writer connection at `path`: creates a new database, or upgrades an existing one
    /// after checking it read-only, so a file we must refuse is never written to.
    static func openWriter(path: String, options: Store.Options) throws -> SQLiteConnection {
        if try !isNew(path) {
            let reader = try SQLiteConnection(storeAt: path, mode: .readOnly)
            try reader.configureForReading(busyTimeout: options.busyTimeoutMilliseconds)
            try reader.checkIsStepwise(allowingOlder: true)
            if options.checkIntegrity { try reader.checkIntegrity() }
        }
        let database = try SQLiteConnection(storeAt: path, mode: .readWrite)
        guard !database.isReadOnly else {
            throw StoreError(.readOnly, "\(path) is read-only (the file cannot be written)")
        }
        try database.configureForWriting(options)
        try database.migrate(Migration.all)
        return database
    }

    /// Opens a read-only connection to an existing, fully migrated Stepwise database.
    static func openReader(path: String, options: Store.Options) throws -> SQLiteConnection {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "no database at \(path)")
        }
        do {
            return try checkedReader(path: path, mode: .readOnly, options: options)
        } catch let error as StoreError where SQLiteResultCode(error.code).primary == .cannotOpen && !WriterLock.isDirectoryWritable(of: path) {
            // A WAL database needs its `-shm` index, which a read-only directory cannot get. Without a write-ahead
            // log to read, the file alone is the whole database and nothing can change it: read it as immutable.
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
            guard log == nil || log?.intValue == 0 else {
                throw StoreError(
                    .readOnly,
                    """
                    \(path) cannot be read in place: its directory is read-only and its write-ahead log (\(path)-wal) \
                    has no index; copy the database and its -wal file to a writable directory
                    """, code: error.code)
            }
            return try checkedReader(path: path, mode: .immutable, options: options)
        }
    }

    private static func checkedReader(path: String, mode: Mode, options: Store.Options) throws -> SQLiteConnection {
        let database = try SQLiteConnection(storeAt: path, mode: mode)
        try database.configureForReading(busyTimeout: options.busyTimeoutMilliseconds)
        try database.checkIsStepwise(allowingOlder: false)
        return database
    }

    /// Whether `path` holds no database yet: missing, or an empty file (SQLite treats both as a new database).
    private static func isNew(_ path: String) throws -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return true }
        return (attributes[.size] as? NSNumber)?.intValue == 0
    }

    /// Throws `.damaged` with the first problems `PRAGMA quick_check` finds (it reads every page).
    func checkIntegrity() throws {
        let problems: [String]
        do {
            problems = try rows("PRAGMA quick_check(5)") { $0.text(0) }
        } catch let error as StoreError where error.kind == .notADatabase {
            problems = [error.message]
        }
        guard problems != ["ok"] else { return }
        throw StoreError(
            .damaged,
            """
            database \(path) is damaged (\(problems.joined(separator: "; "))); restore a copy or move it aside
            """)
    }

    /// Throws unless this is a Stepwise database whose migrations this build knows.
    ///
    /// Only reads: the header (`application_id`), the table list and the migrations table. A file that is not
    /// SQLite fails the first read with SQLITE_NOTADB.
    func checkIsStepwise(allowingOlder: Bool) throws {
        let applicationID: Int?
        do {
            applicationID = try int("PRAGMA application_id")
        } catch let error as StoreError where error.kind == .notADatabase {
            throw StoreError(.notADatabase, "\(path) is not an SQLite database (\(error.message))", code: error.code)
        }
        let tables = try rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { $0.text(0) }
        // Empty (a creation that failed part-way, all rolled back): a writer creates it anew.
        if allowingOlder, applicationID == 0, try int("SELECT count(*) FROM sqlite_schema") == 0, try int("PRAGMA user_version") == 0 {
            return
        }
        guard applicationID == Int(Migration.applicationID), tables.contains("migrations") else {
            let found = tables.isEmpty ? "no tables" : "tables \(tables.joined(separator: ", "))"
            throw StoreError(.foreignDatabase, "\(path) is an SQLite database but not a Stepwise one (\(found))")
        }
        let applied = try appliedMigrations()
        let known = Migration.all.map(\.name)
        try checkCompatible(applied: applied, known: known)
        guard allowingOlder || applied.count == known.count else {
            throw StoreError(.readOnly, "\(path) needs migrations \(known.dropFirst(applied.count)); open it read-write once")
        }
    }
}
