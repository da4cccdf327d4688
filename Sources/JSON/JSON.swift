/// A JSON value as Stepwise sees it: numbers keep whether they were written as integers or decimals,
/// objects keep their key order.
///
/// `JSONSerialization` mis-rounds doubles on Linux, turns `true` into something that passes `is Int`, and
/// loses key order; ASL needs all three (STYLE.md, "JSON: our own value type"). This enum is the one value
/// type that flows through every hot path of the runtime.
public enum JSON: Sendable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

extension JSON {
    /// A JSON number as written: an integer that fits 64 bits, a decimal (a `Double` that round-trips
    /// bit-exact), or the source text of an integer or decimal too large for either.
    public enum Number: Sendable {
        case int(Int)
        case double(Double)
        /// An integer beyond 64 bits or a decimal beyond `Double`'s range, kept as written.
        case big(String)

        public var doubleValue: Double {
            switch self {
            case .int(let value): Double(value)
            case .double(let value): value
            case .big(let text): Double(text) ?? .nan
            }
        }

        /// The value as an `Int` when it is integral and fits (2.0 counts; 2.5 does not).
        public var intValue: Int? {
            switch self {
            case .int(let value): return value
            case .double(let value):
                guard value.rounded(.towardZero) == value, let int = Int(exactly: value) else { return nil }
                return int
            case .big: return nil
            }
        }

        /// Whether it was written as an integer (`2`, not `2.0`).
        public var isInteger: Bool {
            switch self {
            case .int: true
            case .double: false
            case .big(let text): !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            }
        }
    }
}

// MARK: - Convenience constructors and accessors

extension JSON {
    public static func int(_ value: Int) -> JSON { .number(.int(value)) }
    public static func double(_ value: Double) -> JSON { .number(.double(value)) }

    /// A number from a `Double`, as an integer when it is integral and fits (`3.0` → `3`).
    package static func normalized(_ value: Double) -> JSON {
        if value.rounded(.towardZero) == value, abs(value) < 9.007_199_254_740_992e15, let int = Int(exactly: value) {
            return .number(.int(int))
        }
        return .number(.double(value))
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var numberValue: Number? { if case .number(let value) = self { value } else { nil } }
    public var doubleValue: Double? { numberValue?.doubleValue }
    public var intValue: Int? { numberValue?.intValue }
    public var arrayValue: [JSON]? { if case .array(let value) = self { value } else { nil } }
    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }

    /// The member `key` of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> JSON? {
        if case .object(let object) = self { object[key] } else { nil }
    }

    /// The element at `index` of an array; `nil` when out of range or not an array.
    public subscript(index: Int) -> JSON? {
        guard case .array(let array) = self, array.indices.contains(index) else { return nil }
        return array[index]
    }

    /// The JSON type name as JSON Schema and AWS messages say it: null, boolean, number, string, array, object.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

// MARK: - Literals (mostly for tests and templates written in Swift)

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(.int(value)) }
    public init(floatLiteral value: Double) { self = .number(.double(value)) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(JSONObject(elements))
    }
}

extension JSON: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String { serialized() }
}
