import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// A scope ended with `output`: the execution succeeds, or the parent collects the result.
    mutating func frameSucceeded(_ frameId: Int, _ output: JSON) {
        guard frames[frameId].alive else { return }
        let (parent, slot, lastEventId) = (frames[frameId].parent, frames[frameId].slot, frames[frameId].lastEventId)
        let childRoot = frames[frameId].childRoot
        if childRoot { childExecutionEnded(frameId, .succeeded, output: output) }
        frames[frameId].release()
        if let parent {
            // A Distributed Map child's events have ids of their own: they do not continue the parent's chain.
            childSucceeded(parent, slot: slot, output: output, lastEventId: childRoot ? frames[parent].lastEventId : lastEventId)
        } else {
            finish(.succeeded, type: .executionSucceeded, details: .executionSucceeded(output: output), previous: lastEventId)
        }
    }

    /// A scope failed: the execution fails, or the parent's Parallel/Map fails and its siblings are aborted.
    mutating func frameFailed(_ frameId: Int, _ error: StatesError) {
        guard frames[frameId].alive, abandoned == nil else { return }
        let (parent, slot, lastEventId) = (frames[frameId].parent, frames[frameId].slot, frames[frameId].lastEventId)
        let childRoot = frames[frameId].childRoot
        if childRoot { childExecutionEnded(frameId, .failed, error: error) }
        keepForRedrive(frameId)
        frames[frameId].release()
        if let parent {
            if !childRoot { frames[parent].lastEventId = max(frames[parent].lastEventId, lastEventId) }
            childFailed(parent, slot: slot, error: error)
        } else {
            finish(
                .failed, type: .executionFailed,
                details: .failure(
                    error: error.name.isEmpty ? nil : error.name, cause: error.cause.isEmpty ? nil : error.cause), previous: lastEventId)
        }
    }

    /// Stops a scope because a sibling failed: its task, timer or children end, with the Aborted events AWS records.
    mutating func abortFrame(_ frameId: Int) {
        guard frames[frameId].alive else { return }
        let frame = frames[frameId]
        switch frame.phase {
        case .task(let id, let timers, _):
            tasks[id] = nil
            inFlight[id] = nil
            actions.append(.cancelTask(id))
            for timer in timers { cancelTimer(timer) }
        case .waiting(let timer), .retrying(let timer):
            cancelTimer(timer)
        case .mapIO(let request, _):
            pendingMapIO[request] = nil
        case .fanOut(let fanOut):
            for (slot, childId) in fanOut.running.sorted(by: { $0.key < $1.key }) {
                abortFrame(childId)
                if fanOut.kind == .map, !fanOut.distributed {
                    record(frameId, .mapIterationAborted, .mapIteration(name: frame.state.name, index: slot))
                }
            }
        case .idle:
            break
        }
        if mapRunOfFrame[frameId] != nil {
            record(frameId, .mapRunAborted, .none)
            mapRunEnded(frameId, .aborted)
        }
        if let aborted = frame.state.type.abortedEvent { record(frameId, aborted, .none) }
        if frame.childRoot { childExecutionEnded(frameId, .aborted) }
        keepForRedrive(frameId)
        frames[frameId].release()
    }
}
