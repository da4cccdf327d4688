import Foundation
import Testing

@testable import StepwiseStore

@Suite("Executions", .timeLimit(.minutes(3)))
struct ExecutionTests {
    /// A store with executions e0…e(count-1) started one second apart; odd ones have finished.
    func store(executions count: Int) async throws -> Store {
        let store = try await Store(path: try Fixture.path())
        for index in 0..<count {
            try await store.createExecution(Fixture.execution("e\(index)", start: 1_000 + Double(index)))
            if index % 2 == 1 {
                try await store.finishExecution(
                    arn: Fixture.execution("e\(index)").arn, status: .succeeded,
                    output: "{}", stopDate: Date(timeIntervalSince1970: 2_000))
            }
        }
        return store
    }

    @Test("Executions list newest first across pages")
    func listNewestFirst() async throws {
        let store = try await store(executions: 5)
        var names: [String] = []
        var token: String?
        repeat {
            let page = try await store.listExecutions(stateMachineArn: Fixture.machineArn, maxResults: 2, nextToken: token)
            #expect(page.items.count <= 2)
            names += page.items.map(\.name)
            token = page.nextToken
        } while token != nil
        #expect(names == ["e4", "e3", "e2", "e1", "e0"])
    }

    @Test("Executions filter by status, and maxResults 0 means 100")
    func filterByStatus() async throws {
        let store = try await store(executions: 5)
        let running = try await store.listExecutions(stateMachineArn: Fixture.machineArn, status: .running)
        #expect(running.items.map(\.name) == ["e4", "e2", "e0"] && running.nextToken == nil)
        let succeeded = try await store.listExecutions(status: .succeeded, maxResults: 0)
        #expect(succeeded.items.map(\.name) == ["e3", "e1"])
        #expect(try await store.listExecutions(stateMachineArn: "other").items.isEmpty)
    }

    @Test("A page token from another query, or garbage, is an invalid token", arguments: ["garbage", "", "eyJ2IjoxfQ"])
    func invalidTokens(token: String) async throws {
        let store = try await store(executions: 3)
        await #expect { try await store.listExecutions(nextToken: token) } throws: {
            ($0 as? StoreError)?.kind == .invalidToken
        }
    }

    @Test("A token is bound to the query it came from")
    func tokenScope() async throws {
        let store = try await store(executions: 3)
        let page = try await store.listExecutions(stateMachineArn: Fixture.machineArn, maxResults: 1)
        await #expect { try await store.listExecutions(status: .running, nextToken: page.nextToken) } throws: {
            ($0 as? StoreError)?.kind == .invalidToken
        }
        await #expect { try await store.history(arn: Fixture.execution("e0").arn, nextToken: page.nextToken) } throws: {
            ($0 as? StoreError)?.kind == .invalidToken
        }
    }

    @Test("maxResults outside 0…1000 is an invalid argument", arguments: [-1, 1001])
    func maxResultsRange(maxResults: Int) async throws {
        let store = try await store(executions: 1)
        await #expect { try await store.listExecutions(maxResults: maxResults) } throws: {
            ($0 as? StoreError)?.kind == .invalidArgument
        }
    }

    @Test("Lookups by ARN and by name, running executions, and finishing once")
    func lookups() async throws {
        let store = try await store(executions: 4)
        let e2 = Fixture.execution("e2", start: 1_002)
        #expect(try await store.execution(arn: e2.arn) == e2)
        #expect(try await store.execution(name: "e2", stateMachineArn: Fixture.machineArn) == e2)
        #expect(try await store.execution(name: "zz", stateMachineArn: Fixture.machineArn) == nil)
        #expect(try await store.runningExecutions().map(\.name) == ["e0", "e2"])
        let finished = try #require(try await store.execution(arn: Fixture.execution("e1").arn))
        #expect(finished.status == .succeeded && finished.output == "{}" && finished.stopDate != nil)
        try await store.finishExecution(arn: e2.arn, status: .failed, error: "E", cause: "C", stopDate: Date())
        await #expect { try await store.finishExecution(arn: e2.arn, status: .failed, stopDate: Date()) } throws: {
            ($0 as? StoreError)?.kind == .invalidArgument
        }
        await #expect { try await store.createExecution(e2) } throws: { ($0 as? StoreError)?.kind == .alreadyExists }
    }
}
