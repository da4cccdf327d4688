import Foundation
import JSON
import StepwiseTesting
import Testing

/// `stepwise serve` on a disk that really fills up (a small file system the test mounts), then gets space back.
@Suite("stepwise serve on a disk that really fills up", .serialized, .timeLimit(.minutes(3)))
struct ServeDiskFullTests {
    /// Two Waits between Passes, so the executions started before the disk fills are still running when it does.
    static let definition = """
        {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"pad":"\(String(repeating: "x", count: 200))"},"Next":"W"},
        "W":{"Type":"Wait","Seconds":1,"Next":"B"},"B":{"Type":"Pass","Next":"W2"},"W2":{"Type":"Wait","Seconds":1,"Next":"C"},
        "C":{"Type":"Pass","End":true}}}
        """

    /// Starts 30 executions, fills the disk with a filler file, polls /health every 20 ms throughout, makes 200
    /// StartExecutions while it is full, waits 2.5 s (the running executions meet the full disk), deletes the
    /// filler, then waits (deadlines of 30 s) for /health 200 and every accepted execution to succeed, and starts 20
    /// more. Prints what it saw as JSON.
    static let scenario = """
        import json, os, sys, threading, time, urllib.request, urllib.error
        base, filler, definition = sys.argv[1], sys.argv[2], sys.argv[3]
        def send(path, body=None, target=None):
            headers = {"Content-Type": "application/x-amz-json-1.0"}
            if target: headers["X-Amz-Target"] = "AWSStepFunctions." + target
            data = None if body is None else json.dumps(body).encode()
            request = urllib.request.Request(base + path, data=data, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status, json.load(response)
            except urllib.error.HTTPError as error:
                return error.code, json.load(error)
        clock = time.monotonic()
        def now(): return time.monotonic() - clock
        machine = send("/", {"name": "m", "definition": definition, "roleArn": "arn:aws:iam::123456789012:role/r"}, "CreateStateMachine")[1]["stateMachineArn"]
        prefix = machine.replace(":stateMachine:", ":execution:") + ":"
        def start(name): return send("/", {"stateMachineArn": machine, "name": name, "input": json.dumps({"n": name})}, "StartExecution")
        early = ["early-%d" % i for i in range(30)]
        early_status = sorted(set(start(name)[0] for name in early))
        descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
        for size in (65536, 4096, 512):
            try:
                while True: os.write(descriptor, b"\\0" * size)
            except OSError:
                pass
        os.close(descriptor)
        samples, phase, polling = [], ["full"], [True]
        def poll():
            while polling[0]:
                sent, current = now(), phase[0]
                status, body = send("/health")
                samples.append((sent, current, status, body["store"]["lastFailure"]))
                time.sleep(0.02)
        poller = threading.Thread(target=poll)
        poller.start()
        results = {}
        def starter(names):
            for name in names:
                sent = now()
                status, body = start(name)
                results[name] = (status, body.get("__type"), sent)
        names = ["full-%d" % i for i in range(200)]
        threads = [threading.Thread(target=starter, args=(names[i::10],)) for i in range(10)]
        for thread in threads: thread.start()
        for thread in threads: thread.join()
        refused = {name: result for name, result in results.items() if result[0] != 200}
        accepted = early + sorted(name for name, result in results.items() if result[0] == 200)
        refused_found = [name for name in refused if send("/", {"executionArn": prefix + name}, "DescribeExecution")[0] != 400]
        first_refusal = min([result[2] for result in refused.values()], default=None)
        time.sleep(2.5)
        phase[0] = "freed"
        freed = now()
        os.remove(filler)
        healthy = None
        while now() - freed < 30:
            if send("/health")[0] == 200:
                healthy = now() - freed
                break
            time.sleep(0.02)
        def statuses(): return {name: send("/", {"executionArn": prefix + name}, "DescribeExecution")[1].get("status") for name in accepted}
        finished = None
        while now() - freed < 30:
            if all(status == "SUCCEEDED" for status in statuses().values()):
                finished = now() - freed
                break
            time.sleep(0.1)
        after = sorted(set(start("after-%d" % i)[0] for i in range(20)))
        phase[0] = "after"
        polling[0] = False
        poller.join()
        print(json.dumps({
            "early": early_status, "refused": sorted(set("%d %s" % (result[0], result[1]) for result in refused.values())),
            "refusedCount": len(refused), "refusedFound": refused_found,
            "healthWhileFull": sorted(set("%d %s" % (s[2], s[3]) for s in samples if s[1] == "full" and first_refusal is not None and s[0] > first_refusal)),
            "healthySeconds": healthy, "finishedSeconds": finished,
            "notSucceeded": {name: status for name, status in statuses().items() if status != "SUCCEEDED"},
            "after": after, "afterSucceeded": all(send("/", {"executionArn": prefix + "after-%d" % i}, "DescribeExecution")[0] == 200 for i in range(20)),
        }))
        """

    @Test(
        "Starts get 503 while the disk is full and /health says so; once space is freed the server comes back by itself: /health 200, the stopped executions finish, new starts succeed, SIGTERM exits 0",
        .enabled(if: SmallDisk.available, Comment(rawValue: SmallDisk.skipMessage)))
    func fillAndFree() async throws {
        let directory = try TestSupport.temporaryDirectory()
        let disk = directory.appendingPathComponent("disk")
        try SmallDisk.mount(at: disk, megabytes: 4)
        defer { SmallDisk.unmount(disk) }
        let server = try await TestSupport.serve(
            ["--db", disk.appendingPathComponent("stepwise.db").path, "--data-dir", directory.appendingPathComponent("data").path], in: directory)
        defer { if server.process.isRunning { server.process.terminate() } }
        let python = try TestSupport.spawnPython(
            Self.scenario, arguments: [server.baseURL, disk.appendingPathComponent("filler").path, Self.definition], in: directory)
        #expect(await python.exited() == 0)
        let result = try JSON(parsing: String(contentsOf: directory.appendingPathComponent("python.out"), encoding: .utf8))
        #expect(result["early"] == [200])
        // Every start made while the disk is full is refused as AWS refuses one it cannot take, and none is stored.
        #expect(result["refusedCount"] == 200, "\(result)")
        #expect(result["refused"] == ["503 com.amazon.coral.availability#ServiceUnavailableException"])
        #expect(result["refusedFound"] == [])
        // /health never says 200 once a write has failed and until space is back.
        #expect(result["healthWhileFull"] == ["503 diskFull"], "\(result)")
        let healthy = try #require(result["healthySeconds"]?.doubleValue, "\(result)")
        #expect(healthy < 10)
        #expect(result["finishedSeconds"]?.doubleValue != nil, "\(result)")
        #expect(result["notSucceeded"] == [:])
        #expect(result["after"] == [200])
        #expect(result["afterSucceeded"] == true)
        #expect(server.logText.contains("stepwise: writes succeed again: resumed "), "\(server.logText)")
        server.process.terminate()
        #expect(await server.process.exited() == 0, "\(server.logText)")
    }
}
