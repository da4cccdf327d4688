/// Quantifiers, lookarounds and backtracking.
extension Backtracker {
    /// Before an iteration: required ones run, past `max` the loop exits, otherwise a greedy loop tries
    /// another iteration first and a lazy one the exit first.
    mutating func loopHead(_ index: Int, _ pc: inout Int, _ position: Int) throws(RegexInterruption) -> Bool {
        let loop = program.loops[index]
        let done = slots[loop.counterSlot]
        if done < loop.min {
            pc += 1
        } else if done >= loop.max {
            pc = loop.exit
        } else if loop.greedy {
            try push(.branch(pc: Int32(loop.exit), position: Int32(position)))
            pc += 1
        } else {
            try push(.branch(pc: Int32(pc + 1), position: Int32(position)))
            pc = loop.exit
        }
        return true
    }

    /// After an iteration: an optional iteration that matched nothing fails (so empty loops end); otherwise
    /// count it and go back to the head.
    mutating func loopTail(_ index: Int, _ pc: inout Int, _ position: Int) throws(RegexInterruption) -> Bool {
        let loop = program.loops[index]
        let done = slots[loop.counterSlot]
        if done >= loop.min, position == slots[loop.startSlot] { return false }
        try write(loop.counterSlot, done + 1)
        pc = loop.head
        return true
    }

    /// A quantified unit: a greedy run takes all it can and leaves one frame to give units back; a lazy run
    /// takes its minimum and leaves one frame to take more.
    mutating func run(_ index: Int, _ pc: inout Int, _ position: inout Int) throws(RegexInterruption) -> Bool {
        let run = program.runs[index]
        let start = position
        var count = 0
        let limit = run.greedy ? run.max : run.min
        while count < limit, let next = advance(run, from: position) {
            position = next
            count += 1
        }
        try tick(count)
        guard count >= run.min else { return false }
        if run.greedy, count > run.min {
            let low = run.backward ? start - run.min : start + run.min
            try push(.greedy(pc: Int32(pc), low: Int32(low), position: Int32(position)))
        } else if !run.greedy, run.max > run.min {
            try push(.lazy(pc: Int32(pc), count: Int32(count), position: Int32(position)))
        }
        pc += 1
        return true
    }

    func advance(_ run: Run, from position: Int) -> Int? {
        step(from: position, backward: run.backward, run.test)
    }

    /// A lookaround's body matched. A positive one keeps the captures it set (their undo entries stay) and
    /// drops its alternatives: ECMAScript never backtracks into a lookaround. A negative one fails.
    mutating func lookEnd(_ index: Int, _ pc: inout Int, _ position: inout Int) -> Bool {
        let barrier = barriers.removeLast()
        guard case .look(_, let start) = stack[barrier] else { preconditionFailure("a lookaround's barrier is missing") }
        if program.looks[index].negative {
            while stack.count > barrier {
                if case .restore(let slot, let value) = stack.removeLast() { slots[Int(slot)] = Int(value) }
            }
            return false
        }
        var kept = barrier
        for entry in barrier + 1..<stack.count {
            guard case .restore = stack[entry] else { continue }
            stack[kept] = stack[entry]
            kept += 1
        }
        stack.removeSubrange(kept...)
        position = Int(start)
        pc = program.looks[index].end
        return true
    }

    /// Undoes writes back to the latest open alternative and answers where to resume; nil when none is left.
    mutating func backtrack() throws(RegexInterruption) -> (Int, Int)? {
        while let frame = stack.popLast() {
            try tick()
            switch frame {
            case .restore(let slot, let value): slots[Int(slot)] = Int(value)
            case .branch(let pc, let position): return (Int(pc), Int(position))
            case .greedy(let pc, let low, let position):
                let next = position + (low > position ? 1 : -1)
                if next != low { stack.append(.greedy(pc: pc, low: low, position: next)) }
                return (Int(pc) + 1, Int(next))
            case .lazy(let pc, let count, let position):
                guard case .run(let index) = program.code[Int(pc)] else { preconditionFailure("a lazy frame without its run") }
                let run = program.runs[index]
                guard Int(count) < run.max, let next = advance(run, from: Int(position)) else { continue }
                if Int(count) + 1 < run.max { stack.append(.lazy(pc: pc, count: count + 1, position: Int32(next))) }
                return (Int(pc) + 1, next)
            case .look(let index, let position):
                barriers.removeLast()
                let look = program.looks[Int(index)]
                if look.negative { return (look.end, Int(position)) }
            }
        }
        return nil
    }
}
