import Foundation
import JSON

/// `json`: parse and write a ~1 MiB history-like document with our JSON type and with JSONSerialization.
enum JSONBenchmark {
    static func run(harness: Harness) throws {
        let document = EventDocument.make()
        let bytes = document.serializedBytes()
        let data = Data(bytes)
        let value = try JSON(parsing: bytes)
        guard value == document else { throw BenchError("our parser does not give back the generated document") }
        let any = try JSONSerialization.jsonObject(with: data)
        print(
            "json: \(formatCount(Double(bytes.count))) bytes, \(document["events"]?.arrayValue?.count ?? 0) events; "
                + "\(harness.repetitions) repetitions after \(harness.warmup) warm-up, median ms\n")

        let ourParse = try harness.median { try JSON(parsing: bytes) }
        let peerParse = try harness.median { try JSONSerialization.jsonObject(with: data) }
        let ourWrite = harness.median { value.serializedBytes() }
        let peerWrite = try harness.median { try JSONSerialization.data(withJSONObject: any) }
        let ourRoundTrip = try harness.median { try JSON(parsing: bytes).serializedBytes() }
        let peerRoundTrip = try harness.median { try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: data)) }

        var table = Table("operation", "Stepwise JSON", "JSONSerialization", "MB/s (ours)", "speed-up")
        func add(_ name: String, _ ours: Double, _ peer: Double) {
            let throughput = Double(bytes.count) / 1_048_576 / (ours / 1000)
            table.add(name, format(ours, decimals: 2), format(peer, decimals: 2), format(throughput, decimals: 0), format(peer / ours) + "×")
        }
        add("parse", ourParse, peerParse)
        add("write", ourWrite, peerWrite)
        add("parse + write", ourRoundTrip, peerRoundTrip)
        print(table.render())
        print("\nGoal (issue): parse ≥ 4× JSONSerialization → \(peerParse / ourParse >= 4 ? "met" : "NOT met") (\(format(peerParse / ourParse))×)")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
