import JSON
import StatesLanguage
import StepFunctions

/// The `loggingConfiguration`, `tracingConfiguration` and `encryptionConfiguration` members (botocore's
/// `LoggingConfiguration`, `TracingConfiguration`, `EncryptionConfiguration` shapes).
extension StepFunctionsAPI {
    /// The three configurations a CreateStateMachine or UpdateStateMachine request names.
    static func configuration(_ request: Members) throws(StepFunctionsError) -> StateMachineConfigurationInput {
        var input = StateMachineConfigurationInput()
        if let logging = try request.structure("loggingConfiguration") {
            input.logging = LoggingConfigurationInput(
                level: try logging.choice("level", ["ALL", "ERROR", "FATAL", "OFF"]), includeExecutionData: try logging.bool("includeExecutionData"),
                destinations: try logging.structures("destinations")?.map { destination throws(StepFunctionsError) in
                    try destination.structure("cloudWatchLogsLogGroup")?.string("logGroupArn", min: 1, max: arnLength)
                })
        }
        if let tracing = try request.structure("tracingConfiguration") { input.tracing = .some(try tracing.bool("enabled")) }
        input.encryption = try encryption(request)
        return input
    }

    /// An `encryptionConfiguration` member (CreateStateMachine, UpdateStateMachine, CreateActivity).
    static func encryption(_ request: Members) throws(StepFunctionsError) -> EncryptionConfigurationInput? {
        guard let encryption = try request.structure("encryptionConfiguration") else { return nil }
        let key = try encryption.string("kmsKeyId", min: 1, max: 2048)
        let period = try encryption.int("kmsDataKeyReusePeriodSeconds", 60...900)
        guard let type = try encryption.choice("type", ["AWS_OWNED_KEY", "CUSTOMER_MANAGED_KMS_KEY"]) else {
            throw Members.missing(encryption.path + "type")
        }
        return EncryptionConfigurationInput(type: type, kmsKeyId: key, kmsDataKeyReusePeriodSeconds: period)
    }

    /// The `includedData` member of the describe actions: whether to leave the definition (or the data) out.
    static func metadataOnly(_ request: Members) throws(StepFunctionsError) -> Bool {
        try request.choice("includedData", ["ALL_DATA", "METADATA_ONLY"]) == "METADATA_ONLY"
    }
}

extension StepFunctionsAPI {
    /// The `variableReferences` member of DescribeStateMachine and DescribeStateMachineForExecution, or nil.
    static func variableReferences(_ definition: String) -> JSON? {
        guard let references = VariableReferences.of(definition: definition) else { return nil }
        return .object(JSONObject(references.sorted { $0.key < $1.key }.map { ($0.key, JSON.array($0.value.map(JSON.string))) }))
    }
}
