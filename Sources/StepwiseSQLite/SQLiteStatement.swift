import CSQLite

/// A prepared SQL statement: owns its `sqlite3_stmt*` and finalizes it in `deinit`.
///
/// Statements are created and cached by ``SQLiteConnection`` (one per SQL text) and reused: ``reset()`` before
/// binding, bind every parameter, then ``step()`` until it returns `false`. ``run(_:)`` and ``rows(_:_:)`` do
/// all of that and reset after, so a cached statement never holds a read lock between calls. While a row is
/// current, the statement is also the row: read its columns with `int(_:)`, `text(_:)`, ….
package final class SQLiteStatement {
    /// The compiled statement. Invariant: non-nil, owned by this object alone, finalized exactly once in `deinit`.
    package let handle: OpaquePointer
    /// The owning connection, read only for error messages. Invariant: the ``SQLiteConnection`` that created this
    /// statement keeps it in its cache and finalizes it before closing, so the connection outlives it.
    let connection: OpaquePointer
    package let sql: String
    private let errors: SQLiteConnection.ErrorMapping

    init(connection: OpaquePointer, sql: String, errors: @escaping SQLiteConnection.ErrorMapping) throws {
        var handle: OpaquePointer?
        // SQLITE_PREPARE_PERSISTENT: these statements are cached and reused for the connection's lifetime.
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &handle, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_finalize(handle)
            throw errors(SQLiteError(code: code, connection: connection, sql: sql))
        }
        self.handle = handle
        self.connection = connection
        self.sql = sql
        self.errors = errors
    }

    deinit { sqlite3_finalize(handle) }

    /// Makes the statement ready to run again; bindings are kept until overwritten.
    package func reset() { sqlite3_reset(handle) }

    /// Runs the statement to its next row: `true` when a row is available, `false` when done.
    @discardableResult
    package func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            // sqlite3_reset returns the same error and releases the statement's locks right away.
            sqlite3_reset(handle)
            throw errors(SQLiteError(code: code, connection: connection, sql: sql))
        }
    }

    /// Runs a statement that returns no rows, from the start, with `values` bound in order.
    package func run(_ values: (any SQLBindable)?...) throws {
        reset()
        try bind(values)
        try step()
        reset()
    }

    /// Runs the statement with `values` bound and maps every row through `row`.
    package func rows<T>(_ values: [(any SQLBindable)?], _ row: (SQLiteStatement) throws -> T) throws -> [T] {
        reset()
        defer { reset() }
        try bind(values)
        var result: [T] = []
        while try step() { result.append(try row(self)) }
        return result
    }

    /// Binds `values` to parameters 1, 2, … in order; `nil` binds NULL.
    package func bind(_ values: [(any SQLBindable)?]) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            if let value { try value.bind(to: self, at: index) } else { try bindNull(at: index) }
        }
    }

    /// Turns a bind result into an error.
    func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw errors(SQLiteError(code: code, connection: connection, sql: sql)) }
    }
}
