/// JavaScript's case-insensitive matching without the `u` flag (ECMA-262 `Canonicalize`): a UTF-16 unit stands
/// for its upper-case form when that is one unit, unless it would turn a non-ASCII unit into an ASCII one.
///
/// So `ß` does not match `ss`, `ſ` does not match `s` and the Kelvin sign does not match `k`, as in Node.
enum CaseFolding {
    /// The canonical unit of every BMP unit, computed once (about 65,000 upper-case mappings) on first use.
    static let canonical: [UInt16] = (0...0xFFFF).map { unit in
        guard let scalar = Unicode.Scalar(UInt32(unit)) else { return UInt16(unit) }
        let upper = Array(String(scalar).uppercased().utf16)
        guard upper.count == 1, !(unit >= 128 && upper[0] < 128) else { return UInt16(unit) }
        return upper[0]
    }

    /// The units that share a canonical form with another unit, each group sorted.
    static let groups: [[UInt16]] = {
        var byForm: [UInt16: [UInt16]] = [:]
        for (unit, form) in canonical.enumerated() { byForm[form, default: []].append(UInt16(unit)) }
        return byForm.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }()

    /// `set` with every unit the `i` flag makes equal to one of its members.
    static func closure(of set: UnitSet) -> UnitSet {
        var extra: [ClosedRange<UInt16>] = []
        for group in groups where group.contains(where: set.contains) {
            extra += group.map { $0...$0 }
        }
        return extra.isEmpty ? set : set.union(UnitSet(extra))
    }
}
