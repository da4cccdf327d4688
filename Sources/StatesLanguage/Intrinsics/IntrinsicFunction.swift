import JSON

/// A compiled intrinsic function call such as `States.Format('{} {}', $.a, $$.Execution.Name)`
/// (asl-reference §4). Parse once, evaluate many times.
package struct IntrinsicFunction: Sendable, Hashable, CustomStringConvertible {
    package let text: String
    let call: IntrinsicCall
    package var description: String { text }

    /// The error name of a failing call. The spec says States.IntrinsicFailure; executions on AWS report
    /// States.Runtime with the cause `Invalid arguments in States.<Name>` (asl-reference §10).
    package static let failureName = StatesError.Name.runtime

    /// Parses a call; throws when the text is not a well-formed call of a known function with a valid number
    /// of arguments (the validator reports it as SCHEMA_VALIDATION_FAILED).
    package init(_ text: String) throws(IntrinsicSyntaxError) {
        var parser = IntrinsicParser(text)
        call = try parser.parse()
        self.text = text
    }

    /// Whether a `.$` value is meant as an intrinsic call (it starts with `States.`).
    package static func looksLikeCall(_ text: String) -> Bool { text.hasPrefix("States.") }

    /// Evaluates the call with the generator of `roots` (for States.MathRandom without a seed and States.UUID). Failures are `failureName` with AWS's cause text.
    package func evaluate(_ roots: PathRoots) throws(StatesError) -> JSON {
        var random = roots.makeRandom()
        return try evaluate(roots, field: nil, using: &random)
    }

    /// Evaluates the call. `field` (the template key with its `.$`) goes into the cause when a path argument
    /// matches nothing; `random` drives States.UUID and unseeded States.MathRandom (inject one for replay).
    package func evaluate(
        _ roots: PathRoots, field: String?, using random: inout some RandomNumberGenerator
    ) throws(StatesError) -> JSON {
        var evaluator = IntrinsicEvaluator(roots: roots, field: field, random: random)
        defer { random = evaluator.random }
        return try evaluator.evaluate(call)
    }
}

package struct IntrinsicSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    package var text: String
    package var message: String

    package init(text: String, message: String) {
        self.text = text
        self.message = message
    }

    package var description: String { "Invalid intrinsic function call '\(text)': \(message)" }
}
