import StepwiseStore

/// What the console's executions page asks for: every execution stored, newest first, narrowed by any of a
/// state machine, a status and a name prefix (ListExecutions wants exactly one state machine or Map Run).
package struct FindExecutionsInput: Sendable {
    package var stateMachineArn: String?
    package var status: ExecutionRecord.Status?
    /// Names starting with this text (case-sensitive, as names are); nil or empty for every name.
    package var namePrefix: String?
    package var page: PageRequest

    package init(
        stateMachineArn: String? = nil, status: ExecutionRecord.Status? = nil, namePrefix: String? = nil, page: PageRequest = PageRequest()
    ) {
        self.stateMachineArn = stateMachineArn
        self.status = status
        self.namePrefix = namePrefix
        self.page = page
    }
}
