import Foundation
import StepwiseStore

/// `stepwise doctor --db PATH [--repair [--output NEW]]`: what state a database is in, and a copy of what a
/// damaged one still holds.
enum DoctorCommand: Command {
    static let name = "doctor"
    static let summary = "Check a database, and save what a damaged one still holds"
    static let help = """
        Usage: stepwise doctor --db PATH [--repair [--output NEW.db]]

        Checks the database at PATH without changing it: the file, its header (application id), its schema
        version, every page and index (PRAGMA integrity_check), whether a stepwise process holds it (the writer
        lock), RUNNING executions (they resume when the database is next opened to write) and rows whose owner
        is gone. One line per check:
          ok|note|PROBLEM  CHECK: DETAIL
        Exit status: 0 when no check finds a problem, 1 when one does, 2 for a usage error.

        --repair copies what can be read into a new database (NEW.db, default PATH with ".repaired" before its
        extension, which must not exist), never writing to PATH: table by table, row by row, skipping the rows
        on broken pages. An execution is kept only with its whole history, step log, callbacks and Map Runs;
        those lost (their row is unreadable) or partial (their row reads but their history does not) are listed
        and left out, as are jobs of executions left out. It then says how to switch to the new file. Exit
        status: 0 when everything was saved, 1 when something was left out, 2 when nothing could be saved.
        """
    static let options: [OptionSpec] = [.value("db"), .flag("repair"), .value("output")]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        guard arguments.positionals.isEmpty else {
            output.error("stepwise doctor: unexpected argument '\(arguments.positionals[0])'\n\n\(help)")
            return 2
        }
        guard let path = arguments.value("db") else {
            output.error("stepwise doctor: --db PATH is required\n\n\(help)")
            return 2
        }
        guard arguments.flag("repair") || arguments.value("output") == nil else {
            output.error("stepwise doctor: --output goes with --repair\n\n\(help)")
            return 2
        }
        let report = DatabaseDoctor.examine(path)
        output.print("stepwise doctor: \(path)")
        for finding in report.findings {
            let level = finding.level == .problem ? "PROBLEM" : finding.level.rawValue
            output.print("  \(level.padding(toLength: 8, withPad: " ", startingAt: 0)) \(finding.check): \(finding.detail)")
        }
        guard arguments.flag("repair") else {
            output.print(report.isHealthy ? "healthy" : "damaged: `stepwise doctor --db \(path) --repair` saves what can be read into a new file")
            return report.isHealthy ? 0 : 1
        }
        return repair(path, into: arguments.value("output") ?? defaultOutput(path), &output)
    }

    /// `dir/name.db` → `dir/name.repaired.db`.
    static func defaultOutput(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().path
        return url.pathExtension.isEmpty ? "\(stem).repaired" : "\(stem).repaired.\(url.pathExtension)"
    }

    static func repair(_ path: String, into destination: String, _ output: inout Output) -> Int32 {
        let report: DatabaseDoctor.RepairReport
        do {
            report = try DatabaseDoctor.repair(path, into: destination)
        } catch {
            output.error("stepwise doctor: nothing saved: \((error as? StoreError)?.message ?? "\(error)")")
            return 2
        }
        output.print("repair: into \(destination)")
        let lost = report.lost.count + report.partial.count
        output.print("  executions: \(report.recovered.count) saved whole, \(report.lost.count) lost, \(report.partial.count) partial (left out)")
        for arn in report.lost { output.print("    lost: \(arn) (its record cannot be read)") }
        for (arn, reason) in report.partial { output.print("    partial: \(arn) (\(reason))") }
        var incomplete = lost > 0
        for table in report.tables {
            var parts = ["\(table.copied) copied"]
            if table.unreadable > 0 { parts.append("\(table.unreadable) unreadable") }
            if table.dropped > 0 { parts.append("\(table.dropped) dropped with what they belong to") }
            if table.scanStopped { parts.append("reading stopped at a broken page: later rows may be missing") }
            incomplete = incomplete || table.unreadable > 0 || table.dropped > 0 || table.scanStopped
            output.print("  \(table.table): \(parts.joined(separator: ", "))")
        }
        output.print(
            """
            To switch to it: stop every stepwise process using \(path), move \(path) (with its -wal and -shm files, \
            if any) aside, then `mv \(destination) \(path)`; or serve the new file where it is: \
            `stepwise serve --db \(destination)`. RUNNING executions resume from their last recorded step.
            """)
        return incomplete ? 1 : 0
    }
}
