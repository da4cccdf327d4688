import Testing

@testable import StatesLanguage

/// DescribeStateMachine's `variableReferences`: the variables each state reads, as LocalStack's AWS-validated
/// recordings list them.
@Suite("Variable references")
struct VariableReferenceTests {
    @Test("JSONPath fields, Choice rules and Wait paths; $$ and ordinary paths are not variables")
    func jsonPath() {
        let definition = #"""
            {"StartAt":"Setup","States":{
              "Setup":{"Type":"Pass","Assign":{"guess":"g","answer":"a"},"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$guess","StringEqualsPath":"$answer","Next":"Done"}],"Default":"Wrong"},
              "Wrong":{"Type":"Pass","Assign":{"guess.$":"$answer"},"Parameters":{"ctx.$":"$$.Execution.Id","in.$":"$.value"},"Next":"Wait"},
              "Wait":{"Type":"Wait","SecondsPath":"$waitTime","Next":"Done"},
              "Done":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($a, $b)","text":"$literal"},"End":true}}}
            """#
        #expect(
            VariableReferences.of(definition: definition) == [
                "Check": ["answer", "guess"], "Wrong": ["answer"], "Wait": ["waitTime"], "Done": ["a", "b"],
            ])
    }

    @Test("JSONata: function calls, $states, bound names and string literals are not variables; nested states list under their names")
    func jsonata() {
        let definition = #"""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{
              "M":{"Type":"Map","Items":"{% $items %}","ItemProcessor":{"StartAt":"Inner","States":{
                "Inner":{"Type":"Pass","Output":"{% $sum($states.input) + $bias + ($x := 2; $x) + $map([1], function($v) { $v * $scale }) %}","End":true}}},
                "Next":"P"},
              "P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% '$notAVariable' & $name %}","End":true}}}],
                "End":true}}}
            """#
        #expect(VariableReferences.of(definition: definition) == ["M": ["items"], "Inner": ["bias", "scale"], "B": ["name"]])
    }

    @Test("No references, or no definition, is nil")
    func none() {
        #expect(VariableReferences.of(definition: #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#) == nil)
        #expect(VariableReferences.of(definition: "not json") == nil)
    }
}
