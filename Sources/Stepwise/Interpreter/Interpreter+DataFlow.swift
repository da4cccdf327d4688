import Foundation
import JSON
import StatesLanguage

/// The JSONPath data-flow steps (asl-reference §2.1) as the interpreter applies them.
extension Interpreter {
    /// InputPath: absent = the raw input, `null` = `{}`, a path that matches nothing = States.Runtime.
    func applyInputPath(_ field: PathOrNull?, _ roots: PathRoots) throws(StatesError) -> JSON {
        switch field {
        case nil: return roots.input
        case .null: return .object(JSONObject())
        case .path(let path):
            guard let value = path.value(in: roots) else {
                throw .runtime("Invalid path '\(path.text)' : No results for path: \(Self.bracketed(path.text))")
            }
            return value
        }
    }

    /// ResultPath: absent = the result, `null` = the raw input, a path = the raw input with the result placed there.
    func applyResultPath(_ field: PathOrNull?, rawInput: JSON, result: JSON) throws(StatesError) -> JSON {
        switch field {
        case nil: return result
        case .null: return rawInput
        case .path(let path): return try path.setting(result, in: rawInput)
        }
    }

    /// OutputPath: like InputPath, applied to the state's output.
    func applyOutputPath(_ field: PathOrNull?, _ output: JSON, _ frameId: Int) throws(StatesError) -> JSON {
        guard let field else { return output }
        return try applyInputPath(field, roots(frameId, input: output))
    }

    /// `$.a.b` → `$['a']['b']`, as Jayway renders paths in its messages.
    static func bracketed(_ path: String) -> String {
        guard path.hasPrefix("$.") else { return path }
        return "$" + path.dropFirst(2).split(separator: ".").map { "['\($0)']" }.joined()
    }

    /// States.DataLimitExceeded when a payload is over 256 KiB.
    func checkSize(_ value: JSON, _ what: String) throws(StatesError) {
        guard value.exceedsSize(Self.maxPayloadBytes) else { return }
        throw StatesError(
            StatesError.Name.dataLimitExceeded,
            "The state/task '\(what)' returned a result with a size exceeding the maximum number of bytes service limit.")
    }

    /// Evaluates Assign against `input` (the value `$` means for this state) with the variables as they were when
    /// the state was entered; returns the assignments in order.
    mutating func evaluateAssign(_ assign: Assignment?, _ frameId: Int, input: JSON, bindings: @autoclosure () -> [String: JSON]) throws(StatesError) -> [(String, JSON)]? {
        guard let assign else { return nil }
        let value: JSON
        switch assign {
        case .jsonPath(let template): value = try template.evaluate(roots(frameId, input: input))
        case .jsonata(let template): value = try evaluate(template, frameId, bindings())
        }
        guard case .object(let object) = value else { return [] }
        return object.map { ($0.key, $0.value) }
    }

    /// Makes assignments visible to the next state.
    mutating func applyAssignments(_ frameId: Int, _ assignments: [(String, JSON)]?) {
        guard let assignments else { return }
        for (name, value) in assignments { frames[frameId]!.variables.local[name] = value }
    }
}

extension JSON {
    /// Whether the compact serialization is longer than `limit` bytes; stops counting once it is.
    func exceedsSize(_ limit: Int) -> Bool {
        var remaining = limit
        return !fits(&remaining)
    }

    private func fits(_ remaining: inout Int) -> Bool {
        switch self {
        case .null: remaining -= 4
        case .bool(let value): remaining -= value ? 4 : 5
        case .number: remaining -= 8
        case .string(let text): remaining -= text.utf8.count + 2
        case .array(let elements):
            remaining -= 2 + elements.count
            for element in elements where !element.fits(&remaining) { return false }
        case .object(let object):
            remaining -= 2 + object.count * 2
            for (key, value) in object {
                remaining -= key.utf8.count + 2
                if !value.fits(&remaining) { return false }
            }
        }
        return remaining >= 0
    }
}
