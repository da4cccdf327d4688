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
                if v < maximum { decimal -= v } else {
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
                digits = String(String.UnicodeScalarView(digits.unicodeScalars.map { Unicode.Scalar($0.value - zeroCode + 0x30) ?? $0 }))
            }
            return Self.parseIntPrefix(digits)
        case .sequence:
            throw JSONataError.make("D3130", value: .string(token))
        }
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

/// English number words for the `w`, `W` and `Ww` pictures.
enum NumberWords {
    static let few = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen",
        "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ]
    static let ordinals = [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh",
        "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ]
    static let decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Hundred"]
    static let magnitudes = ["Thousand", "Million", "Billion", "Trillion"]

    static func words(_ value: Double, ordinal: Bool) -> String { lookup(value, prev: false, ord: ordinal) }

    private static func lookup(_ num: Double, prev: Bool, ord: Bool) -> String {
        var words = ""
        if num <= 19 {
            words = (prev ? " and " : "") + (ord ? ordinals[Int(num)] : few[Int(num)])
        } else if num < 100 {
            let tens = Int(num / 10)
            let remainder = num.truncatingRemainder(dividingBy: 10)
            words = (prev ? " and " : "") + decades[tens - 2]
            if remainder > 0 {
                words += "-" + lookup(remainder, prev: false, ord: ord)
            } else if ord {
                words = String(words.dropLast()) + "ieth"
            }
        } else if num < 1000 {
            let hundreds = Int(num / 100)
            let remainder = num.truncatingRemainder(dividingBy: 100)
            words = (prev ? ", " : "") + few[hundreds] + " Hundred"
            if remainder > 0 {
                words += lookup(remainder, prev: true, ord: ord)
            } else if ord {
                words += "th"
            }
        } else {
            var mag = Int((log10(num) / 3).rounded(.down))
            if mag > magnitudes.count { mag = magnitudes.count }
            let factor = Foundation.pow(10, Double(mag * 3))
            let mant = (num / factor).rounded(.down)
            let remainder = num - mant * factor
            words = (prev ? ", " : "") + lookup(mant, prev: false, ord: false) + " " + magnitudes[mag - 1]
            if remainder > 0 {
                words += lookup(remainder, prev: true, ord: ord)
            } else if ord {
                words += "th"
            }
        }
        return words
    }

    static let values: [String: Double] = {
        var values: [String: Double] = [:]
        for (i, w) in few.enumerated() { values[w.lowercased()] = Double(i) }
        for (i, w) in ordinals.enumerated() { values[w.lowercased()] = Double(i) }
        for (i, w) in decades.enumerated() {
            let lower = w.lowercased()
            values[lower] = Double((i + 2) * 10)
            values[String(lower.dropLast()) + "ieth"] = Double((i + 2) * 10)
        }
        values["hundredth"] = 100
        for (i, w) in magnitudes.enumerated() {
            let v = Foundation.pow(10, Double((i + 1) * 3))
            values[w.lowercased()] = v
            values[w.lowercased() + "th"] = v
        }
        return values
    }()

    static func number(_ text: String) -> Double {
        let normalized = text.replacingOccurrences(of: ", ", with: " ").replacingOccurrences(of: " and ", with: " ")
            .replacingOccurrences(of: "-", with: " ")
        var segments: [Double] = [0]
        for part in normalized.split(separator: " ") {
            let value = values[String(part)] ?? .nan
            if value < 100 {
                var top = segments.popLast() ?? 0
                if top >= 1000 {
                    segments.append(top)
                    top = 0
                }
                segments.append(top + value)
            } else {
                segments.append((segments.popLast() ?? 0) * value)
            }
        }
        return segments.reduce(0, +)
    }
}
