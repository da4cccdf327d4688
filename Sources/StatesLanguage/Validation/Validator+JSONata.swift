import JSON
import JSONata

/// JSONata strings in JSONata states (asl-reference §2.2): every `{% … %}` value AWS evaluates must parse.
extension Validator {
    /// ASL fields whose strings AWS never reads as JSONata (literal names, ARNs, error names), and the nested
    /// sub-machines, which are validated state by state.
    private static let literalFields: Set = [
        "Type", "Comment", "QueryLanguage", "Next", "End", "Default", "Resource", "ErrorEquals", "Retry",
        "Credentials", "CSVHeaders", "ItemProcessor", "Iterator", "Branches", "ProcessorConfig", "Label",
    ]
    /// Fields whose value is user data: inside them every key is data, none is an ASL field name.
    private static let payloadFields: Set = ["Output", "Assign", "Arguments", "Items", "ItemSelector", "BatchInput"]

    /// Parses every JSONata string under `value`; parse errors are INVALID_JSONATA_EXPRESSION at the string.
    mutating func checkJSONataStrings(in value: JSON, at location: String, insidePayload: Bool) {
        switch value {
        case .string(let text) where Self.isJSONata(text):
            let source = String(text.dropFirst(2).dropLast(2))
            do {
                _ = try JSONataExpression(source)
            } catch {
                self.error(error.message, at: location, code: Code.invalidJSONata)
            }
        case .object(let object):
            for (key, child) in object where insidePayload || !Self.literalFields.contains(key) {
                let payload = insidePayload || Self.payloadFields.contains(key)
                checkJSONataStrings(in: child, at: "\(location)/\(key)", insidePayload: payload)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                checkJSONataStrings(in: item, at: "\(location)/\(index)", insidePayload: insidePayload)
            }
        default:
            break
        }
    }
}
