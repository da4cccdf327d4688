import Foundation

/// The virtual time of one execution: timers do not sleep, they wait in deadline order until the driver has
/// nothing else to do, then the earliest fires at once and `now` jumps to its deadline, so history timestamps
/// advance exactly as in a real run.
///
/// A handler may sleep on this clock too (``TaskContext/sleep(seconds:)``): its wake-up is a timer with a
/// negative id, and a sleeping handler does not hold time still.
struct VirtualClock {
    /// What firing the earliest timer woke.
    enum Fired {
        /// The interpreter's timer with this id.
        case timer(Int)
        /// A sleeping handler, which now runs again: time stands still until it finishes or sleeps.
        case sleeper
    }

    private(set) var now: Date
    /// Timers sorted by (deadline, id).
    private var timers: [(deadline: Date, id: Int)] = []
    /// Handlers sleeping on this clock (timer id → wake-up).
    private var sleepers: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var nextSleeper = -1
    /// The real-time guard of the earliest timer while handlers work (``armWatchdog(working:fire:)``).
    private var watchdog: (timer: Int, task: Task<Void, Never>)?

    init(now: Date) { self.now = now }

    /// Whether `working` handlers (running or about to run) hold time still: some of them are not asleep.
    func isHeld(working: Int) -> Bool { working > sleepers.count }

    /// The earliest timer's id, if any.
    var firstTimer: Int? { timers.first?.id }

    mutating func schedule(_ id: Int, at deadline: Date) {
        let position = timers.firstIndex { $0.deadline > deadline } ?? timers.endIndex
        timers.insert((deadline, id), at: position)
    }

    mutating func cancel(_ id: Int) { timers.removeAll { $0.id == id } }

    /// Fires the earliest timer (there must be one), moving `now` to its deadline.
    mutating func fireFirst() -> Fired {
        let next = timers.removeFirst()
        now = max(now, next.deadline)
        guard next.id < 0 else { return .timer(next.id) }
        sleepers.removeValue(forKey: next.id)?.resume()
        return .sleeper
    }

    /// The id of a handler's next sleep, known before it starts so that its cancellation can find it.
    mutating func newSleeper() -> Int {
        defer { nextSleeper -= 1 }
        return nextSleeper
    }

    /// Puts a handler to sleep for `seconds` of virtual time, under the id ``newSleeper()`` gave it.
    mutating func sleep(_ id: Int, _ seconds: Double, _ continuation: CheckedContinuation<Void, any Error>) {
        sleepers[id] = continuation
        schedule(id, at: now.addingTimeInterval(seconds))
    }

    /// Wakes a sleeping handler whose task was cancelled, with a `CancellationError`.
    mutating func cancelSleep(_ id: Int) {
        cancel(id)
        sleepers.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }

    /// While handlers work (virtual time standing still), the earliest timer still fires once as much real time
    /// has passed as it had left: a Task whose command hangs past its TimeoutSeconds times out under the virtual
    /// clock too, instead of holding the execution forever. Virtual time never runs slower than real time.
    /// `fire` is called with the guarded timer's id once that real time has passed.
    mutating func armWatchdog(working: Int, fire: @escaping @Sendable (Int) async -> Void) {
        guard isHeld(working: working), let first = timers.first else { return }
        guard watchdog?.timer != first.id else { return }
        watchdog?.task.cancel()
        let delay = max(0, first.deadline.timeIntervalSince(now))
        let task = Task {
            try? await Task.sleep(for: .milliseconds(Int64((delay * 1000).rounded(.up))))
            guard !Task.isCancelled else { return }
            await fire(first.id)
        }
        watchdog = (first.id, task)
    }

    /// Takes the watchdog of timer `id` down once it fired; false when it no longer guards that timer.
    mutating func watchdogFired(_ id: Int) -> Bool {
        guard watchdog?.timer == id else { return false }
        watchdog = nil
        return true
    }

    /// Drops every timer and the watchdog: the execution ended.
    mutating func stop() {
        watchdog?.task.cancel()
        watchdog = nil
        timers.removeAll()
    }
}
