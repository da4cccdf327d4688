import Foundation
import JSON
import JSONata
import StatesLanguage

extension Interpreter {
    /// The context object for the frame's current state (asl-reference §6); `{}` when the state never reads it.
    func contextObject(_ frameId: Int, mapItem: (index: Int, value: JSON)? = nil, taskToken: String? = nil) -> JSON {
        let state = frames[frameId].state
        guard state.usesContext else { return .object(JSONObject()) }
        var context: JSONObject
        if let contextOverride {
            context = contextOverride.objectValue ?? JSONObject()
        } else {
            var stateObject: JSONObject = ["EnteredTime": .string(ISOTimestamp.format(frames[frameId].enteredTime)), "Name": .string(state.name)]
            switch state.type {
            case .task, .parallel, .map: stateObject["RetryCount"] = .int(frames[frameId].retryCount)
            default: break
            }
            let (execution, machine) = childContexts(frameId) ?? (executionContext, stateMachineContext)
            context = ["Execution": execution, "State": .object(stateObject), "StateMachine": machine]
        }
        if let taskToken, context["Task"] == nil { context["Task"] = ["Token": .string(taskToken)] }  // a given context keeps its token
        if let mapItem { context["Map"] = ["Item": ["Index": .int(mapItem.index), "Value": mapItem.value]] }
        return .object(context)
    }

    /// What `$`, `$$` and `$name` mean for the frame's current state.
    func roots(_ frameId: Int, input: JSON, context: JSON? = nil) -> PathRoots {
        // A seed from the execution's seed and the position in its history: replays draw the same values.
        let seed = seedBase &+ UInt64(eventCount) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(frameId)
        return PathRoots(input: input, context: context ?? contextObject(frameId), variables: frames[frameId].variables, randomSeed: seed)
    }

    /// JSONata bindings: `$states` plus every visible variable.
    /// Converted once per state for every expression it evaluates.
    func bindings(_ frameId: Int, input: JSON, result: JSON? = nil, errorOutput: JSON? = nil, context: JSON? = nil) -> [String: JSONataValue] {
        var states: JSONObject = ["input": input, "context": context ?? contextObject(frameId)]
        if let result { states["result"] = result }
        if let errorOutput { states["errorOutput"] = errorOutput }
        let variables = frames[frameId].variables
        var bindings = [String: JSONataValue](minimumCapacity: variables.outer.count + variables.local.count + 1)
        for (name, value) in variables.outer { bindings[name] = JSONataValue(value) }
        for (name, value) in variables.local { bindings[name] = JSONataValue(value) }
        bindings["states"] = JSONataValue(.object(states))
        return bindings
    }

    /// Evaluates a JSONata field; a failure records EvaluationFailed and becomes States.QueryEvaluationError.
    mutating func evaluate(_ template: JSONataTemplate, _ frameId: Int, _ bindings: [String: JSONataValue]) throws(StatesError) -> JSON {
        let environment = JSONataTemplate.Environment(
            now: now, seed: seedBase &+ UInt64(eventCount) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(frameId), place: evaluationPlace,
            interrupt: interrupt)
        do { return try template.evaluate(bindings, environment) } catch { throw queryEvaluationError(frameId, error) }
    }

    /// A JSONata field whose value cannot be used (wrong type for Items, a bad Timestamp): AWS's cause, an
    /// EvaluationFailed event, States.QueryEvaluationError.
    mutating func queryFailure(_ frameId: Int, location: String?, cause: String) -> StatesError {
        let frame = frames[frameId]
        let located = "An error occurred while executing the state '\(frame.state.name)' (entered at the event id #\(frame.enteredEventId)). \(cause)"
        // AWS records an EvaluationFailed that follows the entered event beside it (same previousEventId) — except
        // in a Wait state, whose fields are evaluated once it is entered — and then chains from it.
        let beside = frame.lastEventId == frame.enteredEventId && frame.state.type != .wait
        let previous = beside ? frame.enteredPreviousEventId : frame.lastEventId
        frames[frameId].lastEventId = record(
            frameId, .evaluationFailed,
            .evaluationFailed(
                error: StatesError.Name.queryEvaluationError, cause: located, location: location, state: frame.state.name), beside: previous)
        return StatesError(StatesError.Name.queryEvaluationError, located)
    }

    mutating func queryEvaluationError(_ frameId: Int, _ failure: JSONataEvaluationFailure) -> StatesError {
        if case .threw(let code, let message) = failure.reason, code == JSONataError.interruptedCode || code == JSONataError.needsHeavyCode {
            // Interrupted (stopped or timed out), or in need of a large stack: nothing more happens in this step, and
            // the driver runs it again (see ``Abandon``).
            abandoned = interrupt?.isRequested == true || code == JSONataError.interruptedCode ? .interrupted : .needsHeavy
            return StatesError(StatesError.Name.runtime, message)
        }
        return queryFailure(
            frameId, location: failure.location,
            cause: "The JSONata expression '\(failure.expression)' specified for the field '\(failure.location)' \(failure.detail)")
    }

    /// A JSONata field whose value has the wrong type for its purpose (e.g. a non-boolean Condition).
    mutating func unexpectedType(_ frameId: Int, _ template: JSONataTemplate, field: String) -> StatesError {
        queryEvaluationError(
            frameId,
            JSONataEvaluationFailure(
                expression: template.expressionSource ?? "", location: field, reason: .unsupportedType))
    }
}
