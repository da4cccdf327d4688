extension JSON {
    /// Whether the compact serialization is longer than `limit` bytes, computed exactly without building the
    /// text and stopping as soon as the limit is passed: payload-limit checks run on every state, and most
    /// payloads are far below the limit.
    package func compactSizeExceeds(_ limit: Int) -> Bool {
        var remaining = limit
        return !fits(&remaining)
    }

    /// The length of the compact serialization in bytes, computed without building the text.
    package var compactSize: Int {
        switch self {
        case .null: 4
        case .bool(let value): value ? 4 : 5
        case .number(.int(let value)): Self.digitCount(value)
        case .number(let number): JSONWriter.numberText(number).utf8.count
        case .string(let text): Self.escapedSize(text)
        case .array(let elements): 2 + max(elements.count - 1, 0) + elements.reduce(0) { $0 + $1.compactSize }
        case .object(let object):
            2 + max(object.count - 1, 0) + object.reduce(0) { $0 + Self.escapedSize($1.key) + 1 + $1.value.compactSize }
        }
    }

    private func fits(_ remaining: inout Int) -> Bool {
        switch self {
        case .null: remaining -= 4
        case .bool(let value): remaining -= value ? 4 : 5
        case .number(.int(let value)): remaining -= Self.digitCount(value)
        case .number(let number): remaining -= JSONWriter.numberText(number).utf8.count
        case .string(let text): remaining -= Self.escapedSize(text)
        case .array(let elements):
            remaining -= 2 + max(elements.count - 1, 0)
            for element in elements where !element.fits(&remaining) { return false }
        case .object(let object):
            remaining -= 2 + max(object.count - 1, 0) + object.count
            for (key, value) in object {
                remaining -= Self.escapedSize(key)
                if remaining < 0 || !value.fits(&remaining) { return false }
            }
        }
        return remaining >= 0
    }

    static func digitCount(_ value: Int) -> Int {
        if value == Int.min { return 20 }
        var count = value < 0 ? 2 : 1
        var magnitude = value < 0 ? -value : value
        while magnitude >= 10 {
            magnitude /= 10
            count += 1
        }
        return count
    }

    /// The size of a string with its quotes and escapes, as `JSONWriter` writes it.
    static func escapedSize(_ text: String) -> Int {
        var size = 2
        for byte in text.utf8 {
            switch byte {
            case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x08, 0x0C: size += 2
            case 0..<0x20: size += 6
            default: size += 1
            }
        }
        return size
    }
}
