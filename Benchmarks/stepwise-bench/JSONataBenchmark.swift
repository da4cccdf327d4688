import Foundation
import JSON
import JSONata

/// Evaluations per second of typical workflow expressions, compiled once, with `$states` bound — ours and
/// jsonata-python's (Benchmarks/peers/jsonata_python.py) in the same run.
enum JSONataBenchmark {
    static let expressions: [(name: String, expression: String)] = [
        ("field", "$states.input.order.customer.name"),
        ("filter", "$states.input.order.items[price > 50].sku"),
        ("aggregate", "$sum($states.input.order.items.(price * quantity))"),
        ("string", "'Order ' & $states.input.order.id & ' for ' & $uppercase($states.input.order.customer.name)"),
        ("object", "{'id': $states.input.order.id, 'total': $sum($states.input.order.items.price), 'count': $count($states.input.order.items)}"),
    ]

    /// An order with 20 items, as a workflow's state input.
    static var input: JSON {
        let items: [JSON] = (0..<20).map { index in
            ["sku": .string("SKU-\(index)"), "price": .double(Double(index * 7 % 100) + 0.5), "quantity": .int(index % 4 + 1)]
        }
        return ["order": ["id": "A-1001", "customer": ["name": "Ada Lovelace", "tier": "gold"], "items": .array(items)]]
    }

    static func run(harness: Harness, peer: Bool) throws {
        let evaluations = 20_000
        let bindings = ["states": JSONataValue(["input": input])]
        var table = Table("expression", "ours eval/s", "jsonata-python eval/s", "ratio")
        let peerFigures = peer ? try peerRun() : [:]
        for (name, source) in expressions {
            let compiled = try JSONataExpression(source)
            let milliseconds = try harness.median { () throws -> JSON? in
                var last: JSON?
                for _ in 0..<evaluations { last = try compiled.evaluate(JSONataValue(nil), bindings: bindings) }
                return last
            }
            let ours = Double(evaluations) / (milliseconds / 1000)
            let theirs = peerFigures[name]
            table.add(name, rate(ours), theirs.map(rate) ?? "-", theirs.map { String(format: "%.0f×", ours / $0) } ?? "-")
        }
        print("jsonata: \(evaluations) evaluations per repetition, median of \(harness.repetitions); peer: jsonata-python")
        print(table.render())
    }

    static func rate(_ value: Double) -> String { String(format: "%.0f", value) }

    /// Runs the Python peer on the same expressions and input; name → evaluations per second.
    static func peerRun() throws -> [String: Double] {
        let spec: JSON = [
            "input": input, "expressions": .array(expressions.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jsonata-bench-\(UUID().uuidString).json")
        try spec.serialized().write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers/jsonata_python.py")
        let output = try MotoPeer.python([script.path, file.path, "2000"])
        var figures: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSON(parsing: String(line)), let name = object["name"]?.stringValue,
                let rate = object["per_second"]?.doubleValue
            else { continue }
            figures[name] = rate
        }
        return figures
    }
}
