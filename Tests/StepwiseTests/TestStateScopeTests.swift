import Foundation
import JSON
import Stepwise
import Testing

/// TestState of Map and Parallel states (mocked), of a state inside a whole machine, with a given context object,
/// and what it refuses (AWS's recorded messages).
@Suite("TestState of Map and Parallel, machines, contexts and refusals", .timeLimit(.minutes(2)))
struct TestStateScopeTests {
    static let map = """
        {"Type": "Map", "ItemsPath": "$.Values", "ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"}, "MaxConcurrency": 2,
         "ItemProcessor": {"StartAt": "HandleItem", "States": {"HandleItem": {"Type": "Pass", "End": true}}},
         "ToleratedFailureCount": 1, "ResultSelector": {"count.$": "States.ArrayLength($)"}, "ResultPath": "$.done",
         "Retry": [{"ErrorEquals": ["Busy"]}], "Catch": [{"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "Next": "HandleThreshold"}],
         "Next": "After"}
        """

    @Test("A mocked Map reports ItemsPath, ItemSelector, MaxConcurrency and its tolerance, then its result stages")
    func map() async throws {
        let result = try await testState(Self.map, input: ["Values": ["a", "b"]], mock: .result([1, 1]))
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"Values\":[\"a\",\"b\"],\"done\":{\"count\":2}}","nextState":"After","inspectionData":{"input":"{\"Values\":[\"a\",\"b\"]}","afterInputPath":"{\"Values\":[\"a\",\"b\"]}","afterResultSelector":"{\"count\":2}","afterResultPath":"{\"Values\":[\"a\",\"b\"],\"done\":{\"count\":2}}","afterItemsPath":"[\"a\",\"b\"]","afterItemSelector":"[{\"v\":\"a\",\"i\":0},{\"v\":\"b\",\"i\":1}]","toleratedFailureCount":1,"maxConcurrency":2}}"#
        )
    }

    @Test("Map iteration failures over the tolerance are States.ExceedToleratedFailureThreshold, which Catch handles")
    func mapTolerance() async throws {
        let exceeded = try await testState(
            Self.map, input: ["Values": ["a", "b"]], level: .info, mock: .result([0, 1]),
            configuration: TestStateConfiguration(mapIterationFailureCount: 2))
        #expect(
            exceeded.json().serialized()
                == #"{"status":"CAUGHT_ERROR","output":"{\"Error\":\"States.ExceedToleratedFailureThreshold\",\"Cause\":\"The specified tolerated failure threshold was exceeded\"}","error":"States.ExceedToleratedFailureThreshold","cause":"The specified tolerated failure threshold was exceeded","nextState":"HandleThreshold"}"#
        )
        let within = try await testState(
            Self.map, input: ["Values": ["a", "b"]], level: .info, mock: .result([0, 1]),
            configuration: TestStateConfiguration(mapIterationFailureCount: 1))
        #expect(within.status == .succeeded)
        let busy = try await testState(Self.map, input: ["Values": ["a"]], level: .info, mock: .error(error: "Busy", cause: "later"))
        #expect(busy.json().serialized() == #"{"status":"RETRIABLE","error":"Busy","cause":"later"}"#)
    }

    @Test("A Map with an ItemReader takes its items from mapItemReaderData")
    func itemReader() async throws {
        let result = try await testState(
            """
            {"Type": "Map", "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"}, "Parameters": {"Bucket": "b", "Key": "k"}},
             "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
             "End": true}
            """, input: ["Bucket": "b"], mock: .result([1, 4]), configuration: TestStateConfiguration(mapItemReaderData: "{\"n\":1}\n{\"n\":2}\n"))
        #expect(result.inspectionData?.afterItemsPath == [["n": 1], ["n": 2]])
        #expect(result.inspectionData?.maxConcurrency == 0)
        #expect(result.output == [1, 4])
    }

    @Test("A mocked Parallel applies Parameters and ResultSelector to the branches' mocked outputs")
    func parallel() async throws {
        let result = try await testState(
            """
            {"Type": "Parallel", "Parameters": {"id.$": "$.id"}, "ResultSelector": {"first.$": "$[0]"},
             "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}, {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}],
             "End": true}
            """, input: ["id": 3], mock: .result([["a": 1], ["b": 2]]))
        #expect(
            result.json().serialized()
                == #"{"status":"SUCCEEDED","output":"{\"first\":{\"a\":1}}","inspectionData":{"input":"{\"id\":3}","afterInputPath":"{\"id\":3}","afterParameters":"{\"id\":3}","afterResultSelector":"{\"first\":{\"a\":1}}","afterResultPath":"{\"first\":{\"a\":1}}"}}"#
        )
    }

    @Test("stateName tests a state of a whole machine, nested ones too; an unknown one is refused")
    func stateName() async throws {
        let machine = """
            {"StartAt": "P", "States": {
              "P": {"Type": "Parallel", "Next": "End", "Branches": [{"StartAt": "Inner", "States": {
                "Inner": {"Type": "Pass", "Result": 1, "Next": "Last"}, "Last": {"Type": "Succeed"}}}]},
              "End": {"Type": "Succeed"}}}
            """
        let inner = try await testState(machine, stateName: "Inner", level: .info)
        #expect(inner.json().serialized() == #"{"status":"SUCCEEDED","output":"1","nextState":"Last"}"#)
        #expect(
            await refusal { () throws(TestStateError) in try await testState(machine, stateName: "dne") }
                == "ValidationException: State not found in definition")
    }

    @Test("A given context object is the state's $$, with the token a .waitForTaskToken Task forwards")
    func givenContext() async throws {
        let context: JSON = [
            "Execution": ["Id": "arn:aws:states:::execution:MyStateMachine:run-1", "Name": "run-1"],
            "State": ["Name": "MyTaskState", "RetryCount": 0],
            "Task": ["Token": "abcd123"],
        ]
        let result = try await testState(
            """
            {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
             "Parameters": {"QueueUrl": "q", "MessageBody": {"TaskToken.$": "$$.Task.Token", "Run.$": "$$.Execution.Name", "State.$": "$$.State.Name"}},
             "ResultPath": "$.SQS", "Next": "NEXT_STATE"}
            """, mock: .result(["ok": true]), context: context)
        #expect(
            result.inspectionData?.afterParameters == [
                "QueueUrl": "q", "MessageBody": ["TaskToken": "abcd123", "Run": "run-1", "State": "MyTaskState"],
            ])
        #expect(result.output == ["SQS": ["ok": true]])
        #expect(result.nextState == "NEXT_STATE")
    }

    @Test("Without a context the state sees AWS's: an Express execution of TestState, StateName, and a null role")
    func standardContext() async throws {
        let result = try await testState(
            #"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"c.$": "$$"}, "End": true}"#, input: ["x": 1],
            mock: .result([:]))
        let context = try #require(result.inspectionData?.afterParameters?["c"])
        #expect(context.objectValue?.keys == ["Execution", "StateMachine", "State"])
        #expect(context["Execution"]?.objectValue?.keys == ["Id", "Input", "Name", "RoleArn", "StartTime"])
        let name = try #require(context["Execution"]?["Name"]?.stringValue)
        #expect(context["Execution"]?["Id"] == .string("arn:aws:states:us-east-1:123456789012:express:TestState:\(name)"))
        #expect(context["Execution"]?["Input"] == ["x": 1])
        #expect(context["Execution"]?["RoleArn"] == .null)
        #expect(context["StateMachine"] == ["Id": "arn:aws:states:us-east-1:123456789012:stateMachine:TestState", "Name": "TestState"])
        #expect(context["State"]?["Name"] == "StateName")
        #expect(context["State"]?["RetryCount"] == 0)
    }

    @Test("A context AWS would refuse is refused with AWS's message")
    func contextRefusals() async throws {
        let task = #"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}"#
        let cases: [(JSON, String)] = [
            (["Execution": ["Id": 1]], "Invalid Context object provided: Execution.Id must be a string"),
            (["Map": [:]], "Invalid Context object provided: 'Map' field is not supported when mocking a Context object"),
            (["Execution": ["pokemon": "squirtle"]], "Invalid Context object provided: Field 'pokemon' is not allowed"),
            (["Pokedex": [:]], "Invalid Context object provided: Field 'Pokedex' is not allowed"),
            (
                ["Task": ["Token": "t"]],
                "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern"
            ),
        ]
        for (context, message) in cases {
            #expect(
                await refusal { () throws(TestStateError) in try await testState(task, mock: .result([:]), context: context) }
                    == "ValidationException: \(message)")
        }
        #expect(
            await refusal { () throws(TestStateError) in try await testState(#"{"Type": "Pass", "End": true}"#, context: [:]) }
                == "ValidationException: A Context object can only be specified when a mock is specified.")
    }

    @Test("Mocks for states that take none, Map and Parallel without one, and mocks of the wrong shape are refused")
    func mockRefusals() async throws {
        let states = [
            "Pass": #"{"Type": "Pass", "End": true}"#, "Succeed": #"{"Type": "Succeed"}"#, "Fail": #"{"Type": "Fail"}"#,
            "Wait": #"{"Type": "Wait", "Seconds": 1, "End": true}"#,
            "Choice": #"{"Type": "Choice", "Choices": [{"Variable": "$.a", "IsPresent": true, "Next": "X"}]}"#,
        ]
        for (type, definition) in states {
            let message = await refusal { () throws(TestStateError) in try await testState(definition, mock: .result([:])) }
            #expect(message == "ValidationException: State type '\(type)' is not supported when a mock is specified")
        }
        #expect(
            await refusal { () throws(TestStateError) in try await testState(Self.map, input: ["Values": []]) }
                == "InvalidDefinition: TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]"
        )
        #expect(
            await refusal { () throws(TestStateError) in try await testState(Self.map, mock: .result(["not": "array"])) }
                == "ValidationException: Mocked result must be an array.")
        let parallel = #"{"Type": "Parallel", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}], "End": true}"#
        #expect(
            await refusal { () throws(TestStateError) in try await testState(parallel, mock: .result([1, 2])) }
                == "ValidationException: Mocked result must contain the same number of items as number of Parallel branches.")
        let runtime = Runtime(clock: .virtual)
        let revealing = TestStateRequest(definition: parallel, mock: .result([1]), revealSecrets: true)
        #expect(
            await refusal { () throws(TestStateError) in try await runtime.testState(revealing) }
                == "ValidationException: TestState does not support RevealSecrets when a mock is specified.")
    }

    @Test("An invalid state is InvalidDefinition with its location relative to the state")
    func invalidDefinition() async throws {
        #expect(
            await refusal { () throws(TestStateError) in try await testState(#"{"Type": "Pass", "End": true, "Next": "X", "Bogus": 1}"#) }
                == "InvalidDefinition: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Field 'Bogus' is not supported at /, SCHEMA_VALIDATION_FAILED: These fields cannot be used together: [Next, End] at /'"
        )
        #expect(
            await refusal { () throws(TestStateError) in try await testState(#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#) }
                == "InvalidDefinition: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /'")
        #expect(
            await refusal { () throws(TestStateError) in try await testState(#"{"Type": "Wait", "Seconds": 1}"#) }
                == "InvalidDefinition: Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Next, End] at /'"
        )
        #expect(
            await refusal { () throws(TestStateError) in try await testState(#"{"Type": "Pass", "End": true}"#, variables: [1]) }
                == "ValidationException: Variables must be a JSON object of variable names and values.")
    }
}
