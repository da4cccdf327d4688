import Foundation

extension JSONParser {
    /// Parses a number, keeping integers as `Int`, decimals as correctly rounded `Double`, and the text of
    /// anything beyond both.
    mutating func parseNumber() throws(JSONParseError) -> JSON.Number {
        let start = position
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        let intStart = position
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("Invalid number: expected a digit") }
        if bytes[position] == UInt8(ascii: "0"), position + 1 < bytes.count, isDigit(bytes[position + 1]) {
            throw error("Invalid number: leading zeros are not allowed")
        }
        // Accumulate up to 19 significant digits exactly in a UInt64 while scanning.
        var mantissa: UInt64 = 0
        var digits = 0
        while position < bytes.count, isDigit(bytes[position]) {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- 48) }
            digits += 1
            position += 1
        }
        let intDigits = position - intStart
        var fractionDigits = 0
        var isDecimal = false
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isDecimal = true
            position += 1
            let fractionStart = position
            while position < bytes.count, isDigit(bytes[position]) {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[position] &- 48) }
                digits += 1
                position += 1
            }
            fractionDigits = position - fractionStart
            if fractionDigits == 0 { throw error("Invalid number: expected a digit after '.'") }
        }
        var exponent = 0
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isDecimal = true
            exponent = try parseExponent()
        }
        if !isDecimal { return integer(mantissa: mantissa, digits: intDigits, negative: negative, start: start) }
        return decimal(mantissa: mantissa, digits: digits, fractionDigits: fractionDigits, exponent: exponent, negative: negative, start: start)
    }

    private mutating func parseExponent() throws(JSONParseError) -> Int {
        position += 1
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
            negative = bytes[position] == UInt8(ascii: "-")
            position += 1
        }
        guard position < bytes.count, isDigit(bytes[position]) else { throw error("Invalid number: expected a digit in the exponent") }
        var value = 0
        while position < bytes.count, isDigit(bytes[position]) {
            if value < 100_000 { value = value * 10 + Int(bytes[position] - 48) }
            position += 1
        }
        return negative ? -value : value
    }

    private func integer(mantissa: UInt64, digits: Int, negative: Bool, start: Int) -> JSON.Number {
        if digits <= 18 {
            return .int(negative ? -Int(mantissa) : Int(mantissa))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if let value = Int(text) { return .int(value) }
        return .big(text)
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
        1e21, 1e22,
    ]

    private func decimal(mantissa: UInt64, digits: Int, fractionDigits: Int, exponent: Int, negative: Bool, start: Int) -> JSON.Number {
        // Clinger's fast path: a mantissa below 2^53 and a power of ten up to 1e22 are both exact doubles, so one
        // multiplication or division rounds correctly. Everything else goes through strtod.
        let scale = exponent - fractionDigits
        if digits <= 15, mantissa < (1 << 53), abs(scale) <= 22 {
            var value = Double(mantissa)
            value = scale < 0 ? value / Self.exactPowers[-scale] : value * Self.exactPowers[scale]
            return .double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return .big(text) }
        return .double(value)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }

    func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: position, line: 0, column: 0).located(in: bytes)
    }

    func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true)
    }
}

extension JSONParseError {
    /// Fills in line and column (1-based) from the byte offset; only computed on the error path.
    func located(in bytes: UnsafeBufferPointer<UInt8>) -> JSONParseError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return JSONParseError(message: message, offset: offset, line: line, column: offset - lineStart + 1)
    }
}
