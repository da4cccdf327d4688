import Foundation
import JSON
import JSONata
import StatesLanguage

/// `stepwise eval`: evaluates a JSONPath, payload template, intrinsic call or JSONata expression.
enum EvalCommand: Command {
    static let name = "eval"
    static let summary = "Evaluate a JSONPath, payload template, intrinsic or JSONata expression"
    static let help = """
        Usage: stepwise eval --jsonpath EXPR [--input FILE] [--context FILE] [--json]
               stepwise eval --jsonata EXPR [--input FILE] [--bindings JSON] [--aws] [--json]

        --jsonpath EXPR  a path ($.a.b, $$.Execution.Name), a payload template given as JSON
                         ({"x.$": "$.a"}) or an intrinsic call (States.Format('{}', $.a))
        --jsonata EXPR   a JSONata expression
        --input FILE     the input document (JSON; - for standard input); default {}
        --context FILE   the context object for $$ paths (JSON)
        --bindings JSON  variables: {"x": 1} binds $x
        --aws            JSONata as Step Functions runs it: with $partition, $range, $hash, $random, $uuid and
                         $parse, without $eval, and with AWS's depth and memory limits
        --json           print {"value": V}, {"undefined": true} or {"error": {"code", "message"}}
        Exit status: 0 on success, 1 when the evaluation fails, 2 on a usage error.
        """
    static let options: [OptionSpec] = [
        .value("jsonpath"), .value("jsonata"), .value("input"), .value("context"), .value("bindings"), .flag("json"), .flag("aws"),
    ]

    static func run(_ arguments: ParsedArguments, _ output: inout Output) async -> Int32 {
        let asJSON = arguments.flag("json")
        let input: JSON?
        let context: JSON
        let bindings: JSON
        do {
            input = try loadJSON(arguments.value("input"), output.stdin)
            context = try loadJSON(arguments.value("context"), output.stdin) ?? .object(JSONObject())
            bindings =
                try arguments.value("bindings").map { text throws(UsageError) in try parseJSON(text, what: "--bindings") }
                ?? .object(JSONObject())
        } catch {
            output.error("stepwise eval: \(error.message)")
            return 2
        }
        guard case .object(let variables) = bindings else {
            output.error("stepwise eval: --bindings must be a JSON object")
            return 2
        }
        let outcome: Outcome
        switch (arguments.value("jsonpath"), arguments.value("jsonata")) {
        case (let path?, nil):
            outcome = evaluateJSONPath(
                path,
                PathRoots(
                    input: input ?? .object(JSONObject()), context: context,
                    variables: Variables(local: Dictionary(uniqueKeysWithValues: variables.map { ($0.key, $0.value) }))))
        case (nil, let expression?):
            let bindings = Dictionary(uniqueKeysWithValues: variables.map { ($0.key, $0.value) })
            outcome = evaluateJSONata(expression, input: input, bindings: bindings, aws: arguments.flag("aws"))
        default:
            output.error("stepwise eval: give exactly one of --jsonpath EXPR or --jsonata EXPR\n\n\(help)")
            return 2
        }
        return report(outcome, asJSON: asJSON, &output)
    }

    enum Outcome {
        case value(JSON)
        case undefined
        case failure(code: String, message: String)
    }

    static func evaluateJSONPath(_ text: String, _ roots: PathRoots) -> Outcome {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        do {
            if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
                let template = try PayloadTemplate(try JSON(parsing: trimmed))
                return .value(try template.evaluate(roots))
            }
            if IntrinsicFunction.looksLikeCall(trimmed) {
                return .value(try IntrinsicFunction(trimmed).evaluate(roots))
            }
            let path = try JSONPath(trimmed)
            guard let value = path.value(in: roots) else {
                return .failure(code: StatesError.Name.runtime, message: "Invalid path '\(trimmed)': No results for path")
            }
            return .value(value)
        } catch let error as StatesError {
            return .failure(code: error.name, message: error.cause)
        } catch let error as TemplateError {
            return .failure(
                code: "States.Runtime",
                message: "The value for the field '\(error.key)' must be a valid JSONPath or a valid intrinsic function call: \(error.message)")
        } catch {
            return .failure(code: "States.Runtime", message: "\(error)")
        }
    }

    /// JSONata's input is undefined (nil) when no --input is given. With `aws`, the expression is compiled as a
    /// JSONata state compiles it (asl-reference §4) and `$random()` draws from a fresh seed.
    static func evaluateJSONata(_ source: String, input: JSON?, bindings: [String: JSON], aws: Bool = false) -> Outcome {
        do {
            var expression = aws ? try ASLFunctions.expression(source) : try JSONataExpression(source)
            if aws { expression.functions.merge(ASLFunctions.random(seed: .random(in: .min ... .max))) { _, seeded in seeded } }
            guard let value = try expression.evaluate(input, bindings: bindings) else { return .undefined }
            return .value(value)
        } catch {
            return .failure(code: error.code, message: error.message)
        }
    }

    static func report(_ outcome: Outcome, asJSON: Bool, _ output: inout Output) -> Int32 {
        switch outcome {
        case .value(let value):
            output.print(asJSON ? JSON.object(["value": value]).serialized() : value.serialized(.pretty))
            return 0
        case .undefined:
            output.print(asJSON ? #"{"undefined":true}"# : "undefined")
            return 0
        case .failure(let code, let message):
            if asJSON {
                output.print(JSON.object(["error": ["code": .string(code), "message": .string(message)]]).serialized())
            } else {
                output.error("\(code): \(message)")
            }
            return 1
        }
    }

    static func loadJSON(_ path: String?, _ stdin: @escaping @Sendable () -> Data) throws(UsageError) -> JSON? {
        guard let path else { return nil }
        let text: String
        do { text = try readText(path, stdin: stdin) } catch { throw UsageError(message: "\(path): \(error.message)") }
        return try parseJSON(text, what: path)
    }

    static func parseJSON(_ text: String, what: String) throws(UsageError) -> JSON {
        do { return try JSON(parsing: text) } catch { throw UsageError(message: "\(what) is not JSON: \(error)") }
    }
}
