import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// The longest a Wait may last: a Standard execution's maximum duration (one year).
    static let maxWaitSeconds = 31_622_400.0

    /// Wait (asl-reference §1.3): schedules a timer for the delay, or passes through at once when it is not positive.
    mutating func executeWait(_ frameId: Int, _ state: State, _ wait: WaitState) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        let effective = state.isJSONata ? raw : try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
        if !state.isJSONata { inspector?.afterInputPath = effective }
        let seconds = try waitSeconds(frameId, wait, effective)
        guard seconds <= Self.maxWaitSeconds else { throw .runtime("Wait state delay is too long.") }
        frames[frameId].phase = .waiting(timer: schedule(.wait(frame: frameId), after: max(seconds, 0)))
        return .blocked
    }

    mutating func waitSeconds(_ frameId: Int, _ wait: WaitState, _ input: JSON) throws(StatesError) -> Double {
        switch wait {
        case .seconds(.literal(let seconds)): return Double(seconds)
        case .seconds(.path(let path)):
            guard let value = path.value(in: roots(frameId, input: input)), let seconds = value.intValue, value.numberValue?.isInteger ?? false else {
                let shown = path.value(in: roots(frameId, input: input)).map(Self.shown) ?? "null"
                throw .runtime("The SecondsPath parameter cannot be parsed as a long value: \(path.text) == \(shown)")
            }
            guard seconds >= 0 else { throw .runtime("The SecondsPath parameter references a negative value: \(path.text) == \(seconds)") }
            return Double(seconds)
        case .seconds(.jsonata(let template)):
            let value = try evaluate(template, frameId, bindings(frameId, input: input))
            guard let seconds = value.intValue, seconds >= 0 else { throw unexpectedType(frameId, template, field: "Seconds") }
            return Double(seconds)
        case .timestamp(let literal):
            return (Timestamp.date(from: literal)?.timeIntervalSince(now)) ?? 0
        case .timestampPath(let path):
            let value = path.value(in: roots(frameId, input: input))
            guard let text = value?.stringValue, let date = Timestamp.date(from: text) else {
                throw .runtime(
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: \(path.text) == \(value.map(Self.shown) ?? "null")"
                )
            }
            return date.timeIntervalSince(now)
        case .timestampExpression(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: input))
            guard let text = value.stringValue, let date = Timestamp.date(from: text) else {
                throw queryFailure(
                    frameId, location: "Timestamp",
                    cause:
                        "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: \(Self.shown(value))")
            }
            return date.timeIntervalSince(now)
        }
    }

    /// A value as AWS quotes it in messages: strings raw, everything else as JSON.
    static func shown(_ value: JSON) -> String { value.stringValue ?? value.serialized() }

    /// The Wait's timer fired: the state exits with its input (after OutputPath, or JSONata Output).
    mutating func waitFinished(_ frameId: Int) -> Outcome {
        frames[frameId].phase = .idle
        let state = frames[frameId].state
        let raw = frames[frameId].rawInput
        do throws(StatesError) {
            if state.isJSONata {
                let bindings = bindings(frameId, input: raw)
                let assigned = try evaluateAssign(state.assign, frameId, input: raw, bindings: bindings)
                let output = try state.io.output.map { template throws(StatesError) in try evaluate(template, frameId, bindings) } ?? raw
                return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
            }
            let effective = try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
            let assigned = try evaluateAssign(state.assign, frameId, input: effective, bindings: [:])
            let output = try applyOutputPath(state.io.outputPath, effective, frameId)
            return try exit(frameId, state, output: output, assigned: assigned, next: state.next)
        } catch {
            return .failed(error)
        }
    }
}
