/// The linear congruential generator of `java.util.Random`, so that a seeded States.MathRandom gives the
/// number a Java runtime (AWS's) would: 48-bit state, multiplier 0x5DEECE66D, increment 0xB.
struct JavaRandom {
    private static let multiplier: UInt64 = 0x5_DEEC_E66D
    private static let mask: UInt64 = (1 << 48) - 1
    private var state: UInt64

    /// `new Random(seed)`: the seed is scrambled with the multiplier and kept to 48 bits.
    init(seed: Int64) {
        state = (UInt64(bitPattern: seed) ^ Self.multiplier) & Self.mask
    }

    /// `next(bits)`: advance the state, return its top `bits` bits as a (possibly negative) Int32.
    mutating func next(bits: Int) -> Int32 {
        state = (state &* Self.multiplier &+ 0xB) & Self.mask
        return Int32(truncatingIfNeeded: state >> UInt64(48 - bits))
    }

    /// `nextInt(bound)`: uniform in [0, bound). Rejects the top partial range to avoid modulo bias; the
    /// `&-`/`&+` mirror Java's wrapping int arithmetic, where a negative sum signals that partial range.
    mutating func nextInt(bound: Int32) -> Int32 {
        var value = next(bits: 31)
        let limit = bound &- 1
        if bound & limit == 0 {
            // Power of two: take the high bits.
            return Int32(truncatingIfNeeded: (Int64(bound) * Int64(value)) >> 31)
        }
        var candidate = value
        value = candidate % bound
        while candidate &- value &+ limit < 0 {
            candidate = next(bits: 31)
            value = candidate % bound
        }
        return value
    }
}
