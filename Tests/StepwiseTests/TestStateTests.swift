import Foundation
import JSON
import Stepwise
import Testing

/// TestState on the states that do their work themselves (Pass, Choice, Wait, Succeed, Fail), JSONPath and JSONata,
/// answered in AWS's wire shape (the recorded answers of AWS's TestState where they exist).
@Suite("TestState of Pass, Choice, Wait, Succeed and Fail", .timeLimit(.minutes(2)))
struct TestStateTests {
    static let nested: JSON = [
        "initialData": ["fieldFromInput": "value from input", "otherField": "other"], "unrelatedData": ["someOtherField": 1234],
    ]

    @Test("A JSONPath Pass reports InputPath, Parameters, ResultSelector and ResultPath at DEBUG, as AWS recorded")
    func passStagesAtDebug() async throws {
        let result = try await testState(
            #"{"Type": "Pass", "InputPath": "$.initialData", "Parameters": {"staticValue": "some value", "inputValue.$": "$.fieldFromInput"}, "ResultPath": "$.modifiedData", "End": true}"#,
            input: Self.nested)
        let output =
            #"{\"initialData\":{\"fieldFromInput\":\"value from input\",\"otherField\":\"other\"},\"unrelatedData\":{\"someOtherField\":1234},\"modifiedData\":{\"staticValue\":\"some value\",\"inputValue\":\"value from input\"}}"#
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"\#(output)","inspectionData":{"input":"{\"initialData\":{\"fieldFromInput\":\"value from input\",\"otherField\":\"other\"},\"unrelatedData\":{\"someOtherField\":1234}}","afterInputPath":"{\"fieldFromInput\":\"value from input\",\"otherField\":\"other\"}","afterParameters":"{\"staticValue\":\"some value\",\"inputValue\":\"value from input\"}","afterResultSelector":"{\"staticValue\":\"some value\",\"inputValue\":\"value from input\"}","afterResultPath":"\#(output)"}}"#
        )
    }

    @Test("A Pass with Result reports its result and no InputPath or Parameters stage; INFO reports no stages")
    func passResult() async throws {
        let definition = #"{"Type": "Pass", "Result": {"resultKey": "result value"}, "ResultPath": "$.r", "Next": "After"}"#
        let debug = try await testState(definition, input: ["Value": "HelloWorld"])
        #expect(
            debug.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"Value\":\"HelloWorld\",\"r\":{\"resultKey\":\"result value\"}}","nextState":"After","inspectionData":{"input":"{\"Value\":\"HelloWorld\"}","result":"{\"resultKey\":\"result value\"}","afterResultSelector":"{\"resultKey\":\"result value\"}","afterResultPath":"{\"Value\":\"HelloWorld\",\"r\":{\"resultKey\":\"result value\"}}"}}"#
        )
        let info = try await testState(definition, input: ["Value": "HelloWorld"], level: .info)
        #expect(
            info.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"Value\":\"HelloWorld\",\"r\":{\"resultKey\":\"result value\"}}","nextState":"After"}"#)
        let trace = try await testState(definition, input: ["Value": "HelloWorld"], level: .trace)
        #expect(trace.json() == debug.json())
    }

    @Test("A Choice answers the matched rule's Next with its input, and FAILED States.NoChoiceMatched without a match")
    func choice() async throws {
        let definition = """
            {"Type": "Choice", "Choices": [
              {"And": [{"Variable": "$.value", "NumericGreaterThanEquals": 20}, {"Variable": "$.value", "NumericLessThan": 30}], "Next": "ValueInTwenties"}],
             "Default": "Other"}
            """
        let matched = try await testState(definition, input: ["type": "Private", "value": 22])
        #expect(
            matched.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"type\":\"Private\",\"value\":22}","nextState":"ValueInTwenties","inspectionData":{"input":"{\"type\":\"Private\",\"value\":22}","afterInputPath":"{\"type\":\"Private\",\"value\":22}"}}"#
        )
        let fallback = try await testState(definition, input: ["value": 5], level: .info)
        #expect(fallback.nextState == "Other")
        let strict = try await testState(
            #"{"Type": "Choice", "Choices": [{"Variable": "$.value", "IsPresent": true, "Next": "Yes"}]}"#, input: [:], level: .info)
        #expect(strict.json().serialized() == #"{"status":"FAILED","error":"States.NoChoiceMatched","cause":"No Matches!"}"#)
    }

    @Test("A JSONata Choice reports its input only, and the variables its rule assigns beside those given")
    func jsonataChoice() async throws {
        let result = try await testState(
            """
            {"QueryLanguage": "JSONata", "Type": "Choice", "Choices": [
              {"Condition": "{% $states.input.cost > $limit %}", "Assign": {"approved": false, "limit": 0}, "Next": "Ask"}],
             "Default": "Approve"}
            """, input: ["cost": 10], variables: ["limit": 9, "who": "Mary"])
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"cost\":10}","nextState":"Ask","inspectionData":{"input":"{\"cost\":10}","variables":"{\"limit\":0,\"who\":\"Mary\",\"approved\":false}"}}"#
        )
    }

    @Test("A Fail state is FAILED with its Error and Cause; JSONPath reports its input as after InputPath")
    func fail() async throws {
        let result = try await testState(
            #"{"Type": "Fail", "Error": "SomeFailure", "Cause": "This state machines raises a 'SomeFailure' failure."}"#,
            input: ["Value": "HelloWorld"])
        #expect(
            result.json().serialized()
                == #"{"status":"FAILED","error":"SomeFailure","cause":"This state machines raises a 'SomeFailure' failure.","inspectionData":{"input":"{\"Value\":\"HelloWorld\"}","afterInputPath":"{\"Value\":\"HelloWorld\"}"}}"#
        )
        let jsonata = try await testState(
            #"{"QueryLanguage": "JSONata", "Type": "Fail", "Error": "{% $states.input.code %}", "Cause": "{% 'at ' & $where %}"}"#,
            input: ["code": "E42"], variables: ["where": "checkout"])
        #expect(
            jsonata.json().serialized()
                == #"{"status":"FAILED","error":"E42","cause":"at checkout","inspectionData":{"input":"{\"code\":\"E42\"}","variables":"{\"where\":\"checkout\"}"}}"#
        )
    }

    @Test("Succeed applies InputPath and OutputPath and names no next state")
    func succeed() async throws {
        let result = try await testState(#"{"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}"#, input: ["a": ["b": [1, 2]], "c": 3])
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"[1,2]","inspectionData":{"input":"{\"a\":{\"b\":[1,2]},\"c\":3}","afterInputPath":"{\"b\":[1,2]}"}}"#
        )
    }

    @Test("A Wait answers at once with its next state; a bad SecondsPath is FAILED States.Runtime with AWS's cause")
    func wait() async throws {
        let started = Date()
        let result = try await testState(#"{"Type": "Wait", "Seconds": 86400, "InputPath": "$.keep", "Next": "Later"}"#, input: ["keep": ["k": 1]])
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"k\":1}","nextState":"Later","inspectionData":{"input":"{\"keep\":{\"k\":1}}","afterInputPath":"{\"k\":1}"}}"#
        )
        #expect(Date().timeIntervalSince(started) < 10)
        let bad = try await testState(#"{"Type": "Wait", "SecondsPath": "$.s", "End": true}"#, input: ["s": "soon"], level: .info)
        #expect(
            bad.json().serialized()
                == #"{"status":"FAILED","error":"States.Runtime","cause":"The SecondsPath parameter cannot be parsed as a long value: $.s == soon"}"#)
    }

    @Test("A JSONata query error is FAILED States.QueryEvaluationError, its cause without an event id")
    func queryError() async throws {
        let result = try await testState(
            #"{"QueryLanguage": "JSONata", "Type": "Pass", "Output": "{% $number('x') + $missing.y %}", "End": true}"#, level: .info)
        #expect(result.status == .failed)
        #expect(result.error == "States.QueryEvaluationError")
        #expect(result.cause?.hasPrefix("The JSONata expression '$number('x') + $missing.y' specified for the field 'Output'") == true)
    }

    @Test("A JSONata Pass reports its input and the variables after its Assign")
    func jsonataPass() async throws {
        let result = try await testState(
            """
            {"QueryLanguage": "JSONata", "Type": "Pass", "Assign": {"total": "{% $sum($states.input.values) %}"},
             "Output": {"input": "{% $states.input %}", "state": "{% $states.context.State.Name %}", "x": "{% $x %}"}, "End": true}
            """, input: ["values": [1, 2, 3]], variables: ["x": 10])
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"input\":{\"values\":[1,2,3]},\"state\":\"StateName\",\"x\":10}","inspectionData":{"input":"{\"values\":[1,2,3]}","variables":"{\"x\":10,\"total\":6}"}}"#
        )
    }
}
