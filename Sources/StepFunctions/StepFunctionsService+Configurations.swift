import JSON

/// The logging, tracing and encryption configurations of state machines and activities: checked with AWS's
/// errors, stored as AWS answers them (Stepwise keeps them; it writes no CloudWatch logs, no X-Ray traces and
/// encrypts nothing with KMS: see differences.md).
extension StepFunctionsService {
    /// A customer managed key's data key reuse period when the request gives none (AWS's default).
    package static let defaultDataKeyReusePeriod = 300

    /// The stored form of a request's configurations: only the members it names, each as AWS answers it.
    ///
    /// - Throws: InvalidLoggingConfiguration, InvalidTracingConfiguration, InvalidEncryptionConfiguration.
    package static func configuration(_ input: StateMachineConfigurationInput) throws(StepFunctionsError) -> JSONObject {
        var object = JSONObject()
        if let logging = input.logging { object["loggingConfiguration"] = try loggingConfiguration(logging) }
        if let tracing = input.tracing {
            guard let enabled = tracing else {
                throw StepFunctionsError.service(
                    "InvalidTracingConfiguration", "Invalid Tracing Configuration: 'enabled' must be set to true or false.")
            }
            object["tracingConfiguration"] = ["enabled": .bool(enabled)]
        }
        if let encryption = input.encryption { object["encryptionConfiguration"] = try encryptionConfiguration(encryption) }
        return object
    }

    /// A `loggingConfiguration` as AWS answers it: `level` (default OFF), `includeExecutionData` (default false)
    /// and `destinations` when the request had the member (even empty).
    ///
    /// - Throws: InvalidLoggingConfiguration (AWS's words) for more than one destination, none with a level other
    ///   than OFF, or a log group ARN without the `:*` qualifier.
    static func loggingConfiguration(_ input: LoggingConfigurationInput) throws(StepFunctionsError) -> JSON {
        let level = input.level ?? "OFF"
        let destinations = input.destinations ?? []
        if destinations.count > 1 || (level != "OFF" && destinations.isEmpty) {
            throw StepFunctionsError.service(
                "InvalidLoggingConfiguration", "Invalid Logging Configuration: Must specify exactly one Log Destination.")
        }
        var object: JSONObject = ["level": .string(level), "includeExecutionData": .bool(input.includeExecutionData ?? false)]
        if let list = input.destinations {
            object["destinations"] = .array(
                try list.map { arn throws(StepFunctionsError) -> JSON in
                    guard let arn, arn.hasSuffix(":*") else {
                        throw StepFunctionsError.service(
                            "InvalidLoggingConfiguration", "Invalid Logging Configuration: Log Group ARN must be provided with '*' qualifier.")
                    }
                    return ["cloudWatchLogsLogGroup": ["logGroupArn": .string(arn)]]
                })
        }
        return .object(object)
    }

    /// An `encryptionConfiguration` as AWS answers it; a customer managed key gets the default reuse period.
    ///
    /// - Throws: InvalidEncryptionConfiguration for a customer managed key without `kmsKeyId`, or an AWS owned key
    ///   with a key or a reuse period.
    package static func encryptionConfiguration(_ input: EncryptionConfigurationInput) throws(StepFunctionsError) -> JSON {
        switch input.type {
        case "CUSTOMER_MANAGED_KMS_KEY":
            guard let key = input.kmsKeyId else {
                throw StepFunctionsError.service(
                    "InvalidEncryptionConfiguration",
                    "Invalid Encryption Configuration: 'kmsKeyId' is required when 'type' is 'CUSTOMER_MANAGED_KMS_KEY'.")
            }
            return [
                "kmsKeyId": .string(key), "kmsDataKeyReusePeriodSeconds": .int(input.kmsDataKeyReusePeriodSeconds ?? defaultDataKeyReusePeriod),
                "type": .string(input.type),
            ]
        default:
            guard input.kmsKeyId == nil, input.kmsDataKeyReusePeriodSeconds == nil else {
                throw StepFunctionsError.service(
                    "InvalidEncryptionConfiguration",
                    "Invalid Encryption Configuration: 'kmsKeyId' and 'kmsDataKeyReusePeriodSeconds' can only be set when 'type' is "
                        + "'CUSTOMER_MANAGED_KMS_KEY'.")
            }
            return ["type": .string(input.type)]
        }
    }

    /// A stored configuration with AWS's defaults for what it lacks: logging OFF, tracing disabled, an AWS owned key.
    package static func answered(_ configuration: JSONObject) -> JSONObject {
        [
            "loggingConfiguration": configuration["loggingConfiguration"] ?? ["level": "OFF", "includeExecutionData": false],
            "tracingConfiguration": configuration["tracingConfiguration"] ?? ["enabled": false],
            "encryptionConfiguration": configuration["encryptionConfiguration"] ?? ["type": "AWS_OWNED_KEY"],
        ]
    }
}
