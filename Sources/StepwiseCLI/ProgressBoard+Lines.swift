import Foundation
import Stepwise

extension ProgressBoard {
    /// The lines on screen while the run goes on, at time `now`, each cut to `width` columns:
    ///
    /// ```
    /// ▶ migration · Migrate · 12.4s · 34 states entered · 120 events
    ///   ⧉ Validate (Map) · 650/1,000 done · 12 failed · 8 running
    ///   ⧉ Migrate (Map Run) · items 300/1,000 done · 2 failed · executions 3/10 done · 1 failed · 4 running
    ///   ⑂ EnsureTables (Parallel) · 1/3 branches done · running: DescribeJobsTable, WaitForSubscribersTable
    ///   ↻ WriteCloud · retry 2/6 after DynamoDB.ThrottlingException · next try in 1.6s
    /// ```
    func lines(now: Date, width: Int) -> [String] {
        var lines = [
            "▶ \(machineName) · \(current) · \(Self.duration(now.timeIntervalSince(startDate))) · \(Self.count(statesEntered, "state")) entered · \(Self.count(events, "event"))"
        ]
        let distributed = Set(mapRunStates.values)
        for map in maps where map.active > 0 && map.total > 0 && !distributed.contains(map.name) {
            lines.append(
                "  ⧉ \(map.name) (Map) · \(Self.number(map.done))/\(Self.number(map.total)) done · \(Self.number(map.failed + map.aborted)) failed · "
                    + "\(Self.number(map.running)) running")
        }
        for run in mapRuns where run.status == .running {
            let items = run.itemCounts
            let children = run.executionCounts
            lines.append(
                "  ⧉ \(mapRunStates[run.arn] ?? "Map") (Map Run) · items \(Self.number(Self.done(items)))/\(Self.number(items.total)) done · "
                    + "\(Self.number(Self.failed(items))) failed · executions \(Self.number(Self.done(children)))/\(Self.number(children.total)) done · "
                    + "\(Self.number(Self.failed(children))) failed · \(Self.number(children.running)) running")
        }
        for parallel in parallels where parallel.active {
            let running = parallel.branches.filter { !$0.done }.compactMap(\.current)
            let done = parallel.branches.count { $0.done }
            lines.append(
                "  ⑂ \(parallel.name) (Parallel) · \(done)/\(parallel.branches.count) branches done"
                    + (running.isEmpty ? "" : " · running: \(running.joined(separator: ", "))"))
        }
        for retry in retries.prefix(Self.retryLines) {
            let wait = retry.nextTry.timeIntervalSince(now)
            lines.append(
                "  ↻ \(retry.stateName) · retry \(retry.attempt)/\(retry.maxAttempts) after \(retry.error) · next try \(wait > 0 ? "in \(Self.duration(wait))" : "now")"
            )
        }
        if retries.count > Self.retryLines {
            lines.append("  ↻ … \(Self.count(retries.count - Self.retryLines, "more retry", plural: "more retries"))")
        }
        return lines.map { Self.cut($0, width) }
    }

    /// At most this many retries are listed one per line; the rest are counted.
    static let retryLines = 3

    /// The line left on screen at the end: `✔ SUCCEEDED in 1.4s · 57 states entered · 212 events · 1,000 items (990
    /// succeeded, 10 failed)`; the items part only when a Map ran.
    func summary(_ result: ExecutionResult) -> String {
        let duration = (result.stopDate ?? result.startDate).timeIntervalSince(result.startDate)
        var line = "\(result.status == .succeeded ? "✔" : "✘") \(result.status.rawValue) in \(Self.duration(duration)) · "
        line += "\(Self.count(statesEntered, "state")) entered · \(Self.count(events, "event"))"
        let distributed = Set(mapRunStates.values)
        let inline = maps.filter { !distributed.contains($0.name) }
        var total = inline.reduce(0) { $0 + $1.total }
        var succeeded = inline.reduce(0) { $0 + $1.succeeded }
        var failed = inline.reduce(0) { $0 + $1.failed + $1.aborted }
        for run in mapRuns {
            total += run.itemCounts.total
            succeeded += run.itemCounts.succeeded
            failed += Self.failed(run.itemCounts)
        }
        guard !maps.isEmpty || !mapRuns.isEmpty else { return line }
        let parts = ["\(Self.number(succeeded)) succeeded"] + (failed > 0 ? ["\(Self.number(failed)) failed"] : [])
        return line + " · \(Self.count(total, "item")) (\(parts.joined(separator: ", ")))"
    }

    static func done(_ counts: MapRunRecord.Counts) -> Int { counts.succeeded + failed(counts) }
    static func failed(_ counts: MapRunRecord.Counts) -> Int { counts.failed + counts.timedOut + counts.aborted }

    /// `12.4s`, `2m05s`, `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let tenths = Int((max(0, seconds) * 10).rounded(.down))
        if tenths < 600 { return "\(tenths / 10).\(tenths % 10)s" }
        let whole = tenths / 10
        if whole < 3600 { return "\(whole / 60)m\(two(whole % 60))s" }
        return "\(whole / 3600)h\(two(whole / 60 % 60))m"
    }

    /// `1 state`, `1,000 states`.
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number(value)) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// A whole number with thousands separated by commas, whatever the locale.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The line cut to `width` columns (one per character: the symbols used are one column wide), with `…` last.
    static func cut(_ line: String, _ width: Int) -> String {
        guard width > 1, line.count > width else { return line }
        return String(line.prefix(width - 1)) + "…"
    }
}
