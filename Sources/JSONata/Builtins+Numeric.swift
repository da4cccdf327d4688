import Foundation

/// Numeric functions and aggregates: `$number`, `$round` (half to even), `$power`, `$sum`, `$max`, …
extension Builtins {
    static let numericFunctions: [NativeFunction] = [
        NativeFunction("number", "<(nsb)-:n>") { _, args throws(JSONataError) in
            guard let value = args.at(0) else { return nil }
            return .number(try toNumber(value))
        },
        NativeFunction("floor", "<n-:n>") { _, args in args.number(0).map { .number($0.rounded(.down)) } },
        NativeFunction("ceil", "<n-:n>") { _, args in args.number(0).map { .number($0.rounded(.up)) } },
        NativeFunction("abs", "<n-:n>") { _, args in args.number(0).map { .number(abs($0)) } },
        NativeFunction("round", "<n-n?:n>") { _, args in args.number(0).map { .number(round($0, args.number(1))) } },
        NativeFunction("sqrt", "<n-:n>") { _, args throws(JSONataError) in
            guard let n = args.number(0) else { return nil }
            if n < 0 { throw JSONataError.make("D3060", value: .number(n), index: 1) }
            return .number(n.squareRoot())
        },
        NativeFunction("power", "<n-n:n>") { _, args throws(JSONataError) in
            guard let base = args.number(0), let exponent = args.number(1) else { return nil }
            let result = jsPow(base, exponent)
            if !result.isFinite {
                throw JSONataError.make("D3061", value: .number(base), index: 1, extra: ["exp": NumberText.javaScript(exponent)])
            }
            return .number(result)
        },
        NativeFunction("random", "<:n>") { _, _ in .number(Double.random(in: 0..<1)) },
        NativeFunction("formatNumber", "<n-so?:s>") { _, args throws(JSONataError) in
            guard let value = args.number(0), let picture = args.string(1) else { return nil }
            return .string(try DecimalPicture.format(value, picture, options: args.at(2)?.objectValue))
        },
        NativeFunction("formatBase", "<n-n?:s>") { _, args throws(JSONataError) in
            guard let value = args.number(0) else { return nil }
            let radix = args.number(1).map { round($0, nil) } ?? 10
            if radix < 2 || radix > 36 { throw JSONataError.make("D3100", value: .number(radix)) }
            let rounded = round(value, nil)
            guard abs(rounded) < 9.2e18 else { return .string(NumberText.javaScript(rounded)) }
            let text = String(Int64(abs(rounded)), radix: Int(radix))
            return .string(rounded < 0 ? "-" + text : text)
        },
        NativeFunction("formatInteger", "<n-s:s>") { _, args throws(JSONataError) in
            guard let value = args.number(0), let picture = args.string(1) else { return nil }
            return .string(try IntegerPicture.format(value.rounded(.down), picture))
        },
        NativeFunction("parseInteger", "<s-s:n>") { _, args throws(JSONataError) in
            guard let value = args.string(0), let picture = args.string(1) else { return nil }
            return try IntegerPicture.parse(value, picture).map(Value.number)
        },
    ]

    static let aggregateFunctions: [NativeFunction] = [
        NativeFunction("sum", "<a<n>:n>") { _, args in
            guard let items = args.array(0) else { return nil }
            return .number(items.items.reduce(0) { $0 + ($1.numberValue ?? 0) })
        },
        NativeFunction("count", "<a:n>") { _, args in .number(Double(args.array(0)?.items.count ?? 0)) },
        NativeFunction("max", "<a<n>:n>") { _, args in
            guard let items = args.array(0), !items.items.isEmpty else { return nil }
            return .number(items.items.compactMap(\.numberValue).reduce(-Double.infinity) { Swift.max($0, $1) })
        },
        NativeFunction("min", "<a<n>:n>") { _, args in
            guard let items = args.array(0), !items.items.isEmpty else { return nil }
            return .number(items.items.compactMap(\.numberValue).reduce(Double.infinity) { Swift.min($0, $1) })
        },
        NativeFunction("average", "<a<n>:n>") { _, args in
            guard let items = args.array(0), !items.items.isEmpty else { return nil }
            return .number(items.items.reduce(0) { $0 + ($1.numberValue ?? 0) } / Double(items.items.count))
        },
    ]

    static func jsPow(_ base: Double, _ exponent: Double) -> Double {
        if exponent.isNaN { return .nan }
        if exponent == 0 { return 1 }
        if (base == 1 || base == -1) && exponent.isInfinite { return .nan }
        return Foundation.pow(base, exponent)
    }

    static func toNumber(_ value: Value) throws(JSONataError) -> Double {
        switch value {
        case .number(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .string(let s):
            if let n = parseJSONNumber(s) { return n }
            if let n = parseRadixNumber(s) { return n }
            throw JSONataError.make("D3030", value: value, index: 1)
        default:
            throw JSONataError.make("D3030", value: value, index: 1)
        }
    }

    /// A string in JSON number syntax (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?`), finite.
    static func parseJSONNumber(_ s: String) -> Double? {
        let b = Array(s.utf8)
        var i = 0
        func digit(_ at: Int) -> Bool { at < b.count && b[at] >= 48 && b[at] <= 57 }
        if i < b.count, b[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { return nil }
        while digit(i) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return nil }
            while digit(i) { i += 1 }
        }
        guard i == b.count, let n = Double(s), n.isFinite else { return nil }
        return n
    }

    static func parseRadixNumber(_ s: String) -> Double? {
        guard s.count > 2, s.hasPrefix("0") else { return nil }
        let marker = s[s.index(after: s.startIndex)]
        let radix: Int
        switch marker {
        case "x", "X": radix = 16
        case "o", "O": radix = 8
        case "b", "B": radix = 2
        default: return nil
        }
        return UInt64(s.dropFirst(2), radix: radix).map { Double($0) }
    }

    /// Round half to even at `precision` decimal places, shifting through decimal text as jsonata-js does.
    static func round(_ value: Double, _ precision: Double?) -> Double {
        var arg = value
        let p = Functions.clampedInt(Swift.max(Swift.min(precision ?? 0, 400), -400))
        if p != 0 { arg = shift(arg, by: p) }
        var result = (arg + 0.5).rounded(.down)
        let diff = result - arg
        if abs(diff) == 0.5, abs(result.truncatingRemainder(dividingBy: 2)) == 1 { result -= 1 }
        if p != 0 { result = shift(result, by: -p) }
        return result == 0 ? 0 : result
    }

    private static func shift(_ value: Double, by places: Int) -> Double {
        let text = NumberText.javaScript(value)
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = (parts.count > 1 ? Int(parts[1].replacingOccurrences(of: "+", with: "")) ?? 0 : 0) + places
        return Double("\(parts[0])e\(exponent)") ?? value
    }
}
