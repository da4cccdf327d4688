/// How an execution ended (or that it has not).
public enum ExecutionStatus: String, Sendable, Hashable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timedOut = "TIMED_OUT"
    case aborted = "ABORTED"
}
