/// A compiled pattern: instructions for the backtracking machine and the tables they index.
///
/// Slots hold positions: two per capture (start, end; -1 when unset, group 0 is the whole match), one per
/// capture for where it opened, then two per loop (its iteration count and where the iteration started).
struct Program: Sendable {
    var code: [Instruction] = []
    var sets: [UnitSet] = []
    var loops: [Loop] = []
    var runs: [Run] = []
    var looks: [Look] = []
    /// Captures including group 0.
    var captureCount: Int
    var slotCount: Int
    var ignoreCase: Bool
    /// The units a match can start with; nil when it can be empty or start with anything.
    var firstUnits: UnitSet?
    /// Whether every match starts with `^` (without `m`): only position 0 can match.
    var anchoredAtStart = false

    func captureSlot(_ group: Int) -> Int { group * 2 }
    func openSlot(_ group: Int) -> Int { captureCount * 2 + group }
}

enum Instruction: Sendable {
    /// One unit, read forwards (`unit`, `set`) or, in a lookbehind, backwards.
    case unit(UInt16)
    case unitBack(UInt16)
    case set(Int)
    case setBack(Int)
    case assert(Assertion)
    /// Go on with the next instruction; when that path fails, resume at the target.
    case fork(Int)
    case jump(Int)
    case open(Int)
    case close(Int)
    /// The close of a group inside a lookbehind, which is matched from its end.
    case closeBack(Int)
    /// Unsets the captures `from..<to` (ECMAScript resets a quantified atom's groups at each iteration).
    case reset(from: Int, to: Int)
    case backReference(Int)
    case backReferenceBack(Int)
    case loopInit(Int)
    case loopHead(Int)
    case loopEnter(Int)
    case loopTail(Int)
    /// A quantified single unit: consumed in one go, given back one at a time.
    case run(Int)
    case lookStart(Int)
    case lookEnd(Int)
    case match
}

/// A general quantifier: `loopHead` decides between another iteration and the exit, `loopTail` counts the
/// iteration and refuses an optional one that matched nothing (ECMAScript's RepeatMatcher).
struct Loop: Sendable {
    var counterSlot: Int
    var startSlot: Int
    var min: Int
    var max: Int
    var greedy: Bool
    var head = 0
    var exit = 0
}

/// A quantifier on one unit or set.
struct Run: Sendable {
    enum Test: Sendable {
        case unit(UInt16)
        case set(Int)
    }

    var test: Test
    var min: Int
    var max: Int
    var greedy: Bool
    var backward: Bool
}

/// A lookaround: where matching goes on after it.
struct Look: Sendable {
    var negative: Bool
    var end = 0
}
