import JSON
import Stepwise

/// What a SendTaskSuccess or SendTaskFailure delivers to a waiting task.
package enum CallbackOutcome: Sendable, Equatable {
    /// SendTaskSuccess: the task's result.
    case success(JSON)
    /// SendTaskFailure: the task fails with this error and cause (either may be absent, as on AWS).
    case failure(error: String?, cause: String?)

    /// The outcome as stored: `{"output": …}` or `{"error": …, "cause": …}`.
    package var json: JSON {
        switch self {
        case .success(let output): return ["output": output]
        case .failure(let error, let cause):
            var object = JSONObject()
            if let error { object["error"] = .string(error) }
            if let cause { object["cause"] = .string(cause) }
            return .object(object)
        }
    }

    /// Reads a stored outcome back.
    package init(json: JSON) {
        if let output = json["output"] {
            self = .success(output)
        } else {
            self = .failure(error: json["error"]?.stringValue, cause: json["cause"]?.stringValue)
        }
    }

    /// The task's result, or the `StatesError` it fails with.
    func result() throws(StatesError) -> JSON {
        switch self {
        case .success(let output): return output
        case .failure(let error, let cause): throw StatesError(error ?? "", cause ?? "")
        }
    }
}
