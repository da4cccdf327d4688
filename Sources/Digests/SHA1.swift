/// SHA-1 (FIPS 180-4 §6.1). Only for `States.Hash` compatibility: SHA-1 is not collision-resistant.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0]
        let bytes = Digest.padded(message, blockSize: 64, lengthBytes: 8, bigEndian: true)
        var schedule = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: bytes.count, by: 64) {
            loadBigEndian(bytes, from: blockStart, into: &schedule)
            // Message schedule: W[t] = ROTL1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]).
            for t in 16..<80 {
                schedule[t] = rotateLeft(schedule[t - 3] ^ schedule[t - 8] ^ schedule[t - 14] ^ schedule[t - 16], 1)
            }
            compress(&state, schedule)
        }
        return bigEndianBytes(state)
    }

    private static func compress(_ state: inout [UInt32], _ schedule: [UInt32]) {
        var (a, b, c, d, e) = (state[0], state[1], state[2], state[3], state[4])
        for t in 0..<80 {
            // f_t and K_t change every 20 steps: Ch, Parity, Maj, Parity.
            let (f, k): (UInt32, UInt32) =
                switch t / 20 {
                case 0: ((b & c) | (~b & d), 0x5a82_7999)
                case 1: (b ^ c ^ d, 0x6ed9_eba1)
                case 2: ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc)
                default: (b ^ c ^ d, 0xca62_c1d6)
                }
            let temp = rotateLeft(a, 5) &+ f &+ e &+ k &+ schedule[t]
            (e, d, c, b, a) = (d, c, rotateLeft(b, 30), a, temp)
        }
        for (index, value) in [a, b, c, d, e].enumerated() { state[index] = state[index] &+ value }
    }
}

/// Reads sixteen big-endian 32-bit words starting at `start` into the first slots of `words`.
func loadBigEndian(_ bytes: [UInt8], from start: Int, into words: inout [UInt32]) {
    for index in 0..<16 {
        let base = start + index * 4
        words[index] =
            UInt32(bytes[base]) << 24 | UInt32(bytes[base + 1]) << 16
            | UInt32(bytes[base + 2]) << 8 | UInt32(bytes[base + 3])
    }
}

/// The words as big-endian bytes (the SHA output order).
func bigEndianBytes(_ words: [UInt32]) -> [UInt8] {
    words.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
}
