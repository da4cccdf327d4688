import JSON

/// A task to run: which resource, with what input and context, under which time limits.
package struct TaskDispatch: Sendable {
    package let id: Int
    package let resource: String
    package let input: JSON
    package let context: JSON
    package let stateName: String
    package let timeoutSeconds: Int?
    package let heartbeatSeconds: Int?
    package let credentials: JSON?
}
