/// The parsed pattern: what the compiler turns into a program.
indirect enum RegexNode: Hashable, Sendable {
    case empty
    /// One code unit (under `i` a unit with case equivalents is parsed as a set of them).
    case unit(UInt16)
    case set(UnitSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// A capturing group; group 0 is the whole match, so `index` starts at 1.
    case capture(RegexNode, index: Int)
    /// An atom with a quantifier; `captures` are the groups inside it, reset at each iteration.
    case quantified(RegexNode, Quantifier, captures: Range<Int>)
    case assertion(Assertion)
    case look(RegexNode, LookKind)
    case backReference(Int)
}

/// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each greedy or lazy; `max` is `Int.max` for no bound.
struct Quantifier: Hashable, Sendable {
    var min: Int
    var max: Int
    var greedy: Bool
}

/// Zero-width tests of the position.
enum Assertion: Hashable, Sendable {
    /// `^` without `m`.
    case inputStart
    /// `$` without `m`.
    case inputEnd
    /// `^` with `m`.
    case lineStart
    /// `$` with `m`.
    case lineEnd
    case wordBoundary
    case notWordBoundary
}

/// `(?=…)`, `(?!…)`, `(?<=…)` and `(?<!…)`.
struct LookKind: Hashable, Sendable {
    var behind: Bool
    var negative: Bool
}
