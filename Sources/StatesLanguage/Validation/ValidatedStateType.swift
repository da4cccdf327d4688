/// The eight state types and the fields each allows, with their query-language tags (asl-reference §1.3).
enum ValidatedStateType: String, Sendable, CaseIterable {
    case task = "Task"
    case pass = "Pass"
    case choice = "Choice"
    case wait = "Wait"
    case succeed = "Succeed"
    case fail = "Fail"
    case parallel = "Parallel"
    case map = "Map"

    /// Whether the state needs exactly one of `Next` / `"End": true`.
    var needsTransition: Bool { ![.choice, .succeed, .fail].contains(self) }

    /// Whether reaching the state can end its scope without `End`.
    var isTerminal: Bool { self == .succeed || self == .fail }

    /// The fields the state type allows, by query language.
    var fields: [String: FieldLanguage] { Self.matrix[self]! }

    /// Fields every state type allows.
    private static let common: [String: FieldLanguage] = ["Type": .both, "Comment": .both, "QueryLanguage": .both]
    private static let transition: [String: FieldLanguage] = ["Next": .both, "End": .both]
    private static let errorHandling: [String: FieldLanguage] = ["Retry": .both, "Catch": .both]
    private static let io: [String: FieldLanguage] = ["InputPath": .jsonPath, "OutputPath": .jsonPath, "Output": .jsonata]
    private static let result: [String: FieldLanguage] = ["ResultPath": .jsonPath, "ResultSelector": .jsonPath]

    private static let matrix: [ValidatedStateType: [String: FieldLanguage]] = [
        .pass: merge(
            common, transition, io,
            [
                "Assign": .both, "Parameters": .jsonPath, "Result": .jsonPath, "ResultPath": .jsonPath,
            ]),
        .task: merge(
            common, transition, io, errorHandling, result,
            [
                "Resource": .both, "Credentials": .both, "TimeoutSeconds": .both, "TimeoutSecondsPath": .jsonPath,
                "HeartbeatSeconds": .both, "HeartbeatSecondsPath": .jsonPath, "Assign": .both,
                "Parameters": .jsonPath, "Arguments": .jsonata,
            ]),
        .choice: merge(common, io, ["Choices": .both, "Default": .both, "Assign": .both]),
        .wait: merge(
            common, transition, io,
            [
                "Assign": .both, "Seconds": .both, "Timestamp": .both, "SecondsPath": .jsonPath, "TimestampPath": .jsonPath,
            ]),
        .succeed: merge(common, io),
        .fail: merge(common, ["Error": .both, "Cause": .both, "ErrorPath": .jsonPath, "CausePath": .jsonPath]),
        .parallel: merge(
            common, transition, io, errorHandling, result,
            [
                "Branches": .both, "Assign": .both, "Parameters": .jsonPath, "Arguments": .jsonata,
            ]),
        .map: merge(
            common, transition, io, errorHandling, result,
            [
                "ItemProcessor": .both, "Iterator": .both, "ItemsPath": .jsonPath, "Items": .jsonata,
                "ItemSelector": .both, "Parameters": .jsonPath, "ItemReader": .both, "ItemBatcher": .both,
                "ResultWriter": .both, "MaxConcurrency": .both, "MaxConcurrencyPath": .jsonPath,
                "ToleratedFailurePercentage": .both, "ToleratedFailurePercentagePath": .jsonPath,
                "ToleratedFailureCount": .both, "ToleratedFailureCountPath": .jsonPath, "Label": .both, "Assign": .both,
            ]),
    ]

    private static func merge(_ tables: [String: FieldLanguage]...) -> [String: FieldLanguage] {
        tables.reduce(into: [:]) { result, table in result.merge(table) { _, new in new } }
    }
}
