import JSON

/// A function at the end of a path, such as `$.items.length()` (Jayway JsonPath functions, without
/// arguments). It applies to what the path before it selects: the node, or the array of matches.
enum PathFunction: String, Sendable {
    case length, size, min, max, avg, sum, stddev, keys, first, last

    /// The function's value, or nil when it does not apply (Jayway then reports no result).
    func apply(to value: JSON) -> JSON? {
        switch self {
        case .length, .size: Self.count(value)
        case .keys: value.objectValue.map { .array($0.keys.map(JSON.string)) }
        case .first: value.arrayValue?.first
        case .last: value.arrayValue?.last
        case .min, .max, .avg, .sum, .stddev: aggregate(Self.numbers(in: value))
        }
    }

    private static func count(_ value: JSON) -> JSON? {
        switch value {
        case .array(let array): .int(array.count)
        case .object(let object): .int(object.count)
        case .string(let string): .int(string.count)
        default: nil
        }
    }

    /// The numbers of an array (others are skipped, as Jayway does); nil for a non-array.
    private static func numbers(in value: JSON) -> [Double]? {
        guard case .array(let array) = value else { return nil }
        return array.compactMap(\.doubleValue)
    }

    /// Jayway computes these in `double`, so the results are decimals (`sum` of `[1, 2]` is `3.0`).
    private func aggregate(_ numbers: [Double]?) -> JSON? {
        guard let numbers, !numbers.isEmpty else { return nil }
        let sum = numbers.reduce(0, +)
        let mean = sum / Double(numbers.count)
        switch self {
        case .min: return .double(numbers.min()!)
        case .max: return .double(numbers.max()!)
        case .sum: return .double(sum)
        case .avg: return .double(mean)
        default:
            let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count)
            return .double(variance.squareRoot())
        }
    }
}
