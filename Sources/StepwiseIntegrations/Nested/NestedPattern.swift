/// Which `states:startExecution` integration a Task uses (asl-reference §1.3 integration patterns).
enum NestedPattern: Sendable, Equatable {
    /// `arn:aws:states:::states:startExecution`: start the child, answer `{ExecutionArn, StartDate}`.
    case requestResponse
    /// `.sync`: wait for the child; `Input` and `Output` as JSON text.
    case sync
    /// `.sync:2`: wait for the child; `Input` and `Output` as JSON values.
    case sync2

    static let base = "arn:aws:states:::states:startExecution"

    /// The pattern of a resource, or nil for another resource (`.waitForTaskToken` is the callback resolver's:
    /// it calls the request-response form).
    init?(resource: String) {
        switch resource {
        case Self.base: self = .requestResponse
        case Self.base + ".sync": self = .sync
        case Self.base + ".sync:2": self = .sync2
        default: return nil
        }
    }
}
