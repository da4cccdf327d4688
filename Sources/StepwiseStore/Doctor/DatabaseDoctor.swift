import Foundation
import StepwiseSQLite

/// `stepwise doctor`: what state a database file is in, read without changing it, and (``repair(_:into:)``) a new
/// database holding what can still be read from a damaged one.
package enum DatabaseDoctor {
    /// One line of the report.
    package struct Finding: Sendable, Equatable {
        package enum Level: String, Sendable { case ok, note, problem }
        package var level: Level
        /// What was checked: "integrity", "schema", ….
        package var check: String
        package var detail: String
    }

    /// Everything ``examine(_:)`` found.
    package struct Report: Sendable {
        package var path: String
        package var findings: [Finding] = []
        /// No finding is a problem.
        package var isHealthy: Bool { !findings.contains { $0.level == .problem } }

        mutating func add(_ level: Finding.Level, _ check: String, _ detail: String) {
            findings.append(Finding(level: level, check: check, detail: detail))
        }
    }

    /// How many problems `PRAGMA integrity_check` lists at most.
    static let integrityProblemLimit = 20

    /// Examines the database at `path` read-only: the file, its header (application id), its schema version, every
    /// page and index (`PRAGMA integrity_check`), the writer lock, RUNNING executions and rows whose owner is gone.
    package static func examine(_ path: String) -> Report {
        var report = Report(path: path)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            report.add(.problem, "file", "no database at \(path)")
            return report
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        report.add(.ok, "file", "\(size) bytes" + (log.map { ", write-ahead log \($0.intValue) bytes" } ?? ""))
        let database: SQLiteConnection
        do {
            database = try SQLiteConnection(storeAt: path, mode: .readOnly)
            try database.configureForReading(busyTimeout: 5_000)
            try database.execute("PRAGMA cell_size_check = ON")
        } catch {
            report.add(.problem, "file", "cannot open: \(Self.describe(error))")
            return report
        }
        guard checkHeader(database, into: &report) else { return report }
        checkIntegrity(database, into: &report)
        checkLock(path, into: &report)
        checkExecutions(database, into: &report)
        checkSegments(database, into: &report)
        checkOrphans(database, into: &report)
        return report
    }

    /// Every history segment decodes; a damaged one is named (its execution's other segments stay readable).
    private static func checkSegments(_ database: SQLiteConnection, into report: inout Report) {
        do {
            var total = 0
            var damaged: [String] = []
            let sql =
                "SELECT execution_arn, first_event_id, last_event_id, body FROM history_segments ORDER BY execution_arn, last_event_id, last_seq"
            _ = try database.rows(sql) { row in
                total += 1
                if (try? LogDecoder.decode(row.blob(3), steps: true, events: 1...Int.max)) == nil {
                    damaged.append("\(row.text(0)) events \(row.int(1))–\(row.int(2))")
                }
            }
            if damaged.isEmpty {
                report.add(.ok, "history segments", "\(total) decode whole")
            } else {
                report.add(.problem, "history segments", "\(damaged.count) of \(total) do not decode: \(damaged.prefix(20).joined(separator: "; "))")
            }
        } catch  where describe(error).contains("no such table") {
            return  // an older schema, before history segments
        } catch {
            report.add(.problem, "history segments", "cannot be read: \(describe(error))")
        }
    }

    /// The application id and the migrations; false when the file is not a Stepwise database at all.
    private static func checkHeader(_ database: SQLiteConnection, into report: inout Report) -> Bool {
        let applicationID: Int
        do {
            applicationID = try database.int("PRAGMA application_id") ?? 0
        } catch {
            report.add(.problem, "header", "not a readable SQLite database: \(describe(error))")
            return false
        }
        guard applicationID == Int(Migration.applicationID) else {
            report.add(
                .problem, "application id", "\(applicationID), not Stepwise's \(Int(Migration.applicationID)) (\"StpW\"): not a Stepwise database")
            return false
        }
        report.add(.ok, "application id", "\(applicationID) (\"StpW\")")
        let known = Migration.all.map(\.name)
        do {
            let applied = try database.appliedMigrations()
            if let unknown = applied.first(where: { !known.contains($0) }) {
                report.add(.problem, "schema", "written by a newer stepwise (migration '\(unknown)' is unknown to this one)")
            } else if !applied.elementsEqual(known.prefix(applied.count)) {
                report.add(.problem, "schema", "migrations \(applied) are out of the expected order")
            } else if applied.count < known.count {
                report.add(
                    .note, "schema",
                    "version \(applied.count) of \(known.count): the next writer applies \(known.dropFirst(applied.count).joined(separator: ", "))")
            } else {
                report.add(.ok, "schema", "version \(applied.count) of \(known.count) (\(known.last ?? ""))")
            }
        } catch {
            report.add(.problem, "schema", "the migrations cannot be read: \(describe(error))")
        }
        return true
    }

    /// Every page, every index entry and every constraint (`PRAGMA integrity_check`, which reads the whole file).
    private static func checkIntegrity(_ database: SQLiteConnection, into report: inout Report) {
        do {
            let problems = try database.rows("PRAGMA integrity_check(\(integrityProblemLimit))") { $0.text(0) }
            if problems == ["ok"] {
                report.add(.ok, "integrity", "every page and index reads back whole")
            } else {
                let more = problems.count >= integrityProblemLimit ? " (the first \(integrityProblemLimit))" : ""
                report.add(.problem, "integrity", "\(problems.count) problems\(more): \(problems.joined(separator: "; "))")
            }
        } catch {
            report.add(.problem, "integrity", "the check stopped: \(describe(error))")
        }
    }

    /// Whether a process writes the database now (taking the writer lock for a moment and giving it back).
    private static func checkLock(_ path: String, into report: inout Report) {
        do {
            _ = try WriterLock(databasePath: path)
            report.add(.ok, "writer lock", "free: no stepwise process writes this database")
        } catch let error as StoreError where error.kind == .inUse {
            report.add(.note, "writer lock", "\(error.message): stop it before replacing the file")
        } catch {
            report.add(.note, "writer lock", "not checked: \(describe(error))")
        }
    }

    /// Executions by status; RUNNING ones resume when a writer opens the database.
    private static func checkExecutions(_ database: SQLiteConnection, into report: inout Report) {
        do {
            let counts = try database.rows("SELECT status, count(*) FROM executions GROUP BY status ORDER BY status") { ($0.text(0), $0.int(1)) }
            let total = counts.reduce(0) { $0 + $1.1 }
            let byStatus = counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            report.add(.ok, "executions", total == 0 ? "none" : "\(total) (\(byStatus))")
            if let running = counts.first(where: { $0.0 == "RUNNING" })?.1 {
                report.add(
                    .note, "running",
                    "\(running) RUNNING: they resume from their last recorded step when serve, run or resume next opens the database")
            }
        } catch {
            report.add(.problem, "executions", "cannot be counted: \(describe(error))")
        }
    }

    /// Rows that belong to something that is no longer there, by table: each query counts one kind.
    static let orphanQueries: [(label: String, sql: String)] = [
        (
            "events without an execution",
            """
            SELECT count(*) FROM events v WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = v.execution_arn)
                AND NOT EXISTS (SELECT 1 FROM map_run_executions c WHERE c.arn = v.execution_arn)
            """
        ),
        (
            "step log rows without an execution",
            "SELECT count(*) FROM step_log s WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = s.execution_arn)"
        ),
        (
            "history segments without an execution",
            """
            SELECT count(*) FROM history_segments s WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = s.execution_arn)
                AND NOT EXISTS (SELECT 1 FROM map_run_executions c WHERE c.arn = s.execution_arn)
            """
        ),
        (
            "task callbacks without an execution",
            "SELECT count(*) FROM task_callbacks t WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = t.execution_arn)"
        ),
        (
            "jobs whose execution is gone",
            "SELECT count(*) FROM jobs j WHERE j.execution_arn IS NOT NULL AND NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = j.execution_arn)"
        ),
        (
            "Map Runs without an execution",
            "SELECT count(*) FROM map_runs r WHERE NOT EXISTS (SELECT 1 FROM executions e WHERE e.arn = r.execution_arn)"
        ),
        (
            "Map Run children without a Map Run",
            "SELECT count(*) FROM map_run_executions c WHERE NOT EXISTS (SELECT 1 FROM map_runs r WHERE r.arn = c.map_run_arn)"
        ),
        (
            "revisions without a state machine",
            "SELECT count(*) FROM state_machine_revisions r WHERE NOT EXISTS (SELECT 1 FROM state_machines m WHERE m.arn = r.arn)"
        ),
    ]

    private static func checkOrphans(_ database: SQLiteConnection, into report: inout Report) {
        var found: [String] = []
        for (label, sql) in orphanQueries {
            do {
                let count = try database.int(sql) ?? 0
                if count > 0 { found.append("\(count) \(label)") }
            } catch  where describe(error).contains("no such table") {
                continue  // an older schema without that table
            } catch {
                report.add(.problem, "orphan rows", "\(label): cannot be checked: \(describe(error))")
                return
            }
        }
        if found.isEmpty {
            report.add(.ok, "orphan rows", "none")
        } else {
            report.add(.problem, "orphan rows", found.joined(separator: "; "))
        }
    }

    /// An error as one line.
    static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.message ?? "\(error)"
    }
}
