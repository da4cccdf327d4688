import CSQLite

/// The SQLite version the store is linked against.
public func sqliteVersion() -> String { String(cString: sqlite3_libversion()) }
