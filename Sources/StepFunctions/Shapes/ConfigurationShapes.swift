import JSON

/// A `loggingConfiguration` as requested (CreateStateMachine, UpdateStateMachine).
package struct LoggingConfigurationInput: Sendable, Equatable {
    /// ALL, ERROR, FATAL or OFF; nil means OFF.
    package var level: String?
    package var includeExecutionData: Bool?
    /// The destinations' `cloudWatchLogsLogGroup.logGroupArn` (nil for a destination without one); nil when the
    /// member is absent, which AWS answers differently from an empty list.
    package var destinations: [String?]?

    package init(level: String? = nil, includeExecutionData: Bool? = nil, destinations: [String?]? = nil) {
        self.level = level
        self.includeExecutionData = includeExecutionData
        self.destinations = destinations
    }
}

/// An `encryptionConfiguration` as requested (CreateStateMachine, UpdateStateMachine, CreateActivity).
package struct EncryptionConfigurationInput: Sendable, Equatable {
    /// AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY.
    package var type: String
    package var kmsKeyId: String?
    package var kmsDataKeyReusePeriodSeconds: Int?

    package init(type: String, kmsKeyId: String? = nil, kmsDataKeyReusePeriodSeconds: Int? = nil) {
        self.type = type
        self.kmsKeyId = kmsKeyId
        self.kmsDataKeyReusePeriodSeconds = kmsDataKeyReusePeriodSeconds
    }
}

/// The configurations a CreateStateMachine or UpdateStateMachine request names (nil: not named, so unchanged
/// on update and AWS's default on create).
package struct StateMachineConfigurationInput: Sendable, Equatable {
    package var logging: LoggingConfigurationInput?
    /// `tracingConfiguration.enabled`; `.some(nil)` for a `tracingConfiguration` without `enabled`.
    package var tracing: Bool??
    package var encryption: EncryptionConfigurationInput?

    package init(logging: LoggingConfigurationInput? = nil, tracing: Bool?? = nil, encryption: EncryptionConfigurationInput? = nil) {
        self.logging = logging
        self.tracing = tracing
        self.encryption = encryption
    }

    /// Whether the request names none of them.
    package var isEmpty: Bool { logging == nil && tracing == nil && encryption == nil }
}
