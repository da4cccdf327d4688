import Foundation

/// A tiny benchmark harness: warm up, time N repetitions, keep the median.
///
/// The median rather than the mean because the machine has 2 cores shared with other work: one descheduled
/// repetition should not move the figure.
struct Harness {
    var warmup = 2
    var repetitions = 10

    /// Times `body` and returns the median wall time in milliseconds. `body` returns something derived from
    /// its work so the optimiser cannot drop it.
    func median<T>(_ body: () throws -> T) rethrows -> Double {
        for _ in 0..<warmup { blackHole(try body()) }
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            let result = try body()
            samples.append(milliseconds(ContinuousClock.now - start))
            blackHole(result)
        }
        return Self.median(samples)
    }

    /// The async version, for benchmarks that go through the runtime's actors.
    func asyncMedian<T>(_ body: () async throws -> T) async rethrows -> Double {
        for _ in 0..<warmup { blackHole(try await body()) }
        var samples: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            let result = try await body()
            samples.append(milliseconds(ContinuousClock.now - start))
            blackHole(result)
        }
        return Self.median(samples)
    }

    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    private func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

/// Keeps a value alive and opaque to the optimiser.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// A plain-text table with right-aligned numeric columns.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    func render() -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}

func format(_ value: Double, decimals: Int = 1) -> String {
    guard value.isFinite else { return "n/a" }
    return String(format: "%.\(decimals)f", value)
}

func formatCount(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    let digits = String(Int(value.rounded()))
    var grouped = ""
    for (index, character) in digits.reversed().enumerated() {
        if index > 0, index % 3 == 0 { grouped.append(",") }
        grouped.append(character)
    }
    return String(grouped.reversed())
}
