import Foundation

/// XPath `format-integer` pictures (`$formatInteger`, `$parseInteger`, date/time components), after jsonata-js `datetime.js`.
struct IntegerPicture {
    enum Primary { case decimal, letters, roman, words, sequence }
    enum Case { case upper, lower, title }

    var primary = Primary.decimal
    var letterCase = Case.lower
    var ordinal = false
    var zeroCode: UInt32 = 0x30
    var mandatoryDigits = 0
    var optionalDigits = 0
    var regular = false
    var regularPosition = 0
    var separators: [(position: Int, character: String)] = []
    var token = ""

    static let decimalGroups: [UInt32] = [
        0x30, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
        0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
        0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    ]

    init(_ picture: String) throws(JSONataError) {
        var primaryFormat = picture
        if let semicolon = picture.lastIndex(of: ";") {
            primaryFormat = String(picture[..<semicolon])
            if picture[picture.index(after: semicolon)...].hasPrefix("o") { ordinal = true }
        }
        switch primaryFormat {
        case "A": (primary, letterCase) = (.letters, .upper)
        case "a": primary = .letters
        case "I": (primary, letterCase) = (.roman, .upper)
        case "i": primary = .roman
        case "W": (primary, letterCase) = (.words, .upper)
        case "Ww": (primary, letterCase) = (.words, .title)
        case "w": primary = .words
        default: try analyseDecimal(primaryFormat)
        }
    }

    private mutating func analyseDecimal(_ format: String) throws(JSONataError) {
        var zero: UInt32?
        var separatorPosition = 0
        var found: [(Int, String)] = []
        for scalar in format.unicodeScalars.reversed() {
            let code = scalar.value
            if let group = Self.decimalGroups.first(where: { code >= $0 && code <= $0 + 9 }) {
                mandatoryDigits += 1
                separatorPosition += 1
                if zero == nil { zero = group } else if zero != group { throw JSONataError.make("D3131") }
            } else if code == 0x23 {
                separatorPosition += 1
                optionalDigits += 1
            } else {
                found.append((separatorPosition, String(scalar)))
            }
        }
        guard mandatoryDigits > 0, let zero else {
            primary = .sequence
            token = format
            return
        }
        primary = .decimal
        zeroCode = zero
        separators = found
        let factor = Self.regularFactor(found)
        if factor > 0 {
            regular = true
            regularPosition = factor
        }
    }

    private static func regularFactor(_ separators: [(Int, String)]) -> Int {
        guard let first = separators.first else { return 0 }
        guard separators.allSatisfy({ $0.1 == first.1 }) else { return 0 }
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        let positions = separators.map(\.0)
        let factor = positions.reduce(positions[0]) { gcd($0, $1) }
        for index in 1...positions.count where !positions.contains(index * factor) { return 0 }
        return factor
    }

    static func format(_ value: Double, _ picture: String) throws(JSONataError) -> String {
        try IntegerPicture(picture).format(value)
    }

    func format(_ value: Double) throws(JSONataError) -> String {
        guard value.isFinite else { return NumberText.javaScript(value) }
        let negative = value < 0
        let magnitude = abs(value)
        var text: String
        switch primary {
        case .letters: text = Self.letters(Functions.clampedInt(magnitude), upper: letterCase == .upper)
        case .roman:
            text = Self.roman(Functions.clampedInt(Swift.min(magnitude, 1e6)))
            if letterCase == .upper { text = text.uppercased() }
        case .words:
            text = NumberWords.words(magnitude, ordinal: ordinal)
            if letterCase == .upper { text = text.uppercased() } else if letterCase == .lower { text = text.lowercased() }
        case .decimal: text = formatDecimal(magnitude)
        case .sequence: throw JSONataError.make("D3130", value: .string(token))
        }
        return negative ? "-" + text : text
    }

    private func formatDecimal(_ magnitude: Double) -> String {
        var digits = magnitude < 1e21 ? String(format: "%.0f", magnitude) : NumberText.javaScript(magnitude)
        if digits.count < mandatoryDigits { digits = String(repeating: "0", count: mandatoryDigits - digits.count) + digits }
        if zeroCode != 0x30 {
            digits = String(String.UnicodeScalarView(digits.unicodeScalars.map { Unicode.Scalar($0.value + zeroCode - 0x30)! }))
        }
        var scalars = Array(digits.unicodeScalars).map { String($0) }
        if regular {
            let n = (scalars.count - 1) / regularPosition
            if n > 0 {
                for ii in stride(from: n, to: 0, by: -1) {
                    scalars.insert(separators[0].character, at: scalars.count - ii * regularPosition)
                }
            }
        } else {
            for separator in separators.reversed() {
                let position = scalars.count - separator.position
                if position >= 0 { scalars.insert(separator.character, at: position) }
            }
        }
        var text = scalars.joined()
        if ordinal {
            let last = text.last
            let secondLast = text.count > 1 ? text[text.index(text.endIndex, offsetBy: -2)] : nil
            var suffix = "th"
            if secondLast != "1" {
                switch last {
                case "1": suffix = "st"
                case "2": suffix = "nd"
                case "3": suffix = "rd"
                default: break
                }
            }
            text += suffix
        }
        return text
    }

    static func letters(_ value: Int, upper: Bool) -> String {
        var value = value
        var letters: [Character] = []
        let a = upper ? 65 : 97
        while value > 0 {
            letters.insert(Character(Unicode.Scalar(UInt8((value - 1) % 26 + a))), at: 0)
            value = (value - 1) / 26
        }
        return String(letters)
    }

    static let romanNumerals: [(Int, String)] = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"),
        (5, "v"), (4, "iv"), (1, "i"),
    ]

    static func roman(_ value: Int) -> String {
        var value = value
        var out = ""
        for (amount, numeral) in romanNumerals {
            while value >= amount {
                out += numeral
                value -= amount
            }
        }
        return out
    }
}
