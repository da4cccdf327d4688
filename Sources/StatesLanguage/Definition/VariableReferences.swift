import JSON

/// The variables each state of a definition reads (DescribeStateMachine's `variableReferences`): state name →
/// variable names, sorted; states that read none are left out, as on AWS.
///
/// Found from the text of the fields, without evaluating them: in JSONPath fields (`….$` keys, `…Path` fields,
/// Choice `Variable`, intrinsic arguments) every `$name` that is not `$$…`; in JSONata fields (`{% … %}`) every
/// `$name` that is not a function call, `$states`, or a name the expression binds itself (`$x := …`,
/// `function($x)`). Nested states (Parallel branches, Map item processors) are listed under their own names.
package enum VariableReferences {
    /// The references of `definition`, or nil when it is not an object with `States` or no state reads a variable.
    package static func of(definition text: String) -> [String: [String]]? {
        guard let json = try? JSON(parsing: text), let states = json["States"]?.objectValue else { return nil }
        var result: [String: Set<String>] = [:]
        collect(states, depth: 0, into: &result)
        let answer = result.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
        return answer.isEmpty ? nil : answer
    }

    private static func collect(_ states: JSONObject, depth: Int, into result: inout [String: Set<String>]) {
        guard depth < 64 else { return }
        for (name, state) in states {
            guard let object = state.objectValue else { continue }
            var names = Set<String>()
            for (key, value) in object {
                switch key {
                case "Branches":
                    for branch in value.arrayValue ?? [] {
                        if let nested = branch["States"]?.objectValue { collect(nested, depth: depth + 1, into: &result) }
                    }
                case "ItemProcessor", "Iterator":
                    if let nested = value["States"]?.objectValue { collect(nested, depth: depth + 1, into: &result) }
                default:
                    scan(value, key: key, depth: 0, into: &names)
                }
            }
            result[name, default: []].formUnion(names)
        }
    }

    private static func scan(_ value: JSON, key: String, depth: Int, into names: inout Set<String>) {
        guard depth < 64 else { return }
        if let text = value.stringValue {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{%"), trimmed.hasSuffix("%}") {
                names.formUnion(jsonata(String(trimmed.dropFirst(2).dropLast(2))))
            } else if key.hasSuffix(".$") || key.hasSuffix("Path") || key == "Variable" {
                names.formUnion(jsonPath(text))
            }
        } else if let object = value.objectValue {
            for (inner, member) in object { scan(member, key: inner, depth: depth + 1, into: &names) }
        } else if let array = value.arrayValue {
            for element in array { scan(element, key: key, depth: depth + 1, into: &names) }
        }
    }

    /// `$name` tokens of a JSONPath or intrinsic text, outside quoted strings, not `$$`.
    static func jsonPath(_ text: String) -> Set<String> {
        Set(tokens(text).filter { !$0.call }.map(\.name)).subtracting(["states"])
    }

    /// `$name` tokens of a JSONata expression that read a variable of the state machine.
    static func jsonata(_ text: String) -> Set<String> {
        let found = tokens(text)
        let bound = Set(found.filter(\.bound).map(\.name))
        return Set(found.filter { !$0.call && !$0.bound }.map(\.name)).subtracting(bound).subtracting(["states"])
    }

    /// The `$name` tokens of `text`: whether each is called (`$f(`) or bound (`$x :=`, a `function(…)` parameter).
    private static func tokens(_ text: String) -> [(name: String, call: Bool, bound: Bool)] {
        let characters = Array(text)
        var result: [(name: String, call: Bool, bound: Bool)] = []
        var index = 0
        var quote: Character?
        var inParameters = false
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == "\\" {
                    index += 2
                    continue
                }
                if character == open { quote = nil }
                index += 1
                continue
            }
            if character == "\"" || character == "'" {
                quote = character
                index += 1
                continue
            }
            if text.hasPrefix("function", at: index, in: characters) {
                inParameters = true
                index += 8
                continue
            }
            if character == ")" { inParameters = false }
            guard character == "$" else {
                index += 1
                continue
            }
            if index + 1 < characters.count, characters[index + 1] == "$" {
                index += 2
                continue
            }
            var end = index + 1
            while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
            guard end > index + 1 else {
                index += 1
                continue
            }
            let name = String(characters[(index + 1)..<end])
            var next = end
            while next < characters.count, characters[next] == " " { next += 1 }
            let call = next < characters.count && characters[next] == "("
            let assigned = next + 1 < characters.count && characters[next] == ":" && characters[next + 1] == "="
            result.append((name, call, assigned || inParameters))
            index = end
        }
        return result
    }
}

extension String {
    /// Whether `prefix` starts at `index` of `characters` (this string's characters).
    fileprivate func hasPrefix(_ prefix: String, at index: Int, in characters: [Character]) -> Bool {
        let wanted = Array(prefix)
        guard index + wanted.count <= characters.count else { return false }
        return Array(characters[index..<(index + wanted.count)]) == wanted
    }
}
