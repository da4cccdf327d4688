import JSON
import StatesLanguage
import Testing

/// JSONata fields are checked at create time (asl-reference §1.5, §2.2): an expression that does not parse is
/// INVALID_JSONATA_EXPRESSION with JSONata's message (no code); one that reads data other than through `$states`
/// or a variable, or a `$states` field that does not exist where it runs, is UNSUPPORTED_JSONATA_EXPRESSION.
@Suite("Validator: JSONata expressions", .timeLimit(.minutes(3)))
struct ValidatorJSONataTests {
    static let lambda = "arn:aws:states:::lambda:invoke"
    static let invalid = "INVALID_JSONATA_EXPRESSION"
    static let unsupported = "UNSUPPORTED_JSONATA_EXPRESSION"

    /// A JSONata machine whose only state is a Pass with this Output (JSON text).
    static func pass(output: String) -> String {
        single(#"{"Type":"Pass","Output":\#(output),"End":true}"#, language: "JSONata")
    }

    static func topLevel(_ name: String) -> String { "Reference to '\(name)' at the top level is not supported." }

    static func diagnostic(_ code: String, _ message: String, _ location: String) -> Diagnostic {
        Diagnostic(code: code, message: message, location: location)
    }

    // MARK: Syntax

    @Test(
        "An expression that does not parse is refused with JSONata's message and no error code",
        arguments: [
            ("a[1,2)", #"Expected "]", got ",""#),
            (#"\"unterminated"#, "String literal must be terminated by a matching quote"),
            ("1 +", "Unexpected end of expression"),
            (#"{\"a\":}"#, #"The symbol "}" cannot be used as a unary operator"#),
            ("$x :=", "Unexpected end of expression"),
            ("", "Unexpected end of expression"),
            (#"$match(\"a\", /abc"#, "No terminating / in regular expression"),
        ])
    func syntaxErrors(expression: String, message: String) {
        #expect(errors(Self.pass(output: "\"{%\(expression)%}\"")) == [Self.diagnostic(Self.invalid, message, "/States/S/Output")])
    }

    @Test("CreateStateMachine's message names the code, the text and the field")
    func invalidDefinitionMessage() {
        let diagnostics = errors(Self.pass(output: #"{"v":"{% phone[1,2) %}"}"#))
        #expect(
            Validator.invalidDefinitionMessage(for: diagnostics)
                == #"Invalid State Machine Definition: 'INVALID_JSONATA_EXPRESSION: Expected "]", got "," at /States/S/Output/v'"#)
    }

    // MARK: References

    @Test("A field name at the top level is refused; the same read through $states or a variable is accepted")
    func topLevelNames() {
        #expect(
            errors(Self.pass(output: #"{"v":"{% phone[0] %}"}"#))
                == [Self.diagnostic(Self.unsupported, Self.topLevel("phone"), "/States/S/Output/v")])
        #expect(errors(Self.pass(output: #"{"v":"{% $states.input.phone[0] %}"}"#)) == [])
        #expect(errors(Self.pass(output: #"{"v":"{% $phone %}"}"#)) == [])
    }

    @Test("Each distinct name is its own diagnostic, in the order written")
    func distinctNames() {
        #expect(
            errors(Self.pass(output: #""{% aaa + bbb * aaa %}""#)) == [
                Self.diagnostic(Self.unsupported, Self.topLevel("aaa"), "/States/S/Output"),
                Self.diagnostic(Self.unsupported, Self.topLevel("bbb"), "/States/S/Output"),
            ])
    }

    @Test("The input itself is refused as '$', the root as '$$' wherever it is")
    func contextItem() {
        #expect(errors(Self.pass(output: #""{% $ %}""#)) == [Self.diagnostic(Self.unsupported, Self.topLevel("$"), "/States/S/Output")])
        #expect(errors(Self.pass(output: #""{% $.phone %}""#)) == [Self.diagnostic(Self.unsupported, Self.topLevel("$"), "/States/S/Output")])
        #expect(
            errors(Self.pass(output: #""{% $$ %}""#))
                == [Self.diagnostic(Self.unsupported, "Reference to '$$' is not supported.", "/States/S/Output")])
        #expect(
            errors(Self.pass(output: #""{% $states.input.a[$$.b] %}""#))
                == [Self.diagnostic(Self.unsupported, "Reference to '$$' is not supported.", "/States/S/Output")])
    }

    @Test(
        "Names after the first step, in predicates, sorts, groupings and transforms read the value before them",
        arguments: [
            "$states.input.items[price > 3].name",
            "$states.input.items^(>price).name",
            "$states.input.items{name: price}",
            "$states.input ~> |items|{\\\"done\\\": true}|",
            "$states.input.items.(price * quantity)",
            "$map($states.input.items, function($v) { $v.price })",
            "$states.input.items[$.price > 3]",
        ])
    func relativeNames(expression: String) {
        #expect(errors(Self.pass(output: "\"{% \(expression) %}\"")) == [])
    }

    @Test(
        "Names read from the top level anywhere in operators, calls, blocks, conditions and constructors",
        arguments: [
            ("$count(items)", "items"),
            ("items ~> $count()", "items"),
            ("($x := total; $x * 2)", "total"),
            ("$states.input.ok ? yes : 0", "yes"),
            ("{\\\"a\\\": price}", "price"),
            ("{key: 1}", "key"),
            ("[1, price]", "price"),
            ("-price", "price"),
            ("$map($states.input.a, function($x){ rate })", "rate"),
            ("(price).x", "price"),
        ])
    func topLevelReads(expression: String, name: String) {
        #expect(errors(Self.pass(output: "\"{% \(expression) %}\"")) == [Self.diagnostic(Self.unsupported, Self.topLevel(name), "/States/S/Output")])
    }

    @Test("An earlier Assign does not make the bare name readable")
    func assignDoesNotBindNames() {
        let definition = machine(
            #"""
            "S":{"Type":"Pass","Assign":{"phone":1},"Next":"E"},
            "E":{"Type":"Pass","Output":"{% phone %}","End":true}
            """#, language: "JSONata")
        #expect(errors(definition) == [Self.diagnostic(Self.unsupported, Self.topLevel("phone"), "/States/E/Output")])
    }

    // MARK: $states fields

    @Test("$states.result exists only in the Output and Assign of a Task, Parallel or Map")
    func result() {
        let missing = "Field '$states.result' does not exist."
        #expect(errors(Self.pass(output: #""{% $states.result %}""#)) == [Self.diagnostic(Self.unsupported, missing, "/States/S/Output")])
        let task = single(
            #"""
            {"Type":"Task","Resource":"\#(Self.lambda)","Arguments":{"Payload":"{% $states.result %}"},
             "Output":"{% $states.result.Payload %}","Assign":{"r":"{% $states.result %}"},"End":true}
            """#, language: "JSONata")
        #expect(errors(task) == [Self.diagnostic(Self.unsupported, missing, "/States/S/Arguments/Payload")])
        let map = single(
            #"""
            {"Type":"Map","Items":"{% $states.result %}","Output":"{% $count($states.result) %}",
             "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}
            """#, language: "JSONata")
        #expect(errors(map) == [Self.diagnostic(Self.unsupported, missing, "/States/S/Items")])
    }

    @Test("$states.errorOutput exists only in a Catcher's Output and Assign; a Catcher has no $states.result")
    func errorOutput() {
        #expect(
            errors(Self.pass(output: #""{% $states.errorOutput %}""#))
                == [Self.diagnostic(Self.unsupported, "Field '$states.errorOutput' does not exist.", "/States/S/Output")])
        let task = machine(
            #"""
            "S":{"Type":"Task","Resource":"\#(Self.lambda)","End":true,"Output":"{% $states.errorOutput %}",
                 "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H","Output":"{% $states.errorOutput.Cause %}",
                           "Assign":{"e":"{% $states.errorOutput %}","r":"{% $states.result %}"}}]},
            "H":{"Type":"Succeed"}
            """#, language: "JSONata")
        #expect(
            errors(task) == [
                Self.diagnostic(Self.unsupported, "Field '$states.errorOutput' does not exist.", "/States/S/Output"),
                Self.diagnostic(Self.unsupported, "Field '$states.result' does not exist.", "/States/S/Catch[0]/Assign/r"),
            ])
    }

    @Test("An unknown $states field does not exist anywhere; input and context exist everywhere")
    func unknownField() {
        #expect(
            errors(Self.pass(output: #""{% $states.item %}""#))
                == [Self.diagnostic(Self.unsupported, "Field '$states.item' does not exist.", "/States/S/Output")])
        #expect(errors(Self.pass(output: #"{"i":"{% $states.input %}","c":"{% $states.context.Execution.Id %}","s":"{% $states %}"}"#)) == [])
    }

    // MARK: Where expressions are

    @Test(
        "Every evaluated field is checked, at its own location",
        arguments: [
            (single(#"{"Type":"Wait","Seconds":"{% phone %}","End":true}"#, language: "JSONata"), "/States/S/Seconds"),
            (single(#"{"Type":"Fail","Cause":"{% phone %}"}"#, language: "JSONata"), "/States/S/Cause"),
            (single(#"{"Type":"Pass","Assign":{"v":"{% phone %}"},"End":true}"#, language: "JSONata"), "/States/S/Assign/v"),
            (single(#"{"Type":"Pass","Output":{"a":{"b":["x","{% phone %}"]}},"End":true}"#, language: "JSONata"), "/States/S/Output/a/b[1]"),
            (
                single(#"{"Type":"Task","Resource":"\#(lambda)","Credentials":{"RoleArn":"{% phone %}"},"End":true}"#, language: "JSONata"),
                "/States/S/Credentials/RoleArn"
            ),
            (
                machine(
                    #""S":{"Type":"Choice","Choices":[{"Condition":"{% phone = 1 %}","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}"#,
                    language: "JSONata"), "/States/S/Choices[0]/Condition"
            ),
            (
                single(
                    #"{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Output":{"v":"{% phone %}"},"End":true}}}],"End":true}"#,
                    language: "JSONata"), "/States/S/Branches[0]/States/B/Output/v"
            ),
            (
                single(
                    #"{"Type":"Map","ItemSelector":{"Next":"{% phone %}"},"ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}"#,
                    language: "JSONata"), "/States/S/ItemSelector/Next"
            ),
        ])
    func locations(definition: String, location: String) {
        #expect(errors(definition) == [Self.diagnostic(Self.unsupported, Self.topLevel("phone"), location)])
    }

    @Test("Comment, Next, ErrorEquals and CSV headers keep {% %} text as it is")
    func literalFields() {
        #expect(errors(single(#"{"Type":"Pass","Comment":"{% phone %}","End":true}"#, language: "JSONata")) == [])
        let task = single(
            #"""
            {"Type":"Task","Resource":"\#(Self.lambda)","Retry":[{"ErrorEquals":["{% phone %}"]}],"End":true}
            """#, language: "JSONata")
        #expect(errors(task) == [])
    }

    @Test("A JSONPath state's strings are literals, {% %} or not: a typed field does not take one")
    func jsonPathStatesAreNotParsed() {
        #expect(errors(single(#"{"Type":"Pass","Parameters":{"v":"{% phone %}"},"Result":"{% $$ %}","End":true}"#)) == [])
        #expect(
            errors(single(#"{"Type":"Wait","Seconds":"{% 3 %}","End":true}"#))
                == [Diagnostic(code: schema, message: "Expected value of type [INTEGER]", location: "/States/S/Seconds")])
    }

    @Test(
        "A string that only starts with {% or has text around the template is a literal",
        arguments: [
            #""{% phone""#, #"" {% phone %}""#, #""{% phone %} ""#, #""Dear {% phone %}""#, #""{%%}x""#,
        ])
    func partialTemplates(output: String) {
        #expect(errors(Self.pass(output: output)) == [])
    }
}
