import Foundation
import JSON
import StatesLanguage

extension Interpreter {
    /// The longest a Wait may last: a Standard execution's maximum duration (one year).
    static let maxWaitSeconds = 31_622_400.0

    /// Wait (asl-reference §1.3): schedules a timer for the delay, or passes through at once when it is not positive.
    mutating func executeWait(_ frameId: Int, _ state: State, _ wait: WaitState) throws(StatesError) -> Outcome {
        let raw = frames[frameId]!.rawInput
        let effective = state.isJSONata ? raw : try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
        let seconds = try waitSeconds(frameId, wait, effective)
        guard seconds <= Self.maxWaitSeconds else { throw .runtime("Wait state delay is too long.") }
        frames[frameId]!.phase = .waiting(timer: schedule(.wait(frame: frameId), after: max(seconds, 0)))
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
            return Double(seconds)
        case .seconds(.jsonata(let template)):
            let value = try evaluate(template, frameId, bindings(frameId, input: input))
            guard let seconds = value.intValue, seconds >= 0 else { throw unexpectedType(frameId, template, field: "Seconds") }
            return Double(seconds)
        case .timestamp(let literal):
            return (RFC3339.parse(literal)?.timeIntervalSince(now)) ?? 0
        case .timestampPath(let path):
            let value = path.value(in: roots(frameId, input: input))
            guard let text = value?.stringValue, let date = RFC3339.parse(text) else {
                throw .runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: \(path.text) == \(value.map(Self.shown) ?? "null")")
            }
            return date.timeIntervalSince(now)
        case .timestampExpression(let template):
            let value = try evaluate(template, frameId, bindings(frameId, input: input))
            guard let text = value.stringValue, let date = RFC3339.parse(text) else {
                throw StatesError(StatesError.Name.queryEvaluationError,
                    "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: \(value.stringValue ?? value.serialized())")
            }
            return date.timeIntervalSince(now)
        }
    }

    /// A value as AWS quotes it in messages: strings raw, everything else as JSON.
    static func shown(_ value: JSON) -> String { value.stringValue ?? value.serialized() }

    /// The Wait's timer fired: the state exits with its input (after OutputPath, or JSONata Output).
    mutating func waitFinished(_ frameId: Int) -> Outcome {
        frames[frameId]!.phase = .idle
        let state = frames[frameId]!.state
        let raw = frames[frameId]!.rawInput
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

/// RFC 3339 date-times as ASL accepts them: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, upper-case T and Z.
public enum RFC3339 {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
            bytes[10] == 84, let hour = number(11, 2), bytes[13] == 58, let minute = number(14, 2), bytes[16] == 58,
            let second = number(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == 46 {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                fraction += Double(bytes[index] - 48) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offset = 0
        guard index < bytes.count else { return nil }
        if bytes[index] == 90 {
            index += 1
        } else if bytes[index] == 43 || bytes[index] == 45, let hours = number(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == 58,
            let minutes = number(index + 4, 2)
        {
            offset = (hours * 60 + minutes) * 60 * (bytes[index] == 45 ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count, day <= daysIn(month: month, year: year) else { return nil }
        let days = daysFromCivil(year, month, day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
