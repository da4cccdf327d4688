import Foundation
import JSON
import Stepwise
import StepwiseIntegrations
import Testing

/// Local commands from a resources file: stdin/stdout, errors, time-outs and cancellation.
@Suite(.timeLimit(.minutes(3))) struct ResourceCommandTests {
    @Test func aCommandGetsTheInputAndReturnsItsOutput() async throws {
        let run = try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:adder"), input: ["a": 2, "b": 40])
        #expect(run.result.output == ["sum": 42])
        #expect(
            run.types == [
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded",
            ])
    }

    @Test func relativePathsAndWildcardsResolve() async throws {
        let run = try await ResourceSupport.run(ResourceSupport.task("arn:aws:lambda:eu-west-1:210987654321:function:notify-team:prod"))
        #expect(run.result.output == ["notified": true])
        // An exact key wins over a pattern that also matches.
        let vip = try await ResourceSupport.run(ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:notify-vip"), input: ["a": 1])
        #expect(vip.result.output == ["sum": 1])
    }

    @Test func anErrorObjectFailsTheTaskWithItsName() async throws {
        let run = try await ResourceSupport.run(ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:validate"))
        #expect(run.result.error == "ValidationError")
        #expect(run.result.cause == #"{"errorType":"ValidationError","errorMessage":"amount must be positive"}"#)
        #expect(run.types.suffix(2) == ["LambdaFunctionFailed", "ExecutionFailed"])
        // For a service resource the cause is the message alone.
        let sqs = try await ResourceSupport.run(ResourceSupport.task("arn:aws:states:::sqs:sendMessage", parameters: #"{"QueueUrl": "q"}"#))
        #expect(sqs.result.error == "ValidationError")
        #expect(sqs.result.cause == "amount must be positive")
        #expect(sqs.types.suffix(2) == ["TaskFailed", "ExecutionFailed"])
    }

    @Test func aCrashIsLambdaUnknown() async throws {
        let run = try await ResourceSupport.run(ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:crasher"))
        let script = ResourceSupport.folder.appendingPathComponent("crash.sh").path
        #expect(run.result.error == "Lambda.Unknown")
        #expect(run.result.cause == "The command '\(script)' (resources entry 'crasher') exited with status 3. stderr: segfault in handler")
    }

    @Test func aTimeoutKillsTheProcess() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("pid-\(UUID().uuidString)").path
        let started = Date()
        let run = try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:sleeper"), input: ["pidFile": .string(pidFile)])
        // Well under the 30 s the command sleeps: it was stopped, whatever a loaded machine adds to the 1 s.
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.result.error == "States.Timeout")
        #expect(run.result.cause?.hasSuffix("did not finish within 1 seconds and was stopped.") == true)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        #expect(!ResourceSupport.alive(pid))
    }

    /// Starts a one-Task execution of the command `function` and waits until the command wrote its pid.
    static func startCommand(_ function: String) async throws -> (Execution, pid: Int32) {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("pid-\(UUID().uuidString)").path
        let runtime = try ResourceSupport.runtime()
        let machine = try StateMachine(text: ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:\(function)"), name: "Stop")
        let execution = try await runtime.start(machine, input: ["pidFile": .string(pidFile)], name: function)
        #expect(await ResourceSupport.eventually(20) { (try? String(contentsOfFile: pidFile, encoding: .utf8))?.isEmpty == false })
        return (execution, try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8))))
    }

    @Test func stoppingTheExecutionKillsTheProcess() async throws {
        let (execution, pid) = try await Self.startCommand("stoppable")
        #expect(ResourceSupport.alive(pid))
        await execution.stop(cause: "enough")
        #expect(await execution.result.status == .aborted)
        #expect(await ResourceSupport.eventually { !ResourceSupport.alive(pid) })
    }

    /// A command that ignores SIGTERM is killed after the grace period, and the execution's result is handed
    /// out only then: once `stepwise run` reports ABORTED and exits, nothing it started is left running.
    @Test func theResultOfAStopComesOnceTheCommandIsGone() async throws {
        let (execution, pid) = try await Self.startCommand("stubborn")
        await execution.stop(cause: "enough")
        #expect(await execution.result.status == .aborted)
        #expect(!ResourceSupport.alive(pid))
    }

    @Test func activitiesAndServiceArnsMapToo() async throws {
        let run = try await ResourceSupport.run(ResourceSupport.task("arn:aws:states:us-east-1:123456789012:activity:review"), input: ["a": 5])
        #expect(run.result.output == ["sum": 5])
    }

    /// A command gets stdin, stdout and stderr only: a descriptor the runtime's process holds (here one opened
    /// without O_CLOEXEC; in `stepwise` the pipe its parent watches, a server's listening socket) would outlive
    /// a killed `stepwise` in the command.
    @Test func aCommandInheritsOnlyItsStdio() async throws {
        let fd = open(ResourceSupport.folder.appendingPathComponent("resources.json").path, O_RDONLY)
        defer { close(fd) }
        let script =
            "import json, os, sys; fd = json.load(sys.stdin)['fd']; print(json.dumps({'inherited': fd in map(int, os.listdir('/proc/self/fd'))}))"
        let file = try ResourcesFile(json: ["resources": ["peek": ["command": ["python3", "-c", .string(script)]]]], folder: ResourceSupport.folder)
        let run = try await ResourceSupport.run(
            ResourceSupport.task("arn:aws:lambda:us-east-1:123456789012:function:peek"), input: ["fd": .int(Int(fd))],
            runtime: try ResourceSupport.runtime(file))
        #expect(fd > 2)
        #expect(run.result.output == ["inherited": false])
    }
}
