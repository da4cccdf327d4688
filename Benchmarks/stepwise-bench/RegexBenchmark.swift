import Foundation
import JSON
import JSONata

/// Evaluations per second of JSONata expressions built on typical regexes (`$match`, `$contains`, `$replace`,
/// `$split` over a 4 KB log), ours and jsonata-js 2.0.6's on Node (the engine AWS runs, whose regexes are V8's
/// compiled irregexp) in the same run; and how long a catastrophic pattern holds an evaluation.
enum RegexBenchmark {
    static let expressions: [(name: String, expression: String)] = [
        ("emails", #"$count($match($states.input.log, /[\w.+-]+@[\w-]+\.\w+/))"#),
        ("groups", #"$match($states.input.log, /(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/, 5).groups"#),
        ("replace", ##"$replace($states.input.log, /\d+/, "#")"##),
        ("contains-i", #"$contains($states.input.log, /\bchargeback\b/i)"#),
        ("split", #"$split($states.input.csv, /\s*[,;]\s*/)"#),
        ("validate", #"$states.input.arns[$contains($, /^arn:aws:states:[a-z0-9-]+:\d{12}:stateMachine:[\w-]{1,80}$/)]"#),
        ("lookbehind", #"$sum($match($states.input.log, /(?<=\$)\d+\.\d\d/).match.$number())"#),
        ("backreference", #"$match($states.input.log, /\b(\w+) \1\b/).match"#),
    ]

    /// A deterministic log of 48 lines (about 4 KB), a CSV line and ARNs, some of them malformed.
    static var input: JSON {
        let names = ["ada", "grace", "alan", "edsger", "barbara", "donald"]
        let lines = (0..<48).map { index in
            let name = names[index % names.count]
            let amount = "\(index * 37 % 500).\(String(format: "%02d", index * 13 % 100))"
            let repeated = index % 16 == 5 ? " the the" : ""
            return
                "2024-05-\(String(format: "%02d", index % 28 + 1))T\(String(format: "%02d", index % 24)):\(String(format: "%02d", index % 60)):00Z "
                + "INFO order A-\(1000 + index) paid $\(amount) by \(name).\(index)@example.com\(repeated) status=ok"
        }
        let arns = (0..<20).map { index in
            index % 5 == 4
                ? "arn:aws:states:us-east-1:12345:stateMachine:bad-\(index)"
                : "arn:aws:states:eu-west-\(index % 3 + 1):123456789012:stateMachine:Flow_\(index)"
        }
        let csv = (0..<40).map { "field\($0)" }.joined(separator: " , ")
        return ["log": .string(lines.joined(separator: "\n")), "csv": .string(csv), "arns": .array(arns.map(JSON.string))]
    }

    /// jsonata-js's benchmark script, kept beside the project (`../shared/peers`), never copied into it.
    static var nodeScript: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/peers/jsonata-js-bench.js").standardized
    }

    static func run(harness: Harness, peer: Bool) throws {
        try ExpressionRates(expressions: expressions, input: input).report(
            "regex", evaluations: 5_000, harness: harness, peerName: "jsonata-js", peer: peer ? ("node", nodeScript, 20_000) : nil)
        print("(a+)+$ on 32 a's and '!' with a 1 s deadline: U1001 after \(format(try bombMilliseconds(), decimals: 0)) ms")
    }

    /// Milliseconds until the catastrophic pattern fails (the deadline bounds it, not the pattern).
    static func bombMilliseconds() throws -> Double {
        let expression = try JSONataExpression(#"$match($, /(a+)+$/)"#, functions: [:], limits: JSONataLimits(timeout: 1))
        let start = ContinuousClock.now
        do {
            _ = try expression.evaluate(.string(String(repeating: "a", count: 32) + "!"))
            throw BenchError("the catastrophic pattern matched")
        } catch let error as JSONataError where error.code == "U1001" {
            let (seconds, attoseconds) = (ContinuousClock.now - start).components
            return Double(seconds) * 1000 + Double(attoseconds) / 1e15
        }
    }
}
