import Foundation

/// MD5 (RFC 1321), for `States.Hash` and S3 ETags: a checksum, not a defence (MD5 is not collision-resistant).
enum MD5 {
    /// Per-round left-rotation amounts (RFC 1321 §3.4).
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// T[i] = floor(2^32 × |sin(i + 1)|), the additive constants of RFC 1321 §3.4.
    private static let constants: [UInt32] = (0..<64).map { index in
        UInt32(truncatingIfNeeded: Int64((abs(sin(Double(index + 1))) * 4_294_967_296).rounded(.down)))
    }

    static func hash(_ message: [UInt8]) -> [UInt8] {
        var state: [UInt32] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476]
        let bytes = Digest.padded(message, blockSize: 64, lengthBytes: 8, bigEndian: false)
        var words = [UInt32](repeating: 0, count: 16)
        for blockStart in stride(from: 0, to: bytes.count, by: 64) {
            // MD5 reads its 32-bit words little-endian.
            for index in 0..<16 {
                let base = blockStart + index * 4
                words[index] =
                    UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8
                    | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
            }
            compress(&state, words)
        }
        return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * UInt32($0))) } }
    }

    /// One 64-step compression of a 512-bit block into the running state.
    private static func compress(_ state: inout [UInt32], _ words: [UInt32]) {
        var (a, b, c, d) = (state[0], state[1], state[2], state[3])
        for step in 0..<64 {
            // The four auxiliary functions F, G, H, I and the message-word schedule of each round.
            let (mixed, wordIndex): (UInt32, Int) =
                switch step / 16 {
                case 0: ((b & c) | (~b & d), step)
                case 1: ((d & b) | (~d & c), (5 * step + 1) % 16)
                case 2: (b ^ c ^ d, (3 * step + 5) % 16)
                default: (c ^ (b | ~d), (7 * step) % 16)
                }
            let sum = a &+ mixed &+ constants[step] &+ words[wordIndex]
            (a, d, c) = (d, c, b)
            b = b &+ rotateLeft(sum, shifts[step])
        }
        state[0] = state[0] &+ a
        state[1] = state[1] &+ b
        state[2] = state[2] &+ c
        state[3] = state[3] &+ d
    }
}

/// Rotates a 32-bit word left by `count` bits (0 < count < 32).
@inline(__always)
func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value << count) | (value >> (32 - count))
}

/// Rotates a 32-bit word right by `count` bits (0 < count < 32).
@inline(__always)
func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value >> count) | (value << (32 - count))
}

/// Rotates a 64-bit word right by `count` bits (0 < count < 64).
@inline(__always)
func rotateRight(_ value: UInt64, _ count: UInt64) -> UInt64 {
    (value >> count) | (value << (64 - count))
}
