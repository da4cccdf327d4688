import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Waits for a spawned process (reaping it on a thread of its own) and stops its process group on request.
final class ProcessExit: Sendable {
    let pid: pid_t
    private let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))

    init(pid: pid_t) {
        self.pid = pid
        Thread.detachNewThread { [self] in
            var status: Int32 = 0
            var result = waitpid(pid, &status, 0)
            while result < 0 && errno == EINTR { result = waitpid(pid, &status, 0) }
            // Someone else reaped it (ECHILD): the status is unknown, report a failure.
            finished(result < 0 ? 255 : Self.exitCode(status))
        }
    }

    /// The exit status; 128 + the signal for a process killed by a signal (as shells report it).
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private func finished(_ status: Int32) {
        let waiters = state.withLock { state in
            state.status = status
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: status) }
    }

    func wait() async -> Int32 {
        await withCheckedContinuation { continuation in
            let status: Int32? = state.withLock { state in
                if state.status == nil { state.waiters.append(continuation) }
                return state.status
            }
            if let status { continuation.resume(returning: status) }
        }
    }

    var hasExited: Bool { state.withLock { $0.status != nil } }

    /// SIGTERM to the process group now, SIGKILL after `grace` seconds if the command is still running.
    func terminate(grace: Double) {
        guard !hasExited else { return }
        kill(-pid, SIGTERM)
        Task.detached { [self] in
            try? await Task.sleep(for: .milliseconds(Int64(grace * 1000)))
            if !hasExited { kill(-pid, SIGKILL) }
        }
    }
}
