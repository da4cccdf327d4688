import Foundation
import JSON
import StepwiseSQLite

extension Store {
    /// Stores a new state machine and its first revision.
    ///
    /// - Throws: `.alreadyExists` when a state machine with that name or ARN exists.
    package func createStateMachine(_ machine: StateMachineRecord) throws {
        let database = try database()
        do {
            try database.transaction {
                try database.run(
                    """
                    INSERT INTO state_machines (name, arn, definition, type, role_arn, revision_id, created_date, \
                    updated_date, status, tags, configuration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, machine.name, machine.arn, machine.definition, machine.type.rawValue, machine.roleArn,
                    machine.revisionId, machine.creationDate.timeIntervalSince1970,
                    machine.updateDate?.timeIntervalSince1970, machine.status.rawValue, Self.tagsJSON(machine.tags),
                    JSON.object(machine.configuration).serialized())
                try database.insertRevision(machine, date: machine.creationDate)
            }
        } catch let error as StoreError where error.isDuplicate {
            throw StoreError(.alreadyExists, "State Machine Already Exists: '\(machine.arn)'", code: error.code)
        }
    }

    /// Changes a state machine's definition and/or role as a new revision; running executions keep theirs.
    ///
    /// - Returns: the updated state machine. - Throws: `.notFound` for an unknown ARN.
    @discardableResult
    package func updateStateMachine(
        arn: String, definition: String? = nil, roleArn: String? = nil,
        revisionId: String, date: Date
    ) throws -> StateMachineRecord {
        let database = try database()
        return try database.transaction {
            guard let machine = try stateMachine(arn: arn) else { throw Self.noStateMachine(arn) }
            return try database.revise(
                machine, definition: definition, roleArn: roleArn, configuration: [:], revisionId: revisionId, date: date)
        }
    }

    /// The state machine with this ARN, or nil.
    package func stateMachine(arn: String) throws -> StateMachineRecord? {
        try database().rows(
            "SELECT \(Self.stateMachineColumns) FROM state_machines WHERE arn = ?", arn,
            row: Self.stateMachine
        ).first
    }

    /// One revision of a state machine's definition (DescribeStateMachineForExecution), or nil.
    package func stateMachineRevision(arn: String, revisionId: String) throws -> StateMachineRevision? {
        try database().rows(
            """
            SELECT arn, revision_id, definition, role_arn, created_date, configuration FROM state_machine_revisions
            WHERE arn = ? AND revision_id = ?
            """, arn, revisionId
        ) {
            var revision = StateMachineRevision(
                arn: $0.text(0), revisionId: $0.text(1), definition: $0.text(2), roleArn: $0.text(3),
                creationDate: Date(timeIntervalSince1970: $0.double(4)))
            revision.configuration = Self.configuration(fromJSON: $0.text(5))
            return revision
        }.first
    }

    /// State machines by name, a page at a time (`maxResults` 0 → 100).
    package func listStateMachines(maxResults: Int = 0, nextToken: String? = nil) throws -> Page<StateMachineRecord> {
        let limit = try Self.pageSize(maxResults)
        let after =
            try nextToken.map {
                try PageToken(decoding: $0, listing: "stateMachines", scope: "", keyCount: 1).key[0].stringValue ?? ""
            } ?? ""
        let machines = try database().rows(
            """
            SELECT \(Self.stateMachineColumns) FROM state_machines WHERE name > ? ORDER BY name LIMIT ?
            """, after, limit + 1, row: Self.stateMachine)
        guard machines.count > limit else { return Page(items: machines, nextToken: nil) }
        let token = PageToken(listing: "stateMachines", scope: "", key: [.string(machines[limit - 1].name)])
        return Page(items: Array(machines.prefix(limit)), nextToken: token.encoded())
    }

    /// Deletes a state machine and its revisions. Its executions stay (they carry their definition) until
    /// ``purge(olderThanDays:now:)`` removes them. Returns false when there was no such state machine.
    @discardableResult
    package func deleteStateMachine(arn: String) throws -> Bool {
        try database().run("DELETE FROM state_machines WHERE arn = ?", arn) > 0
    }

    /// Marks a state machine DELETING (DeleteStateMachine while executions still run).
    func markStateMachineDeleting(arn: String) throws {
        guard try database().run("UPDATE state_machines SET status = 'DELETING' WHERE arn = ?", arn) > 0
        else { throw Self.noStateMachine(arn) }
    }

    static func noStateMachine(_ arn: String) -> StoreError {
        StoreError(.notFound, "State Machine Does Not Exist: '\(arn)'")
    }
}

extension SQLiteConnection {
    /// Makes `revisionId` the state machine's new revision (inside the caller's transaction); answers the machine.
    /// `configuration` holds the configurations that change (the others stay).
    func revise(
        _ machine: StateMachineRecord, definition: String?, roleArn: String?, configuration: JSONObject, revisionId: String, date: Date
    ) throws -> StateMachineRecord {
        var machine = machine
        machine.definition = definition ?? machine.definition
        machine.roleArn = roleArn ?? machine.roleArn
        machine.configuration = machine.configuration.merging(configuration)
        machine.revisionId = revisionId
        machine.updateDate = date
        try run(
            """
            UPDATE state_machines SET definition = ?, role_arn = ?, configuration = ?, revision_id = ?, updated_date = ? WHERE arn = ?
            """, machine.definition, machine.roleArn, JSON.object(machine.configuration).serialized(), revisionId,
            date.timeIntervalSince1970, machine.arn)
        try insertRevision(machine, date: date)
        return machine
    }

    /// Records `machine`'s current revision (its definition, role and configurations).
    func insertRevision(_ machine: StateMachineRecord, date: Date) throws {
        try run(
            """
            INSERT INTO state_machine_revisions (arn, revision_id, definition, role_arn, created_date, configuration)
            VALUES (?, ?, ?, ?, ?, ?)
            """, machine.arn, machine.revisionId, machine.definition, machine.roleArn, date.timeIntervalSince1970,
            JSON.object(machine.configuration).serialized())
    }
}
