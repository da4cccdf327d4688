import Foundation
import StepwiseSQLite

extension DatabaseDoctor {
    /// What ``repair(_:into:)`` saved and what it could not.
    package struct RepairReport: Sendable {
        package struct TableCount: Sendable, Equatable {
            package var table: String
            package var copied = 0
            /// Rows that could not be read (a broken page), or that the new schema refused.
            package var unreadable = 0
            /// Rows dropped because what they belong to was not saved.
            package var dropped = 0
            /// A scan stopped at a broken page: rows after it may be missing and are not counted.
            package var scanStopped = false
        }

        package var output: String
        /// Executions saved with their whole history, step log, callbacks and Map Runs, by ARN.
        package var recovered: [String] = []
        /// Execution rows that could not be read: their ARN when an index still names it, else `rowid N`.
        package var lost: [String] = []
        /// Executions whose row reads but whose history (or step log, callbacks, Map Runs) does not read whole:
        /// not saved, with why.
        package var partial: [(arn: String, reason: String)] = []
        /// The other tables.
        package var tables: [TableCount] = []
    }

    /// Tables copied with their execution, never on their own.
    static let executionTables: Set<String> = [
        "executions", "history_segments", "events", "step_log", "task_callbacks", "map_runs", "map_run_executions",
    ]

    /// Copies what can be read of the Stepwise database at `path` into a new database at `output` (which must
    /// not exist), never writing to `path`.
    ///
    /// Row by row, table by table: an execution is kept only with its whole history (events 1…event_count, from
    /// segments that decode and legacy rows), a step log without gaps, and its task callbacks and Map Runs (their children's histories whole too); what cannot be
    /// read is skipped and reported. Other tables are copied row by row (rows whose owner was not saved are dropped,
    /// by their foreign keys); jobs of executions not saved are dropped. The new file has this build's full schema.
    ///
    /// - Throws: when `output` exists, or `path` cannot be read as a Stepwise database at all (its schema table or
    ///   header is what is broken, or it is another application's or a newer stepwise's database).
    package static func repair(_ path: String, into output: String) throws -> RepairReport {
        guard !FileManager.default.fileExists(atPath: output) else {
            throw StoreError(.alreadyExists, "\(output) already exists; choose another --output (repair never overwrites a file)")
        }
        let source = try SQLiteConnection(storeAt: path, mode: .readOnly)
        try source.configureForReading(busyTimeout: 5_000)
        try source.execute("PRAGMA cell_size_check = ON")
        try source.checkIsStepwise(allowingOlder: true)
        let destination = try SQLiteConnection.openWriter(path: output, options: Store.Options())
        try destination.execute("PRAGMA foreign_keys = OFF")
        var copier = RowCopier(source: source, destination: destination)
        var report = RepairReport(output: output)
        try destination.execute("BEGIN IMMEDIATE")
        try copier.copyExecutions(into: &report)
        let tables = try source.rows("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid") { $0.text(0) }
        for table in tables where table != "migrations" && !executionTables.contains(table) {
            guard let count = try copier.copyTable(table) else { continue }
            report.tables.append(count)
        }
        try copier.dropOrphans(into: &report)
        try destination.execute("COMMIT")
        try destination.execute("PRAGMA foreign_keys = ON")
        return report
    }
}

/// Reads rows from a damaged database one at a time, so a broken page costs the rows on it and no others, and
/// writes them to the new one.
struct RowCopier {
    let source: SQLiteConnection
    let destination: SQLiteConnection
    /// Per table: the columns both databases have, in the new table's order.
    private var columnCache: [String: [String]] = [:]

    init(source: SQLiteConnection, destination: SQLiteConnection) {
        self.source = source
        self.destination = destination
    }

    /// Rows of `sql` until the end or the first error (a broken page), and that error.
    func scan<T>(_ sql: String, _ values: (any SQLBindable)?..., row: (SQLiteStatement) -> T) -> (rows: [T], error: (any Error)?) {
        var rows: [T] = []
        do {
            let statement = try source.statement(sql)
            statement.reset()
            defer { statement.reset() }
            try statement.bind(values)
            while try statement.step() { rows.append(row(statement)) }
            return (rows, nil)
        } catch {
            return (rows, error)
        }
    }

    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// The columns `table` has in both databases (nil when either has no such table).
    mutating func columns(_ table: String) throws -> [String]? {
        if let cached = columnCache[table] { return cached }
        let pragma = "SELECT name FROM pragma_table_info(?) ORDER BY cid"
        let new = try destination.rows(pragma, table) { $0.text(0) }
        let old = Set(try source.rows(pragma, table) { $0.text(0) })
        let shared = new.filter(old.contains)
        guard !shared.isEmpty else { return nil }
        columnCache[table] = shared
        return shared
    }

    /// `SELECT <shared columns> FROM table <condition>`; nil when either database has no such table.
    mutating func select(_ table: String, _ condition: String) throws -> String? {
        guard let list = try columns(table)?.map(Self.quoted).joined(separator: ", ") else { return nil }
        return "SELECT \(list) FROM \(Self.quoted(table)) \(condition)"
    }

    /// Inserts one row (the shared columns' values); false when the new schema refuses it.
    mutating func insert(_ table: String, _ values: [SQLValue]) throws -> Bool {
        let list = try columns(table) ?? []
        let sql =
            "INSERT INTO \(Self.quoted(table)) (\(list.map(Self.quoted).joined(separator: ", "))) VALUES (\(list.map { _ in "?" }.joined(separator: ", ")))"
        let statement = try destination.statement(sql)
        statement.reset()
        defer { statement.reset() }
        do {
            try statement.bind(values.map { $0 as (any SQLBindable)? })
            try statement.step()
            return true
        } catch let error as StoreError where error.kind == .constraint {
            return false
        }
    }

    /// Whether `table` has rowids.
    func hasRowids(_ table: String) -> Bool {
        let sql = (try? source.rows("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", table) { $0.text(0) })?.first ?? ""
        return !sql.uppercased().contains("WITHOUT ROWID")
    }

    /// Every rowid of `table` any of its B-trees still names (the table's own and each index's), with the label
    /// (`labelColumn`) an index gives it, plus every rowid up to the largest seen: a broken page hides its rows
    /// from a scan but not from a lookup of the rows after it. A rowid seen that a lookup does not find was on a
    /// broken page.
    func rowids(_ table: String, labelColumn: String?) -> (all: [Int], seen: Set<Int>, labels: [Int: String]) {
        var seen: Set<Int> = []
        var labels: [Int: String] = [:]
        let label = labelColumn.map(Self.quoted) ?? "NULL"
        let indexes = (try? source.rows("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?", table) { $0.text(0) }) ?? []
        let sources =
            ["SELECT rowid, NULL FROM \(Self.quoted(table))"]
            + indexes.map { "SELECT rowid, \(label) FROM \(Self.quoted(table)) INDEXED BY \(Self.quoted($0))" }
        for sql in sources {
            for (rowid, name) in scan(sql, row: { ($0.int(0), $0.optionalText(1)) }).rows {
                seen.insert(rowid)
                if let name { labels[rowid] = name }
            }
        }
        guard let largest = seen.max(), largest > 0 else { return (seen.sorted(), seen, labels) }
        return (Array(Set(1...largest).union(seen)).sorted(), seen, labels)
    }

    /// One row by rowid: its values, nil when there is none, or the error reading it.
    mutating func row(_ table: String, rowid: Int) throws -> Result<[SQLValue]?, any Error> {
        guard let sql = try select(table, "WHERE rowid = ?") else { return .success(nil) }
        let (rows, error) = scan(sql, rowid) { $0.values() }
        if let error { return .failure(error) }
        return .success(rows.first)
    }

    /// Copies a table that no execution owns, row by row; nil when the new schema has no such table.
    mutating func copyTable(_ table: String) throws -> DatabaseDoctor.RepairReport.TableCount? {
        guard try columns(table) != nil else { return nil }
        var count = DatabaseDoctor.RepairReport.TableCount(table: table)
        if hasRowids(table) {
            let (all, seen, _) = rowids(table, labelColumn: nil)
            for rowid in all {
                switch try row(table, rowid: rowid) {
                case .success(nil): if seen.contains(rowid) { count.unreadable += 1 }
                case .success(let values?): if try insert(table, values) { count.copied += 1 } else { count.unreadable += 1 }
                case .failure: count.unreadable += 1
                }
            }
        } else {
            // Keyed by its primary key alone: read in key order up to the first broken page.
            let (rows, error) = scan(try select(table, "") ?? "SELECT 1 WHERE 0") { $0.values() }
            for values in rows {
                if try insert(table, values) { count.copied += 1 } else { count.unreadable += 1 }
            }
            count.scanStopped = error != nil
        }
        return count
    }

    /// Deletes, from the new database, rows whose foreign key names a row that was not saved (repeatedly, as
    /// such a row may own others), and jobs whose execution was not saved; counted as dropped.
    mutating func dropOrphans(into report: inout DatabaseDoctor.RepairReport) throws {
        func drop(_ table: String, _ rows: Int) {
            guard rows > 0 else { return }
            if let index = report.tables.firstIndex(where: { $0.table == table }) {
                report.tables[index].dropped += rows
                report.tables[index].copied -= rows
            }
        }
        drop("jobs", try destination.run("DELETE FROM jobs WHERE execution_arn IS NOT NULL AND execution_arn NOT IN (SELECT arn FROM executions)"))
        for _ in 0..<10 {
            let tables = Set(try destination.rows("SELECT \"table\" FROM pragma_foreign_key_check") { $0.text(0) })
            guard !tables.isEmpty else { return }
            for table in tables.sorted() {
                let keys = try destination.rows("SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq", table) {
                    (id: $0.int(0), parent: $0.text(1), from: $0.text(2), to: $0.optionalText(3))
                }
                for id in Set(keys.map(\.id)).sorted() {
                    let columns = keys.filter { $0.id == id }
                    guard let parent = columns.first?.parent else { continue }
                    let match = columns.map { "p.\(Self.quoted($0.to ?? "rowid")) = c.\(Self.quoted($0.from))" }.joined(separator: " AND ")
                    let present = columns.map { "c.\(Self.quoted($0.from)) IS NOT NULL" }.joined(separator: " AND ")
                    let sql = """
                        DELETE FROM \(Self.quoted(table)) AS c WHERE \(present)
                            AND NOT EXISTS (SELECT 1 FROM \(Self.quoted(parent)) p WHERE \(match))
                        """
                    drop(table, try destination.run(sql))
                }
            }
        }
    }
}
