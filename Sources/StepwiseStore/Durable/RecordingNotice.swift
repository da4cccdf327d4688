/// What a durable runtime reports about recording; `stepwise serve` prints each on stderr.
public enum RecordingNotice: Sendable, CustomStringConvertible {
    /// The store refused a write of this execution: it was stopped here and stays RUNNING in the store at its
    /// last recorded step.
    case stopped(arn: String, error: StoreError)
    /// Writes succeed again: these executions resumed from their last recorded step.
    case resumed(arns: [String])
    /// This execution could not be resumed (an unreadable record, say); it stays RUNNING in the store.
    case notResumed(arn: String, error: any Error)

    public var description: String {
        switch self {
        case .stopped(let arn, let error):
            "cannot record execution \(arn) (\(error.kind.rawValue): \(error.message)): stopped here, it stays RUNNING "
                + "at its last recorded step and resumes from there once writes succeed again"
        case .resumed(let arns): "writes succeed again: resumed \(arns.count) execution(s) from their last recorded step"
        case .notResumed(let arn, let error): "cannot resume execution \(arn): \(error); it stays RUNNING in the store"
        }
    }
}
