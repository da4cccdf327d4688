import Foundation

/// `$parseInteger` and the matchers that date/time parsing builds from integer pictures.
extension IntegerPicture {
    static func parse(_ value: String, _ picture: String) throws(JSONataError) -> Double? {
        let format = try IntegerPicture(picture)
        return try format.parse(value)
    }

    /// The regular expression matching this picture's output (`width` fixes the digit count of a year).
    func regex(width: Int? = nil) throws(JSONataError) -> String {
        switch primary {
        case .letters: return letterCase == .upper ? "[A-Z]+" : "[a-z]+"
        case .roman: return letterCase == .upper ? "[MDCLXVI]+" : "[mdclxvi]+"
        case .words:
            let words = NumberWords.values.keys.sorted { $0.count > $1.count }
            return "(?:" + (words + ["and", "[\\-, ]"]).joined(separator: "|") + ")+"
        case .decimal:
            let digits = width ?? (mandatoryDigits > 1 && optionalDigits == 0 && separators.isEmpty ? mandatoryDigits : 0)
            var regex = "[0-9]" + (digits > 0 ? "{\(digits)}" : "+")
            if ordinal { regex += "(?:th|st|nd|rd)" }
            return regex
        case .sequence: throw JSONataError.make("D3130", value: .string(token))
        }
    }

    func parse(_ value: String) throws(JSONataError) -> Double? {
        switch primary {
        case .letters:
            let a: UInt32 = letterCase == .upper ? 65 : 97
            var decimal = 0.0
            for (i, scalar) in value.unicodeScalars.reversed().enumerated() {
                decimal += Double(Int(scalar.value) - Int(a) + 1) * Foundation.pow(26, Double(i))
            }
            return decimal
        case .roman:
            let values: [Character: Int] = ["M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1]
            var decimal = 0
            var maximum = 1
            for c in value.uppercased().reversed() {
                let v = values[c] ?? 0
                if v < maximum {
                    decimal -= v
                } else {
                    maximum = v
                    decimal += v
                }
            }
            return Double(decimal)
        case .words:
            return NumberWords.number(value.lowercased())
        case .decimal:
            var digits = value
            if ordinal { digits = String(digits.dropLast(2)) }
            if regular {
                digits = digits.replacingOccurrences(of: ",", with: "")
            } else {
                for separator in separators { digits = digits.replacingOccurrences(of: separator.character, with: "") }
            }
            if zeroCode != 0x30 {
                digits = try Self.shiftedToASCII(digits, zero: zeroCode)
            }
            return Self.parseIntPrefix(digits)
        case .sequence:
            throw JSONataError.make("D3130", value: .string(token))
        }
    }

    /// jsonata-js's `String.fromCodePoint(c - zero + 48)` over every UTF-16 unit: digits of the picture's family
    /// become ASCII digits; a unit below the family's zero is JavaScript's RangeError "Invalid code point N".
    static func shiftedToASCII(_ text: String, zero: UInt32) throws(JSONataError) -> String {
        var out = String.UnicodeScalarView()
        for unit in text.utf16 {
            let shifted = Int(unit) - Int(zero) + 0x30
            guard shifted >= 0 else { throw JSONataError(code: "RangeError", message: "Invalid code point \(shifted)") }
            out.append(Unicode.Scalar(UInt32(shifted)) ?? "\u{FFFD}")
        }
        return String(out)
    }

    /// JavaScript `parseInt(text)`: the leading integer, or NaN.
    static func parseIntPrefix(_ text: String) -> Double? {
        let trimmed = text.drop { $0 == " " }
        var sign = 1.0
        var rest = Substring(trimmed)
        if rest.hasPrefix("-") {
            sign = -1
            rest = rest.dropFirst()
        } else if rest.hasPrefix("+") {
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let n = Double(digits) else { return .nan }
        return sign * n
    }
}
