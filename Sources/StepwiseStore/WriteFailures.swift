/// The store's side of a failed write: the failure that stands, refusing appends until a write succeeds, and the
/// executions whose recording it stopped. What then happens to such an execution (stopped, retried, resumed) is
/// ``RecordingRecovery``'s.
struct WriteFailures {
    /// The last write failure, refusing appends until a write succeeds (the queued entries are kept and retried).
    var standing: StoreError?
    /// Executions whose recording stopped after a failed write, with that failure: their stored log ends at its
    /// last committed step, and appending to it (or finishing it) could only leave a gap.
    private(set) var detached: [String: StoreError] = [:]

    /// Throws `.notRecorded` for an execution whose recording stopped.
    func checkRecorded(_ arn: String) throws {
        guard let reason = detached[arn] else { return }
        throw StoreError(
            .notRecorded,
            "execution \(arn) is not recorded since a failed write (\(reason.kind.rawValue): \(reason.message)); "
                + "it stays RUNNING at its last recorded step")
    }

    /// Admits a write to `arn`'s log (a step, or its end): refused with `.notRecorded` once its recording stopped;
    /// while a failure stands, refused with that failure, which stops its recording.
    mutating func admit(_ arn: String) throws {
        try checkRecorded(arn)
        guard let standing else { return }
        detached[arn] = standing
        throw standing
    }

    /// Lets a stopped recording continue; false when `arn` was being recorded.
    ///
    /// - Throws: the standing failure while there is one.
    mutating func reattach(_ arn: String) throws -> Bool {
        guard detached[arn] != nil else { return false }
        if let standing { throw standing }
        detached[arn] = nil
        return true
    }
}
