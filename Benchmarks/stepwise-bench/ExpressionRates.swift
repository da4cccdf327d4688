import Foundation
import JSON
import JSONata

/// Evaluations per second of JSONata expressions, each compiled once and evaluated with `$states` bound to
/// `{"input": input}` as a workflow engine does, and a peer's figures for the same spec (the `jsonata` and
/// `regex` benchmarks).
struct ExpressionRates {
    var expressions: [(name: String, expression: String)]
    var input: JSON

    /// Name → evaluations per second, the median of the harness's repetitions of `evaluations` evaluations.
    func ours(evaluations: Int, harness: Harness) throws -> [String: Double] {
        let bindings = ["states": JSONataValue(["input": input])]
        var rates: [String: Double] = [:]
        for (name, source) in expressions {
            let compiled = try JSONataExpression(source)
            let milliseconds = try harness.median { () throws -> JSON? in
                var last: JSON?
                for _ in 0..<evaluations { last = try compiled.evaluate(JSONataValue(nil), bindings: bindings) }
                return last
            }
            rates[name] = Double(evaluations) / (milliseconds / 1000)
        }
        return rates
    }

    /// Runs a peer script (`{"input", "expressions"}` spec file, evaluation count; one JSON line per
    /// expression with `name` and `per_second`) with `interpreter`; name → evaluations per second.
    func peer(_ interpreter: String, script: URL, evaluations: Int) throws -> [String: Double] {
        let spec: JSON = [
            "input": input, "expressions": .array(expressions.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("expression-bench-\(UUID().uuidString).json")
        try spec.serialized().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try MotoPeer.command(interpreter, [script.path, file.path, String(evaluations)])
        var figures: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSON(parsing: String(line)), let name = object["name"]?.stringValue,
                let rate = object["per_second"]?.doubleValue
            else { continue }
            figures[name] = rate
        }
        return figures
    }

    /// Measures ours (and the peer's, when `peer` is given as interpreter, script and evaluations), then prints
    /// one row per expression with the ratio.
    func report(
        _ title: String, evaluations: Int, harness: Harness, peerName: String, peer: (String, URL, Int)?
    ) throws {
        let theirs = try peer.map { try self.peer($0.0, script: $0.1, evaluations: $0.2) } ?? [:]
        let ours = try ours(evaluations: evaluations, harness: harness)
        var table = Table("expression", "ours eval/s", "\(peerName) eval/s", "ratio")
        for (name, _) in expressions {
            let ratio = theirs[name].map { String(format: "%.1f×", ours[name]! / $0) } ?? "-"
            table.add(name, Self.rate(ours[name]!), theirs[name].map(Self.rate) ?? "-", ratio)
        }
        print("\(title): \(evaluations) evaluations per repetition, median of \(harness.repetitions); peer: \(peerName)")
        print(table.render())
    }

    /// The figure as evaluations per second, without decimals.
    static func rate(_ value: Double) -> String { String(format: "%.0f", value) }
}
