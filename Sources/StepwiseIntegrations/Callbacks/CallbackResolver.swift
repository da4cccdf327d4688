import Foundation
import JSON
import Stepwise

/// Runs `…:<service>:<action>.waitForTaskToken` Tasks: makes the underlying call through whatever runs the
/// base resource (a mock, a resources-file entry, a handler, a local service, a nested execution), records
/// TaskSubmitted with its response, then waits for SendTaskSuccess / SendTaskFailure.
///
/// With nothing to run the base resource, the call is skipped: TaskSubmitted gets `{}` and the task just
/// waits (the token is in `$$.Task.Token` for whoever the state machine hands it to). The engine keeps
/// TimeoutSeconds and HeartbeatSeconds; heartbeats reach it through ``TokenRegistry/sendTaskHeartbeat(token:)``.
struct CallbackResolver: TaskResolver {
    static let suffix = ".waitForTaskToken"

    let registry: TokenRegistry
    /// Finds the handler of the base resource (the runtime's resolvers, tier by tier).
    let base: @Sendable (TaskReference) -> TaskHandler?

    func handler(for task: TaskReference) -> TaskHandler? {
        guard task.resource.hasSuffix(Self.suffix) else { return nil }
        let reference = TaskReference(
            resource: String(task.resource.dropLast(Self.suffix.count)), stateName: task.stateName, stateMachineName: task.stateMachineName,
            executionArn: task.executionArn)
        let registry = registry
        let base = base
        return { input, context in
            let token = TaskToken.text(for: context)
            let heartbeat: @Sendable () async -> Void = { await context.heartbeat() }
            if await registry.open(token, heartbeat: heartbeat) == nil {
                do {
                    let response = try await base(reference)?(input, context) ?? .object(JSONObject())
                    await context.submitted(response)
                } catch {
                    await registry.abandon(token, timedOut: context.timedOut)
                    throw error
                }
            }
            return try await registry.wait(token) { context.timedOut }.result()
        }
    }
}
