import Foundation
import Stepwise

/// Matches activity tasks with workers: per activity, a FIFO of scheduled tasks and a FIFO of waiting polls.
///
/// A poll is a suspended continuation, never a thread, so hundreds of long polls cost nothing but memory.
package actor ActivityBroker {
    struct Queued {
        let id: Int
        let task: ActivityTask
        let taken: CheckedContinuation<String, any Error>
    }

    struct Poller {
        let id: Int
        let worker: String
        let continuation: CheckedContinuation<ActivityTask?, Never>
        var timer: Task<Void, Never>?
    }

    /// AWS's quota of concurrent GetActivityTask calls per activity.
    static let maxPollers = 1_000

    var queued: [String: [Queued]] = [:]
    var pollers: [String: [Poller]] = [:]
    var nextId = 0

    package init() {}

    /// How many polls wait on an activity (for tests and diagnostics).
    package func pollerCount(_ arn: String) -> Int { pollers[arn]?.count ?? 0 }

    /// How many tasks wait for a worker on an activity.
    package func queuedCount(_ arn: String) -> Int { queued[arn]?.count ?? 0 }

    func makeId() -> Int {
        nextId += 1
        return nextId
    }
}
