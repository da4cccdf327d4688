import JSON

/// One state run once, as AWS's TestState API runs it: the state's definition (or a whole state machine and the
/// state's name), its input, and what to report. See ``Runtime/testState(_:)``.
public struct TestStateRequest: Sendable {
    /// One state's definition (`{"Type": …}`), or a whole state machine when ``stateName`` is set.
    public var definition: String
    /// The state of a whole state machine to test; it may be nested in a Parallel branch or a Map processor.
    public var stateName: String?
    public var input: JSON
    public var inspectionLevel: InspectionLevel
    /// A mocked result or error instead of the state's work (Task, Map and Parallel states only).
    public var mock: TestStateMock?
    /// The context object (`$$`, `$states.context`) the state sees; only with a mock, as on AWS.
    public var context: JSON?
    /// The variables the state sees, as a JSON object.
    public var variables: JSON?
    /// The execution role; required to test a Task without a mock, as on AWS.
    public var roleArn: String?
    /// AWS's `revealSecrets`; refused with a mock, as on AWS (Stepwise adds no connection secrets to HTTP calls).
    public var revealSecrets: Bool
    public var configuration: TestStateConfiguration

    public init(
        definition: String, stateName: String? = nil, input: JSON = .object(JSONObject()), inspectionLevel: InspectionLevel = .info,
        mock: TestStateMock? = nil, context: JSON? = nil, variables: JSON? = nil, roleArn: String? = nil, revealSecrets: Bool = false,
        configuration: TestStateConfiguration = TestStateConfiguration()
    ) {
        self.definition = definition
        self.stateName = stateName
        self.input = input
        self.inspectionLevel = inspectionLevel
        self.mock = mock
        self.context = context
        self.variables = variables
        self.roleArn = roleArn
        self.revealSecrets = revealSecrets
        self.configuration = configuration
    }
}

/// How much TestState reports beside the outcome: INFO the outcome only, DEBUG each data-flow stage, TRACE
/// also the HTTP request and response of an HTTP Task.
public enum InspectionLevel: String, Sendable, CaseIterable {
    case info = "INFO"
    case debug = "DEBUG"
    case trace = "TRACE"
}

/// What the tested state's work returns instead of running: a result, or an error (AWS's `mock.result` and
/// `mock.errorOutput`).
public enum TestStateMock: Sendable {
    case result(JSON)
    case error(error: String, cause: String?)
}

/// Where the tested state stands (AWS's `stateConfiguration`).
public struct TestStateConfiguration: Sendable {
    /// Retries already made by the retrier that matches the mocked error: it decides between RETRIABLE and the
    /// next handler, and is `$$.State.RetryCount`.
    public var retrierRetryCount: Int?
    /// The state inside a Map or Parallel that a mocked error comes from.
    public var errorCausedByState: String?
    /// Map iterations that failed: compared with the Map's tolerated failures.
    public var mapIterationFailureCount: Int?
    /// What a Distributed Map's ItemReader read, as JSON (or JSON Lines) text.
    public var mapItemReaderData: String?

    public init(
        retrierRetryCount: Int? = nil, errorCausedByState: String? = nil, mapIterationFailureCount: Int? = nil, mapItemReaderData: String? = nil
    ) {
        self.retrierRetryCount = retrierRetryCount
        self.errorCausedByState = errorCausedByState
        self.mapIterationFailureCount = mapIterationFailureCount
        self.mapItemReaderData = mapItemReaderData
    }
}

/// Why TestState refused a request: AWS's error name (`InvalidDefinition`, `ValidationException`,
/// `InvalidExecutionInput`) and message.
public struct TestStateError: Error, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String

    package init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    static func validation(_ message: String) -> TestStateError { TestStateError(code: "ValidationException", message: message) }
    static func invalidDefinition(_ message: String) -> TestStateError { TestStateError(code: "InvalidDefinition", message: message) }

    public var description: String { "\(code): \(message)" }
}
