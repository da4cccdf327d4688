import Foundation
import JSON

/// How a ResultWriter presents the children's results (WriterConfig.Transformation; AWS Developer Guide,
/// "ResultWriter (Map)"): NONE gives each child's output with its execution's metadata (the default when results
/// go to S3), COMPACT only the outputs, FLATTEN the outputs with array outputs spliced in. A failed child is
/// always given with its metadata, whatever the transformation.
package enum ResultTransformation: String, Sendable {
    case none = "NONE"
    case compact = "COMPACT"
    case flatten = "FLATTEN"

    /// The transformation a WriterConfig asks for (NONE when it names none).
    package init(writerConfig: JSON?) {
        self = writerConfig?["Transformation"]?.stringValue.flatMap(ResultTransformation.init) ?? .none
    }

    /// The records of `results` in child order.
    package func records(_ results: [MapChildResult]) -> [JSON] {
        var records: [JSON] = []
        records.reserveCapacity(results.count)
        var dates = DateTexts()
        for result in results {
            switch (self, result.output) {
            case (.compact, let output?): records.append(output)
            case (.flatten, .array(let elements)?): records += elements
            case (.flatten, let output?): records.append(output)
            default: records.append(result.metadata(&dates))
            }
        }
        return records
    }
}

/// ISO 8601 texts of dates, remembering the last one: children of one run mostly start and stop at the same
/// instants (all of them under the virtual clock), and formatting was a tenth of writing 100,000 records.
package struct DateTexts {
    private var last: (date: Date, text: String)?

    package init() {}

    mutating func text(_ date: Date) -> String {
        if let last, last.date == date { return last.text }
        let text = ISOTimestamp.format(date)
        last = (date, text)
        return text
    }
}

extension MapChildResult {
    static let succeededKeys = [
        "ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "RedriveCount", "RedriveStatus", "RedriveStatusReason",
        "StartDate", "StateMachineArn", "Status", "StopDate",
    ]
    static let failedKeys = [
        "Cause", "Error", "ExecutionArn", "Input", "InputDetails", "Name", "RedriveCount", "RedriveStatus", "StartDate", "StateMachineArn",
        "Status", "StopDate",
    ]

    /// The child execution as AWS's result files describe it, keys in AWS's (alphabetical) order: ARN, name, state
    /// machine, status, dates (ISO 8601), input, and its output or error and cause; redrive fields as for a child
    /// that only its Map Run can redrive.
    package func metadata(_ dates: inout DateTexts) -> JSON {
        let (start, stop) = (JSON.string(dates.text(startDate)), JSON.string(dates.text(stopDate)))
        let input = JSON.string(input.serialized())
        guard let output else {
            return .object(
                JSONObject(
                    uniqueKeys: Self.failedKeys,
                    values: [
                        .string(cause ?? ""), .string(error ?? ""), .string(executionArn), input, ["Included": true], .string(name), 0,
                        "REDRIVABLE_BY_MAP_RUN", start, .string(stateMachineArn), "FAILED", stop,
                    ]))
        }
        return .object(
            JSONObject(
                uniqueKeys: Self.succeededKeys,
                values: [
                    .string(executionArn), input, ["Included": true], .string(name), .string(output.serialized()), ["Included": true], 0,
                    "NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven", start, .string(stateMachineArn), "SUCCEEDED", stop,
                ]))
    }

    /// The metadata record of one child.
    package var metadata: JSON {
        var dates = DateTexts()
        return metadata(&dates)
    }
}
