/// A string searched for in UTF-16 units (JavaScript's `indexOf`) in linear time, whatever the text and the
/// needle: Knuth–Morris–Pratt, so a pathological needle (`aaa…ab` in `aaa…a`) cannot make a search quadratic.
struct Needle {
    let units: [UInt16]
    /// For each prefix length, the length of its longest proper prefix that is also its suffix.
    private let fallback: [Int]

    init(_ text: String) {
        units = Array(text.utf16)
        var fallback = Array(repeating: 0, count: units.count + 1)
        var length = 0
        for index in units.indices.dropFirst() {
            while length > 0, units[index] != units[length] { length = fallback[length] }
            if units[index] == units[length] { length += 1 }
            fallback[index + 1] = length
        }
        self.fallback = fallback
    }

    /// The offset of the first occurrence at or after `from`, or nil.
    func firstIndex(in text: [UInt16], from: Int = 0) -> Int? {
        if units.isEmpty { return from <= text.count ? from : nil }
        guard from >= 0, from < text.count else { return nil }
        var matched = 0
        for index in from..<text.count {
            while matched > 0, text[index] != units[matched] { matched = fallback[matched] }
            if text[index] == units[matched] { matched += 1 }
            if matched == units.count { return index + 1 - matched }
        }
        return nil
    }
}
