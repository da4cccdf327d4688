import JSON

/// A request's ExpressionAttributeNames and ExpressionAttributeValues, checked against its expressions.
struct ExpressionContext: Sendable {
    let names: [String: String]
    let values: [String: AttributeValue]

    init(names: [String: String] = [:], values: [String: AttributeValue] = [:]) {
        self.names = names
        self.values = values
    }

    /// Reads both maps from a request.
    init(request: JSON) throws {
        var names: [String: String] = [:]
        for (key, value) in request["ExpressionAttributeNames"]?.objectValue ?? JSONObject() {
            names[key] = value.stringValue ?? ""
        }
        var values: [String: AttributeValue] = [:]
        if let object = request["ExpressionAttributeValues"]?.objectValue {
            guard !object.isEmpty else { throw DynamoError.validation("ExpressionAttributeValues must not be empty") }
            for (key, value) in object { values[key] = try AttributeValue(json: value) }
        }
        self.init(names: names, values: values)
    }

    /// The value of a `:placeholder` (checked to exist by ``check(_:)`` before evaluation).
    func value(_ placeholder: String) -> AttributeValue { values[placeholder] ?? .null }

    /// Fails with DynamoDB's messages when the expressions use an undefined placeholder or when a provided
    /// placeholder is used by none of them.
    func check(_ expressions: [(kind: String, names: Set<String>, values: Set<String>)]) throws {
        for expression in expressions {
            if let name = expression.names.sorted().first(where: { names[$0] == nil }) {
                throw DynamoError.validation(
                    "Invalid \(expression.kind): An expression attribute name used in the document path is not defined; attribute name: \(name)")
            }
            if let value = expression.values.sorted().first(where: { values[$0] == nil }) {
                throw DynamoError.validation(
                    "Invalid \(expression.kind): An expression attribute value used in expression is not defined; attribute value: \(value)")
            }
        }
        try checkUnused(expressions)
    }

    private func checkUnused(_ expressions: [(kind: String, names: Set<String>, values: Set<String>)]) throws {
        if expressions.isEmpty, !names.isEmpty {
            throw DynamoError.validation("ExpressionAttributeNames can only be specified when using expressions")
        }
        if expressions.isEmpty, !values.isEmpty {
            throw DynamoError.validation("ExpressionAttributeValues can only be specified when using expressions")
        }
        let usedNames = expressions.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        let usedValues = expressions.reduce(into: Set<String>()) { $0.formUnion($1.values) }
        let unusedNames = Set(names.keys).subtracting(usedNames).sorted()
        if !unusedNames.isEmpty {
            throw DynamoError.validation(
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {\(unusedNames.joined(separator: ", "))}")
        }
        let unusedValues = Set(values.keys).subtracting(usedValues).sorted()
        if !unusedValues.isEmpty {
            throw DynamoError.validation(
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {\(unusedValues.joined(separator: ", "))}")
        }
    }
}
