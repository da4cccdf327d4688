import StepwiseStore

/// Reads the web console needs beyond the API's actions: executions across state machines, counts by status, a
/// history read from any event id. Like every read here they go to the store, with its failures translated.
extension StepFunctionsService {
    /// A page of executions, newest first, across state machines. - Throws: InvalidArn, InvalidToken,
    /// ValidationException (`maxResults`).
    package func findExecutions(_ input: FindExecutionsInput) async throws -> Page<ExecutionSummary> {
        if let arn = input.stateMachineArn { _ = try ResourceARN.stateMachine(arn) }
        return try await storeCall {
            try await store.listExecutions(
                stateMachineArn: input.stateMachineArn, status: input.status, namePrefix: input.namePrefix,
                maxResults: input.page.maxResults, nextToken: input.page.nextToken)
        }
    }

    /// How many executions of a state machine are stored, by status. - Throws: InvalidArn.
    package func executionCounts(stateMachineArn: String) async throws -> [ExecutionRecord.Status: Int] {
        _ = try ResourceARN.stateMachine(stateMachineArn)
        return try await storeCall { try await store.executionCounts(stateMachineArn: stateMachineArn) }
    }

    /// Up to `limit` (1–1000) history events whose ids follow `afterId`. - Throws: InvalidArn,
    /// ExecutionDoesNotExist, ValidationException (`limit`).
    package func historyEvents(executionArn: String, afterId: Int, limit: Int) async throws -> [EventRow] {
        _ = try ResourceARN.execution(executionArn)
        return try await storeCall(notFound: .executionDoesNotExist(executionArn)) {
            try await store.events(arn: executionArn, afterId: afterId, limit: limit)
        }
    }
}
