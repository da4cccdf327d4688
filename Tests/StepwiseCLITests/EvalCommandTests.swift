import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise eval --jsonata`: the value, `undefined` or the error, as text or as `--json`, with exit status 0 on
/// a value or undefined, 1 on an evaluation error and 2 on a usage error.
@Suite("stepwise eval --jsonata", .timeLimit(.minutes(3)))
struct EvalCommandTests {
    static func file(_ text: String) throws -> String {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent("input.json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("--json prints {\"value\": V} and exits 0")
    func jsonValue() async {
        let result = await TestSupport.cli("eval", "--jsonata", "$sum([1, 2.5])", "--json")
        #expect(result.stdout == #"{"value":3.5}"# + "\n")
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }

    @Test("--json prints {\"undefined\": true} for an expression that yields nothing, and exits 0")
    func jsonUndefined() async {
        let result = await TestSupport.cli("eval", "--jsonata", "missing.field", "--json")
        #expect(result.stdout == #"{"undefined":true}"# + "\n")
        #expect(result.status == 0)
    }

    @Test(
        "--json prints {\"error\": {\"code\", \"message\"}} and exits 1",
        arguments: [
            (#""a" + 1"#, "T2001", #"The left side of the "+" operator must evaluate to a number"#),
            ("[1, 2", "S0203", #"Expected "]" before end of expression"#),
            ("$unknown()", "T1006", "Attempted to invoke a non-function"),
        ])
    func jsonError(expression: String, code: String, message: String) async throws {
        let result = await TestSupport.cli("eval", "--jsonata", expression, "--json")
        #expect(try JSON(parsing: result.stdout) == ["error": ["code": .string(code), "message": .string(message)]])
        #expect(result.status == 1)
    }

    @Test("without --json: the value as pretty JSON, the word undefined, or CODE: message on stderr")
    func plain() async {
        let value = await TestSupport.cli("eval", "--jsonata", #"{"a": [1, 2]}"#)
        #expect(value.stdout == "{\n  \"a\": [\n    1,\n    2\n  ]\n}\n")
        #expect(value.status == 0)
        let undefined = await TestSupport.cli("eval", "--jsonata", "nothing")
        #expect(undefined.stdout == "undefined\n")
        #expect(undefined.status == 0)
        let failure = await TestSupport.cli("eval", "--jsonata", "$number('x')")
        #expect(failure.stdout.isEmpty)
        #expect(failure.stderr == "D3030: Unable to cast value to a number: \"x\"\n")
        #expect(failure.status == 1)
    }

    @Test("--bindings binds each key as a variable")
    func bindings() async {
        let result = await TestSupport.cli("eval", "--jsonata", "$x * $y.z", "--bindings", #"{"x": 3, "y": {"z": 4}}"#, "--json")
        #expect(result.stdout == #"{"value":12}"# + "\n")
    }

    @Test("--input FILE and --input - give the expression its input; without it the input is undefined")
    func input() async throws {
        let path = try Self.file(#"{"orders": [{"price": 2}, {"price": 3}]}"#)
        let fromFile = await TestSupport.cli("eval", "--jsonata", "$sum(orders.price)", "--input", path, "--json")
        #expect(fromFile.stdout == #"{"value":5}"# + "\n")
        let fromStdin = await TestSupport.cli("eval", "--jsonata", "$count(orders)", "--input", "-", "--json", stdin: #"{"orders": [1, 2, 3]}"#)
        #expect(fromStdin.stdout == #"{"value":3}"# + "\n")
        let none = await TestSupport.cli("eval", "--jsonata", "$exists($)", "--json")
        #expect(none.stdout == #"{"value":false}"# + "\n")
    }

    @Test(
        "usage errors exit 2 with a message on stderr",
        arguments: [
            (["eval", "--json"], "stepwise eval: give exactly one of --jsonpath EXPR or --jsonata EXPR"),
            (["eval", "--jsonata", "1", "--jsonpath", "$"], "stepwise eval: give exactly one of --jsonpath EXPR or --jsonata EXPR"),
            (["eval", "--jsonata", "1", "--bindings", "[1]"], "stepwise eval: --bindings must be a JSON object"),
            (["eval", "--jsonata", "1", "--bindings", "{x"], "stepwise eval: --bindings is not JSON"),
            (["eval", "--jsonata", "1", "--input", "/nonexistent/input.json"], "stepwise eval: /nonexistent/input.json: no such file"),
        ])
    func usage(arguments: [String], message: String) async {
        let result = await TestSupport.cli(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--aws adds AWS's functions and takes $eval away")
    func aws() async {
        let partition = await TestSupport.cli("eval", "--jsonata", "$partition([1, 2, 3], 2)", "--aws", "--json")
        #expect(partition.stdout == #"{"value":[[1,2],[3]]}"# + "\n")
        let plain = await TestSupport.cli("eval", "--jsonata", "$partition([1, 2, 3], 2)", "--json")
        #expect(plain.stdout == #"{"error":{"code":"T1006","message":"Attempted to invoke a non-function"}}"# + "\n")
        let eval = await TestSupport.cli("eval", "--jsonata", "$eval('1 + 1')", "--aws", "--json")
        #expect(eval.stdout == #"{"error":{"code":"T1006","message":"Attempted to invoke a non-function"}}"# + "\n")
        #expect(eval.status == 1)
        let parse = await TestSupport.cli("eval", "--jsonata", #"$parse('{"a": [1]}').a"#, "--aws", "--json")
        #expect(parse.stdout == #"{"value":[1]}"# + "\n")
    }

    @Test("--aws applies AWS's depth and memory limits; plain JSONata does not")
    func awsLimits() async {
        let deep = Array(repeating: "1", count: 101).joined(separator: "+")
        let refused = await TestSupport.cli("eval", "--jsonata", deep, "--aws", "--json")
        #expect(refused.stdout.contains(#""code":"U1001""#))
        let allowed = await TestSupport.cli("eval", "--jsonata", deep, "--json")
        #expect(allowed.stdout == #"{"value":101}"# + "\n")
        let large = await TestSupport.cli("eval", "--jsonata", "$count([1..900000])", "--aws", "--json")
        #expect(
            large.stdout
                == #"{"error":{"code":"U1002","message":"Expression evaluation memory limit exceeded: Check for excessive memory usage"}}"# + "\n")
    }
}
