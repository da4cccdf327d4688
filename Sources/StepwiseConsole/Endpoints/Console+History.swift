import JSON
import StepFunctions
import StepwiseStore

extension Console {
    /// `GET /console/api/execution/events?arn=&afterId=&limit=`: up to `limit` (1–1000, default 100) events after
    /// `afterId`, each with the state it belongs to. Any page of a long history costs the same: the page script
    /// asks for the page it shows, by id.
    func events(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let arn = try request.required("arn")
        let afterId = try request.integer("afterId", in: 0...Int(Int32.max), default: 0)
        let limit = try request.integer("limit", in: 1...1000, default: 100)
        let rows = try await service.historyEvents(executionArn: arn, afterId: afterId, limit: limit)
        let record = try await service.describeExecution(DescribeExecutionInput(executionArn: arn)).execution
        let history = try await trace(of: record, through: rows.last?.id ?? 0).1
        return .json(["events": .array(rows.map { ConsoleJSON.event($0, state: history.owner(of: $0.id)) })])
    }

    /// `GET /console/api/execution/state?arn=&name=`: what a state of the execution did: how many times it was
    /// entered, the input of its latest visit, the output it exited with, its latest failure.
    func stateDetails(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let name = try request.required("name")
        let record = try await service.describeExecution(DescribeExecutionInput(executionArn: try request.required("arn"))).execution
        let state = try await trace(of: record, through: record.eventCount).1.states[name] ?? .init()
        var object: JSONObject = ["name": .string(name), "visits": .int(state.visits)]
        object["entered"] = try await event(state.entered, of: record.arn) ?? .null
        object["exited"] = try await event(state.exited, of: record.arn) ?? .null
        object["failure"] = try await event(state.failure, of: record.arn) ?? .null
        return .json(.object(object))
    }

    /// One event by id, as the event table shows it (without its state).
    private func event(_ id: Int?, of arn: String) async throws -> JSON? {
        guard let id, let row = try await service.historyEvents(executionArn: arn, afterId: id - 1, limit: 1).first else { return nil }
        return ConsoleJSON.event(row, state: nil)
    }
}
