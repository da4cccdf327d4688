import StepwiseStore

/// A request the console answers, without a transport: the method, the percent-decoded path and the decoded
/// query parameters (the server's HTTP layer has parsed them).
package struct ConsoleRequest: Sendable {
    package var method: String
    package var path: String
    package var query: [(name: String, value: String)]

    package init(method: String = "GET", path: String, query: [(name: String, value: String)] = []) {
        self.method = method
        self.path = path
        self.query = query
    }

    /// The first value of the query parameter `name`; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let value = query.first(where: { $0.name == name })?.value, !value.isEmpty else { return nil }
        return value
    }

    /// The value of a parameter the endpoint cannot do without. - Throws: 400 `MissingParameter`.
    func required(_ name: String) throws(ConsoleError) -> String {
        guard let value = value(name) else { throw ConsoleError.badRequest("MissingParameter", "The query parameter '\(name)' is required") }
        return value
    }

    /// An integer parameter within `range`, `fallback` when absent. - Throws: 400 `InvalidParameter`.
    func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) throws(ConsoleError) -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw ConsoleError.badRequest("InvalidParameter", "'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// An execution status parameter (`status=RUNNING`). - Throws: 400 `InvalidParameter`.
    func executionStatus() throws(ConsoleError) -> ExecutionRecord.Status? {
        try choice("status", ExecutionRecord.Status.self)
    }

    /// A job status parameter (`status=QUEUED`). - Throws: 400 `InvalidParameter`.
    func jobStatus() throws(ConsoleError) -> JobRecord.Status? {
        try choice("status", JobRecord.Status.self)
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ name: String, _: T.Type) throws(ConsoleError) -> T? where T.RawValue == String {
        guard let text = value(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConsoleError.badRequest("InvalidParameter", "'\(name)' must be one of \(allowed)")
        }
        return value
    }
}
