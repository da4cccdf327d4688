import Foundation
import JSON
import JSONata
import StatesLanguage

/// The JSONPath data-flow steps (asl-reference §2.1) as the interpreter applies them.
extension Interpreter {
    /// InputPath (asl-reference §2.1 step 1): the selection from the raw input in `roots`.
    func applyInputPath(_ field: DataPath, _ roots: PathRoots) throws(StatesError) -> JSON {
        try field.select(from: roots.input, roots: roots)
    }

    /// The effective input of the frame's current state (asl-reference §2.1 steps 1–2): what a Task runs with, a
    /// Parallel's branches start from and a Pass passes on. JSONata: `Arguments` evaluated against the raw input
    /// (the raw input without them); JSONPath: InputPath, then Parameters. `context` is `$$` when the caller has
    /// built it already (a Task's, with its token); otherwise the state's own.
    mutating func effectiveInput(_ frameId: Int, _ state: State, _ raw: JSON, context: JSON? = nil) throws(StatesError) -> JSON {
        if state.isJSONata {
            guard let arguments = state.io.arguments else { return raw }
            let value = try evaluate(arguments, frameId, bindings(frameId, input: raw, context: context))
            inspector?.afterArguments = value
            return value
        }
        let selected = try applyInputPath(state.io.inputPath, roots(frameId, input: raw, context: context))
        inspector?.afterInputPath = selected
        let value = try state.io.parameters?.evaluate(roots(frameId, input: selected, context: context)) ?? selected
        inspector?.afterParameters = value
        return value
    }

    /// ResultPath (step 5): the result placed into the raw input.
    func applyResultPath(_ field: DataPath, rawInput: JSON, result: JSON) throws(StatesError) -> JSON {
        try field.place(result, into: rawInput)
    }

    /// OutputPath (step 6), applied to the state's output.
    func applyOutputPath(_ field: DataPath, _ output: JSON, _ frameId: Int) throws(StatesError) -> JSON {
        if case .whole = field { return output }
        return try field.select(from: output, roots: roots(frameId, input: output))
    }

    /// States.DataLimitExceeded when a payload is over 256 KiB.
    func checkSize(_ value: JSON, _ what: String) throws(StatesError) {
        try PayloadLimit.check(value, source: what)
    }

    /// Evaluates Assign against `input` (the value `$` means for this state) with the variables as they were when
    /// the state was entered; returns the assignments in order.
    mutating func evaluateAssign(_ assign: Assignment?, _ frameId: Int, input: JSON, bindings: @autoclosure () -> [String: JSONataValue])
        throws(StatesError) -> [(String, JSON)]?
    {
        guard let assign else { return nil }
        let value: JSON
        switch assign {
        case .jsonPath(let template): value = try template.evaluate(roots(frameId, input: input))
        case .jsonata(let template): value = try evaluate(template, frameId, bindings())
        }
        guard case .object(let object) = value else { return [] }
        try checkVariableSizes(object, frameId)
        return object.map { ($0.key, $0.value) }
    }

    /// AWS's variable limits (asl-reference §9): 256 KiB per variable and per Assign block, 10 MiB in all. Only the
    /// assigned values are measured; the others' sizes were kept when they were assigned.
    func checkVariableSizes(_ assignments: JSONObject, _ frameId: Int) throws(StatesError) {
        let name = frames[frameId].state.name
        var sizes: [String: Int] = [:]
        for (variable, value) in assignments {
            let size = value.compactSize
            guard size <= Self.maxPayloadBytes else {
                throw StatesError(
                    StatesError.Name.dataLimitExceeded,
                    "The variable '\(variable)' assigned by the state '\(name)' exceeds the maximum size of 262144 bytes.")
            }
            sizes[variable] = size
        }
        if JSON.object(assignments).compactSizeExceeds(Self.maxPayloadBytes) {
            throw StatesError(StatesError.Name.dataLimitExceeded, "The Assign of the state '\(name)' exceeds the maximum size of 262144 bytes.")
        }
        if frames[frameId].variables.totalSize(with: sizes) > Self.maxVariableBytes {
            throw StatesError(
                StatesError.Name.dataLimitExceeded,
                "The variables of the execution would exceed the maximum total size of 10485760 bytes after the state '\(name)'.")
        }
    }

    /// Makes assignments visible to the next state.
    mutating func applyAssignments(_ frameId: Int, _ assignments: [(String, JSON)]?) {
        guard let assignments else { return }
        for (name, value) in assignments { frames[frameId].variables.assign(name, value) }
    }
}
