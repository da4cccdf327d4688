/// A Step Functions ARN taken apart: `arn:<partition>:states:<region>:<account>:<type>:<name>[:<name>…]`.
///
/// Parsing only checks the form; whether the resource exists is the store's answer (an ARN for another
/// region or account simply does not exist here).
struct ResourceARN: Equatable {
    /// `stateMachine`, `execution`, `express`, `activity`, …
    let type: String
    /// The parts after the type: `[name]` for a state machine, `[machine, execution]` for an execution.
    let names: [String]

    /// Parses `text`. - Throws: InvalidArn for anything that is not a Step Functions ARN.
    init(_ text: String) throws(StepFunctionsError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 7, parts[0] == "arn", !parts[1].isEmpty, parts[2] == "states",
            parts[6...].allSatisfy({ !$0.isEmpty })
        else { throw StepFunctionsError.invalidArn("Invalid ARN prefix: \(text)") }
        type = parts[5]
        names = Array(parts[6...])
    }

    /// The ARN of a state machine (unqualified: Stepwise has no versions or aliases yet).
    static func stateMachine(_ text: String) throws(StepFunctionsError) -> ResourceARN {
        let arn = try ResourceARN(text)
        guard arn.type == "stateMachine" else { throw StepFunctionsError.invalidArn("Resource type not valid in this context: \(arn.type)") }
        guard arn.names.count == 1 else { throw StepFunctionsError.stateMachineDoesNotExist(text) }
        return arn
    }

    /// The ARN of a Standard execution: `…:execution:<machine>:<name>`.
    static func execution(_ text: String) throws(StepFunctionsError) -> ResourceARN {
        let arn = try ResourceARN(text)
        guard arn.type == "execution" else { throw StepFunctionsError.invalidArn("Resource type not valid in this context: \(arn.type)") }
        guard arn.names.count == 2 else { throw StepFunctionsError.executionDoesNotExist(text) }
        return arn
    }

    /// The ARN of a Map Run: `…:mapRun:<machine>/<label>:<id>`.
    static func mapRun(_ text: String) throws(StepFunctionsError) -> ResourceARN {
        let arn = try ResourceARN(text)
        guard arn.type == "mapRun", arn.names.count == 2 else { throw StepFunctionsError.invalidArn("Invalid ARN prefix: \(text)") }
        return arn
    }

    /// The ARN of a taggable resource (a state machine or an activity).
    static func taggable(_ text: String) throws(StepFunctionsError) -> ResourceARN {
        let arn = try ResourceARN(text)
        guard arn.type == "stateMachine" || arn.type == "activity" else {
            throw StepFunctionsError.invalidArn("Resource type not valid in this context: \(arn.type)")
        }
        return arn
    }
}

extension ResourceARN {
    /// The ARN of an activity: `arn:<partition>:states:<region>:<account>:activity:<name>`.
    /// - Throws: InvalidArn naming the type found (or the whole text when it has no type).
    static func activity(_ text: String) throws(StepFunctionsError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 7, parts[0] == "arn", parts[2] == "states", parts[5] == "activity", !parts[6].isEmpty else {
            throw StepFunctionsError.invalidArn("Resource type not valid in this context: \(parts.count > 5 ? String(parts[5]) : text)")
        }
    }
}
