/// Thrown when work outlives its time limit.
package struct DeadlineExceeded: Error {
    package let seconds: Double
}

package enum Deadline {
    /// Runs `work`, cancelling it after `seconds` (nil: no limit); cancellation waits for `work` to finish, so a
    /// killed process or aborted request is gone when this throws `DeadlineExceeded`.
    package static func run<T: Sendable>(seconds: Double?, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let seconds else { return try await work() }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                group.cancelAll()
                while (try? await group.next()) != nil {}
                throw DeadlineExceeded(seconds: seconds)
            }
            return value
        }
    }
}
