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
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("peers/jsonata_python.py")
        try ExpressionRates(expressions: expressions, input: input).report(
            "jsonata", evaluations: 20_000, harness: harness, peerName: "jsonata-python", peer: peer ? ("python3", script, 2000) : nil)
    }
}
