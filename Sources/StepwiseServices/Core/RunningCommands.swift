import JSON
import Synchronization

/// The local commands this process runs for a service (CodeBuild builds, ECS tasks): the task that runs each one, by
/// key, so a stop can end it and wait for its record.
final class RunningCommands: Sendable {
    private let tasks = Mutex<[String: Task<JSON, Never>]>([:])

    func add(_ key: String, _ task: Task<JSON, Never>) { tasks.withLock { $0[key] = task } }

    func remove(_ key: String) { _ = tasks.withLock { $0.removeValue(forKey: key) } }

    /// Cancels the task (which ends the command and records it stopped); nil when it is not running.
    @discardableResult
    func stop(_ key: String) -> Task<JSON, Never>? {
        let task = tasks.withLock { $0[key] }
        task?.cancel()
        return task
    }
}
