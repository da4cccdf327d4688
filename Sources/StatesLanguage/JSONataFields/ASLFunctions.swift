import Digests
import Foundation
import JSON
import JSONata
import Synchronization

/// The JSONata functions AWS adds in Step Functions (`$partition`, `$range`, `$hash`, `$random`, `$uuid`,
/// `$parse`) and the one it removes (`$eval`) (asl-reference §4, "JSONata functions added by AWS").
package enum ASLFunctions {
    /// Built-ins AWS takes away.
    package static let removed: Set<String> = ["eval"]

    /// AWS's bounds on one evaluation, as measured by others against Step Functions: an evaluation nesting deeper
    /// than about 100 fails with "Stack overflow error", and `[1..873783]` or a 2^23-character string fails with
    /// "Expression evaluation memory limit exceeded" while `[1..873782]` and 2^22 characters evaluate (6,990,256 bytes
    /// at 8 bytes a number sits between both). JSONata's own defaults stay with the standalone module.
    package static let limits = JSONataLimits(maxDepth: 100, maxValueBytes: 6_990_256)

    /// An expression compiled as Step Functions compiles it: AWS's functions added, `$eval` removed, AWS's limits.
    /// `$random` and `$uuid` are added per evaluation (see `random(seed:)`).
    package static func expression(_ source: String) throws(JSONataError) -> JSONataExpression {
        try JSONataExpression(source, functions: fixed, removing: removed, limits: limits)
    }

    /// The functions that need nothing from the evaluation (no randomness).
    package static let fixed: [String: JSONataFunction] = {
        var functions: [String: JSONataFunction] = [:]
        functions["partition"] = try? JSONataFunction(signature: "<an:a>", partition)
        functions["range"] = try? JSONataFunction(signature: "<nnn?:a>", range)
        functions["hash"] = try? JSONataFunction(signature: "<ss:s>", hash)
        functions["parse"] = try? JSONataFunction(signature: "<s:x>", parse)
        return functions
    }()

    /// `$random([seed])` and `$uuid()` drawing from `seed`, so a replayed execution gets the same values.
    package static func random(seed: UInt64) -> [String: JSONataFunction] {
        let generator = SharedRandom(seed: seed)
        var functions: [String: JSONataFunction] = [:]
        functions["random"] = try? JSONataFunction(signature: "<j?:n>") { arguments throws(JSONataError) in
            if let seed = arguments.first ?? nil {
                var seeded = AnyRandom(seed: stableSeed(seed))
                return .double(Double.random(in: 0..<1, using: &seeded))
            }
            return .double(generator.draw { Double.random(in: 0..<1, using: &$0) })
        }
        functions["uuid"] = try? JSONataFunction(signature: "<:s>") { _ throws(JSONataError) in
            .string(generator.draw { UUIDv4.string(using: &$0) })
        }
        return functions
    }

    /// FNV-1a over the seed's JSON text: the same seed gives the same number in every process.
    static func stableSeed(_ value: JSON) -> UInt64 {
        value.serialized().utf8.reduce(0xCBF2_9CE4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    static func partition(_ arguments: [JSON?]) throws(JSONataError) -> JSON? {
        guard case .array(let items)?? = arguments.first, let size = arguments.dropFirst().first??.intValue, size > 0 else {
            throw JSONataError(code: "D3001", message: "$partition requires an array and a positive integer size")
        }
        return .array(stride(from: 0, to: items.count, by: size).map { .array(Array(items[$0..<min($0 + size, items.count)])) })
    }

    /// Inclusive of `end` when a step lands on it; one element comes back as that element (a JSONata sequence).
    static func range(_ arguments: [JSON?]) throws(JSONataError) -> JSON? {
        let numbers = arguments.map { $0?.doubleValue }
        guard numbers.count >= 2, let start = numbers[0], let end = numbers[1] else {
            throw JSONataError(code: "D3001", message: "$range requires numeric start and end")
        }
        let step = numbers.count > 2 ? (numbers[2] ?? 1) : 1
        guard step != 0 else { throw JSONataError(code: "D3001", message: "$range step must not be 0") }
        let count = Int(((end - start) / step).rounded(.down)) + 1
        guard count <= 1_000_000 else { throw JSONataError(code: "D2014", message: "$range would produce more than 1,000,000 items") }
        let values = (0..<max(count, 0)).map { JSON.normalized(start + Double($0) * step) }
        return values.count == 1 ? values[0] : .array(values)
    }

    static func hash(_ arguments: [JSON?]) throws(JSONataError) -> JSON? {
        guard let text = arguments.first??.stringValue, let name = arguments.dropFirst().first??.stringValue,
            let algorithm = Digest.Algorithm(rawValue: name), Digest.Algorithm.aws.contains(algorithm)
        else {
            throw JSONataError(code: "D3001", message: "$hash requires a string and one of MD5, SHA-1, SHA-256, SHA-384, SHA-512")
        }
        return .string(Digest.hexDigest(of: text, algorithm))
    }

    static func parse(_ arguments: [JSON?]) throws(JSONataError) -> JSON? {
        guard let text = arguments.first??.stringValue else { return nil }
        do { return try JSON(parsing: text) } catch {
            throw JSONataError(code: "D3001", message: "$parse could not parse the string as JSON: \(error.message)")
        }
    }
}

/// A seeded generator shared by the functions of one evaluation (host functions are `@Sendable` closures).
final class SharedRandom: Sendable {
    private let state: Mutex<AnyRandom>

    init(seed: UInt64) { state = Mutex(AnyRandom(seed: seed)) }

    func draw<T>(_ body: (inout AnyRandom) -> T) -> T { state.withLock { body(&$0) } }
}
