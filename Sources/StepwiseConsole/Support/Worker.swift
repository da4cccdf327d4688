import Dispatch

/// Runs the console's CPU work (laying out and rendering graphs, reading a long history into a trace) on a serial
/// queue of its own: never on the cooperative pool that serves requests and drives executions, and one piece at
/// a time, so a burst of page loads cannot take more than one core.
enum Worker {
    private static let queue = DispatchQueue(label: "stepwise.console.worker", qos: .utility)

    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body()) }
        }
    }
}
