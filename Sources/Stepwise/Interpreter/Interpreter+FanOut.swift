import Foundation
import JSON
import StatesLanguage

/// Parallel and Map: a state whose work is a set of child scopes (asl-reference §1.3, §7.3).
extension Interpreter {
    mutating func startParallel(_ frameId: Int, _ state: State, _ branches: [Machine]) throws(StatesError) -> Outcome {
        let input = try effectiveInput(frameId, state, frames[frameId].rawInput)
        record(frameId, .parallelStateStarted, .none)
        frames[frameId].phase = .fanOut(FanOut(kind: .parallel, inputs: Array(repeating: input, count: branches.count), maxConcurrency: 0))
        return startChildren(frameId)
    }

    /// The machine a child of this frame's current state runs.
    func childMachine(_ frameId: Int, slot: Int) -> Machine {
        switch frames[frameId].state.kind {
        case .parallel(let branches): return branches[slot]
        case .map(let map): return map.processor
        default: preconditionFailure("only Parallel and Map states have children")
        }
    }

    mutating func modifyFanOut<T>(_ frameId: Int, _ body: (inout FanOut) -> T) -> T? {
        guard frames[frameId].alive, case .fanOut(var fanOut) = frames[frameId].phase else { return nil }
        frames[frameId].phase = .idle
        let result = body(&fanOut)
        frames[frameId].phase = .fanOut(fanOut)
        return result
    }

    /// Starts children while the concurrency limit allows; children that finish synchronously are only counted
    /// here (`starting`), so completion is decided once, at the end.
    mutating func startChildren(_ frameId: Int) -> Outcome {
        _ = modifyFanOut(frameId) { $0.starting = true }
        while let slot = modifyFanOut(
            frameId,
            { fanOut -> Int? in
                guard fanOut.canStartMore else { return nil }
                let slot = fanOut.order?[fanOut.nextToStart] ?? fanOut.nextToStart
                fanOut.nextToStart += 1
                return slot
            }) ?? nil
        {
            startChild(frameId, slot: slot)
        }
        guard
            let fanOut = modifyFanOut(
                frameId,
                { fanOut -> FanOut in
                    fanOut.starting = false
                    return fanOut
                })
        else { return .blocked }
        if let failure = fanOut.failure { return fanOutFailed(frameId, fanOut, failure) }
        if fanOut.isComplete { return fanOutSucceeded(frameId, fanOut) }
        return .blocked
    }

    /// What starting a child needs from its parent's fan-out, read without keeping a copy of the fan-out: a copy
    /// alive across the next `modifyFanOut` would make every start copy the whole results array (O(n²) over a
    /// 100,000-item Distributed Map).
    func childStartInfo(_ frameId: Int, slot: Int) -> (kind: FanOut.Kind, distributed: Bool, input: JSON, restore: Int?)? {
        guard case .fanOut(let fanOut) = frames[frameId].phase else { return nil }
        return (fanOut.kind, fanOut.distributed, fanOut.inputs[slot], fanOut.restoreFrom[slot])
    }

    mutating func startChild(_ frameId: Int, slot: Int) {
        guard let (kind, distributed, input, restore) = childStartInfo(frameId, slot: slot) else { return }
        if kind == .map, !distributed {
            record(frameId, .mapIterationStarted, .mapIteration(name: frames[frameId].state.name, index: slot))
        }
        let machine = childMachine(frameId, slot: slot)
        // Distributed Map children are separate executions: they cannot read the parent's variables.
        let variables = distributed ? Variables() : frames[frameId].variables.enteringScope()
        let childId = newFrame(machine, parent: frameId, slot: slot, variables: variables)
        frames[childId].lastEventId = frames[frameId].lastEventId
        frames[childId].detached = distributed || frames[frameId].detached
        if distributed { beginChildExecution(frameId, childId, slot: slot, input: input) }
        _ = modifyFanOut(frameId) { fanOut in
            fanOut.running[slot] = childId
            fanOut.childIds[slot] = childId
        }
        if let restore { return restoreFrame(childId, from: restore, input: input) }
        proceed(childId, .next(machine.startAt, input))
    }

    /// A child ended. A Map iteration records MapIterationSucceeded beside its last event, and the next
    /// iteration starts from that last event; a Parallel branch leaves the chain at ParallelStateStarted, where
    /// every branch starts (as in AWS's histories).
    mutating func childSucceeded(_ parentId: Int, slot: Int, output: JSON, lastEventId: Int) {
        guard
            let (starting, kind, distributed) = modifyFanOut(
                parentId,
                { fanOut -> (Bool, FanOut.Kind, Bool) in
                    fanOut.results[slot] = output
                    fanOut.running[slot] = nil
                    fanOut.completed += 1
                    fanOut.lastChildEvent = max(fanOut.lastChildEvent, lastEventId)
                    return (fanOut.starting, fanOut.kind, fanOut.distributed)
                })
        else { return }
        if distributed {
            frames[parentId].lastEventId = max(frames[parentId].lastEventId, lastEventId)
        } else if kind == .map {
            let id = record(parentId, .mapIterationSucceeded, .mapIteration(name: frames[parentId].state.name, index: slot), beside: lastEventId)
            frames[parentId].lastEventId = lastEventId
            _ = modifyFanOut(parentId) { $0.lastIterationEvent = id }
        }
        guard !starting else { return }
        proceed(parentId, startChildren(parentId))
    }

    mutating func childFailed(_ parentId: Int, slot: Int, error: StatesError) {
        if let outcome = toleratedChildFailure(parentId, slot: slot, error: error) {
            if case .blocked = outcome { return }
            return proceed(parentId, outcome)
        }
        guard
            let fanOut = modifyFanOut(
                parentId,
                { fanOut -> FanOut in
                    fanOut.running[slot] = nil
                    if fanOut.failure == nil { fanOut.failure = error }
                    return fanOut
                }), fanOut.failure == error
        else { return }
        let name = frames[parentId].state.name
        let iterations = fanOut.kind == .map && !fanOut.distributed
        if iterations { record(parentId, .mapIterationFailed, .mapIteration(name: name, index: slot), beside: frames[parentId].lastEventId) }
        for (sibling, childId) in fanOut.running.sorted(by: { $0.key < $1.key }) {
            abortFrame(childId)
            if iterations { record(parentId, .mapIterationAborted, .mapIteration(name: name, index: sibling)) }
        }
        _ = modifyFanOut(parentId) { $0.running.removeAll() }
        guard !fanOut.starting else { return }
        proceed(parentId, fanOutFailed(parentId, fanOut, error))
    }

    /// A Distributed Map child failed: within the tolerance it counts like a finished child; over it, the Map
    /// fails with States.ExceedToleratedFailureThreshold. Returns nil for other fan-outs (Parallel, inline Map).
    mutating func toleratedChildFailure(_ parentId: Int, slot: Int, error: StatesError) -> Outcome? {
        guard let within = withinToleranceAfterOneMore(parentId) else { return nil }
        guard within else {
            let exceeded = StatesError(StatesError.Name.exceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded")
            _ = modifyFanOut(parentId) { $0.childErrors[slot] = error }
            return failOverTolerance(parentId, slot: slot, error: exceeded)
        }
        guard
            let starting = modifyFanOut(
                parentId,
                { fanOut -> Bool in
                    fanOut.childErrors[slot] = error
                    fanOut.results[slot] = ["Error": .string(error.name), "Cause": .string(error.cause)]
                    fanOut.running[slot] = nil
                    fanOut.completed += 1
                    return fanOut.starting
                })
        else { return .blocked }
        return starting ? .blocked : startChildren(parentId)
    }

    /// Nil for fan-outs other than a Distributed Map; else whether one more failed child stays within its
    /// tolerance. Reads the fan-out in its own scope, so no copy outlives the read (see ``childStartInfo``).
    func withinToleranceAfterOneMore(_ parentId: Int) -> Bool? {
        guard case .fanOut(let current) = frames[parentId].phase, current.distributed else { return nil }
        return withinTolerance(current, failures: current.childErrors.count + 1)
    }

    /// Fails the Distributed Map: the failing child is recorded, the others are aborted.
    mutating func failOverTolerance(_ parentId: Int, slot: Int, error: StatesError) -> Outcome {
        guard
            let fanOut = modifyFanOut(
                parentId,
                { fanOut -> FanOut in
                    fanOut.running[slot] = nil
                    if fanOut.failure == nil { fanOut.failure = error }
                    return fanOut
                })
        else { return .blocked }
        for (_, childId) in fanOut.running.sorted(by: { $0.key < $1.key }) { abortFrame(childId) }
        _ = modifyFanOut(parentId) { $0.running.removeAll() }
        return fanOut.starting ? .blocked : fanOutFailed(parentId, fanOut, error)
    }

    mutating func fanOutSucceeded(_ frameId: Int, _ fanOut: FanOut) -> Outcome {
        frames[frameId].phase = .idle
        frames[frameId].lastFanOut = fanOut
        if fanOut.distributed, case .map(let map) = frames[frameId].state.kind, let writer = map.resultWriter {
            return writeResults(frameId, fanOut, writer, map)
        }
        if fanOut.distributed {
            record(frameId, .mapRunSucceeded, .none)
            mapRunEnded(frameId, .succeeded)
        }
        // Succeeded points at the last iteration's MapIterationSucceeded (or the last branch event) and leaves
        // the chain there: MapStateExited/ParallelStateExited has the same previousEventId.
        var previous = frames[frameId].lastEventId
        if !fanOut.distributed { previous = fanOut.kind == .map ? fanOut.lastIterationEvent ?? previous : max(previous, fanOut.lastChildEvent) }
        record(frameId, fanOut.kind == .map ? .mapStateSucceeded : .parallelStateSucceeded, .none, beside: previous)
        frames[frameId].lastEventId = previous
        return completeWork(frameId, frames[frameId].state, result: .array(fanOut.results.map { $0 ?? .null }))
    }

    mutating func fanOutFailed(_ frameId: Int, _ fanOut: FanOut, _ error: StatesError) -> Outcome {
        frames[frameId].phase = .idle
        frames[frameId].lastFanOut = fanOut
        if fanOut.distributed {
            record(frameId, .mapRunFailed, .failure(error: error.name, cause: error.cause))
            mapRunEnded(frameId, .failed)
        }
        frames[frameId].failedEvent = fanOut.kind == .map ? .mapStateFailed : .parallelStateFailed
        return .failed(error)
    }
}
