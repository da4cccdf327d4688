/// A DynamoDB number: an exact decimal of up to 38 significant digits, compared and added without rounding.
///
/// The value is `digits × 10^exponent` with `digits` a big unsigned integer in decimal (most significant
/// first, no leading or trailing zeros; empty for zero). Text comes out normalized as DynamoDB returns it:
/// plain notation, no exponent, no trailing fractional zeros (`"1.50"` → `"1.5"`, `"1e3"` → `"1000"`).
struct DynamoNumber: Sendable, Hashable {
    private(set) var negative: Bool
    private(set) var digits: [UInt8]
    private(set) var exponent: Int

    static let zero = DynamoNumber(negative: false, digits: [], exponent: 0)

    /// The normalized number `±digits × 10^exponent` (leading and trailing zeros dropped).
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        let firstNonZero = digits.firstIndex { $0 != 0 } ?? digits.endIndex
        digits.removeSubrange(..<firstNonZero)
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
        self.negative = digits.isEmpty ? false : negative
    }

    /// Parses `-12.5`, `1e3`, `.5`, `+7`; nil for anything else.
    init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            digits.append(byte - UInt8(ascii: "0"))
            if seenPoint { exponent -= 1 }
        }
        guard !digits.isEmpty else { return nil }
        if !bytes.isEmpty {
            guard let power = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)), abs(power) < 10_000 else { return nil }
            exponent += power
        }
        self.init(negative: negative, digits: digits, exponent: exponent)
    }

    /// The number of significant digits (DynamoDB allows 38).
    var precision: Int { digits.count }

    /// Whether DynamoDB can store it: at most 38 significant digits, magnitude within 1E-130 ..< 1E+126.
    var isStorable: Bool {
        digits.isEmpty || (digits.count <= 38 && magnitude < 126 && magnitude >= -129)
    }

    /// The power of ten just above the most significant digit (1 for 1…9, 0 for 0.1…0.9).
    private var magnitude: Int { digits.count + exponent }
}

extension DynamoNumber: CustomStringConvertible {
    /// Plain decimal notation, as DynamoDB returns numbers.
    var description: String {
        guard !digits.isEmpty else { return "0" }
        let text = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        let sign = negative ? "-" : ""
        if exponent >= 0 { return sign + text + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if fraction >= text.count { return sign + "0." + String(repeating: "0", count: fraction - text.count) + text }
        let point = text.index(text.endIndex, offsetBy: -fraction)
        return sign + text[..<point] + "." + text[point...]
    }
}
