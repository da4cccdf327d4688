import Foundation
import JSON
import Stepwise

/// The Task results of `states:startExecution` in AWS's shapes (DescribeExecution in PascalCase, dates as
/// epoch milliseconds).
enum NestedDescription {
    /// What starting the child answers: `{ExecutionArn, StartDate}`.
    static func started(_ record: RecordedExecution) -> JSON {
        ["ExecutionArn": .string(record.arn), "StartDate": milliseconds(record.startDate)]
    }

    /// The ended child as `.sync` (`parsed` false: Input and Output as JSON text) or `.sync:2` (parsed JSON).
    static func ended(_ record: RecordedExecution, parsed: Bool) -> JSON {
        var object: JSONObject = [
            "ExecutionArn": .string(record.arn), "StateMachineArn": .string(record.stateMachineArn), "Name": .string(record.name),
            "Status": .string(record.status), "StartDate": milliseconds(record.startDate),
            "Input": data(record.input, parsed: parsed), "InputDetails": ["Included": true],
        ]
        if let stopDate = record.stopDate { object["StopDate"] = milliseconds(stopDate) }
        if let output = record.output {
            object["Output"] = data(output, parsed: parsed)
            object["OutputDetails"] = ["Included": true]
        }
        if let error = record.error { object["Error"] = .string(error) }
        if let cause = record.cause { object["Cause"] = .string(cause) }
        return .object(object)
    }

    /// How a child that did not succeed fails the parent's Task: `States.TaskFailed`, with the child's
    /// description as the cause.
    static func failure(_ record: RecordedExecution, parsed: Bool) -> StatesError {
        StatesError(StatesError.Name.taskFailed, ended(record, parsed: parsed).serialized())
    }

    static func milliseconds(_ date: Date) -> JSON { .int(Int((date.timeIntervalSince1970 * 1000).rounded())) }

    static func data(_ text: String, parsed: Bool) -> JSON {
        guard parsed else { return .string(text) }
        return (try? JSON(parsing: text)) ?? .string(text)
    }
}
