/// The UTF-16 units the pattern syntax gives a meaning to.
enum Unit {
    static let tab: UInt16 = 0x09
    static let newline: UInt16 = 0x0A
    static let exclamation: UInt16 = 0x21
    static let dollar: UInt16 = 0x24
    static let openParen: UInt16 = 0x28
    static let closeParen: UInt16 = 0x29
    static let star: UInt16 = 0x2A
    static let plus: UInt16 = 0x2B
    static let comma: UInt16 = 0x2C
    static let minus: UInt16 = 0x2D
    static let dot: UInt16 = 0x2E
    static let zero: UInt16 = 0x30
    static let seven: UInt16 = 0x37
    static let nine: UInt16 = 0x39
    static let colon: UInt16 = 0x3A
    static let less: UInt16 = 0x3C
    static let equals: UInt16 = 0x3D
    static let greater: UInt16 = 0x3E
    static let question: UInt16 = 0x3F
    static let letterCapitalB: UInt16 = 0x42
    static let openBracket: UInt16 = 0x5B
    static let backslash: UInt16 = 0x5C
    static let closeBracket: UInt16 = 0x5D
    static let caret: UInt16 = 0x5E
    static let underscore: UInt16 = 0x5F
    static let letterB: UInt16 = 0x62
    static let letterC: UInt16 = 0x63
    static let letterK: UInt16 = 0x6B
    static let letterU: UInt16 = 0x75
    static let letterX: UInt16 = 0x78
    static let openBrace: UInt16 = 0x7B
    static let bar: UInt16 = 0x7C
    static let closeBrace: UInt16 = 0x7D

    static func isDigit(_ unit: UInt16?) -> Bool { unit.map { (zero...nine).contains($0) } ?? false }

    static func isOctal(_ unit: UInt16?) -> Bool { unit.map { (zero...seven).contains($0) } ?? false }

    static func isASCIILetter(_ unit: UInt16?) -> Bool { unit.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }

    static func hexValue(_ unit: UInt16) -> UInt16? {
        switch unit {
        case 0x30...0x39: unit - 0x30
        case 0x41...0x46: unit - 0x41 + 10
        case 0x61...0x66: unit - 0x61 + 10
        default: nil
        }
    }
}
