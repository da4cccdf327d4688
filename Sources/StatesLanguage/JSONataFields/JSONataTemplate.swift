import Foundation
import JSON
import JSONata

/// A JSONata-state field value (asl-reference §2.2): any JSON in which a string of the form `{% expr %}`
/// is a JSONata expression, evaluated with `$states` and the workflow variables bound. Compiled once.
package struct JSONataTemplate: Sendable {
    indirect enum Node: Sendable {
        case literal(JSON)
        /// `random` is set when the expression may call `$random` or `$uuid`, which then get a seeded generator.
        case expression(JSONataExpression, location: String, random: Bool)
        case object(keys: [String], nodes: [Node])
        case array([Node])
    }

    let root: Node

    /// Compiles a field; `field` names it in error locations (`Output`, `Arguments/FunctionName`).
    package init(_ value: JSON, field: String) throws(JSONataFieldError) {
        root = try Self.compile(value, location: field)
    }

    /// The whole field when it is a single expression string; nil for literals and structures.
    package var expressionSource: String? {
        if case .expression(let expression, _, _) = root { Self.displayed(expression.source) } else { nil }
    }

    /// Whether the text is a JSONata expression string: `{%` first and `%}` last, nothing around them.
    package static func isExpression(_ text: String) -> Bool {
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
            do {
                let expression = try ASLFunctions.expression(source)
                return .expression(expression, location: location, random: source.contains("$random") || source.contains("$uuid"))
            } catch {
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

    /// What an evaluation needs besides the bindings: the clock's time (`$now()`, `$millis()`) and a seed for
    /// `$random()` and `$uuid()`, so replays and virtual time give the same results.
    package struct Environment: Sendable {
        package var now: Date
        package var seed: UInt64
        /// Which thread evaluates (``EvaluationPlace``).
        package var place: EvaluationPlace = .blocking
        /// Stops the evaluation in progress when requested (the execution was stopped or timed out).
        package var interrupt: EvaluationInterrupt?

        package init(now: Date, seed: UInt64) {
            self.now = now
            self.seed = seed
        }

        package init(now: Date, seed: UInt64, place: EvaluationPlace, interrupt: EvaluationInterrupt?) {
            self.init(now: now, seed: seed)
            self.place = place
            self.interrupt = interrupt
        }
    }

    /// Evaluates the field with `bindings` (`states` and the variables, without `$`).
    package func evaluate(_ bindings: [String: JSONataValue], _ environment: Environment) throws(JSONataEvaluationFailure) -> JSON {
        try Self.evaluate(root, bindings, environment)
    }

    /// Evaluates with plain JSON bindings (tests, one-off evaluations).
    package func evaluate(_ bindings: [String: JSON], now: Date = Date(), seed: UInt64 = 0) throws(JSONataEvaluationFailure) -> JSON {
        try evaluate(bindings.mapValues { JSONataValue($0) }, Environment(now: now, seed: seed))
    }

    static func evaluate(_ node: Node, _ bindings: [String: JSONataValue], _ environment: Environment) throws(JSONataEvaluationFailure) -> JSON {
        switch node {
        case .literal(let value): return value
        case .expression(var expression, let location, let random):
            if random { expression.functions.merge(ASLFunctions.random(seed: environment.seed)) { _, seeded in seeded } }
            let result: JSON?
            do {
                result = try expression.evaluate(
                    JSONataValue(nil), bindings: bindings, now: environment.now, rejectingFunctions: true, place: environment.place,
                    interrupt: environment.interrupt)
            } catch {
                let reason: JSONataEvaluationFailure.Reason =
                    switch error.code {
                    case JSONataError.unsupportedResultCode: .unsupportedType
                    case "U1001", "U1002", "U1003": .exceededLimit(message: error.message.replacingOccurrences(of: ".  ", with: ". "))
                    default: .threw(code: error.code, message: error.message)
                    }
                throw JSONataEvaluationFailure(expression: displayed(expression.source), location: location, reason: reason)
            }
            guard let result else {
                throw JSONataEvaluationFailure(expression: displayed(expression.source), location: location, reason: .undefined)
            }
            return result
        case .object(let keys, let nodes):
            var values: [JSON] = []
            values.reserveCapacity(nodes.count)
            for node in nodes { values.append(try evaluate(node, bindings, environment)) }
            return .object(JSONObject(zip(keys, values)))
        case .array(let nodes):
            var values: [JSON] = []
            for node in nodes { values.append(try evaluate(node, bindings, environment)) }
            return .array(values)
        }
    }
}

/// A JSONata field that does not compile.
package struct JSONataFieldError: Error, Sendable {
    package var location: String
    package var expression: String
    package var message: String
}

/// Why a JSONata field could not produce a value; the engine turns it into States.QueryEvaluationError with
/// AWS's cause text.
package struct JSONataEvaluationFailure: Error, Sendable {
    package enum Reason: Sendable {
        case undefined
        case unsupportedType
        case threw(code: String, message: String)
        /// Too deep, too long or too large: AWS writes these without a JSONata code.
        case exceededLimit(message: String)
    }

    package var expression: String
    package var location: String
    package var reason: Reason

    package init(expression: String, location: String, reason: Reason) {
        self.expression = expression
        self.location = location
        self.reason = reason
    }

    /// The part of AWS's cause after "The JSONata expression '…' specified for the field '…'".
    package var detail: String {
        switch reason {
        case .undefined: "returned nothing (undefined)."
        case .unsupportedType: "returned an unsupported result type."
        case .threw(let code, let message): "threw an error during evaluation. \(code): \(message)"
        case .exceededLimit(let message): "threw an error during evaluation: \(message)"
        }
    }
}
