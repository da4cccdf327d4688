import JSON

/// Task states (asl-reference §1.3, "Task"): Resource, Credentials, timeouts, and EXPRESS restrictions (§1.5).
extension Validator {
    static let maximumTimeout = 99_999_999

    mutating func checkTask(_ state: StateContext) {
        if let resource = checkString(state["Resource"], at: state.at("Resource")) {
            checkResource(resource, at: state.at("Resource"))
        }
        if let credentials = state["Credentials"] { checkCredentials(credentials, state) }
        checkTimeouts(state)
    }

    private mutating func checkResource(_ arn: String, at location: String) {
        guard let resource = TaskResource(arn: arn) else {
            let code = arn.hasPrefix("arn:") ? Code.schema : Code.invalidResource
            return error(Message.unknownResource(arn), at: location, code: code)
        }
        guard type == .express else { return }
        switch resource {
        case .activity: error(Message.expressActivity, at: location)
        case .integration(.sync): error(Message.expressSync, at: location)
        case .integration(.waitForTaskToken): error(Message.expressCallback, at: location)
        default: break
        }
    }

    /// `Credentials` holds the role to assume: `RoleArn` (literal or JSONata) or, in JSONPath, `RoleArn.$`.
    private mutating func checkCredentials(_ value: JSON, _ state: StateContext) {
        let location = state.at("Credentials")
        guard let credentials = checkObject(value, at: location) else { return }
        let table: [String: FieldLanguage] = ["RoleArn": .both, "RoleArn.$": .jsonPath]
        let fields = allowedFields(of: credentials, table, language: state.language, at: location)
        if credentials["RoleArn"] == nil && credentials["RoleArn.$"] == nil {
            error(Message.requiredButMissing("RoleArn"), at: location)
        }
        checkString(fields["RoleArn"], at: "\(location)/RoleArn")
        if let dynamic = fields["RoleArn.$"], !Self.isValidDynamicValue(dynamic) {
            error(Message.payloadValue("RoleArn.$"), at: location)
        }
        if fields["RoleArn"] != nil && fields["RoleArn.$"] != nil {
            error(Message.mutuallyExclusive(["RoleArn", "RoleArn.$"]), at: location)
        }
    }

    /// Positive integers up to 99,999,999, not both `X` and `XPath`, heartbeat below timeout when both literal.
    private mutating func checkTimeouts(_ state: StateContext) {
        let range = 1...Self.maximumTimeout
        let timeout = checkInteger(state["TimeoutSeconds"], at: state.at("TimeoutSeconds"), in: range, jsonata: state.isJSONata)
        let heartbeat = checkInteger(
            state["HeartbeatSeconds"], at: state.at("HeartbeatSeconds"), in: range, jsonata: state.isJSONata)
        for field in ["TimeoutSecondsPath", "HeartbeatSecondsPath"] {
            checkPath(state[field], field: field, at: state.at(field), kind: .reference)
        }
        checkExclusive(state, ["TimeoutSeconds", "TimeoutSecondsPath"])
        checkExclusive(state, ["HeartbeatSeconds", "HeartbeatSecondsPath"])
        if let timeout, let heartbeat, heartbeat >= timeout {
            error(Message.heartbeatNotBelowTimeout, at: state.at("HeartbeatSeconds"))
        }
    }
}
