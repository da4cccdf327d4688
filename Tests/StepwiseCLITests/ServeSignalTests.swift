import Foundation
import StepwiseTesting
import Testing

/// `stepwise serve` and its signals, on the real binary.
@Suite("stepwise serve: signals", .timeLimit(.minutes(2)))
struct ServeSignalTests {
    /// One signal is one shutdown: the server must not take it for two (it once made up a second SIGTERM when its
    /// signal stream ended, and exited 1 about one time in three).
    @Test("A single SIGTERM shuts down gracefully with status 0", arguments: 1...3)
    func singleSignal(attempt: Int) async throws {
        let directory = try TestSupport.temporaryDirectory()
        let server = try await TestSupport.serve(["--db", directory.appendingPathComponent("s.db").path], in: directory)
        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.process.exited() == 0, "attempt \(attempt): \(server.logText)")
        #expect(!server.logText.contains("second signal"))
    }

    /// A long poll keeps the graceful shutdown waiting (it answers requests in flight); a second SIGTERM must
    /// not wait for it.
    @Test("A second signal during a graceful shutdown exits at once with status 1", .realTime)
    func secondSignal() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let server = try await TestSupport.serve(["--db", directory.appendingPathComponent("s.db").path], in: directory)
        let poll = try TestSupport.spawnPython(
            """
            import json, sys, urllib.request
            def call(action, body):
                request = urllib.request.Request(sys.argv[1], data=json.dumps(body).encode(), method="POST", headers={
                    "X-Amz-Target": "AWSStepFunctions." + action, "Content-Type": "application/x-amz-json-1.0"})
                return json.load(urllib.request.urlopen(request, timeout=120))
            arn = call("CreateActivity", {"name": "slow"})["activityArn"]
            print("polling", flush=True)
            call("GetActivityTask", {"activityArn": arn})
            """, arguments: [server.baseURL], in: directory)
        defer { poll.terminate() }
        while !((try? String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8)) ?? "").contains("polling") {
            try await Task.sleep(for: .milliseconds(20))
        }
        try await Task.sleep(for: .milliseconds(200))  // the poll reaches the server
        kill(server.process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.process.isRunning, "the first signal waits for the poll in flight")
        let second = ContinuousClock.now
        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.process.exited() == 1)
        #expect(ContinuousClock.now - second < .seconds(5))
        #expect(server.logText.contains("second signal: exiting now"))
    }
}
