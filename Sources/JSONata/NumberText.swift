import Foundation

/// JavaScript's number-to-text rules, which JSONata inherits: `Number.prototype.toString` and `toPrecision(15)`.
enum NumberText {
    /// The shortest round-trip decimal digits of `|value|` and the exponent `n` such that value = 0.d₁d₂… × 10ⁿ.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], exponent: Int) {
        let text = abs(value).description
        var digits: [UInt8] = []
        var pointPosition: Int?
        var exponent = 0
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ".") {
                pointPosition = digits.count
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                exponent = Int(String(text[text.index(after: index)...]).replacingOccurrences(of: "+", with: "")) ?? 0
                break
            } else {
                digits.append(byte - 48)
            }
            index = utf8.index(after: index)
        }
        var point = (pointPosition ?? digits.count) + exponent
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point)
    }

    /// `Number.prototype.toString()` for a finite double.
    static func javaScript(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if value.rounded() == value, abs(value) < 1e21 {
            if abs(value) < 9.2e18 { return String(Int64(value)) }
        }
        let (digits, n) = shortestDigits(value)
        let k = digits.count
        let sign = value < 0 ? "-" : ""
        let ds = String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        if k <= n && n <= 21 { return sign + ds + String(repeating: "0", count: n - k) }
        if 0 < n && n <= 21 {
            let cut = ds.index(ds.startIndex, offsetBy: n)
            return sign + ds[..<cut] + "." + ds[cut...]
        }
        if -6 < n && n <= 0 { return sign + "0." + String(repeating: "0", count: -n) + ds }
        let e = n - 1
        let expText = e < 0 ? "e-\(-e)" : "e+\(e)"
        if k == 1 { return sign + ds + expText }
        return sign + String(ds.prefix(1)) + "." + String(ds.dropFirst()) + expText
    }

    /// `Number(value.toPrecision(15))`: how `$string` and `&` normalise numbers before printing them.
    static func precision15(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        // Integers below 10^15 already have at most 15 significant digits.
        if abs(value) < 1e15, value.rounded(.towardZero) == value { return value }
        return Double(String(format: "%.14e", value)) ?? value
    }

    /// `value.toFixed(digits)` (round half away from zero on the decimal expansion, as V8 does for small digit counts).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}

/// Renders values as jsonata-js's `$string` does (JSON.stringify with numbers at 15 significant digits).
enum Renderer {
    /// JSON text of a value with JSONata's number rules; functions render as `""`.
    static func stringify(_ value: Value, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, pretty: pretty, indent: 0)
        return out
    }

    static func write(_ value: Value, into out: inout String, pretty: Bool, indent: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.isFinite ? NumberText.javaScript(NumberText.precision15(n)) : "null"
        case .string(let s): quote(s, into: &out)
        case .function: out += "\"\""
        case .array(let a):
            writeList(a.items.map { (nil, $0) }, open: "[", close: "]", into: &out, pretty: pretty, indent: indent)
        case .object(let o):
            writeList(o.pairs.map { ($0.0, $0.1) }, open: "{", close: "}", into: &out, pretty: pretty, indent: indent)
        }
    }

    private static func writeList(_ entries: [(String?, Value)], open: String, close: String, into out: inout String, pretty: Bool, indent: Int) {
        out += open
        guard !entries.isEmpty else {
            out += close
            return
        }
        for (position, (key, value)) in entries.enumerated() {
            if position > 0 { out += "," }
            if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
            if let key {
                quote(key, into: &out)
                out += pretty ? ": " : ":"
            }
            write(value, into: &out, pretty: pretty, indent: indent + 1)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for unit in text.unicodeScalars {
            switch unit {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if unit.value < 0x20 {
                    out += String(format: "\\u%04x", unit.value)
                } else {
                    out.unicodeScalars.append(unit)
                }
            }
        }
        out += "\""
    }
}
