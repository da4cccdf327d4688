/// Equality is JSON's: numbers by value (`1 == 1.0`), objects regardless of key order, arrays in order.
extension JSON: Hashable {
    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .object(let value): hasher.combine(value)
        }
    }
}

/// Numbers compare by exact value, so equality stays transitive and agrees with hashing.
///
/// Comparing through `Double` is not enough: `Double(2^53 + 1)` rounds to 2^53, which would make the integer
/// 9007199254740993 equal to the decimal 9007199254740992.0 while it is not equal to the integer 9007199254740992.
/// Big numbers beyond `Double`'s range (`1e400`) would all be equal as infinity; they compare by their text.
extension JSON.Number: Hashable {
    public static func == (lhs: JSON.Number, rhs: JSON.Number) -> Bool {
        if let a = lhs.exactInt, let b = rhs.exactInt { return a == b }
        if lhs.exactInt != nil || rhs.exactInt != nil { return false }
        switch (lhs.finiteDouble, rhs.finiteDouble) {
        case (let a?, let b?): return a == b
        case (nil, nil):
            // Non-finite doubles (never parsed, only built in Swift) equal themselves; big decimals their text.
            if let a = lhs.bigText, let b = rhs.bigText { return a == b }
            guard lhs.bigText == nil, rhs.bigText == nil else { return false }
            return lhs.doubleValue == rhs.doubleValue || (lhs.doubleValue.isNaN && rhs.doubleValue.isNaN)
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        // Integral values hash like their integer so that 1 and 1.0 (equal) hash alike.
        if let int = exactInt {
            hasher.combine(int)
        } else if let double = finiteDouble {
            hasher.combine(double)
        } else if let text = bigText {
            hasher.combine(text)
        } else {
            hasher.combine(doubleValue.isNaN ? .nan : doubleValue)
        }
    }

    /// The value as an `Int` when it is exactly one (`2`, `2.0`, or a big text that fits).
    private var exactInt: Int? {
        switch self {
        case .int(let value): value
        case .double(let value): Int(exactly: value)
        case .big(let text): Int(text) ?? Double(text).flatMap { Int(exactly: $0) }
        }
    }

    /// The value as a finite `Double`; nil for non-finite doubles and big decimals beyond `Double`'s range.
    private var finiteDouble: Double? {
        let value = doubleValue
        return value.isFinite ? value : nil
    }

    private var bigText: String? {
        if case .big(let text) = self { text } else { nil }
    }
}
