import JSON
import JSONata

/// JSONata strings in JSONata states (asl-reference §2.2), checked as CreateStateMachine checks them: every
/// `{% … %}` value AWS evaluates must parse (INVALID_JSONATA_EXPRESSION, with the parser's message and no code),
/// and may reach data only through `$states` and variables (UNSUPPORTED_JSONATA_EXPRESSION): no field names or
/// `$` at the top level, no `$$`, and only the `$states` fields that exist where the expression runs.
extension Validator {
    /// ASL fields whose strings AWS never reads as JSONata (literal names, ARNs, error names), and the nested
    /// sub-machines, which are validated state by state.
    private static let literalFields: Set = [
        "Type", "Comment", "QueryLanguage", "Next", "End", "Default", "Resource", "ErrorEquals", "Retry",
        "CSVHeaders", "ItemProcessor", "Iterator", "Branches", "ProcessorConfig", "Label",
    ]
    /// Fields whose value is user data: inside them every key is data, none is an ASL field name.
    private static let payloadFields: Set = ["Output", "Assign", "Arguments", "Items", "ItemSelector", "BatchInput"]

    /// The `$states` fields an expression can read where it is: `input` and `context` everywhere, `result` in the
    /// state-level Output and Assign of a Task, Parallel or Map, `errorOutput` in a Catcher's Output and Assign.
    struct StatesFields {
        var result = false
        var errorOutput = false

        func contains(_ field: String) -> Bool {
            switch field {
            case "input", "context": true
            case "result": result
            case "errorOutput": errorOutput
            default: false
            }
        }
    }

    /// Checks every JSONata string among a JSONata state's fields.
    mutating func checkJSONataFields(_ state: StateContext) {
        let producesResult = [.task, .parallel, .map].contains(state.type)
        for (key, value) in state.fields where !Self.literalFields.contains(key) {
            var fields = StatesFields()
            if key == "Output" || key == "Assign" { fields.result = producesResult }
            if key == "Catch" { fields.errorOutput = true }
            checkJSONataStrings(in: value, at: state.at(key), insidePayload: Self.payloadFields.contains(key), fields: fields)
        }
    }

    private mutating func checkJSONataStrings(in value: JSON, at location: String, insidePayload: Bool, fields: StatesFields) {
        switch value {
        case .string(let text) where Self.isJSONata(text):
            checkJSONata(String(text.dropFirst(2).dropLast(2)), at: location, fields: fields)
        case .object(let object):
            for (key, child) in object where insidePayload || !Self.literalFields.contains(key) {
                let payload = insidePayload || Self.payloadFields.contains(key)
                checkJSONataStrings(in: child, at: "\(location)/\(key)", insidePayload: payload, fields: fields)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                checkJSONataStrings(in: item, at: Self.indexed(location, index), insidePayload: insidePayload, fields: fields)
            }
        default:
            break
        }
    }

    /// One expression: it must parse, then each distinct reference AWS refuses is one diagnostic, in written order.
    private mutating func checkJSONata(_ source: String, at location: String, fields: StatesFields) {
        let expression: JSONataExpression
        do {
            expression = try JSONataExpression(source)
        } catch {
            return self.error(error.message, at: location, code: Code.invalidJSONata)
        }
        for reference in expression.references {
            if let message = Self.unsupported(reference, fields) { error(message, at: location, code: Code.unsupportedJSONata) }
        }
    }

    /// AWS's message for a reference it refuses; nil for one it accepts (any variable, existing `$states` fields).
    private static func unsupported(_ reference: JSONataReference, _ fields: StatesFields) -> String? {
        switch reference {
        case .inputField, .input: Message.topLevelReference(reference.description)
        case .root: Message.rootReference
        case .variableField(let variable, let field):
            variable == "states" && !fields.contains(field) ? Message.missingStatesField(field) : nil
        }
    }
}
