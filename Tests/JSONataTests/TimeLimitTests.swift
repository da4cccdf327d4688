import JSON
import JSONata
import Testing

/// The evaluation deadline (`JSONataLimits.timeout`) also bounds what runs inside one built-in: regex matching,
/// sorting, `$distinct`, and the string loops of `$replace` and `$split`. A deadline of 0 has passed at the
/// first check, so these tests do not depend on the machine's speed: without the check they would succeed.
@Suite("Time limit", .timeLimit(.minutes(2)))
struct TimeLimitTests {
    static let bomb: JSON = .string(String(repeating: "a", count: 32) + "!")
    static let timeoutMessage = "Expression evaluation timeout: Check for infinite loop"

    func failure(_ expression: String, _ input: JSON?, timeout: Double) -> JSONataError? {
        do {
            _ = try JSONataExpression(expression, functions: [:], limits: JSONataLimits(timeout: timeout)).evaluate(input)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "a catastrophic regex fails with U1001 at the deadline, in each function that takes one",
        arguments: ["$match($, /(a+)+$/)", "$contains($, /(a+)+$/)", "$replace($, /(a+)+$/, 'x')", "$split($, /(a+)+$/)", "/(a+)+$/($)"])
    func regexBomb(expression: String) {
        let error = failure(expression, Self.bomb, timeout: 0.1)
        #expect(error?.code == "U1001")
        #expect(error?.message == Self.timeoutMessage)
    }

    @Test("a $toMillis picture of many number markers backtracks polynomially: U1001 at the deadline too")
    func toMillisPicture() throws {
        let picture = String(repeating: "[Y,*-1][M,*-1][D,*-1][H,*-1]", count: 3)
        let timestamp = String(repeating: "1", count: 60) + "x"
        #expect(failure("$toMillis('\(timestamp)', '\(picture)')", nil, timeout: 0.1)?.code == "U1001")
        #expect(try run("$toMillis('2024-05-01', '[Y0001]-[M01]-[D01]')") == 1_714_521_600_000)
    }

    @Test(
        "loops inside built-ins check the deadline",
        arguments: [
            ("$distinct($)", "[\(Array(0..<3000).map(String.init).joined(separator: ","))]"),
            ("$sort($)", "[\(Array(0..<3000).reversed().map(String.init).joined(separator: ","))]"),
            ("$replace($, 'a', 'b')", "\"\(String(repeating: "a", count: 3000))\""),
            ("$split($, 'a')", "\"\(String(repeating: "a", count: 3000))\""),
            ("$match($, /a/)", "\"\(String(repeating: "a", count: 3000))\""),
        ])
    func builtinLoops(expression: String, input: String) throws {
        let document = try JSON(parsing: input)
        #expect(failure(expression, document, timeout: 0)?.code == "U1001")
        #expect(failure(expression, document, timeout: 60) == nil)
    }

    @Test("$distinct keeps the first of deep-equal items, whatever their key order, in linear time")
    func distinct() throws {
        let expression = #"$distinct([1, 1.0, "1", {"a": 1, "b": [2]}, {"b": [2], "a": 1}, [1, 2], [1, 2], [2, 1], null, null])"#
        #expect(try run(expression) == json(#"[1, "1", {"a": 1, "b": [2]}, [1, 2], [2, 1], null]"#))
        #expect(try run("$count($distinct([1..50000].($ % 1000)))") == 1000)
        #expect(try run("$count($spread([1..50000]))") == 50_000)
    }
}
