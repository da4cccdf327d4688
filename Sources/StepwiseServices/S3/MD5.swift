import Foundation

/// MD5 (RFC 1321), for S3 ETags: Foundation on Linux has no digest API and we take no packages.
enum MD5 {
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    private static let constants: [UInt32] = (0..<64).map { UInt32(truncatingIfNeeded: Int64(abs(sin(Double($0 + 1))) * 4_294_967_296)) }

    /// The digest of `bytes` as 32 lowercase hex digits.
    static func hex(_ bytes: some Collection<UInt8>) -> String {
        digest(Array(bytes)).map { byte in String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16) }.joined()
    }

    /// The 16-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
        let data = padded(message)
        for start in stride(from: 0, to: data.count, by: 64) {
            let words = (0..<16).map { index in
                (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[start + index * 4 + $1]) << (8 * UInt32($1)) }
            }
            compress(&state, words)
        }
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }

    /// The message, a 1 bit, zeros to 56 mod 64 bytes, and the bit length (little-endian).
    private static func padded(_ message: [UInt8]) -> [UInt8] {
        var data = message
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        let bits = UInt64(message.count) &* 8
        data.append(contentsOf: (0..<8).map { UInt8(truncatingIfNeeded: bits >> (8 * UInt64($0))) })
        return data
    }

    /// One 64-round compression of a 16-word block into `state`.
    private static func compress(_ state: inout [UInt32], _ words: [UInt32]) {
        var (a, b, c, d) = (state[0], state[1], state[2], state[3])
        for round in 0..<64 {
            let (mixed, index): (UInt32, Int) =
                switch round / 16 {
                case 0: ((b & c) | (~b & d), round)
                case 1: ((d & b) | (~d & c), (5 * round + 1) % 16)
                case 2: (b ^ c ^ d, (3 * round + 5) % 16)
                default: (c ^ (b | ~d), (7 * round) % 16)
                }
            let sum = a &+ mixed &+ constants[round] &+ words[index]
            (a, d, c) = (d, c, b)
            b = b &+ (sum << shifts[round] | sum >> (32 - shifts[round]))
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
    }
}
