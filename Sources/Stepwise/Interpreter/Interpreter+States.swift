import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// Records the state's Entered event and resets its per-visit counters.
    mutating func enter(_ frameId: Int, _ index: Int, _ input: JSON) {
        frames[frameId].stateIndex = index
        frames[frameId].rawInput = input
        frames[frameId].enteredTime = now
        frames[frameId].retryCount = 0
        let state = frames[frameId].state
        frames[frameId].retryCounts = Array(repeating: 0, count: state.retriers.count)
        frames[frameId].enteredPreviousEventId = frames[frameId].lastEventId
        frames[frameId].enteredEventId = record(frameId, state.type.enteredEvent, .stateEntered(name: state.name, input: input))
    }

    /// Performs the current state's work; `retry` is true when a retrier runs it again.
    mutating func execute(_ frameId: Int, retry: Bool) -> Outcome {
        let state = frames[frameId].state
        do throws(StatesError) {
            switch state.kind {
            case .pass(let result): return try executePass(frameId, state, result)
            case .choice(let choice): return try executeChoice(frameId, state, choice)
            case .wait(let wait): return try executeWait(frameId, state, wait)
            case .succeed: return try executeSucceed(frameId, state)
            case .fail(let fail): return try executeFail(frameId, state, fail)
            case .task(let task): return try executeTask(frameId, state, task)
            case .parallel(let branches): return try startParallel(frameId, state, branches)
            case .map(let map): return try startMap(frameId, state, map)
            }
        } catch {
            // A catchable failure of a Map or Parallel state's own fields still ends with its Failed event.
            if error.name != StatesError.Name.runtime {
                if state.type == .map { frames[frameId].failedEvent = .mapStateFailed }
                if state.type == .parallel { frames[frameId].failedEvent = .parallelStateFailed }
            }
            return .failed(error)
        }
    }

    /// Records the Exited event (with any assignments), applies them, and moves on.
    mutating func exit(_ frameId: Int, _ state: State, output: JSON, assigned: [(String, JSON)]?, next: Int?) throws(StatesError) -> Outcome {
        try checkSize(output, state.name)
        forgetFanOut(frameId)
        inspector?.assigned = assigned
        record(frameId, state.type.exitedEvent, .stateExited(name: state.name, output: output, assignedVariables: assigned))
        applyAssignments(frameId, assigned)
        if let next { return .next(next, output) }
        return .end(output)
    }

    mutating func executePass(_ frameId: Int, _ state: State, _ result: JSON?) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        if state.isJSONata {
            let bindings = bindings(frameId, input: raw)
            let assigned = try evaluateAssign(state.assign, frameId, input: raw, bindings: bindings)
            let output = try state.io.output.map { template throws(StatesError) in try evaluate(template, frameId, bindings) } ?? raw
            return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
        }
        let effective = try effectiveInput(frameId, state, raw)  // evaluated beside a Result too: its errors stand
        let value = result ?? effective
        if result != nil { inspector?.result = value }
        inspector?.afterResultSelector = value  // a Pass has no ResultSelector: AWS reports its result unchanged
        let assigned = try evaluateAssign(state.assign, frameId, input: value, bindings: [:])
        let placed = try applyResultPath(state.io.resultPath, rawInput: raw, result: value)
        inspector?.afterResultPath = placed
        let output = try applyOutputPath(state.io.outputPath, placed, frameId)
        return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
    }

    mutating func executeSucceed(_ frameId: Int, _ state: State) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let output: JSON
        if state.isJSONata {
            output = try state.io.output.map { template throws(StatesError) in try evaluate(template, frameId, bindings(frameId, input: raw)) } ?? raw
        } else {
            let effective = try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
            inspector?.afterInputPath = effective
            output = try applyOutputPath(state.io.outputPath, effective, frameId)
        }
        return try exit(frameId, state, output: output, assigned: nil, next: nil)
    }

    mutating func executeFail(_ frameId: Int, _ state: State, _ fail: FailState) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let error = try failField(fail.error, frameId, raw, name: "Error")
        let cause = try failField(fail.cause, frameId, raw, name: "Cause")
        // A missing Error or Cause stays empty; ExecutionFailed then omits it (asl-reference §1.3, Fail).
        return .frameFailed(StatesError(error ?? "", cause ?? ""))
    }

    /// Evaluates Fail's Error/Cause (literal, ErrorPath/CausePath, or JSONata); must produce a string.
    mutating func failField(_ field: DynamicString?, _ frameId: Int, _ raw: JSON, name: String) throws(StatesError) -> String? {
        switch field {
        case nil: return nil
        case .literal(let text): return text
        case .path(let path):
            guard let value = path.value(in: roots(frameId, input: raw)) else {
                // Recorded on AWS: Fail's paths word a miss as payload templates do, not as InputPath does.
                throw .runtime(
                    "The JSONPath '\(path.text)' specified for the field '\(name)Path' could not be found in the input '\(raw.serialized())'")
            }
            guard case .string(let text) = value else {
                throw .runtime("The \(name)Path field refers to value '\(value.serialized())' which is not a valid string: \(path.text)")
            }
            return text
        case .intrinsic(let call):
            let value = try call.evaluate(roots(frameId, input: raw))
            return value.stringValue ?? value.serialized()
        case .jsonata(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: raw))
            guard case .string(let text) = value else { throw unexpectedType(frameId, template, field: name) }
            return text
        }
    }
}
