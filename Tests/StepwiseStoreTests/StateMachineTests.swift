import Foundation
import JSON
import Testing

@testable import StepwiseStore

@Suite("State machines", .timeLimit(.minutes(3)))
struct StateMachineTests {
    @Test("Creating a state machine twice fails with alreadyExists")
    func duplicate() async throws {
        let store = try await Store(path: try Fixture.path())
        try await store.createStateMachine(Fixture.machine())
        await #expect { try await store.createStateMachine(Fixture.machine()) } throws: {
            ($0 as? StoreError)?.kind == .alreadyExists
        }
    }

    @Test("Updating a state machine records a new revision and keeps the old one")
    func update() async throws {
        let store = try await Store(path: try Fixture.path())
        try await store.createStateMachine(Fixture.machine())
        let updated = try await store.updateStateMachine(
            arn: Fixture.machineArn, definition: "{}", revisionId: "r2",
            date: Date(timeIntervalSince1970: 2_000))
        #expect(updated.revisionId == "r2" && updated.definition == "{}" && updated.roleArn == Fixture.machine().roleArn)
        #expect(try await store.stateMachine(arn: Fixture.machineArn) == updated)
        #expect(try await store.stateMachineRevision(arn: Fixture.machineArn, revisionId: "r1")?.definition == Fixture.definition)
        #expect(try await store.stateMachineRevision(arn: Fixture.machineArn, revisionId: "r2")?.definition == "{}")
        await #expect { try await store.updateStateMachine(arn: "nope", revisionId: "x", date: Date()) } throws: {
            ($0 as? StoreError)?.kind == .notFound
        }
    }

    @Test("Configurations belong to the revision: a change makes one, the same again does not; they survive a reopen")
    func configurations() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        var machine = Fixture.machine()
        machine.configuration = ["tracingConfiguration": ["enabled": true]]
        try await store.createStateMachine(machine)
        let logging: JSON = ["level": "OFF", "includeExecutionData": false]
        let changed = try await store.updateStateMachine(
            arn: Fixture.machineArn, definition: nil, roleArn: nil, configuration: ["loggingConfiguration": logging], newRevisionId: "r2",
            date: Date(timeIntervalSince1970: 2_000), publish: nil)
        #expect(changed.machine.revisionId == "r2")
        #expect(changed.machine.configuration == ["tracingConfiguration": ["enabled": true], "loggingConfiguration": logging])
        let same = try await store.updateStateMachine(
            arn: Fixture.machineArn, definition: nil, roleArn: nil, configuration: ["loggingConfiguration": logging], newRevisionId: "r3",
            date: Date(timeIntervalSince1970: 3_000), publish: nil)
        #expect(same.machine.revisionId == "r2")
        try await store.close()
        let reopened = try await Store(path: path)
        #expect(try await reopened.stateMachine(arn: Fixture.machineArn)?.configuration == changed.machine.configuration)
        #expect(try await reopened.stateMachineRevision(arn: Fixture.machineArn, revisionId: "r1")?.configuration == machine.configuration)
        #expect(try await reopened.stateMachineRevision(arn: Fixture.machineArn, revisionId: "r2")?.configuration == changed.machine.configuration)
    }

    @Test("State machines list by name, a page at a time")
    func list() async throws {
        let store = try await Store(path: try Fixture.path())
        for name in ["c", "a", "e", "b", "d"] { try await store.createStateMachine(Fixture.machine(name)) }
        let first = try await store.listStateMachines(maxResults: 2)
        #expect(first.items.map(\.name) == ["a", "b"])
        let second = try await store.listStateMachines(maxResults: 2, nextToken: first.nextToken)
        #expect(second.items.map(\.name) == ["c", "d"])
        let third = try await store.listStateMachines(maxResults: 2, nextToken: second.nextToken)
        #expect(third.items.map(\.name) == ["e"] && third.nextToken == nil)
        #expect(try await store.listStateMachines().items.count == 5)
    }

    @Test("Deleting a state machine removes it and its revisions but keeps its executions")
    func delete() async throws {
        let path = try Fixture.path()
        let store = try await Store(path: path)
        try await store.createStateMachine(Fixture.machine())
        try await store.createExecution(Fixture.execution("e1"))
        #expect(try await store.deleteStateMachine(arn: Fixture.machineArn))
        #expect(try await store.stateMachine(arn: Fixture.machineArn) == nil)
        #expect(try await store.deleteStateMachine(arn: Fixture.machineArn) == false)
        #expect(try await store.execution(arn: Fixture.execution("e1").arn)?.definition == Fixture.definition)
        #expect(try Fixture.count("SELECT count(*) FROM state_machine_revisions", at: path) == 0)
        try await store.createStateMachine(Fixture.machine())  // the name is free again
    }

    @Test("Tags are added, overwritten, removed and kept as a JSON object")
    func tags() async throws {
        let store = try await Store(path: try Fixture.path())
        var machine = Fixture.machine()
        machine.tags = ["team": "a"]
        try await store.createStateMachine(machine)
        try await store.tagStateMachine(arn: machine.arn, tags: ["team": "b", "env": "dev"])
        #expect(try await store.tags(arn: machine.arn) == ["team": "b", "env": "dev"])
        try await store.untagStateMachine(arn: machine.arn, keys: ["team", "missing"])
        #expect(try await store.tags(arn: machine.arn) == ["env": "dev"])
        await #expect { try await store.tags(arn: "nope") } throws: { ($0 as? StoreError)?.kind == .notFound }
    }
}
