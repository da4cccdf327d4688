import Foundation
import JSON
import StepwiseIntegrations
import Testing

/// Reading mock config files: the format and the errors for what is wrong in them.
@Suite(.timeLimit(.minutes(3))) struct MockConfigFileTests {
    func error(_ text: String) -> String? {
        do {
            _ = try MockConfig(json: try JSON(parsing: text), file: "m.json")
            return nil
        } catch let error as ConfigFileError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func readsTestCasesAndRangedResponses() throws {
        let config = try MockSupport.config()
        let testCase = try config.testCase("FlakyThenData", machine: "Fetcher")
        let response = try #require(testCase.states["Fetch"])
        #expect(response.outcome(forInvocation: 1) == .throw(error: "Flaky", cause: "second call"))
        #expect(response.outcome(forInvocation: 2) == .return(["data": 42]))
        #expect(response.outcome(forInvocation: 3) == nil)
        #expect(config.responses["AlwaysFlaky"]?.outcome(forInvocation: 1) == .throw(error: "Flaky", cause: "still down"))
    }

    @Test func reportsWhatIsWrongAndWhere() {
        let machines = #""StateMachines": {"M": {"TestCases": {"T": {"S": "R"}}}}"#
        #expect(
            error(#"{\#(machines), "MockedResponses": {"R": {"1-x": {"Return": 1}}}}"#)
                == #"m.json: MockedResponses.R.1-x: invocation key '1-x' is neither a number ("0") nor an inclusive range ("1-2")"#)
        #expect(
            error(#"{\#(machines), "MockedResponses": {"R": {"0-2": {"Return": 1}, "2": {"Return": 2}}}}"#)
                == "m.json: MockedResponses.R.2: invocations 2 overlap invocations 0-2")
        #expect(
            error(#"{\#(machines), "MockedResponses": {"R": {"0": {"Return": 1, "Throw": {}}}}}"#)
                == "m.json: MockedResponses.R.0: must be an object with exactly one field, Return, Throw or PassThrough")
        #expect(
            error(#"{\#(machines), "MockedResponses": {"R": {"0": {"Throw": {"Cause": "c"}}}}}"#)
                == "m.json: MockedResponses.R.0.Throw: Throw needs an Error string")
        #expect(
            error(#"{\#(machines), "MockedResponses": {"R": {"0": {"PassThrough": true}}}}"#)
                == "m.json: MockedResponses.R.0.PassThrough: PassThrough takes an empty object")
        #expect(
            error(#"{\#(machines), "MockedResponses": {}}"#)
                == "m.json: StateMachines.M.TestCases.T.S: names 'R', which is not in MockedResponses")
        #expect(error(#"{"StateMachines": {}}"#) == "m.json: MockedResponses: is missing")
    }

    @Test func unknownTestCasesListTheKnownOnes() throws {
        let config = try MockSupport.config()
        #expect(throws: ConfigFileError.self) { try config.testCase("Nope", machine: "Fetcher") }
        do {
            _ = try config.testCase("Nope", machine: "Fetcher")
        } catch {
            #expect(
                error.description
                    == "StateMachines.Fetcher.TestCases: state machine 'Fetcher' has no test case 'Nope' (it has: FlakyThenData, FlakyThenReal, RunsOut, Unmocked)"
            )
        }
    }
}
