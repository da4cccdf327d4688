import Foundation
import JSON
import JSONata
import StatesLanguage

extension Interpreter {
    /// Choice (asl-reference §1.3): the first matching rule wins; its Assign/Output replace the state's.
    mutating func executeChoice(_ frameId: Int, _ state: State, _ choice: ChoiceState) throws(StatesError) -> Outcome {
        let raw = frames[frameId].rawInput
        if state.isJSONata { return try executeJSONataChoice(frameId, state, choice, raw) }
        let effective = try applyInputPath(state.io.inputPath, roots(frameId, input: raw))
        inspector?.afterInputPath = effective
        let roots = roots(frameId, input: effective)
        for branch in choice.choices {
            guard case .rule(let rule) = branch.condition, try rule.evaluate(roots) else { continue }
            let assigned = try evaluateAssign(branch.assign, frameId, input: effective, bindings: [:])
            let output = try applyOutputPath(state.io.outputPath, effective, frameId)
            return try exit(frameId, state, output: output, assigned: assigned, next: branch.next)
        }
        guard let defaultNext = choice.defaultNext else { return noMatch(state) }
        let assigned = try evaluateAssign(state.assign, frameId, input: effective, bindings: [:])
        let output = try applyOutputPath(state.io.outputPath, effective, frameId)
        return try exit(frameId, state, output: output, assigned: assigned, next: defaultNext)
    }

    mutating func executeJSONataChoice(_ frameId: Int, _ state: State, _ choice: ChoiceState, _ raw: JSON) throws(StatesError) -> Outcome {
        let bindings = bindings(frameId, input: raw)
        for branch in choice.choices {
            guard case .jsonata(let condition) = branch.condition else { continue }
            let value = try evaluate(condition, frameId, bindings)
            guard case .bool(let matched) = value else { throw unexpectedType(frameId, condition, field: "Condition") }
            guard matched else { continue }
            return try exitJSONataChoice(frameId, state, assign: branch.assign, output: branch.output, next: branch.next, bindings)
        }
        guard let defaultNext = choice.defaultNext else { return noMatch(state) }
        return try exitJSONataChoice(frameId, state, assign: state.assign, output: state.io.output, next: defaultNext, bindings)
    }

    mutating func exitJSONataChoice(
        _ frameId: Int, _ state: State, assign: Assignment?, output: JSONataTemplate?, next: Int, _ bindings: [String: JSONataValue]
    ) throws(StatesError) -> Outcome {
        let assigned = try evaluateAssign(assign, frameId, input: frames[frameId].rawInput, bindings: bindings)
        let value = try output.map { template throws(StatesError) in try evaluate(template, frameId, bindings) } ?? frames[frameId].rawInput
        return try exit(frameId, state, output: value, assigned: assigned, next: next)
    }

    func noMatch(_ state: State) -> Outcome {
        .frameFailed(StatesError(StatesError.Name.noChoiceMatched, "No Matches!"))
    }
}
