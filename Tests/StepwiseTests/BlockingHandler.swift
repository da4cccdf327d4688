import Stepwise
import Synchronization

/// A handler that blocks until cancelled, counting how many calls started and how many saw the cancellation:
/// the probe of the stop tests.
final class BlockingHandler: Sendable {
    private let counts = Mutex((started: 0, cancelled: 0))

    var started: Int { counts.withLock { $0.started } }
    var cancelled: Int { counts.withLock { $0.cancelled } }

    /// A real-clock runtime with this handler registered for `resource`.
    func runtime(for resource: String) -> Runtime {
        let runtime = Runtime(clock: .real)
        runtime.register(resource) { _, _ in
            self.counts.withLock { $0.started += 1 }
            do {
                try await Task.sleep(for: .seconds(60))
            } catch {
                self.counts.withLock { $0.cancelled += 1 }
                throw error
            }
            return "late"
        }
        return runtime
    }

    /// Returns once `count` calls have started.
    func waitForStarts(_ count: Int) async throws {
        while started < count { try await Task.sleep(for: .milliseconds(5)) }
    }
}
