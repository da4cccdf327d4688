import StepwiseSQLite

extension RowCopier {
    /// Rows an execution owns, table by table, in the order they are inserted.
    typealias OwnedRows = [(table: String, values: [SQLValue])]

    /// Copies every execution whose row reads, with all it owns, when all of that reads whole; reports the others.
    mutating func copyExecutions(into report: inout DatabaseDoctor.RepairReport) throws {
        guard let columns = try columns("executions"), let arnColumn = columns.firstIndex(of: "arn"),
            let countColumn = columns.firstIndex(of: "event_count")
        else { return }
        let (candidates, seen, labels) = rowids("executions", labelColumn: "arn")
        for rowid in candidates {
            switch try row("executions", rowid: rowid) {
            case .success(nil): if seen.contains(rowid) { report.lost.append(labels[rowid] ?? "rowid \(rowid)") }
            case .failure: report.lost.append(labels[rowid] ?? "rowid \(rowid)")
            case .success(let values?):
                guard case .text(let arn) = values[arnColumn], case .integer(let count) = values[countColumn] else {
                    report.lost.append(labels[rowid] ?? "rowid \(rowid)")
                    continue
                }
                switch try owned(by: arn, events: count) {
                case .failure(let problem): report.partial.append((arn, problem.reason))
                case .success(let rows):
                    guard try insert("executions", values) else {
                        report.lost.append(arn)
                        continue
                    }
                    for (table, row) in rows where try !insert(table, row) {
                        throw StoreError(.constraint, "the repaired database refused a row of \(table) of \(arn)")
                    }
                    report.recovered.append(arn)
                }
            }
        }
    }

    struct Incomplete: Error {
        var reason: String
    }

    /// Everything `arn` owns, or why it does not read whole.
    private mutating func owned(by arn: String, events count: Int) throws -> Result<OwnedRows, Incomplete> {
        var rows: OwnedRows = []
        guard let segments = try segments(of: arn) else {
            return .failure(Incomplete(reason: "its history does not read whole (\(count) events)"))
        }
        let legacyCount = count - segments.events.count
        guard let history = try history(of: arn, events: legacyCount),
            segments.events.elementsEqual((legacyCount + 1)...max(legacyCount, count))
        else {
            return .failure(Incomplete(reason: "its history does not read whole (\(count) events)"))
        }
        rows += history.map { ("events", $0) }
        var numbers: [Int] = []
        if let sql = try select("step_log", "WHERE execution_arn = ? ORDER BY seq"), let seq = try columns("step_log")?.firstIndex(of: "seq") {
            let (steps, error) = scan(sql, arn) { $0.values() }
            guard error == nil else { return .failure(Incomplete(reason: "its step log does not read whole")) }
            numbers = steps.map { if case .integer(let value) = $0[seq] { value } else { -1 } }
            rows += steps.map { ("step_log", $0) }
        }
        numbers += segments.steps
        let contiguous = zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 } && (numbers.first ?? 0) <= 1
        guard contiguous else { return .failure(Incomplete(reason: "its step log does not read whole")) }
        rows += segments.rows
        if let sql = try select("task_callbacks", "WHERE execution_arn = ?") {
            let (callbacks, error) = scan(sql, arn) { $0.values() }
            guard error == nil else { return .failure(Incomplete(reason: "its task callbacks do not read whole")) }
            rows += callbacks.map { ("task_callbacks", $0) }
        }
        guard let runs = try mapRuns(of: arn) else { return .failure(Incomplete(reason: "its Map Runs do not read whole")) }
        return .success(rows + runs)
    }

    /// The history segments of `arn`, with the event ids and step numbers they hold, in log order; nil when one
    /// does not read or decode.
    private mutating func segments(of arn: String) throws -> (rows: OwnedRows, events: [Int], steps: [Int])? {
        guard let sql = try select("history_segments", "WHERE execution_arn = ? ORDER BY last_event_id, last_seq"),
            let body = try columns("history_segments")?.firstIndex(of: "body")
        else { return ([], [], []) }
        let (segments, error) = scan(sql, arn) { $0.values() }
        guard error == nil else { return nil }
        var events: [Int] = []
        var steps: [Int] = []
        for segment in segments {
            guard case .blob(let bytes) = segment[body], let log = try? LogDecoder.decode(bytes, steps: true, events: 1...Int.max) else {
                return nil
            }
            events += log.events.map(\.id)
            steps += log.steps.map(\.seq)
        }
        return (segments.map { ("history_segments", $0) }, events, steps)
    }

    /// Events 1…`count` of `arn`, or nil when any is missing or unreadable.
    private mutating func history(of arn: String, events count: Int) throws -> [[SQLValue]]? {
        guard let sql = try select("events", "WHERE execution_arn = ? ORDER BY id"), let id = try columns("events")?.firstIndex(of: "id") else {
            return count == 0 ? [] : nil
        }
        let (events, error) = scan(sql, arn) { $0.values() }
        guard error == nil, events.count == count else { return nil }
        for (offset, event) in events.enumerated() where event[id] != .integer(offset + 1) { return nil }
        return events
    }

    /// The Map Runs of `arn`, their child executions and the children's histories; nil unless all read whole.
    private mutating func mapRuns(of arn: String) throws -> OwnedRows? {
        guard let runSQL = try select("map_runs", "WHERE execution_arn = ?"), let runArn = try columns("map_runs")?.firstIndex(of: "arn") else {
            return []
        }
        let (runs, error) = scan(runSQL, arn) { $0.values() }
        guard error == nil else { return nil }
        var rows: OwnedRows = runs.map { ("map_runs", $0) }
        guard !runs.isEmpty, let childSQL = try select("map_run_executions", "WHERE map_run_arn = ?"),
            let childColumns = try columns("map_run_executions"), let childArn = childColumns.firstIndex(of: "arn"),
            let childCount = childColumns.firstIndex(of: "event_count")
        else { return rows }
        for run in runs {
            guard case .text(let runName) = run[runArn] else { return nil }
            let (children, error) = scan(childSQL, runName) { $0.values() }
            guard error == nil else { return nil }
            for child in children {
                // A child's history: rows of earlier builds (events 1…k), then its segments (k+1…event_count).
                guard case .text(let name) = child[childArn], case .integer(let count) = child[childCount],
                    let segments = try segments(of: name), segments.events.count <= count,
                    let history = try history(of: name, events: count - segments.events.count),
                    segments.events == Array(stride(from: history.count + 1, through: count, by: 1))
                else { return nil }
                rows.append(("map_run_executions", child))
                rows += history.map { ("events", $0) }
                rows += segments.rows
            }
        }
        return rows
    }
}
