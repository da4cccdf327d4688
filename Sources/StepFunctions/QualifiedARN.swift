import Foundation

/// A state machine ARN as StartExecution, DescribeStateMachine and ListExecutions take it: the state machine's
/// own, or qualified by a version (`…:stateMachine:NAME:3`) or an alias (`…:stateMachine:NAME:PROD`).
///
/// A qualifier of digits is a version number; anything else an alias name (AWS's alias names need a letter, `_`,
/// `-` or `.`, so the two never meet).
struct QualifiedARN: Equatable {
    enum Qualifier: Equatable {
        case none
        case version(Int)
        case alias(String)
    }

    /// The ARN as given.
    let text: String
    /// The state machine's own ARN.
    let stateMachineArn: String
    let qualifier: Qualifier

    /// Parses a state machine ARN, qualified or not.
    ///
    /// - Throws: InvalidArn for anything that is not a state machine ARN; StateMachineDoesNotExist for one with
    ///   more than one qualifier.
    init(_ text: String) throws(StepFunctionsError) {
        let arn = try ResourceARN(text)
        guard arn.type == "stateMachine" else { throw StepFunctionsError.invalidArn("Resource type not valid in this context: \(arn.type)") }
        self.text = text
        switch arn.names.count {
        case 1:
            stateMachineArn = text
            qualifier = .none
        case 2:
            let name = arn.names[1]
            stateMachineArn = String(text.dropLast(name.count + 1))
            // An overlong number is a version that cannot exist (numbers start at 1).
            qualifier = name.allSatisfy(\.isASCIIDigit) ? .version(Int(name) ?? 0) : .alias(name)
        default:
            throw StepFunctionsError.stateMachineDoesNotExist(text)
        }
    }

    /// The ARN of version `number` of the state machine `stateMachineArn`.
    static func version(_ number: Int, of stateMachineArn: String) -> String { "\(stateMachineArn):\(number)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Revision ids as AWS shows them: a state machine's first revision has none (DescribeStateMachine answers no
/// `revisionId` until the first update, and PublishStateMachineVersion names it `INITIAL`). Stepwise gives every
/// revision an id, so executions and parsed definitions are keyed alike; the first one's id starts with
/// ``initialPrefix`` and is never shown.
enum RevisionID {
    static let initialPrefix = "initial-"
    /// What PublishStateMachineVersion's `revisionId` calls the first revision.
    static let initialName = "INITIAL"

    /// A new id for a state machine's first revision.
    static func initial() -> String { initialPrefix + next() }

    /// A new id for a later revision.
    static func next() -> String { UUID().uuidString.lowercased() }

    /// The id AWS would show for `id`: none for a first revision.
    static func shown(_ id: String?) -> String? {
        guard let id, !id.hasPrefix(initialPrefix) else { return nil }
        return id
    }

    /// How an error message names the revision `id`.
    static func named(_ id: String) -> String { shown(id) ?? initialName }

    /// Whether a request's `revisionId` names the revision `current`.
    static func matches(_ requested: String, _ current: String) -> Bool { requested == named(current) }
}
