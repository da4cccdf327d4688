import JSON

/// A task to run: which resource, with what input and context, under which time limits.
public struct TaskDispatch: Sendable {
    public let id: Int
    public let resource: String
    public let input: JSON
    public let context: JSON
    public let stateName: String
    public let timeoutSeconds: Int?
    public let heartbeatSeconds: Int?
    public let credentials: JSON?
}
