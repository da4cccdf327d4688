/// What DescribeMapRun asks for.
package struct DescribeMapRunInput: Sendable {
    package var mapRunArn: String

    package init(mapRunArn: String) { self.mapRunArn = mapRunArn }
}

/// What ListMapRuns asks for: an execution's Map Runs.
package struct ListMapRunsInput: Sendable {
    package var executionArn: String
    package var page: PageRequest

    package init(executionArn: String, page: PageRequest = PageRequest()) {
        self.executionArn = executionArn
        self.page = page
    }
}

/// What UpdateMapRun asks for: at least one setting to change.
package struct UpdateMapRunInput: Sendable {
    package var mapRunArn: String
    package var maxConcurrency: Int?
    package var toleratedFailureCount: Int?
    package var toleratedFailurePercentage: Double?

    package init(mapRunArn: String, maxConcurrency: Int? = nil, toleratedFailureCount: Int? = nil, toleratedFailurePercentage: Double? = nil) {
        self.mapRunArn = mapRunArn
        self.maxConcurrency = maxConcurrency
        self.toleratedFailureCount = toleratedFailureCount
        self.toleratedFailurePercentage = toleratedFailurePercentage
    }
}
