/// Log appends accepted but not yet committed, and where each execution's log ends.
struct PendingLog {
    /// One appended step with the events it produced: committed together or not at all.
    struct Entry {
        let arn: String
        let seq: Int
        /// The step and its events, encoded.
        let pieces: [LogEncoder.Piece]
        /// The execution's last event id after this step.
        let lastEventId: Int
        /// What the step changed in Map Runs and their child executions (Store+MapRuns.swift).
        var mapRuns: MapRunRows?
    }

    /// The last step sequence number and event id of an execution, counting queued entries.
    struct Tail {
        var seq: Int
        var eventId: Int
    }

    /// How an execution ended, written after every queued entry of the same commit.
    struct Finish {
        let arn: String
        let status: String
        let output: String?
        let error: String?
        let cause: String?
        let stopDate: Double
    }

    var entries: [Entry] = []
    /// Ends of executions queued with the entries: a finish commits in the same transaction as the steps before it.
    var finishes: [Finish] = []
    /// Executions whose end is queued: their log is closed, though the database still shows them RUNNING.
    var closed: Set<String> = []
    /// Steps plus events queued.
    var rows = 0
    var tails: [String: Tail] = [:]

    /// Checks that step `seq` and its events continue `tail` without gaps, and returns the new tail.
    static func advance(_ tail: Tail, arn: String, seq: Int, eventIds: [Int]) throws -> Tail {
        guard seq == tail.seq + 1 else {
            throw StoreError(.nonContiguous, "step \(seq) of \(arn) does not follow step \(tail.seq)")
        }
        var last = tail.eventId
        for id in eventIds {
            guard id == last + 1 else {
                throw StoreError(.nonContiguous, "event \(id) of \(arn) does not follow event \(last)")
            }
            last = id
        }
        return Tail(seq: seq, eventId: last)
    }

    /// Nothing is queued.
    var isEmpty: Bool { entries.isEmpty && finishes.isEmpty }

    mutating func removeCommitted() {
        entries.removeAll(keepingCapacity: true)
        finishes.removeAll(keepingCapacity: true)
        closed.removeAll(keepingCapacity: true)
        rows = 0
    }
}
