/// Standard Base64 (RFC 4648 §4, with padding), as States.Base64Encode/Decode use it.
package enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Each alphabet byte's 6-bit value; 0xff for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    package static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        for start in stride(from: 0, to: bytes.count, by: 3) {
            let chunk = bytes[start..<min(start + 3, bytes.count)]
            // Pack up to three bytes into 24 bits, then emit four 6-bit groups, padding the missing ones.
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * UInt32(offset)) }
            for index in 0..<4 {
                out.append(index <= chunk.count ? alphabet[Int((group >> (18 - 6 * UInt32(index))) & 0x3f)] : UInt8(ascii: "="))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The decoded bytes, or nil for a character outside the alphabet or a malformed length or padding.
    /// Padding may be omitted (as Java's basic decoder allows).
    package static func decode(_ text: String) -> [UInt8]? {
        var symbols = Array(text.utf8)
        if symbols.count % 4 == 0, symbols.last == UInt8(ascii: "=") {
            symbols.removeLast()
            if symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        }
        guard symbols.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(symbols.count * 3 / 4)
        var group: UInt32 = 0
        for (index, symbol) in symbols.enumerated() {
            let value = values[Int(symbol)]
            guard value != 0xff else { return nil }
            group = group << 6 | UInt32(value)
            if index % 4 == 3 {
                out.append(contentsOf: [
                    UInt8(truncatingIfNeeded: group >> 16), UInt8(truncatingIfNeeded: group >> 8), UInt8(truncatingIfNeeded: group),
                ])
                group = 0
            }
        }
        // A final partial group of 2 or 3 symbols carries 1 or 2 bytes.
        switch symbols.count % 4 {
        case 2: out.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3: out.append(contentsOf: [UInt8(truncatingIfNeeded: group >> 10), UInt8(truncatingIfNeeded: group >> 2)])
        default: break
        }
        return out
    }
}
