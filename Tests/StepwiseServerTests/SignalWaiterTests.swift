import Foundation
import StepwiseServer
import Testing

@Suite("SignalWaiter", .timeLimit(.minutes(1)))
struct SignalWaiterTests {
    /// serve cancels its second-signal watcher once it has shut down; the watcher must then see no signal (a
    /// made-up one made serve exit 1 after a single SIGTERM).
    @Test("A cancelled next() answers nil, not a signal")
    func cancelledWaiterGetsNothing() async {
        let waiter = SignalWaiter(SIGUSR2)
        let watcher = Task { await waiter.next() }
        try? await Task.sleep(for: .milliseconds(50))
        watcher.cancel()
        #expect(await watcher.value == nil)
        let cancelledFirst = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await waiter.next()
        }
        #expect(await cancelledFirst.value == nil)
    }
}
