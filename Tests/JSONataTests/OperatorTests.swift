import JSON
import JSONata
import Testing

@Suite("Operators", .timeLimit(.minutes(3)))
struct OperatorTests {
    @Test(
        "arithmetic follows JavaScript numbers",
        arguments: [
            ("1 + 2", "3"), ("7 - 10", "-3"), ("6 * 7", "42"), ("7 / 2", "3.5"), ("7 % 3", "1"), ("-7 % 3", "-1"),
            ("-(3 + 4)", "-7"), ("0.1 + 0.2", "0.30000000000000004"), ("2 * 3 + 4", "10"), ("2 * (3 + 4)", "14"),
        ])
    func arithmetic(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
    }

    @Test("arithmetic on a missing operand is undefined")
    func arithmeticUndefined() throws {
        #expect(try run("nothing + 1", "{}") == nil)
    }

    @Test("arithmetic type errors carry T2001 and T2002")
    func arithmeticTypeErrors() {
        #expect(errorCode("'a' + 1") == "T2001")
        #expect(errorCode("1 * true") == "T2002")
        #expect(errorCode("-'x'") == "D1002")
    }

    @Test(
        "comparison operators compare numbers and strings",
        arguments: [
            ("1 < 2", true), ("2 <= 2", true), ("3 > 4", false), ("'a' < 'b'", true), ("'b' >= 'a'", true),
            ("1 = 1", true), ("1 != 1", false), ("'x' = 'x'", true), ("[1,2] = [1,2]", true), ("{'a':1} = {'a':1}", true),
        ])
    func comparison(expression: String, expected: Bool) throws {
        #expect(try run(expression) == .bool(expected))
    }

    @Test("comparison errors", arguments: [("1 < 'a'", "T2009"), ("true < 1", "T2010"), ("[1] > 2", "T2010")])
    func comparisonErrors(expression: String, code: String) {
        #expect(errorCode(expression) == code)
    }

    @Test("boolean operators short-circuit and use effective boolean values")
    func booleans() throws {
        #expect(try run("true and false") == .bool(false))
        #expect(try run("false or 'x'") == .bool(true))
        #expect(try run("false and $error('never')") == .bool(false))
        #expect(try run("missing or 0", "{}") == .bool(false))
    }

    @Test("string concatenation stringifies its operands")
    func concatenation() throws {
        #expect(try run("'a' & 1 & true & null") == "a1truenull")
        #expect(try run("'x' & missing", "{}") == "x")
        #expect(try run("'n' & [1,2]") == "n[1,2]")
    }

    @Test("in tests membership")
    func membership() throws {
        #expect(try run("2 in [1,2,3]") == .bool(true))
        #expect(try run("'a' in 'a'") == .bool(true))
        #expect(try run("4 in [1,2,3]") == .bool(false))
    }

    @Test("ranges build integer sequences and reject non-integers")
    func ranges() throws {
        #expect(try run("[1..4]") == json("[1,2,3,4]"))
        #expect(try run("[3..1]") == json("[]"))
        #expect(errorCode("[1.5..3]") == "T2003")
        #expect(errorCode("[1..'x']") == "T2004")
        #expect(errorCode("[1..20000000]") == "D2014")
    }

    @Test("conditionals choose a branch or yield undefined")
    func conditionals() throws {
        #expect(try run("1 < 2 ? 'yes' : 'no'") == "yes")
        #expect(try run("1 > 2 ? 'yes'") == nil)
    }

    @Test("blocks scope variable bindings")
    func blocks() throws {
        #expect(try run("($a := 2; $b := $a * 3; $b)") == 6)
        #expect(try run("($a := 1; ($a := 2); $a)") == 1)
    }

    @Test("the chain operator feeds the left side as first argument")
    func chaining() throws {
        #expect(try run("'hello' ~> $uppercase()") == "HELLO")
        #expect(try run("[3,1,2] ~> $sort() ~> $reverse()") == json("[3,2,1]"))
        #expect(try run("($f := $uppercase ~> $substring(?, 0, 2); $f('abc'))") == "AB")
        #expect(errorCode("1 ~> 2") == "T2006")
    }
}
