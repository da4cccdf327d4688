import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// Reading resources files, and the start-time report of what nothing can run.
@Suite(.timeLimit(.minutes(3))) struct ResourceFileTests {
    func error(_ text: String) -> String? {
        do {
            _ = try ResourcesFile(json: try JSON(parsing: text), folder: ResourceSupport.folder, file: "r.json")
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func resolvesRelativeCommandsAgainstTheFilesFolder() throws {
        let file = try ResourceSupport.file()
        let notify = try #require(file.entry(for: ["arn:aws:lambda:us-east-1:1:function:notify-x"]))
        #expect(notify.target == .command([ResourceSupport.folder.appendingPathComponent("notify.sh").path]))
        #expect(notify.timeoutSeconds == 30)
        guard case .command(let words)? = file.entry(for: ["adder"])?.target else { return #expect(Bool(false)) }
        #expect(words[0].hasSuffix("/python3") && words[0].hasPrefix("/"))
        #expect(words[1] == "adder.py")
    }

    @Test func reportsWhatIsWrongAndWhere() {
        #expect(error(#"{"resources": {"a": {"command": []}}}"#) == "r.json: resources.a.command: command must be a non-empty array of strings")
        #expect(error(#"{"resources": {"a": {"url": "ftp://x"}}}"#) == "r.json: resources.a.url: url must be an http:// or https:// URL")
        #expect(
            error(#"{"resources": {"a": {"command": ["x"], "url": "http://x"}}}"#) == "r.json: resources.a: must have exactly one of command and url")
        #expect(
            error(#"{"resources": {"a": {"command": ["./x"], "timeout": 3}}}"#)
                == "r.json: resources.a: unknown field 'timeout' (an entry has command or url, and timeoutSeconds)")
        #expect(
            error(#"{"resources": {"a": {"command": ["no-such-tool-here"]}}}"#)
                == "r.json: resources.a.command: 'no-such-tool-here' is not found in PATH")
        #expect(error(#"{"tasks": {}}"#) == #"r.json: needs a "resources" object"#)
    }

    @Test func everyUnrunnableResourceIsReportedAtStart() async throws {
        let runtime = try ResourceSupport.runtime()
        let definition = """
            {"StartAt": "A", "States": {
              "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:adder", "Next": "B"},
              "B": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:missing", "Next": "C"},
              "C": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "D", "States": {
                "D": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true}}}]}}}
            """
        let machine = try StateMachine(text: definition, name: "Report")
        let error = await #expect(throws: StartError.self) { _ = try await runtime.start(machine, input: [:], name: "r") }
        #expect(error?.code == "MissingHandler")
        let lines = error?.message.split(separator: "\n").map(String.init) ?? []
        let ways = "add a mock for the state to a mock config file (--mock-config), map the resource in a resources file (--resources), "
        let lambda = "arn:aws:lambda:us-east-1:123456789012:function:missing"
        let dynamo = "arn:aws:states:::dynamodb:putItem"
        let first =
            "Nothing can run the Task resource '\(lambda)' of state 'B': " + ways
            + "or register a handler (runtime.register(\"\(lambda)\") { input, context in ... })."
        let second =
            "Nothing can run the Task resource '\(dynamo)' of state 'D': " + ways
            + "or register a handler (runtime.register(\"\(dynamo)\") { input, context in ... })."
        #expect(lines == [first, second])
    }
}
