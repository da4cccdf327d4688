import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@Suite("JSONata states and AWS's JSONata functions", .timeLimit(.minutes(3)))
struct JSONataStateTests {
    static func output(_ expression: String, input: JSON = [:]) async throws -> FinishedRun {
        try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% \(expression) %}", "End": true}}}
            """, input: input)
    }

    @Test(
        "AWS's added functions",
        arguments: [
            ("$partition([1,2,3,4,5], 2)", [[1, 2], [3, 4], [5]]),
            ("$range(0, 10, 5)", [0, 5, 10]),
            ("$range(1, 9, 9)", 1),
            ("$range(5, 1, -2)", [5, 3, 1]),
            ("$hash('abc', 'SHA-256')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("$hash('abc', 'MD5')", "900150983cd24fb0d6963f7d28e17f72"),
            ("$parse('[1, 2.5, null]')", [1, 2.5, nil]),
            ("$random(42) = $random(42)", true),
            ("$random() >= 0 and $random() < 1", true),
            ("$length($uuid())", 36),
        ] as [(String, JSON)])
    func awsFunctions(expression: String, expected: JSON) async throws {
        let run = try await Self.output(expression)
        #expect(run.result.status == .succeeded)
        #expect(run.result.output == expected)
    }

    @Test("$eval is removed, as on AWS")
    func evalRemoved() async throws {
        let run = try await Self.output("$eval('1 + 1')")
        #expect(run.result.error == "States.QueryEvaluationError")
        #expect(run.result.cause?.contains("T1006") == true)
    }

    @Test("A failing expression records EvaluationFailed and fails with AWS's cause")
    func evaluationFailed() async throws {
        let run = try await Self.output("$states.input.missing")
        #expect(run.types == ["ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed"])
        #expect(run.result.error == "States.QueryEvaluationError")
        #expect(
            run.result.cause == "An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The JSONata expression '$states.input.missing' specified for the field 'Output' returned nothing (undefined).")
    }

    @Test(
        "A JSONata Map without Items needs an array input: QueryEvaluationError naming no field",
        arguments: [
            (JSON.int(1), "1"), ("text", "\"text\""), (.bool(true), "true"), (["foo": "bar"], "{\"foo\":\"bar\"}"), (.null, "null"),
        ] as [(JSON, String)])
    func mapInputNotArray(input: JSON, shown: String) async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map",
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
            """, input: input)
        #expect(run.types == ["ExecutionStarted", "MapStateEntered", "EvaluationFailed", "MapStateFailed", "ExecutionFailed"])
        #expect(run.result.error == "States.QueryEvaluationError")
        #expect(
            run.result.cause == "An error occurred while executing the state 'M' (entered at the event id #2). "
                + "Map state input must be an array but was: \(shown)")
        let details = run.history[2].json(includeExecutionData: true)["evaluationFailedEventDetails"]
        #expect(details?["location"] == nil)
        #expect(details?["state"] == "M")
    }

    @Test("A function as a result is an unsupported result type")
    func functionResult() async throws {
        let run = try await Self.output("function($x){$x}")
        #expect(run.result.cause?.hasSuffix("returned an unsupported result type.") == true)
    }

    @Test("$states.context exposes the context object and $now follows the execution's clock")
    func contextAndClock() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
              "W": {"Type": "Wait", "Seconds": 7200, "Next": "P"},
              "P": {"Type": "Pass", "Output": {"name": "{% $states.context.Execution.Name %}", "state": "{% $states.context.State.Name %}",
                "late": "{% $toMillis($now()) - $toMillis($states.context.Execution.StartTime) >= 7200000 %}"}, "End": true}}}
            """)
        #expect(run.result.output == ["name": "run", "state": "P", "late": true])
    }

    @Test("Task Arguments and Output see $states.input and $states.result")
    func taskArgumentsOutput() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"n": "{% $states.input.n * 2 %}"}, "Output": "{% $states.result.n + 1 %}", "End": true}}}
            """, input: ["n": 20]
        ) { runtime in runtime.register("arn:aws:states:::lambda:invoke") { input, _ in input } }
        #expect(run.result.output == 41)
    }

    @Test("A JSONata Catch sees $states.errorOutput")
    func catchErrorOutput() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Branches": [{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "Cause": "c"}}}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Output": "{% $states.errorOutput.Error & '!' %}", "Next": "Done"}], "Next": "Done"},
              "Done": {"Type": "Succeed"}}}
            """)
        #expect(run.result.output == "E!")
    }

    @Test("JSONata Choice Conditions pick the first true rule")
    func choiceCondition() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "C", "States": {
              "C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.n > 10 %}", "Next": "Big", "Output": "big"},
                {"Condition": "{% $states.input.n > 1 %}", "Next": "Small", "Output": "small"}], "Default": "Small"},
              "Big": {"Type": "Succeed"}, "Small": {"Type": "Succeed"}}}
            """, input: ["n": 5])
        #expect(run.result.output == "small")
    }

    @Test("A JSONPath machine may have JSONata states")
    func mixing() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Parameters": {"v.$": "$.x"}, "Next": "B"},
              "B": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.input.v & '-' %}", "End": true}}}
            """, input: ["x": "y"])
        #expect(run.result.output == "y-")
    }
}

@Suite("Workflow variables", .timeLimit(.minutes(3)))
struct VariableTests {
    @Test("All assignments of a state read the values from before it, so a swap works")
    func swap() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"x": 1, "y": 2}, "Next": "Swap"},
              "Swap": {"Type": "Pass", "Assign": {"x": "{% $y %}", "y": "{% $x %}"}, "Next": "Show"},
              "Show": {"Type": "Pass", "Output": {"x": "{% $x %}", "y": "{% $y %}"}, "End": true}}}
            """)
        #expect(run.result.output == ["x": 2, "y": 1])
    }

    @Test("JSONPath states assign with .$ keys and read variables with $name paths")
    func jsonPathVariables() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {
              "A": {"Type": "Pass", "Assign": {"who.$": "$.name", "fixed": 3}, "Next": "B"},
              "B": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hi {}', $who)", "n.$": "$fixed"}, "End": true}}}
            """, input: ["name": "ada"])
        #expect(run.result.output == ["greeting": "hi ada", "n": 3])
    }

    @Test("Exited events carry assignedVariables as JSON text")
    func assignedVariablesInHistory() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"s": "abc", "n": 7}, "End": true}}}
            """)
        let details = run.history[2].json()["stateExitedEventDetails"]
        #expect(details?["assignedVariables"] == ["s": .string(#""abc""#), "n": "7"])
        #expect(details?["assignedVariablesDetails"] == ["truncated": false])
    }

    @Test("An empty Assign records no assignedVariables")
    func emptyAssign() async throws {
        let run = try await TestSupport.run(
            """
            {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {}, "End": true}}}
            """)
        let details = run.history[2].json()["stateExitedEventDetails"]
        #expect(details?.objectValue.map { Array($0.keys) } == ["name", "output", "outputDetails"])
    }

    @Test("Map iterations read outer variables; their own assignments stay inside the iteration")
    func mapScopes() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Init", "States": {
              "Init": {"Type": "Pass", "Assign": {"base": 100}, "Next": "M"},
              "M": {"Type": "Map", "Items": [1, 2], "ItemProcessor": {"StartAt": "Add", "States": {
                "Add": {"Type": "Pass", "Assign": {"local": "{% $states.input + $base %}"}, "Next": "Out"},
                "Out": {"Type": "Pass", "Output": "{% $local %}", "End": true}}}, "Next": "After"},
              "After": {"Type": "Pass", "Output": {"results": "{% $states.input %}", "base": "{% $base %}"}, "End": true}}}
            """)
        #expect(run.result.output == ["results": [101, 102], "base": 100])
    }

    @Test("An unassigned variable in JSONata fails with States.QueryEvaluationError")
    func unassigned() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% $nothing %}", "End": true}}}
            """)
        #expect(run.result.error == "States.QueryEvaluationError")
    }

    @Test("A variable over 256 KiB fails with States.DataLimitExceeded")
    func variableLimit() async throws {
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Assign": {"big": "{% $join([1..30000].('0123456789'), '') %}"}, "End": true}}}
            """)
        #expect(run.result.error == "States.DataLimitExceeded")
    }
}
