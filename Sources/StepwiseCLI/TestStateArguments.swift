import Foundation
import JSON
import Stepwise

/// Reads `stepwise test-state`'s options into a request, and renders a result for people.
enum TestStateArguments {
    static func request(definition: String, _ arguments: ParsedArguments, _ stdin: @escaping @Sendable () -> Data) throws -> TestStateRequest {
        var request = TestStateRequest(definition: definition, stateName: arguments.value("state"))
        request.input = try RunCommand.readInput(arguments.value("input"), stdin)
        if let level = arguments.value("inspection-level") {
            guard let parsed = InspectionLevel(rawValue: level.uppercased()) else {
                throw UsageError(message: "--inspection-level must be INFO, DEBUG or TRACE, not '\(level)'")
            }
            request.inspectionLevel = parsed
        }
        request.mock = try json("mock", arguments).map(mock)
        request.variables = try json("variables", arguments)
        request.context = try json("context", arguments)
        request.configuration = try json("state-configuration", arguments).map(configuration) ?? TestStateConfiguration()
        request.roleArn = arguments.value("role-arn")
        request.revealSecrets = arguments.flag("reveal-secrets")
        return request
    }

    /// An option's JSON: the text itself, or `@PATH`.
    static func json(_ option: String, _ arguments: ParsedArguments) throws -> JSON? {
        guard let value = arguments.value(option) else { return nil }
        let text = value.hasPrefix("@") ? try readText(String(value.dropFirst())) : value
        do { return try JSON(parsing: text) } catch { throw UsageError(message: "--\(option) is not JSON: \(error)") }
    }

    /// `{"result": R}` (a JSON value, or JSON text as AWS takes it) or `{"errorOutput": {"error", "cause"}}`.
    static func mock(_ value: JSON) throws(UsageError) -> TestStateMock {
        switch (value["result"], value["errorOutput"]) {
        case (.string(let text)?, nil):
            guard let parsed = try? JSON(parsing: text) else { throw UsageError(message: "--mock: Mocked result must be valid JSON") }
            return .result(parsed)
        case (let result?, nil): return .result(result)
        case (nil, let output?):
            guard let error = output["error"]?.stringValue else { throw UsageError(message: "--mock: errorOutput needs an \"error\" string") }
            return .error(error: error, cause: output["cause"]?.stringValue)
        default:
            throw UsageError(message: "--mock must have one of the fields \"result\" and \"errorOutput\"")
        }
    }

    static func configuration(_ value: JSON) throws(UsageError) -> TestStateConfiguration {
        guard let object = value.objectValue else { throw UsageError(message: "--state-configuration must be a JSON object") }
        let known: Set<String> = ["retrierRetryCount", "errorCausedByState", "mapIterationFailureCount", "mapItemReaderData"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw UsageError(message: "--state-configuration: unknown field '\(unknown)'")
        }
        let itemData = value["mapItemReaderData"].map { $0.stringValue ?? $0.serialized() }
        return TestStateConfiguration(
            retrierRetryCount: value["retrierRetryCount"]?.intValue, errorCausedByState: value["errorCausedByState"]?.stringValue,
            mapIterationFailureCount: value["mapIterationFailureCount"]?.intValue, mapItemReaderData: itemData)
    }

    /// `status`, `nextState`, `error`, `cause`, `output`, then each inspected stage, one `name: value` line each.
    static func render(_ result: TestStateResult) -> String {
        var lines = ["status: \(result.status.rawValue)"]
        if let next = result.nextState { lines.append("nextState: \(next)") }
        if let error = result.error { lines.append("error: \(error)") }
        if let cause = result.cause { lines.append("cause: \(cause)") }
        if let output = result.output { lines.append("output: \(output.serialized())") }
        if case .object(let data)? = result.inspectionData?.json() {
            lines.append("inspectionData:")
            for (name, value) in data {
                // Payloads come as JSON text on the wire; people read them as JSON.
                let shown = value.stringValue.flatMap { try? JSON(parsing: $0) } ?? value
                lines.append("  \(name): \(shown.serialized())")
            }
        }
        return lines.joined(separator: "\n")
    }
}
