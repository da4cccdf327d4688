import Foundation
import JSON
import StepwiseSQLite

/// Versions of state machines: immutable, numbered snapshots of revisions.
extension Store {
    /// Publishes the current revision of a state machine as its next version, or answers the version that already
    /// froze it; checks the expected revision and the limit first, in the same transaction.
    ///
    /// - Throws: `.notFound` for an unknown state machine.
    package func publishVersion(arn: String, _ request: VersionRequest) throws -> PublishResult {
        let database = try database()
        return try database.transaction {
            guard let machine = try stateMachine(arn: arn) else { throw Self.noStateMachine(arn) }
            return try database.publish(machine, request)
        }
    }

    /// Changes a state machine's definition and/or role as a new revision, unless they are what it has already
    /// (then the revision stays), and publishes the resulting revision when `publish` asks. Over the version limit,
    /// nothing changes.
    ///
    /// - Returns: the state machine as it is now, and how the publish went. - Throws: `.notFound` for an unknown ARN.
    package func updateStateMachine(
        arn: String, definition: String?, roleArn: String?, configuration: JSONObject = [:], newRevisionId: String, date: Date,
        publish: VersionRequest?
    ) throws -> (machine: StateMachineRecord, publish: PublishResult?) {
        let database = try database()
        return try database.transaction {
            guard var machine = try stateMachine(arn: arn) else { throw Self.noStateMachine(arn) }
            let changed =
                (definition ?? machine.definition) != machine.definition || (roleArn ?? machine.roleArn) != machine.roleArn
                || machine.configuration.merging(configuration) != machine.configuration
            if changed {
                if let publish, try database.versionCount(arn) >= publish.limit { return (machine, .limitReached) }
                machine = try database.revise(
                    machine, definition: definition, roleArn: roleArn, configuration: configuration, revisionId: newRevisionId, date: date)
            }
            return (machine, try publish.map { try database.publish(machine, $0) })
        }
    }

    /// A version by its state machine and number, or nil.
    package func stateMachineVersion(arn: String, number: Int) throws -> StateMachineVersionRecord? {
        try database().rows("\(Self.versionQuery) WHERE v.state_machine_arn = ? AND v.version = ?", arn, number, row: Self.version).first
    }

    /// A state machine's versions, newest first, a page at a time (`maxResults` 0 → 100).
    ///
    /// - Throws: `.invalidToken` for a token not issued for this state machine; `.invalidArgument` for `maxResults`.
    package func listStateMachineVersions(arn: String, maxResults: Int = 0, nextToken: String? = nil) throws -> Page<StateMachineVersionRecord> {
        let limit = try Self.pageSize(maxResults)
        var below = Int.max
        if let nextToken {
            guard let number = try PageToken(decoding: nextToken, listing: "versions", scope: arn, keyCount: 1).key[0].intValue else {
                throw StoreError(.invalidToken, "Invalid Token: 'Invalid token'")
            }
            below = number
        }
        let versions = try database().rows(
            "\(Self.versionQuery) WHERE v.state_machine_arn = ? AND v.version < ? ORDER BY v.version DESC LIMIT ?", arn, below, limit + 1,
            row: Self.version)
        guard versions.count > limit else { return Page(items: versions, nextToken: nil) }
        let token = PageToken(listing: "versions", scope: arn, key: [.int(versions[limit - 1].number)])
        return Page(items: Array(versions.prefix(limit)), nextToken: token.encoded())
    }

    /// Deletes a version unless an alias routes to it (an unknown version is fine).
    ///
    /// - Returns: the names of the aliases that route to it, oldest first; nothing was deleted when there are any.
    package func deleteStateMachineVersion(arn: String, number: Int) throws -> [String] {
        let database = try database()
        return try database.transaction {
            let routing = try database.aliases(of: arn).filter { $0.routing.contains { $0.version == number } }
            guard routing.isEmpty else { return routing.map(\.name) }
            try database.run("DELETE FROM state_machine_versions WHERE state_machine_arn = ? AND version = ?", arn, number)
            return []
        }
    }

    static let versionQuery = """
        SELECT v.state_machine_arn, v.version, v.revision_id, r.definition, r.role_arn, v.description, v.created_date, r.configuration
        FROM state_machine_versions v JOIN state_machine_revisions r ON r.arn = v.state_machine_arn AND r.revision_id = v.revision_id
        """

    static func version(_ row: SQLiteStatement) -> StateMachineVersionRecord {
        StateMachineVersionRecord(
            stateMachineArn: row.text(0), number: row.int(1), revisionId: row.text(2), definition: row.text(3), roleArn: row.text(4),
            description: row.optionalText(5), creationDate: Date(timeIntervalSince1970: row.double(6)),
            configuration: configuration(fromJSON: row.text(7)))
    }
}

extension SQLiteConnection {
    /// Publishes `machine`'s current revision (inside the caller's transaction); see ``Store/publishVersion(arn:_:)``.
    func publish(_ machine: StateMachineRecord, _ request: VersionRequest) throws -> PublishResult {
        if let expects = request.expectsRevision, !expects(machine.revisionId) { return .staleRevision(current: machine.revisionId) }
        if let existing = try rows(
            "\(Store.versionQuery) WHERE v.state_machine_arn = ? AND v.revision_id = ?", machine.arn, machine.revisionId, row: Store.version
        ).first {
            return .existing(existing)
        }
        guard try versionCount(machine.arn) < request.limit else { return .limitReached }
        let number = (try int("SELECT last_version FROM state_machines WHERE arn = ?", machine.arn) ?? 0) + 1
        try run("UPDATE state_machines SET last_version = ? WHERE arn = ?", number, machine.arn)
        try run(
            """
            INSERT INTO state_machine_versions (state_machine_arn, version, revision_id, description, created_date)
            VALUES (?, ?, ?, ?, ?)
            """, machine.arn, number, machine.revisionId, request.description, request.date.timeIntervalSince1970)
        return .published(
            StateMachineVersionRecord(
                stateMachineArn: machine.arn, number: number, revisionId: machine.revisionId, definition: machine.definition,
                roleArn: machine.roleArn, description: request.description, creationDate: request.date,
                configuration: machine.configuration))
    }

    /// How many versions a state machine has.
    func versionCount(_ arn: String) throws -> Int {
        try int("SELECT count(*) FROM state_machine_versions WHERE state_machine_arn = ?", arn) ?? 0
    }
}
