import Foundation
import JSON
import JSONata
import Stepwise
import Synchronization
import Testing

/// What the fairness test's jobs share.
private final class Shared: Sendable {
    let gate = Mutex(false)
    let order = Mutex<[String]>([])
}

/// Steps whose evaluations need more than the cooperative pool's budget run again on the heavy threads, with the
/// same events; interrupted steps are logged so that a replay evaluates nothing (issue 22).
@Suite("Heavy evaluations: moved, not blocked on; interrupted steps replay", .timeLimit(.minutes(2)))
struct HeavyEvaluationTests {
    /// Deeper than the 32 levels and longer than the 2 ms a step may evaluate inline, with `$random()` and
    /// `$uuid()`, whose values depend on the step's seed: the heavy run must give exactly the inline run's values.
    static let heavy = #"""
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {"P": {"Type": "Pass", "Output": "{% ($deep := function($n) { $n = 0 ? 0 : 1 + $deep($n - 1) }; {'random': $random(), 'uuid': $uuid(), 'deep': $deep(15), 'distinct': $count($distinct([1..20000]))}) %}", "Next": "Q"},
          "Q": {"Type": "Pass", "Output": "{% $merge([$states.input, {'after': $random()}]) %}", "End": true}}}
        """#

    @Test("the heavy threads run at nice 10, below the threads that serve requests and drive executions")
    func lowPriority() async throws {
        // Field 19 of /proc/thread-self/stat is the thread's nice value; fields 3… follow the name's closing ")".
        let nice = { @Sendable () -> String? in
            guard let stat = try? String(contentsOfFile: "/proc/thread-self/stat", encoding: .utf8), let end = stat.lastIndex(of: ")") else {
                return nil
            }
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            return fields.count > 16 ? String(fields[16]) : nil
        }
        #expect(await HeavyEvaluations(threads: 1, stackSize: 1 << 20).run(owner: "test", nice) == "10")
        #expect(nice() == "0")
    }

    @Test("a step that goes heavy gives the events and values of a run on a heavy thread from the start")
    func sameValues() async throws {
        let machine = try StateMachine(text: Self.heavy, name: "heavy")
        let journal = MemoryJournal()
        let execution = try await Runtime(clock: .virtual).start(machine, input: [:], journal: journal)
        let result = await execution.result
        #expect(result.status == .succeeded, "\(result.cause ?? "")")
        #expect(result.output?["deep"] == 15)
        #expect(result.output?["distinct"] == 20000)
        // The same execution interpreted in one go on a heavy thread: the abandoned inline attempt left nothing
        // behind (its `$random()` and `$uuid()` draws are not seen by the second run).
        let info = try #require(journal.info.withLock { $0 })
        let direct = await HeavyEvaluations.shared.run(owner: "test") {
            var interpreter = Interpreter(definition: machine.definition, info: info)
            interpreter.evaluationPlace = .heavy
            _ = interpreter.handle(.start, now: info.startTime)
            return (interpreter.output, interpreter.drainEvents().map(\.type))
        }
        #expect(direct.0 == result.output)
        #expect(direct.1 == (await execution.history).map(\.type))
        // And replayed from its log, which goes heavy again.
        let replayed = await Runtime(clock: .virtual).resume(machine, info: info, steps: journal.steps.withLock { $0 })
        #expect(await replayed.result.output == result.output)
    }

    /// A Map of 150 iterations (three chunks of the interpreter's chunked tables), each waiting its own number of
    /// seconds; every 25th iteration's Pass recurses past the 32 levels, so its step is given up mid-Map and run
    /// again from the copy taken before it. `$random()` depends on the step's seed and on the draws before it.
    static let heavyMap = #"""
        {"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..150] %}",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "W", "States": {
            "W": {"Type": "Wait", "Seconds": "{% $states.input %}", "Next": "P"},
            "P": {"Type": "Pass", "Output": "{% ($deep := function($n) { $n = 0 ? 0 : 1 + $deep($n - 1) }; {'i': $states.input, 'r': $random(), 'd': $states.input % 25 = 0 ? $deep(15) : 0}) %}", "End": true}}},
          "End": true}}}
        """#

    @Test("iterations given up mid-Map re-run from the state before them: results and history as without offloading")
    func givenUpMidMap() async throws {
        let machine = try StateMachine(text: Self.heavyMap, name: "heavy-map")
        let journal = MemoryJournal()
        let execution = try await Runtime(clock: .virtual).start(machine, input: [:], journal: journal)
        let result = await execution.result
        #expect(result.status == .succeeded, "\(result.cause ?? "")")
        // `$deep(15)` cannot run in the 32 levels of the inline budget: those five steps ran again on a heavy thread.
        let output = try #require(result.output?.arrayValue)
        #expect(output.count == 150)
        #expect(output.map { $0["d"] } == (1...150).map { JSON.int($0 % 25 == 0 ? 15 : 0) })
        // The same execution on a heavy thread, its timers fired in deadline order: no step is given up there.
        let info = try #require(journal.info.withLock { $0 })
        let direct = await HeavyEvaluations.shared.run(owner: "test") {
            var interpreter = Interpreter(definition: machine.definition, info: info)
            interpreter.evaluationPlace = .heavy
            var timers: [(timer: Int, deadline: Date)] = []
            var events: [HistoryEvent] = []
            var input = StepInput.start
            var now = info.startTime
            while true {
                for case .schedule(let timer, let deadline) in interpreter.handle(input, now: now) { timers.append((timer, deadline)) }
                events += interpreter.drainEvents()
                guard let next = timers.indices.min(by: { (timers[$0].deadline, timers[$0].timer) < (timers[$1].deadline, timers[$1].timer) })
                else { break }
                (input, now) = (.timerFired(timer: timers[next].timer), timers[next].deadline)
                timers.remove(at: next)
            }
            return (interpreter.output, events.map { $0.json() })
        }
        #expect(direct.0 == result.output)
        #expect(direct.1 == (await execution.history).map { $0.json() })
        // The start and one step per timer: the given-up attempts left nothing in the log.
        #expect(journal.steps.withLock { $0 }.count == 151)
    }

    /// `(a+)+$` on 32 `a`s and a `!`: 2³² ways to fail, stopped only by the 5 s deadline or an interrupt.
    static let bomb = #"""
        {"QueryLanguage": "JSONata", "StartAt": "P", "States": {
          "P": {"Type": "Pass", "Output": "{% $match($states.input.s, /(a+)+$/) %}", "End": true}}}
        """#

    @Test("a stop during a heavy step ends it at once, logged as interrupted; its replay evaluates nothing")
    func interruptedReplay() async throws {
        let machine = try StateMachine(text: Self.bomb, name: "bomb")
        let journal = MemoryJournal()
        let clock = ContinuousClock()
        let began = clock.now
        let execution = try await Runtime(clock: .real).start(
            machine, input: ["s": .string(String(repeating: "a", count: 32) + "!")], journal: journal)
        // Give the start step time to reach the heavy threads (nothing shows it: it is recorded when it ends). A
        // stop that comes earlier is applied right after the start and gives the same log, so this is no race.
        try await Task.sleep(for: .milliseconds(200))
        await execution.stop(error: "Halt", cause: "by the test")
        let result = await execution.result
        // ABORTED, not FAILED with U1001 after the 5 s deadline: the stop interrupted the evaluation. (How fast is
        // asserted against a live `serve`, alone in its process, in EvaluationIsolationTests; here other suites
        // share the threads.)
        #expect(result.status == .aborted)
        #expect(result.error == "Halt")
        print("stop of a heavy step: ended \(clock.now - began) after the start")
        let history = await execution.history
        #expect(history.map(\.type) == [.executionStarted, .passStateEntered, .executionAborted])
        let steps = journal.steps.withLock { $0 }
        #expect(steps.map(\.input.json["kind"]) == ["interrupted", "stop"])
        #expect(steps.first?.input.json == ["kind": "interrupted", "step": ["kind": "start"]])

        let info = try #require(journal.info.withLock { $0 })
        let replayStart = clock.now
        let replayed = await Runtime(clock: .real).resume(machine, info: info, steps: steps)
        #expect(await replayed.result.status == .aborted)
        #expect((await replayed.history).map(\.type) == history.map(\.type))
        // Evaluating the bomb again would have failed the replay with U1001 after 5 s, before its stop.
        print("replay of the interrupted execution: \(clock.now - replayStart)")
    }

    @Test("an owner never holds every heavy thread: another owner's job runs while its slow jobs wait")
    func fairness() async throws {
        let pool = HeavyEvaluations(threads: 2, stackSize: 1 << 20)
        let shared = Shared()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(20)
        // Owner "a" queues four jobs that hold their thread until the gate opens, then "b" queues one: "b" runs on
        // the thread "a" may not take while "a"'s first job still holds the other.
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<4 {
                group.addTask {
                    await pool.run(owner: "a") {
                        while !shared.gate.withLock({ $0 }), clock.now < deadline { usleep(1000) }
                        shared.order.withLock { $0.append("a\(index)") }
                    }
                }
            }
            group.addTask { await pool.run(owner: "b") { shared.order.withLock { $0.append("b") } } }
            while shared.order.withLock({ $0.isEmpty }), clock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
            #expect(shared.order.withLock { $0 } == ["b"])
            shared.gate.withLock { $0 = true }
        }
        #expect(shared.order.withLock { $0 }.sorted() == ["a0", "a1", "a2", "a3", "b"])
    }
}
