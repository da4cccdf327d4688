import Foundation
import JSON
import StepwiseStore
import StepwiseTesting
import Testing

/// `stepwise run --db` with the real binary: Ctrl-C, revisions, a second process on the same database, a full disk.
@Suite("stepwise run --db", .heavy, .timeLimit(.minutes(3)))
struct RunDatabaseTests {
    static let waitAMinute = #"{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}"#

    /// Reads the database once the execution `name` has recorded at least `events` events (polls up to 20 s).
    static func waitForEvents(_ events: Int, of name: String, in database: String, while process: Process) async throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while process.isRunning, ContinuousClock.now < deadline {
            if let store = try? await Store(path: database, options: Store.Options(readOnly: true)) {
                let count = (try? await store.execution(nameOrArn: name))?.eventCount ?? 0
                try? await store.close()
                if count >= events { return }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw StoreError(.notFound, "\(name) never recorded \(events) events")
    }

    /// Starts `stepwise run --db runs.db` of a one-minute Wait named `long`; returns once it is in the Wait.
    static func startLongRun() async throws -> (directory: URL, database: String, run: Process) {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("runs.db").path
        let definition = try RunCommandTests.file(Self.waitAMinute, name: "wait.asl.json")
        let run = try TestSupport.spawn(["run", definition, "--db", database, "--name", "long"], in: directory, label: "run")
        do {
            try await Self.waitForEvents(2, of: "long", in: database, while: run)  // ExecutionStarted, WaitStateEntered
        } catch {
            kill(run.processIdentifier, SIGKILL)
            throw error
        }
        return (directory, database, run)
    }

    static func text(_ directory: URL, _ file: String) -> String {
        (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
    }

    @Test("Ctrl-C (a real SIGINT) stops the run cleanly: the execution is ABORTED in the database, ExecutionAborted last")
    func interruptAborts() async throws {
        let (directory, database, run) = try await Self.startLongRun()
        kill(run.processIdentifier, SIGINT)
        #expect(await run.exited() == 1)
        #expect(Self.text(directory, "run.err") == "ABORTED: : Stopped from the command line (interrupt)\n")
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let record = try #require(try await store.execution(nameOrArn: "long"))
        #expect(record.status == .aborted)
        #expect(record.cause == "Stopped from the command line (interrupt)")
        let events = try await store.allEvents(arn: record.arn)
        #expect(events.map { $0["type"]?.stringValue ?? "" } == ["ExecutionStarted", "WaitStateEntered", "ExecutionAborted"])
        #expect(events.last?["executionAbortedEventDetails"] == ["cause": "Stopped from the command line (interrupt)"])
        try await store.close()
    }

    @Test("A second process cannot write a database in use: it names the holder's pid and exits 2; readers still work")
    func secondWriterRefused() async throws {
        let (directory, database, run) = try await Self.startLongRun()
        defer { if run.isRunning { kill(run.processIdentifier, SIGKILL) } }
        let resume = try await TestSupport.execute(["resume", "--db", database], in: directory, label: "resume")
        #expect(resume.status == 2)
        #expect(
            Self.text(directory, "resume.err") == """
                stepwise resume: database \(database) is in use by another stepwise process (pid \(run.processIdentifier)); \
                stop it or let it finish (reading with `stepwise executions` or `history` works meanwhile)

                """)
        let listed = try await TestSupport.execute(["executions", "--db", database, "--status", "RUNNING", "--json"], in: directory, label: "list")
        #expect(try JSON(parsing: listed.stdout)["executions"]?.arrayValue?.map { $0["name"] } == ["long"])
        kill(run.processIdentifier, SIGKILL)
        await run.exited()
    }

    @Test("A second serve through a symbolic link to the database is refused (exit 1, as serve exits on any store error); the first keeps serving")
    func secondServeThroughSymlinkRefused() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("s.db").path
        let link = directory.appendingPathComponent("link.db").path
        let first = try await TestSupport.serve(["--db", database], in: directory)
        defer { first.process.terminate() }
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: database)
        let second = try await TestSupport.execute(["serve", "--port", "0", "--db", link], in: directory, label: "second")
        #expect(second.status == 1)
        #expect(Self.text(directory, "second.err").contains("database \(link) is in use by another stepwise process"))
        #expect(first.process.isRunning)
        kill(first.process.processIdentifier, SIGTERM)
        #expect(await first.process.exited() == 0)
    }

    @Test("Each run records the state machine revision it ran; a changed definition is a new revision")
    func revisions() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = directory.appendingPathComponent("runs.db").path
        let first = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#
        let second = #"{"StartAt":"P","States":{"P":{"Type":"Pass","Result":2,"End":true}}}"#
        let file = directory.appendingPathComponent("flow.asl.json")
        for (name, text) in [("r1", first), ("r2", first), ("r3", second)] {
            try text.write(to: file, atomically: true, encoding: .utf8)
            #expect(await TestSupport.cli("run", file.path, "--db", database, "--name", name).status == 0)
        }
        let store = try await Store(path: database, options: Store.Options(readOnly: true))
        let machineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:flow"
        var revisions: [String] = []
        for name in ["r1", "r2", "r3"] {
            let revision = try #require(try await store.execution(nameOrArn: name)?.revisionId, "\(name) has no revision")
            revisions.append(revision)
        }
        #expect(revisions[0] == revisions[1])
        #expect(revisions[1] != revisions[2])
        #expect(try await store.stateMachineRevision(arn: machineArn, revisionId: revisions[0])?.definition == first)
        #expect(try await store.stateMachineRevision(arn: machineArn, revisionId: revisions[2])?.definition == second)
        #expect(try await store.stateMachine(arn: machineArn)?.revisionId == revisions[2])
        try await store.close()
    }
}
