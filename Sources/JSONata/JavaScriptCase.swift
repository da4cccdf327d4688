/// JavaScript's case-insensitive matching without the `u` flag (ECMA-262 `Canonicalize`): a UTF-16 unit stands
/// for its upper-case form when that is one unit, unless it would turn a non-ASCII unit into an ASCII one.
///
/// ICU folds case fully (`ß` matches `ss`, `ſ` matches `s`, the Kelvin sign matches `k`), so JSONata's `i` flag
/// is not passed to ICU: each literal character and class becomes the set of units with the same canonical form.
enum JavaScriptCase {
    /// The canonical unit of every BMP unit, computed once (about 65,000 upper-case mappings) on first use.
    private static let canonical: [UInt16] = (0...0xFFFF).map { unit in
        guard let scalar = Unicode.Scalar(UInt32(unit)) else { return UInt16(unit) }
        let upper = Array(String(scalar).uppercased().utf16)
        guard upper.count == 1, !(unit >= 128 && upper[0] < 128) else { return UInt16(unit) }
        return upper[0]
    }

    /// The units that share a canonical form with another unit, grouped by that form.
    private static let groups: [UInt16: [UInt16]] = {
        var groups: [UInt16: [UInt16]] = [:]
        for (unit, form) in canonical.enumerated() { groups[form, default: []].append(UInt16(unit)) }
        return groups.filter { $0.value.count > 1 }
    }()

    /// Every unit JavaScript's `i` flag treats as equal to `unit` (itself included); astral characters only
    /// match themselves.
    static func equivalents(of unit: UInt32) -> [UInt32] {
        guard unit <= 0xFFFF, let group = groups[canonical[Int(unit)]] else { return [unit] }
        return group.map(UInt32.init)
    }

    /// The units outside `range` that the `i` flag makes equal to some unit inside it.
    static func extraEquivalents(of range: ClosedRange<UInt32>) -> [UInt32] {
        guard range.lowerBound <= 0xFFFF else { return [] }
        var extra: Set<UInt32> = []
        for unit in range.lowerBound...min(range.upperBound, 0xFFFF) {
            guard let group = groups[canonical[Int(unit)]] else { continue }
            for member in group where !range.contains(UInt32(member)) { extra.insert(UInt32(member)) }
        }
        return extra.sorted()
    }
}
