/// AWS's diagnostic codes and message texts (asl-reference §1.5).
///
/// Texts marked "observed" are copied from real AWS responses recorded in LocalStack snapshots or
/// measured reports; the others follow AWS's observed phrasing families and are best guesses.
extension Validator {
    enum Code {
        static let schema = "SCHEMA_VALIDATION_FAILED"
        static let invalidJSON = "INVALID_JSON_DESCRIPTION"
        static let invalidResource = "INVALID_RESOURCE"
        static let missingEndState = "MISSING_END_STATE"
        static let duplicateStateName = "DUPLICATE_STATE_NAME"
        static let invalidStateName = "INVALID_STATE_NAME"
        static let duplicateLabel = "DUPLICATE_LABEL_NAME"
        static let invalidLabel = "INVALID_LABEL_NAME"
        static let missingTarget = "MISSING_TRANSITION_TARGET"
        static let invalidJSONata = "INVALID_JSONATA_EXPRESSION"
        static let unsupportedJSONata = "UNSUPPORTED_JSONATA_EXPRESSION"
        static let noDollar = "NO_DOLLAR"
        static let noPath = "NO_PATH"
        static let passResultIsStatic = "PASS_RESULT_IS_STATIC"
    }

    enum Message {
        // Observed.
        static func required(_ fields: [String]) -> String { "These fields are required: [\(fields.joined(separator: ", "))]" }
        static func notSupported(_ field: String) -> String { "Field '\(field)' is not supported" }
        static func expectedType(_ types: String...) -> String { "Expected value of type [\(types.joined(separator: ", "))]" }
        static let cannotBeEmpty = "Value cannot be empty"
        static let notRFC3339 = "String does not match RFC3339 timestamp"
        static let stateTypes = "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]"
        static let queryLanguages = "Value should be one of the following: [JSONPath, JSONata]"
        static let downgrade = "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine"
        static func wrongLanguage(_ field: String, set language: ValidatedLanguage) -> String {
            "The QueryLanguage is set to '\(language.name)', but field '\(field)' is only supported for the "
                + "'\(language.other.name)' QueryLanguage"
        }
        static func payloadValue(_ key: String) -> String {
            "The value for the field '\(key)' must be a valid JSONPath or a valid intrinsic function call"
        }
        static func requiredButMissing(_ field: String) -> String { "The field '\(field)' is required but was missing" }
        static func missingTarget(_ name: String) -> String { "Missing 'Next' target: \(name)" }
        static func unreachable(_ name: String) -> String { "State \"\(name)\" is not reachable." }
        static func duplicateState(_ name: String) -> String { "Duplicate State name: \(name)" }
        static let noTerminalState = "Workflow has no terminal state"
        static func unknownResource(_ arn: String) -> String {
            "The resource provided \(arn) is not recognized. The value is not a valid resource ARN, or the resource is "
                + "not available in this region."
        }
        static let expressActivity = "Express state machine does not support Activity ARN"
        static let expressSync = "Express state machine does not support '.sync' service integration"
        static let expressCallback = "Express state machine does not support '.waitForTaskToken' service integration "
        static func topLevelReference(_ name: String) -> String { "Reference to '\(name)' at the top level is not supported." }
        static let rootReference = "Reference to '$$' is not supported."
        static func missingStatesField(_ field: String) -> String { "Field '$states.\(field)' does not exist." }

        // Best guesses in AWS's phrasing.
        static func oneOf(_ field: String, _ values: [String]) -> String {
            "The field '\(field)' should have one of these values: [\(values.joined(separator: ", "))]"
        }
        static func exactlyOne(_ fields: [String]) -> String {
            "Exactly one of these fields is required: [\(fields.joined(separator: ", "))]"
        }
        static func atLeastOne(_ fields: [String]) -> String {
            "At least one of these fields is required: [\(fields.joined(separator: ", "))]"
        }
        static func mutuallyExclusive(_ fields: [String]) -> String {
            "These fields cannot be used together: [\(fields.joined(separator: ", "))]"
        }
        static func minimum(_ value: String) -> String { "Value must be greater than or equal to \(value)" }
        static func maximum(_ value: String) -> String { "Value must be less than or equal to \(value)" }
        static func path(_ field: String) -> String { "The value for the field '\(field)' must be a valid JSONPath" }
        static func referencePath(_ field: String) -> String {
            "The value for the field '\(field)' must be a valid Reference Path"
        }
        static func referencePathOrIntrinsic(_ field: String) -> String {
            "The value for the field '\(field)' must be a valid Reference Path or a valid intrinsic function call"
        }
        static func duplicateKey(_ key: String) -> String { "The field '\(key)' is specified more than once" }
        static let endMustBeTrue = "The field 'End' must be true"
        static let heartbeatNotBelowTimeout = "The value of 'HeartbeatSeconds' must be less than the value of 'TimeoutSeconds'"
        static let statesAllAlone = "'States.ALL' must be the only element in 'ErrorEquals'"
        static let statesAllLast = "'States.ALL' must appear in the last element of the array"
        static let definitionTooLong = "Definition exceeds the maximum length of 1048576 characters"
        static func stateNameTooLong(_ name: String) -> String { "State name '\(name)' exceeds the maximum length of 80" }
        static func invalidVariable(_ name: String) -> String { "Invalid variable name: '\(name)'" }
        static let reservedVariable = "The variable name 'states' is reserved"
        static func outerVariable(_ name: String) -> String {
            "The variable '\(name)' is already assigned in an outer scope and cannot be reassigned in an inner scope"
        }
        static func duplicateLabel(_ label: String) -> String { "Duplicate Label name: \(label)" }
        static func invalidLabel(_ label: String) -> String { "Invalid Label name: \(label)" }
        static func distributedOnly(_ field: String) -> String {
            "Field '\(field)' is only supported when 'Mode' is 'DISTRIBUTED'"
        }
        static let noOperator = "A Choice rule must contain exactly one comparison operator or one of [And, Or, Not]"
        static func noDollar(_ key: String) -> String {
            "The value of the field '\(key)' looks like a JSONPath or an intrinsic function call, but the field name "
                + "does not end with '.$'"
        }
        static func noPath(_ field: String) -> String {
            "The value of the field '\(field)' looks like a JSONPath, but the field name does not end with 'Path'"
        }
        static let passResultIsStatic = "The Result of a Pass state is static: paths in it are not evaluated"
    }
}
