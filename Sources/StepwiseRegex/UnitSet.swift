/// A set of UTF-16 code units: what a class, a class escape or `.` matches (patterns without the `u` flag
/// match one unit at a time, so an astral character is two units to them).
struct UnitSet: Hashable, Sendable {
    /// Sorted, disjoint and not adjacent.
    private(set) var ranges: [ClosedRange<UInt16>]
    /// Membership of the 128 ASCII units, the common case, without a search.
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0

    init(_ members: some Sequence<ClosedRange<UInt16>>) {
        var merged: [ClosedRange<UInt16>] = []
        for range in members.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, Int(range.lowerBound) <= Int(last.upperBound) + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        ranges = merged
        for range in merged where range.lowerBound < 128 {
            for unit in range.lowerBound...min(range.upperBound, 127) {
                if unit < 64 { asciiLow |= 1 << UInt64(unit) } else { asciiHigh |= 1 << UInt64(unit - 64) }
            }
        }
    }

    init(_ units: UInt16...) { self.init(units.map { $0...$0 }) }

    /// Inlined into the matcher's loop: the ASCII answer then needs no access to `ranges` (nor its retain).
    @inline(__always)
    func contains(_ unit: UInt16) -> Bool {
        if unit < 64 { return asciiLow & (1 << UInt64(unit)) != 0 }
        if unit < 128 { return asciiHigh & (1 << UInt64(unit - 64)) != 0 }
        return searchRanges(unit)
    }

    private func searchRanges(_ unit: UInt16) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < unit {
                low = middle + 1
            } else if ranges[middle].lowerBound > unit {
                high = middle
            } else {
                return true
            }
        }
        return false
    }

    var isEmpty: Bool { ranges.isEmpty }
    var isAll: Bool { ranges == [0...0xFFFF] }

    func union(_ other: UnitSet) -> UnitSet { UnitSet(ranges + other.ranges) }

    /// Every unit not in the set.
    var inverted: UnitSet {
        var gaps: [ClosedRange<UInt16>] = []
        var next = 0
        for range in ranges {
            if Int(range.lowerBound) > next { gaps.append(UInt16(next)...(range.lowerBound - 1)) }
            next = Int(range.upperBound) + 1
        }
        if next <= 0xFFFF { gaps.append(UInt16(next)...0xFFFF) }
        return UnitSet(gaps)
    }

    static let all = UnitSet([0...0xFFFF])
    static let empty = UnitSet([])
    /// `\d`: ASCII digits only.
    static let digits = UnitSet([0x30...0x39])
    /// `\w`: ASCII letters, digits and `_` (with or without `i`, as long as there is no `u`).
    static let word = UnitSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMAScript's WhiteSpace and LineTerminator.
    static let space = UnitSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F,
        0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `\n`, `\r`, U+2028 and U+2029: what `.` does not match without `s`, and where `^`/`$` match with `m`.
    static let lineTerminators = UnitSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
}
