import Foundation
import JSON
import Stepwise

/// Runs `arn:aws:states:::states:startExecution` Tasks (and, through the callback resolver, its
/// `.waitForTaskToken` form): the child is a real, recorded execution of a stored state machine, with its
/// parent's ARN recorded with it. `.sync` and `.sync:2` wait for it, and stop it when the parent's task is
/// cancelled (the parent stopped or the task timed out).
struct NestedExecutions: TaskResolver {
    let storage: any IntegrationStorage

    func handler(for task: TaskReference) -> TaskHandler? {
        guard let pattern = NestedPattern(resource: task.resource) else { return nil }
        let storage = storage
        return { input, context in
            let request = try NestedRequest(input)
            let (child, found) = try await Self.start(request, parent: context, storage: storage)
            guard pattern != .requestResponse else { return NestedDescription.started(child) }
            let recorded = found ? await Self.submissionRecorded(context, in: storage) : false
            if !recorded { await context.submitted(NestedDescription.started(child)) }
            let ended = try await Self.waitForEnd(child.arn, storage: storage)
            guard ended.status == ExecutionStatus.succeeded.rawValue else { throw NestedDescription.failure(ended, parsed: pattern == .sync2) }
            return NestedDescription.ended(ended, parsed: pattern == .sync2)
        }
    }

    /// Starts the child, or finds the one this task started before a restart (`found`).
    static func start(
        _ request: NestedRequest, parent: TaskContext, storage: any IntegrationStorage
    ) async throws -> (record: RecordedExecution, found: Bool) {
        let name = request.name ?? NestedRequest.defaultName(for: parent)
        if let existing = try await storage.execution(name: name, stateMachineArn: request.stateMachineArn),
            existing.parentArn == parent.executionArn
        {
            return (existing, true)
        }
        guard let machine = try await storage.stateMachine(arn: request.stateMachineArn) else {
            throw NestedRequest.serviceError("StateMachineDoesNotExist", "State Machine Does Not Exist: '\(request.stateMachineArn)'")
        }
        do {
            let execution = try await storage.start(
                try StateMachine(text: machine.definition, name: machine.name), definition: machine.definition, input: request.input,
                name: name, stateMachineArn: machine.arn, roleArn: machine.roleArn, revisionId: machine.revisionId,
                parentArn: parent.executionArn, clock: parent.clock)
            guard let record = try await storage.execution(arn: execution.arn) else {
                throw StatesError.runtime("The child execution was not recorded")
            }
            return (record, false)
        } catch let error as StartError {
            throw NestedRequest.serviceError(error.code, error.message)
        } catch IntegrationStorageError.alreadyExists {
            throw NestedRequest.serviceError("ExecutionAlreadyExists", "Execution Already Exists: '\(name)'")
        }
    }

    /// Whether the parent's step log has this task's TaskSubmitted already: a task dispatched again after a restart
    /// that finds its child records it only if the crash came before it was written.
    static func submissionRecorded(_ context: TaskContext, in storage: any IntegrationStorage) async -> Bool {
        let steps = (try? await storage.stepInputs(arn: context.executionArn)) ?? []
        return steps.contains { step in
            guard let input = try? JSON(parsing: step) else { return false }
            return input["kind"] == "taskSubmitted" && input["task"]?.intValue == context.taskId
        }
    }

    /// Waits for the child to end and reads its record; cancellation stops the child. A child that runs but is
    /// not live yet (both resuming after a restart) is looked for again until it is.
    static func waitForEnd(_ arn: String, storage: any IntegrationStorage) async throws -> RecordedExecution {
        while true {
            if let live = storage.liveExecution(arn: arn) {
                _ = await withTaskCancellationHandler {
                    await live.result
                } onCancel: {
                    Task { await live.stop() }
                }
                try Task.checkCancellation()
                await storage.sync()
            }
            guard let record = try await storage.execution(arn: arn) else { throw StatesError.runtime("The child execution \(arn) is gone") }
            if record.status != ExecutionStatus.running.rawValue { return record }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
