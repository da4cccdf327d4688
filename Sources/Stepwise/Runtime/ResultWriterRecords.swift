import Foundation
import JSON

/// How a ResultWriter presents the children's results (WriterConfig.Transformation; AWS Developer Guide,
/// "ResultWriter (Map)"): NONE gives each child's output with its execution's metadata (the default when results
/// go to S3), COMPACT only the outputs, FLATTEN the outputs with array outputs spliced in. A failed child is
/// always given with its metadata, whatever the transformation.
public enum ResultTransformation: String, Sendable {
    case none = "NONE", compact = "COMPACT", flatten = "FLATTEN"

    /// The transformation a WriterConfig asks for (NONE when it names none).
    public init(writerConfig: JSON?) {
        self = writerConfig?["Transformation"]?.stringValue.flatMap(ResultTransformation.init) ?? .none
    }

    /// The records of `results` in child order.
    public func records(_ results: [MapChildResult]) -> [JSON] {
        var records: [JSON] = []
        records.reserveCapacity(results.count)
        for result in results {
            switch (self, result.output) {
            case (.compact, let output?): records.append(output)
            case (.flatten, .array(let elements)?): records += elements
            case (.flatten, let output?): records.append(output)
            default: records.append(result.metadata)
            }
        }
        return records
    }
}

extension MapChildResult {
    /// The child execution as AWS's result files describe it: ARN, name, state machine, status, dates (ISO 8601),
    /// input, and its output or error and cause; redrive fields as for a child that only its Map Run can redrive.
    public var metadata: JSON {
        var object: JSONObject = [
            "ExecutionArn": .string(executionArn), "Input": .string(input.serialized()), "InputDetails": ["Included": true],
            "Name": .string(name), "RedriveCount": 0,
            "RedriveStatus": .string(succeeded ? "NOT_REDRIVABLE" : "REDRIVABLE_BY_MAP_RUN"),
            "StartDate": .string(ISOTimestamp.format(startDate)), "StateMachineArn": .string(stateMachineArn),
            "Status": .string(succeeded ? "SUCCEEDED" : "FAILED"), "StopDate": .string(ISOTimestamp.format(stopDate)),
        ]
        if let output {
            object["Output"] = .string(output.serialized())
            object["OutputDetails"] = ["Included": true]
            object["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven"
        } else {
            object["Error"] = .string(error ?? "")
            object["Cause"] = .string(cause ?? "")
        }
        return .object(object)
    }
}
