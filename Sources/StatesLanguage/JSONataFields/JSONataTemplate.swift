import JSON
import JSONata

/// A JSONata-state field value (asl-reference §2.2): any JSON in which a string of the form `{% expr %}`
/// is a JSONata expression, evaluated with `$states` and the workflow variables bound. Compiled once.
public struct JSONataTemplate: Sendable {
    indirect enum Node: Sendable {
        case literal(JSON)
        case expression(JSONataExpression, location: String)
        case object(keys: [String], nodes: [Node])
        case array([Node])
    }

    let root: Node

    /// Compiles a field; `field` names it in error locations (`Output`, `Arguments/FunctionName`).
    public init(_ value: JSON, field: String) throws(JSONataFieldError) {
        root = try Self.compile(value, location: field)
    }

    /// The whole field when it is a single expression string; nil for literals and structures.
    public var expressionSource: String? {
        if case .expression(let expression, _) = root { Self.displayed(expression.source) } else { nil }
    }

    /// Whether the text is a JSONata expression string: `{%` first and `%}` last, nothing around them.
    public static func isExpression(_ text: String) -> Bool {
        text.count >= 4 && text.hasPrefix("{%") && text.hasSuffix("%}")
    }

    /// The expression as AWS quotes it in causes: without the spaces inside `{% … %}`.
    static func displayed(_ source: String) -> String {
        String(source.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    static func compile(_ value: JSON, location: String) throws(JSONataFieldError) -> Node {
        switch value {
        case .string(let text) where isExpression(text):
            let source = String(text.dropFirst(2).dropLast(2))
            do { return .expression(try JSONataExpression(source), location: location) } catch {
                throw JSONataFieldError(location: location, expression: source, message: "\(error.code): \(error.message)")
            }
        case .object(let object):
            var nodes: [Node] = []
            for (key, member) in object { nodes.append(try compile(member, location: "\(location)/\(key)")) }
            return .object(keys: object.keys, nodes: nodes)
        case .array(let elements):
            var nodes: [Node] = []
            for (position, element) in elements.enumerated() { nodes.append(try compile(element, location: "\(location)/\(position)")) }
            return .array(nodes)
        default:
            return .literal(value)
        }
    }

    /// Evaluates the field with `bindings` (`states` and the variables, without `$`).
    public func evaluate(_ bindings: [String: JSON]) throws(JSONataEvaluationFailure) -> JSON {
        try Self.evaluate(root, bindings)
    }

    static func evaluate(_ node: Node, _ bindings: [String: JSON]) throws(JSONataEvaluationFailure) -> JSON {
        switch node {
        case .literal(let value): return value
        case .expression(let expression, let location):
            let result: JSON?
            do { result = try expression.evaluate(nil, bindings: bindings) } catch {
                throw JSONataEvaluationFailure(expression: displayed(expression.source), location: location, reason: .threw(code: error.code, message: error.message))
            }
            guard let result else {
                throw JSONataEvaluationFailure(expression: displayed(expression.source), location: location, reason: .undefined)
            }
            return result
        case .object(let keys, let nodes):
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, bindings)) }
            return .object(JSONObject(zip(keys, values)))
        case .array(let nodes):
            var values: [JSON] = []
            for node in nodes { values.append(try evaluate(node, bindings)) }
            return .array(values)
        }
    }
}

/// A JSONata field that does not compile.
public struct JSONataFieldError: Error, Sendable {
    public var location: String
    public var expression: String
    public var message: String
}

/// Why a JSONata field could not produce a value; the engine turns it into States.QueryEvaluationError with
/// AWS's cause text.
public struct JSONataEvaluationFailure: Error, Sendable {
    public enum Reason: Sendable {
        case undefined
        case unsupportedType
        case threw(code: String, message: String)
    }

    public var expression: String
    public var location: String
    public var reason: Reason

    public init(expression: String, location: String, reason: Reason) {
        self.expression = expression
        self.location = location
        self.reason = reason
    }

    /// The part of AWS's cause after "The JSONata expression '…' specified for the field '…'".
    public var detail: String {
        switch reason {
        case .undefined: "returned nothing (undefined)."
        case .unsupportedType: "returned an unsupported result type."
        case .threw(let code, let message): "threw an error during evaluation. \(code): \(message)"
        }
    }
}
