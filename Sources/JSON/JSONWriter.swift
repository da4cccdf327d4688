/// Serializes JSON to UTF-8 text, compact (no spaces, as AWS's APIs print) or pretty (two-space indent).
extension JSON {
    public enum Style: Sendable {
        case compact
        case pretty
    }

    /// The JSON text of this value. Non-finite doubles, which JSON cannot carry, are written as `null`.
    public func serialized(_ style: Style = .compact) -> String {
        var writer = JSONWriter(style: style)
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The JSON text as UTF-8 bytes.
    public func serializedBytes(_ style: Style = .compact) -> [UInt8] {
        var writer = JSONWriter(style: style)
        writer.write(self)
        return writer.bytes
    }

    /// The size in bytes of the compact UTF-8 text, as AWS measures payload limits.
    package var serializedSize: Int { serializedBytes().count }
}

struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    let style: JSON.Style
    var indent = 0

    package init(style: JSON.Style = .compact) {
        self.style = style
        bytes.reserveCapacity(256)
    }

    package mutating func write(_ value: JSON) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): writeNumber(number)
        case .string(let string): writeString(string)
        case .array(let elements): writeArray(elements)
        case .object(let object): writeObject(object)
        }
    }

    mutating func writeArray(_ elements: [JSON]) {
        guard !elements.isEmpty else { return append("[]") }
        bytes.append(UInt8(ascii: "["))
        indent += 1
        for (position, element) in elements.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            write(element)
        }
        indent -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func writeObject(_ object: JSONObject) {
        guard !object.isEmpty else { return append("{}") }
        bytes.append(UInt8(ascii: "{"))
        indent += 1
        for position in 0..<object.count {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            writeString(object.keys[position])
            bytes.append(UInt8(ascii: ":"))
            if style == .pretty { bytes.append(UInt8(ascii: " ")) }
            write(object.values[position])
        }
        indent -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    mutating func newline() {
        guard style == .pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<indent {
            bytes.append(0x20)
            bytes.append(0x20)
        }
    }

    mutating func writeNumber(_ number: JSON.Number) {
        switch number {
        case .int(let value): writeInt(value)
        case .double, .big: append(Self.numberText(number))
        }
    }

    /// The text of a non-integer number; non-finite doubles, which JSON cannot carry, are `null`.
    static func numberText(_ number: JSON.Number) -> String {
        switch number {
        case .int(let value): String(value)
        case .double(let value): value.isFinite ? value.description : "null"
        case .big(let text): text
        }
    }

    mutating func writeInt(_ value: Int) {
        if value == 0 { return bytes.append(UInt8(ascii: "0")) }
        if value == Int.min { return append(String(value)) }
        var magnitude = value < 0 ? -value : value
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[count] = UInt8(magnitude % 10) + 48
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            append("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }

    @inline(__always)
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
