/// Turns a parsed pattern into a `Program`. A lookbehind's body is compiled backwards (ECMAScript matches it
/// from its end, right to left), so its sequences are reversed and its units read before the position.
struct Compiler {
    private(set) var program: Program
    private var setIndexes: [UnitSet: Int] = [:]

    static func compile(_ tree: RegexNode, captureCount: Int, flags: RegexFlags) -> Program {
        var compiler = Compiler(
            program: Program(captureCount: captureCount, slotCount: captureCount * 3, ignoreCase: flags.contains(.ignoreCase)))
        compiler.emit(tree, backward: false)
        compiler.append(.match)
        let (first, canBeEmpty) = Self.firstUnits(tree)
        compiler.program.firstUnits = canBeEmpty || first.isAll ? nil : first
        compiler.program.anchoredAtStart = Self.isAnchored(tree)
        return compiler.program
    }

    private var here: Int { program.code.count }

    private mutating func append(_ instruction: Instruction) { program.code.append(instruction) }

    private mutating func emit(_ node: RegexNode, backward: Bool) {
        switch node {
        case .empty: break
        case .unit(let unit): append(backward ? .unitBack(unit) : .unit(unit))
        case .set(let set): append(backward ? .setBack(index(of: set)) : .set(index(of: set)))
        case .sequence(let nodes):
            for node in backward ? nodes.reversed() : nodes { emit(node, backward: backward) }
        case .alternation(let alternatives): emitAlternation(alternatives, backward: backward)
        case .capture(let body, let group):
            append(.open(group))
            emit(body, backward: backward)
            append(backward ? .closeBack(group) : .close(group))
        case .quantified(let body, let quantifier, let captures): emitQuantified(body, quantifier, captures, backward: backward)
        case .assertion(let assertion): append(.assert(assertion))
        case .look(let body, let kind):
            let look = program.looks.count
            program.looks.append(Look(negative: kind.negative))
            append(.lookStart(look))
            emit(body, backward: kind.behind)
            append(.lookEnd(look))
            program.looks[look].end = here
        case .backReference(let group): append(backward ? .backReferenceBack(group) : .backReference(group))
        }
    }

    private mutating func index(of set: UnitSet) -> Int {
        if let index = setIndexes[set] { return index }
        program.sets.append(set)
        setIndexes[set] = program.sets.count - 1
        return program.sets.count - 1
    }

    /// Each alternative but the last forks to the next one and jumps past the rest when it matches.
    private mutating func emitAlternation(_ alternatives: [RegexNode], backward: Bool) {
        var exits: [Int] = []
        for alternative in alternatives.dropLast() {
            let fork = here
            append(.fork(0))
            emit(alternative, backward: backward)
            exits.append(here)
            append(.jump(0))
            program.code[fork] = .fork(here)
        }
        emit(alternatives[alternatives.count - 1], backward: backward)
        for exit in exits { program.code[exit] = .jump(here) }
    }

    private mutating func emitQuantified(_ body: RegexNode, _ quantifier: Quantifier, _ captures: Range<Int>, backward: Bool) {
        if quantifier.max == 0 { return }
        if quantifier.min == 1, quantifier.max == 1 { return emit(body, backward: backward) }
        if let test = singleUnit(body) {
            program.runs.append(Run(test: test, min: quantifier.min, max: quantifier.max, greedy: quantifier.greedy, backward: backward))
            return append(.run(program.runs.count - 1))
        }
        let loop = program.loops.count
        program.loops.append(
            Loop(
                counterSlot: program.slotCount, startSlot: program.slotCount + 1, min: quantifier.min, max: quantifier.max, greedy: quantifier.greedy)
        )
        program.slotCount += 2
        append(.loopInit(loop))
        program.loops[loop].head = here
        append(.loopHead(loop))
        append(.loopEnter(loop))
        if !captures.isEmpty { append(.reset(from: captures.lowerBound, to: captures.upperBound)) }
        emit(body, backward: backward)
        append(.loopTail(loop))
        program.loops[loop].exit = here
    }

    private mutating func singleUnit(_ node: RegexNode) -> Run.Test? {
        switch node {
        case .unit(let unit): .unit(unit)
        case .set(let set): .set(index(of: set))
        default: nil
        }
    }
}
