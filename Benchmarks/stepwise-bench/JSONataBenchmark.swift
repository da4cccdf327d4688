import Foundation
import JSON
import JSONata

/// Evaluations per second of typical workflow expressions, compiled once, with `$states` bound — ours and a
/// peer's in the same run: jsonata-js 2.0.6 on Node (Benchmarks/peers/jsonata_js.js, the engine AWS runs) or
/// jsonata-python (Benchmarks/peers/jsonata_python.py).
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

    /// Which implementation `--peer` measures beside ours.
    enum Peer: String {
        case js, python
    }

    static func run(harness: Harness, peer: Peer?) throws {
        let peers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("peers")
        let rates = ExpressionRates(expressions: expressions, input: input)
        switch peer {
        case .js?:
            try rates.report(
                "jsonata", evaluations: 20_000, harness: harness, peerName: "jsonata-js",
                peer: ("node", peers.appendingPathComponent("jsonata_js.js"), 20_000))
        case .python?:
            try rates.report(
                "jsonata", evaluations: 20_000, harness: harness, peerName: "jsonata-python",
                peer: ("python3", peers.appendingPathComponent("jsonata_python.py"), 2000))
        case nil:
            try rates.report("jsonata", evaluations: 20_000, harness: harness, peerName: "-", peer: nil)
        }
    }
}
