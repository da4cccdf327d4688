import Foundation
import JSON
import StatesLanguage

/// Where a scope stood when it ended unsuccessfully (failed, aborted, or cut short by the execution's end): the
/// state it was in, with the input and variables it had, and the children of its Parallel or Map if they ran.
struct RedrivePoint {
    let stateIndex: Int
    let rawInput: JSON
    let variables: Variables
    let fanOut: FanOut?
}

/// RedriveExecution (AWS "Redriving executions"): a FAILED, TIMED_OUT or ABORTED execution carries on from the
/// states that did not succeed, with the input they had. The history goes on with ExecutionRedriven; the state
/// that did not succeed is entered again; a Parallel runs again only the branches that did not succeed, a Map only
/// the iterations (or, Distributed, the child executions) that did not, each from where it stood; the children
/// that succeeded keep their output. Retry counters start afresh, as does the execution's TimeoutSeconds.
extension Interpreter {
    /// Keeps where a scope stood before it is released, for a later redrive.
    mutating func keepForRedrive(_ frameId: Int) {
        let frame = frames[frameId]
        var fanOut = frame.lastFanOut
        switch frame.phase {
        case .fanOut(let current): fanOut = current
        case .mapIO(_, let current?): fanOut = current
        default: break
        }
        redrivable[frameId] = RedrivePoint(stateIndex: frame.stateIndex, rawInput: frame.rawInput, variables: frame.variables, fanOut: fanOut)
    }

    /// The state exits or runs again from scratch: the children of its last fan-out no longer matter.
    mutating func forgetFanOut(_ frameId: Int) {
        guard let fanOut = frames[frameId].lastFanOut else { return }
        frames[frameId].lastFanOut = nil
        for child in fanOut.childIds.values { forgetRedrivePoint(child) }
    }

    /// Drops a scope's redrive point and those of the children it kept (bounded by the definition's nesting).
    mutating func forgetRedrivePoint(_ frameId: Int) {
        guard let point = redrivable.removeValue(forKey: frameId) else { return }
        for child in point.fanOut?.childIds.values.map({ $0 }) ?? [] { forgetRedrivePoint(child) }
    }

    /// Whether the execution ended in a way a redrive can carry on from.
    package var isRedrivable: Bool {
        (status == .failed || status == .timedOut || status == .aborted) && redrivable[rootFrame] != nil
    }

    mutating func redrive() {
        guard isRedrivable else { return }
        status = .running
        output = nil
        error = nil
        cause = nil
        redriveCount += 1
        redriveTime = now
        if case .object(var context) = executionContext {
            context["RedriveCount"] = .int(redriveCount)
            context["RedriveTime"] = .string(ISOTimestamp.format(now))
            executionContext = .object(context)
        }
        let old = rootFrame
        let id = record(.executionRedriven, .executionRedriven(redriveCount: redriveCount), previous: eventCount)
        if let timeout = definition.timeoutSeconds {
            _ = schedule(.executionTimeout, after: Double(timeout))
        }
        rootFrame = newFrame(definition.root, parent: nil, slot: 0, variables: Variables())
        frames[rootFrame].lastEventId = id
        restoreFrame(rootFrame, from: old, input: info.input)
    }

    /// Carries on a new frame from where the old one stood: its state entered again with the same input, a
    /// Parallel or Map running only the children that did not succeed. Without a redrive point (a child that never
    /// started), the frame starts from the beginning with `input`.
    mutating func restoreFrame(_ frameId: Int, from old: Int, input: JSON) {
        guard let point = redrivable.removeValue(forKey: old) else {
            return proceed(frameId, .next(frames[frameId].machine.startAt, input))
        }
        frames[frameId].variables = point.variables
        enter(frameId, point.stateIndex, point.rawInput)
        let state = frames[frameId].state
        let outcome: Outcome
        if let fanOut = point.fanOut, state.type == .parallel || state.type == .map {
            outcome = resumeFanOut(frameId, state, fanOut, old: old)
        } else {
            outcome = execute(frameId, retry: false)
        }
        proceed(frameId, outcome)
    }

    /// Starts again the children of a Parallel or Map that did not succeed; the others keep their results.
    mutating func resumeFanOut(_ frameId: Int, _ state: State, _ old: FanOut, old oldFrame: Int) -> Outcome {
        var fanOut = FanOut(kind: old.kind, inputs: old.inputs, maxConcurrency: old.maxConcurrency)
        fanOut.distributed = old.distributed
        fanOut.toleratedCount = old.toleratedCount
        fanOut.toleratedPercentage = old.toleratedPercentage
        var order: [Int] = []
        for slot in old.inputs.indices {
            if let result = old.results[slot], old.childErrors[slot] == nil {
                fanOut.results[slot] = result
                fanOut.completed += 1
            } else {
                order.append(slot)
                if let child = old.childIds[slot], redrivable[child] != nil { fanOut.restoreFrom[slot] = child }
            }
        }
        fanOut.order = order
        switch fanOut.kind {
        case .parallel: record(frameId, .parallelStateStarted, .none)
        case .map: record(frameId, .mapStateStarted, .mapStarted(length: fanOut.inputs.count))
        }
        if fanOut.distributed { redriveMapRun(frameId, fanOut, old: oldFrame, redriven: order) }
        frames[frameId].phase = .fanOut(fanOut)
        return startChildren(frameId)
    }

    /// The Map Run of a redriven Distributed Map runs again (MapRunRedriven): its children that did not succeed
    /// are pending again, its redrive count and date move on. A Map whose run never started starts one.
    mutating func redriveMapRun(_ frameId: Int, _ fanOut: FanOut, old: Int, redriven slots: [Int]) {
        guard case .map(let map) = frames[frameId].state.kind else { return }
        guard let run = mapRuns.lastIndex(where: { $0.frame == old }) else {
            return startMapRun(frameId, map, fanOut, itemCount: fanOut.inputs.count)
        }
        mapRuns[run].frame = frameId
        mapRunOfFrame[frameId] = run
        var record = mapRuns[run].record
        record.status = .running
        record.stopDate = nil
        record.redriveCount += 1
        record.redriveDate = now
        var items = 0
        for slot in slots { items += mapRuns[run].batchSizes?[slot] ?? 1 }
        for counts in [\MapRunRecord.executionCounts, \MapRunRecord.itemCounts] {
            record[keyPath: counts].failed = 0
            record[keyPath: counts].aborted = 0
            record[keyPath: counts].timedOut = 0
            record[keyPath: counts].running = 0
        }
        record.executionCounts.pending = slots.count
        record.itemCounts.pending = items
        mapRuns[run].record = record
        mapRunChanges.runs.insert(run)
        self.record(frameId, .mapRunRedriven, .mapRunRedriven(arn: record.arn, redriveCount: record.redriveCount))
    }
}
