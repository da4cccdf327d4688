/// Assertions and back-references: tests of the text around the position.
extension Backtracker {
    func holds(_ assertion: Assertion, at position: Int) -> Bool {
        switch assertion {
        case .inputStart: position == 0
        case .inputEnd: position == text.count
        case .lineStart: position == 0 || UnitSet.lineTerminators.contains(text[position - 1])
        case .lineEnd: position == text.count || UnitSet.lineTerminators.contains(text[position])
        case .wordBoundary: isWord(position - 1) != isWord(position)
        case .notWordBoundary: isWord(position - 1) == isWord(position)
        }
    }

    private func isWord(_ index: Int) -> Bool {
        index >= 0 && index < text.count && UnitSet.word.contains(text[index])
    }

    /// The position after matching what `group` captured (nothing when it is unset), forwards or, in a
    /// lookbehind, backwards; under `i` units compare by their canonical forms.
    func backReference(_ group: Int, at position: Int, backward: Bool) -> Int? {
        let start = slots[program.captureSlot(group)]
        let end = slots[program.captureSlot(group) + 1]
        guard start >= 0, end >= 0 else { return position }
        let length = end - start
        let from = backward ? position - length : position
        guard from >= 0, from + length <= text.count else { return nil }
        for offset in 0..<length where !same(text[start + offset], text[from + offset]) { return nil }
        return backward ? from : from + length
    }

    private func same(_ a: UInt16, _ b: UInt16) -> Bool {
        a == b || (program.ignoreCase && CaseFolding.canonical[Int(a)] == CaseFolding.canonical[Int(b)])
    }
}
