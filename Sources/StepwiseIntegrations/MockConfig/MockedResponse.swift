import JSON

/// One entry of `MockedResponses`: what each invocation of a mocked Task state returns or throws, by
/// invocation number (`"0"`, `"1-2"`; numbers start at 0 and count every invocation, retries included).
package struct MockedResponse: Sendable {
    /// What one invocation does.
    package enum Outcome: Sendable, Equatable {
        /// `Return`: the value becomes the Task's result.
        case `return`(JSON)
        /// `Throw`: the Task fails with this error and cause.
        case `throw`(error: String, cause: String)
        /// `PassThrough` (a Stepwise extension): the invocation runs as if the state were not mocked — by the
        /// resources file, a registered handler or the local service.
        case passThrough
    }

    package let name: String
    /// Inclusive invocation ranges in key order.
    package let entries: [(invocations: ClosedRange<Int>, outcome: Outcome)]

    /// The outcome of invocation `number`, or nil when the file has none for it.
    package func outcome(forInvocation number: Int) -> Outcome? {
        entries.first { $0.invocations.contains(number) }?.outcome
    }

    /// The invocations the entry covers, as written in the file ("0, 1-2"), for error messages.
    var coveredInvocations: String {
        entries.map { $0.invocations.count == 1 ? "\($0.invocations.lowerBound)" : "\($0.invocations.lowerBound)-\($0.invocations.upperBound)" }
            .joined(separator: ", ")
    }
}

extension MockedResponse {
    /// Parses `{"0": {"Return": …}, "1-2": {"Throw": {"Error": …, "Cause": …}}}`. An empty object is accepted
    /// (every invocation then fails at run time, as in Step Functions Local).
    init(name: String, json: JSON, location: String) throws(ConfigFileError) {
        guard let object = json.objectValue else { throw Self.error("must be an object of invocation keys", location) }
        var entries: [(ClosedRange<Int>, Outcome)] = []
        for (key, value) in object {
            let place = "\(location).\(key)"
            let range = try Self.invocations(key, place)
            if let clash = entries.first(where: { $0.0.overlaps(range) }) {
                throw Self.error("invocations \(key) overlap invocations \(clash.0.lowerBound)-\(clash.0.upperBound)", place)
            }
            entries.append((range, try Self.outcome(value, place)))
        }
        self.name = name
        self.entries = entries.map { (invocations: $0.0, outcome: $0.1) }
    }

    /// `"3"` or `"1-2"` (inclusive, non-negative, low ≤ high).
    static func invocations(_ key: String, _ location: String) throws(ConfigFileError) -> ClosedRange<Int> {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        let bounds = parts.compactMap { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard (1...2).contains(parts.count), bounds.count == parts.count, bounds.allSatisfy({ $0 >= 0 }), bounds[0] <= bounds[bounds.count - 1] else {
            throw error("invocation key '\(key)' is neither a number (\"0\") nor an inclusive range (\"1-2\")", location)
        }
        return bounds[0]...bounds[bounds.count - 1]
    }

    /// `{"Return": value}`, `{"Throw": {"Error": string, "Cause": string}}` or `{"PassThrough": {}}`, exactly one of
    /// them.
    static func outcome(_ json: JSON, _ location: String) throws(ConfigFileError) -> Outcome {
        let expected = "must be an object with exactly one field, Return, Throw or PassThrough"
        guard let object = json.objectValue, object.count == 1 else { throw error(expected, location) }
        if let value = object["Return"] { return .return(value) }
        if let value = object["PassThrough"] {
            guard value.objectValue?.isEmpty == true else { throw error("PassThrough takes an empty object", "\(location).PassThrough") }
            return .passThrough
        }
        guard let thrown = object["Throw"] else { throw error(expected, location) }
        guard let error = thrown["Error"]?.stringValue else { throw Self.error("Throw needs an Error string", "\(location).Throw") }
        if let cause = thrown["Cause"], cause.stringValue == nil { throw Self.error("Throw's Cause must be a string", "\(location).Throw") }
        return .throw(error: error, cause: thrown["Cause"]?.stringValue ?? "")
    }

    static func error(_ message: String, _ location: String) -> ConfigFileError {
        ConfigFileError("MockConfigError", message, location: location)
    }
}
