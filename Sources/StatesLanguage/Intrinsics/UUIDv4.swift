import Digests

/// Random (version 4) UUIDs as States.UUID returns them: lower-case, 8-4-4-4-12 hex digits (RFC 9562 §5.4).
enum UUIDv4 {
    static func string(using random: inout some RandomNumberGenerator) -> String {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = (bytes[6] & 0x0f) | 0x40  // version 4 in the high nibble of byte 6
        bytes[8] = (bytes[8] & 0x3f) | 0x80  // RFC variant: the top two bits of byte 8 are 10
        let hex = Digest.hex(bytes)
        var result = ""
        for (index, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(index) { result.append("-") }
            result.append(character)
        }
        return result
    }
}
