import JSON
import StepFunctions
import StepwiseGraph
import StepwiseStore

extension Console {
    /// `GET /console/api/executions?stateMachineArn=&status=&name=&maxResults=&nextToken=`: executions newest
    /// first, narrowed by state machine, status and name prefix; a page at a time (`maxResults` 0–1000, 0 → 100).
    func executions(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let page = try await service.findExecutions(
            FindExecutionsInput(
                stateMachineArn: request.value("stateMachineArn"), status: try request.executionStatus(), namePrefix: request.value("name"),
                page: PageRequest(maxResults: try request.integer("maxResults", in: 0...1000, default: 0), nextToken: request.value("nextToken"))))
        return .json(ConsoleJSON.page("executions", page.items.map(ConsoleJSON.summary), page.nextToken))
    }

    /// `GET /console/api/execution?arn=`: the execution (input, output, error, how many events it has) and its
    /// Map Runs with their item counts. Small, so a page polls it while the execution runs.
    func execution(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let record = try await service.describeExecution(DescribeExecutionInput(executionArn: try request.required("arn"))).execution
        var runs: [JSON] = []
        var token: String?
        repeat {
            let page = try await service.listMapRuns(
                ListMapRunsInput(executionArn: record.arn, page: PageRequest(maxResults: 1000, nextToken: token)))
            runs += page.items.map(ConsoleJSON.mapRun)
            token = page.nextToken
        } while token != nil && runs.count < 10_000
        var object = ConsoleJSON.execution(record)
        object["mapRuns"] = .array(runs)
        return .json(.object(object))
    }

    /// `GET /console/api/execution/graph?arn=`: the graph of the definition the execution runs, each state coloured
    /// by what happened to it so far; `eventCount` says how much of the history it reflects.
    func executionGraph(_ request: ConsoleRequest) async throws -> ConsoleResponse {
        let record = try await service.describeExecution(DescribeExecutionInput(executionArn: try request.required("arn"))).execution
        let (layout, history) = try await trace(of: record, through: record.eventCount)
        let svg = await pictures.svg(key: "execution|\(record.arn)|\(history.lastId)", layout: layout, trace: history)
        return .json(["eventCount": .int(history.lastId), "graph": svg.map(JSON.string) ?? .null])
    }

    /// The layout of the definition an execution runs and its history's trace through event `eventCount`.
    func trace(of record: ExecutionRecord, through eventCount: Int) async throws -> (GraphLayout?, ExecutionTrace) {
        let layout = await pictures.layout(record.definition, type: .standard)
        return (layout, try await traces.trace(record.arn, graph: layout?.graph, through: eventCount, service: service))
    }
}
