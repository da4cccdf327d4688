import JSON
import JSONata
import Testing

@Suite("Language", .timeLimit(.minutes(3)))
struct LanguageTests {
    @Test("literals keep JSON types")
    func literals() throws {
        #expect(try run(#""a\u00e9b""#) == "aéb")
        #expect(try run("1e3") == 1000)
        #expect(try run("[true, false, null]") == json("[true,false,null]"))
    }

    @Test("lambdas close over their environment and recurse")
    func lambdas() throws {
        #expect(try run("($add := function($x){function($y){$x+$y}}; $add(2)(3))") == 5)
        #expect(try run("($f := function($n){$n <= 1 ? 1 : $n * $f($n-1)}; $f(10))") == 3_628_800)
        #expect(try run("λ($x){$x*2}(4)") == 8)
    }

    @Test("tail calls run in constant stack")
    func tailCalls() throws {
        #expect(try run("($loop := function($n, $acc){$n = 0 ? $acc : $loop($n-1, $acc+1)}; $loop(100000, 0))") == 100000)
    }

    @Test("deep non-tail recursion fails with an error instead of crashing")
    func stackGuard() {
        #expect(errorCode("($f := function($n){$n = 0 ? 0 : 1 + $f($n-1)}; $f(100000))") == "U1001")
    }

    @Test("partial application fixes some arguments")
    func partial() throws {
        #expect(try run("($first := $substring(?, 0, 1); $first('xyz'))") == "x")
        #expect(errorCode("($x := 1; x(?))") == "T1007")
    }

    @Test("function signatures validate arguments")
    func signatures() throws {
        #expect(try run("function($x)<n:n>{$x+1}(2)") == 3)
        #expect(errorCode("function($x)<n:n>{$x+1}('a')") == "T0410")
        #expect(try run("function($x)<n?:n>{$x ? 1 : 0}()") == 0)
    }

    @Test(
        "syntax errors carry JSONata's codes",
        arguments: [
            ("(1", "S0203"), ("1 +", "S0207"), (")", "S0211"), ("'abc", "S0101"), ("/* x", "S0106"), ("`name", "S0105"),
            ("1 := 2", "S0212"), ("a.1", "S0213"), ("$x ! 1", "S0204"), ("function(x){1}", "S0208"),
        ])
    func syntaxErrors(expression: String, code: String) {
        #expect(errorCode(expression) == code)
    }

    @Test("bindings are visible as variables")
    func externalBindings() throws {
        #expect(try run("$a + $b", bindings: ["a": 1, "b": 2]) == 3)
    }

    @Test("host functions are callable and built-ins can be removed")
    func hostFunctions() throws {
        let double = try JSONataFunction(signature: "<n:n>") { args in
            args[0].flatMap(\.doubleValue).map { JSON.normalized($0 * 2) }
        }
        let expression = try JSONataExpression("$double(21)", functions: ["double": double], removing: ["eval"])
        #expect(try expression.evaluate(nil) == 42)
        let noEval = try JSONataExpression("$eval('1')", functions: [:], removing: ["eval"])
        #expect(throws: JSONataError.self) { try noEval.evaluate(nil) }
    }

    @Test("a host function's error keeps its own message, even under a catalogue code")
    func hostFunctionErrors() throws {
        let fail = try JSONataFunction(signature: "<:n>") { _ throws(JSONataError) in
            throw JSONataError(code: "D3001", message: "the host's own words")
        }
        let expression = try JSONataExpression("1 + $fail()", functions: ["fail": fail])
        let error = #expect(throws: JSONataError.self) { try expression.evaluate(nil) }
        #expect(error?.code == "D3001")
        #expect(error?.message == "the host's own words")
    }

    @Test("values converted once can feed several evaluations")
    func preparedValues() throws {
        let states = JSONataValue(json(#"{"input": {"n": 2, "tags": ["a"]}}"#))
        let double = try JSONataExpression("$states.input.n * 2")
        let transform = try JSONataExpression("$states.input ~> |$|{'n': 3}|")
        #expect(try double.evaluate(JSONataValue(nil), bindings: ["states": states]) == 4)
        #expect(try transform.evaluate(JSONataValue(nil), bindings: ["states": states]) == json(#"{"n":3,"tags":["a"]}"#))
        #expect(try double.evaluate(JSONataValue(nil), bindings: ["states": states]) == 4)
    }

    @Test("a time limit stops runaway evaluation")
    func timeLimit() throws {
        var expression = try JSONataExpression("($f := function($n){$n > 0 ? $f($n+1) : 0}; $f(1))")
        expression.limits.timeout = 0.2
        #expect(throws: JSONataError.self) { try expression.evaluate(nil) }
    }
}
