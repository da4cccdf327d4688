import Foundation
import JSON
import StepwiseSQLite

/// How a change to an alias went.
package enum AliasChange: Sendable, Equatable {
    /// Created or updated as asked.
    case saved(StateMachineAliasRecord)
    /// Creating: an alias of that name with the same description and routing exists (creating is idempotent).
    case existing(StateMachineAliasRecord)
    /// Creating: an alias of that name exists with another description or routing.
    case conflict
    /// Creating: the state machine has as many aliases as the limit allows.
    case limitReached
    /// The routing names a version the state machine does not have (or the state machine does not exist).
    case missingVersion(Int)
}

/// Aliases of state machines: names that route starts to one or two versions by weight.
extension Store {
    /// Creates an alias unless one of that name exists (idempotent for the same description and routing).
    package func createStateMachineAlias(_ alias: StateMachineAliasRecord, limit: Int) throws -> AliasChange {
        let database = try database()
        return try database.transaction {
            if let missing = try database.missingVersion(of: alias) { return .missingVersion(missing) }
            if let existing = try database.alias(arn: alias.arn) {
                let same = existing.description == alias.description && existing.routing == alias.routing
                return same ? .existing(existing) : .conflict
            }
            guard try database.aliases(of: alias.stateMachineArn).count < limit else { return .limitReached }
            try database.run(
                """
                INSERT INTO state_machine_aliases (arn, state_machine_arn, name, description, routing, created_date, updated_date)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, alias.arn, alias.stateMachineArn, alias.name, alias.description, Self.routingJSON(alias.routing),
                alias.creationDate.timeIntervalSince1970, alias.updateDate.timeIntervalSince1970)
            return .saved(alias)
        }
    }

    /// Changes an alias's description and/or routing.
    ///
    /// - Throws: `.notFound` for an unknown alias.
    package func updateStateMachineAlias(
        arn: String, description: String?, routing: [StateMachineAliasRecord.Route]?, date: Date
    ) throws -> AliasChange {
        let database = try database()
        return try database.transaction {
            guard var alias = try database.alias(arn: arn) else { throw StoreError(.notFound, "Alias Does Not Exist: '\(arn)'") }
            alias.description = description ?? alias.description
            alias.routing = routing ?? alias.routing
            alias.updateDate = date
            if let missing = try database.missingVersion(of: alias) { return .missingVersion(missing) }
            try database.run(
                "UPDATE state_machine_aliases SET description = ?, routing = ?, updated_date = ? WHERE arn = ?", alias.description,
                Self.routingJSON(alias.routing), date.timeIntervalSince1970, arn)
            return .saved(alias)
        }
    }

    /// The alias with this ARN, or nil.
    package func stateMachineAlias(arn: String) throws -> StateMachineAliasRecord? { try database().alias(arn: arn) }

    /// Deletes an alias (an unknown one is fine).
    package func deleteStateMachineAlias(arn: String) throws {
        try database().run("DELETE FROM state_machine_aliases WHERE arn = ?", arn)
    }

    /// A state machine's aliases, oldest first, a page at a time (`maxResults` 0 → 100); with `version`, only
    /// those that route to it.
    ///
    /// - Throws: `.invalidToken` for a token not issued for this listing; `.invalidArgument` for `maxResults`.
    package func listStateMachineAliases(
        arn: String, version: Int? = nil, maxResults: Int = 0, nextToken: String? = nil
    ) throws -> Page<StateMachineAliasRecord> {
        let limit = try Self.pageSize(maxResults)
        let scope = version.map { "\(arn):\($0)" } ?? arn
        let after = try Self.startKey(nextToken, listing: "aliases", scope: scope) ?? (-Double.infinity, "")
        let aliases = try database().rows(
            """
            SELECT \(Self.aliasColumns) FROM state_machine_aliases WHERE state_machine_arn = ?
            AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(routing) WHERE json_extract(value, '$.version') = ?2))
            AND (created_date, arn) > (?, ?) ORDER BY created_date, arn LIMIT ?
            """, arn, version, after.start, after.arn, limit + 1, row: Self.alias)
        return Self.page(aliases, limit: limit, listing: "aliases", scope: scope) { ($0.creationDate, $0.arn) }
    }

    static let aliasColumns = "state_machine_arn, name, description, routing, created_date, updated_date"

    static func alias(_ row: SQLiteStatement) -> StateMachineAliasRecord {
        let routes = ((try? JSON(parsing: row.text(3)))?.arrayValue ?? []).map {
            StateMachineAliasRecord.Route(version: $0["version"]?.intValue ?? 0, weight: $0["weight"]?.intValue ?? 0)
        }
        return StateMachineAliasRecord(
            stateMachineArn: row.text(0), name: row.text(1), description: row.optionalText(2), routing: routes,
            creationDate: Date(timeIntervalSince1970: row.double(4)), updateDate: Date(timeIntervalSince1970: row.double(5)))
    }

    /// Routes as stored: `[{"version": 1, "weight": 100}]`.
    static func routingJSON(_ routing: [StateMachineAliasRecord.Route]) -> String {
        JSON.array(routing.map { ["version": .int($0.version), "weight": .int($0.weight)] }).serialized()
    }
}

extension SQLiteConnection {
    func alias(arn: String) throws -> StateMachineAliasRecord? {
        try rows("SELECT \(Store.aliasColumns) FROM state_machine_aliases WHERE arn = ?", arn, row: Store.alias).first
    }

    /// A state machine's aliases, oldest first.
    func aliases(of machineArn: String) throws -> [StateMachineAliasRecord] {
        try rows(
            "SELECT \(Store.aliasColumns) FROM state_machine_aliases WHERE state_machine_arn = ? ORDER BY created_date, arn", machineArn,
            row: Store.alias)
    }

    /// The first version `alias` routes to that its state machine does not have, or nil.
    func missingVersion(of alias: StateMachineAliasRecord) throws -> Int? {
        for route in alias.routing {
            let count = try int(
                "SELECT count(*) FROM state_machine_versions WHERE state_machine_arn = ? AND version = ?", alias.stateMachineArn, route.version)
            if count == 0 { return route.version }
        }
        return nil
    }
}
