/// Runs a `Program` over UTF-16 text by backtracking, with its own stack on the heap: the Swift stack stays
/// flat whatever the pattern or text, and the budget is charged as it goes.
struct Backtracker {
    let program: Program
    let text: [UInt16]
    /// For a whole match: the position `match` must be reached at.
    let requiredEnd: Int?
    var budget: RegexBudget
    var slots: [Int]
    var stack: [Frame] = []
    /// Stack indexes of the lookarounds being matched, innermost last.
    var barriers: [Int] = []
    private var ticks = 0

    init(_ program: Program, text: [UInt16], requiredEnd: Int?, budget: RegexBudget) {
        self.program = program
        self.text = text
        self.requiredEnd = requiredEnd
        self.budget = budget
        slots = Array(repeating: -1, count: program.slotCount)
    }

    /// Charges `count` steps; every `checkInterval` steps asks whether to stop.
    @inline(__always)
    mutating func tick(_ count: Int = 1) throws(RegexInterruption) {
        budget.steps -= count
        if budget.steps < 0 { throw .stepLimit }
        ticks &+= count
        if ticks >= RegexBudget.checkInterval {
            ticks = 0
            if let isCancelled = budget.isCancelled, isCancelled() { throw .cancelled }
        }
    }

    /// Whether the program matches starting at `start`; the captures are then in `slots`.
    mutating func run(at start: Int) throws(RegexInterruption) -> Bool {
        for slot in 0..<(program.captureCount * 3) { slots[slot] = -1 }
        // A failed attempt leaves both empty; only an interrupted or successful one leaves entries behind.
        if !stack.isEmpty { stack.removeAll(keepingCapacity: true) }
        if !barriers.isEmpty { barriers.removeAll(keepingCapacity: true) }
        slots[0] = start
        var pc = 0
        var position = start
        while true {
            try tick()
            let instruction = program.code[pc]
            if case .match = instruction {
                if requiredEnd == nil || position == requiredEnd {
                    slots[1] = position
                    return true
                }
            } else if try execute(instruction, &pc, &position) {
                continue
            }
            guard let resume = try backtrack() else { return false }
            (pc, position) = resume
        }
    }

    /// Executes one instruction; false when the path fails there.
    private mutating func execute(_ instruction: Instruction, _ pc: inout Int, _ position: inout Int) throws(RegexInterruption) -> Bool {
        switch instruction {
        case .unit(let unit), .unitBack(let unit):
            guard let next = step(from: position, backward: instruction.isBackward, .unit(unit)) else { return false }
            position = next
        case .set(let index), .setBack(let index):
            guard let next = step(from: position, backward: instruction.isBackward, .set(index)) else { return false }
            position = next
        case .assert(let assertion): if !holds(assertion, at: position) { return false }
        case .fork(let target): try push(.branch(pc: Int32(target), position: Int32(position)))
        case .jump(let target):
            pc = target
            return true
        case .open(let group): try write(program.openSlot(group), position)
        case .close(let group), .closeBack(let group):
            let opened = slots[program.openSlot(group)]
            let backward = instruction.isBackward
            try write(program.captureSlot(group), backward ? position : opened)
            try write(program.captureSlot(group) + 1, backward ? opened : position)
        case .reset(let from, let to):
            for slot in program.captureSlot(from)..<program.captureSlot(to) { try write(slot, -1) }
        case .backReference(let group), .backReferenceBack(let group):
            guard let next = backReference(group, at: position, backward: instruction.isBackward) else { return false }
            position = next
        case .loopInit(let loop): try write(program.loops[loop].counterSlot, 0)
        case .loopHead(let loop): return try loopHead(loop, &pc, position)
        case .loopEnter(let loop): try write(program.loops[loop].startSlot, position)
        case .loopTail(let loop): return try loopTail(loop, &pc, position)
        case .run(let run): return try self.run(run, &pc, &position)
        case .lookStart(let look):
            try push(.look(Int32(look), position: Int32(position)))
            barriers.append(stack.count - 1)
        case .lookEnd(let look): return lookEnd(look, &pc, &position)
        case .match: preconditionFailure("match is handled by run(at:)")
        }
        pc += 1
        return true
    }

    /// The position after reading one unit that `test` accepts, forwards or backwards; nil when there is none.
    /// (No closure here: one capturing a set would be allocated at every step.)
    @inline(__always)
    func step(from position: Int, backward: Bool, _ test: Run.Test) -> Int? {
        if backward {
            guard position > 0, accepts(test, text[position - 1]) else { return nil }
            return position - 1
        }
        guard position < text.count, accepts(test, text[position]) else { return nil }
        return position + 1
    }

    @inline(__always)
    func accepts(_ test: Run.Test, _ unit: UInt16) -> Bool {
        switch test {
        case .unit(let expected): unit == expected
        case .set(let index): program.sets[index].contains(unit)
        }
    }

    mutating func push(_ frame: Frame) throws(RegexInterruption) {
        guard stack.count < budget.maxBacktrackEntries else { throw .backtrackLimit }
        stack.append(frame)
    }

    /// Sets a slot, remembering its old value for backtracking.
    mutating func write(_ slot: Int, _ value: Int) throws(RegexInterruption) {
        let old = slots[slot]
        guard old != value else { return }
        try push(.restore(slot: Int32(slot), value: Int32(old)))
        slots[slot] = value
    }
}

extension Instruction {
    var isBackward: Bool {
        switch self {
        case .unitBack, .setBack, .closeBack, .backReferenceBack: true
        default: false
        }
    }
}
