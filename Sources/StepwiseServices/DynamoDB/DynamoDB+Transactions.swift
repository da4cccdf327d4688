import Foundation
import JSON
import Stepwise

extension DynamoDB {
    /// TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions over any tables, applied all
    /// or none in one SQLite transaction. Every action is evaluated first; when any is refused (its condition
    /// fails, its result is invalid) nothing is written and the request fails with TransactionCanceledException,
    /// one reason per action in request order. `ClientRequestToken` makes a retry within 10 minutes answer
    /// success without writing again. - Throws: ``TransactionCanceled`` (with the reasons; ``perform(_:input:)``
    /// reports it as the Task error `DynamoDB.TransactionCanceledException`).
    func transactWriteItems(_ input: JSON) async throws -> JSON {
        let actions = try Self.transactItems(input).enumerated().map { index, item in try TransactWrite(item, index: index) }
        let token = try Self.clientRequestToken(input)
        let request = input["TransactItems"]?.serialized() ?? ""
        let reasons = try await write { store in
            if let token, try store.seenToken(token, request: request, now: Date()) { return [TransactReason]() }
            var seen: Set<[String]> = []
            var planned: [(TransactWrite, ItemKey, AttributeMap?)] = []
            for action in actions {
                let definition = try store.existingTable(action.table)
                let key = try action.key(definition)
                guard seen.insert([action.table, key.partition, key.sort]).inserted else { throw DynamoError.multipleOperationsOnOneItem }
                planned.append((action, key, nil))
            }
            var reasons: [TransactReason] = []
            for index in planned.indices {
                let (action, key, _) = planned[index]
                let old = try store.item(in: action.table, key)
                let outcome = action.evaluate(old: old, key: key)
                reasons.append(outcome.reason)
                planned[index].2 = outcome.new
            }
            guard reasons.allSatisfy({ $0.code == "None" }) else { return reasons }
            for (action, key, new) in planned {
                switch action.kind {
                case .conditionCheck: continue
                case .delete: try store.delete(in: action.table, key)
                case .put, .update: if let new { try store.put(in: action.table, key, new) }
                }
            }
            if let token { try store.rememberToken(token, request: request, now: Date()) }
            return []
        }
        guard reasons.isEmpty else { throw TransactionCanceled(reasons: reasons) }
        return [:]
    }

    /// TransactGetItems: up to 100 Gets over any tables, read in one consistent snapshot; `Responses` answers
    /// each in request order, `{"Item": …}` (projected) or `{}` when the item does not exist.
    func transactGetItems(_ input: JSON) async throws -> JSON {
        let gets = try Self.transactItems(input).map { item -> TransactGet in
            guard let get = item["Get"], item.objectValue?.count == 1 else {
                throw DynamoError.validation("TransactItems can only contain one Get")
            }
            return try TransactGet(get)
        }
        let responses = try await write { store in
            var seen: Set<[String]> = []
            return try gets.map { get -> JSON in
                let key = try store.existingTable(get.table).key(fromKey: get.key)
                guard seen.insert([get.table, key.partition, key.sort]).inserted else { throw DynamoError.multipleOperationsOnOneItem }
                guard let item = try store.item(in: get.table, key) else { return [:] }
                return ["Item": get.projection.map { item.projected($0) }?.json ?? item.json]
            }
        }
        return ["Responses": .array(responses)]
    }

    /// `TransactItems`: 1 to 100 entries, AWS's limits.
    private static func transactItems(_ input: JSON) throws -> [JSON] {
        guard let items = input["TransactItems"]?.arrayValue else { throw DynamoError.missingMember("TransactItems") }
        guard !items.isEmpty, items.count <= 100 else {
            let bound = items.isEmpty ? "greater than or equal to 1" : "less than or equal to 100"
            throw DynamoError.validation(
                "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length \(bound)")
        }
        return items
    }

    /// `ClientRequestToken`: 1 to 36 characters when present.
    private static func clientRequestToken(_ input: JSON) throws -> String? {
        guard let value = input["ClientRequestToken"] else { return nil }
        guard let token = value.stringValue, (1...36).contains(token.count) else {
            throw DynamoError.validation(
                "1 validation error detected: Value at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36"
            )
        }
        return token
    }
}

/// One action of a TransactWriteItems request, checked and compiled before the transaction runs.
private struct TransactWrite: Sendable {
    enum Kind: Sendable {
        case put(AttributeMap)
        case update(Compiled<UpdateExpression>)
        case delete
        case conditionCheck
    }

    let kind: Kind
    let table: String
    /// The `Key` (Update, Delete, ConditionCheck); a Put's key comes from its item.
    let key: AttributeMap?
    let condition: Compiled<Condition>?
    let context: ExpressionContext
    /// `ReturnValuesOnConditionCheckFailure: ALL_OLD`: a failed condition's reason carries the item.
    let returnOld: Bool

    init(_ entry: JSON, index: Int) throws {
        let kinds = ["ConditionCheck", "Put", "Delete", "Update"].filter { entry[$0] != nil }
        guard kinds.count == 1, entry.objectValue?.count == 1, let name = kinds.first, let request = entry[name] else {
            throw DynamoError.validation("TransactItems can only contain one of Check, Put, Update or Delete")
        }
        try request.checkNoLegacyMembers()
        table = try request.tableName()
        let condition = try request.expression("ConditionExpression", Expressions.condition)
        var usages = [condition?.usage("ConditionExpression")]
        switch name {
        case "Put":
            let item = try request.attributes("Item")
            kind = .put(item)
            key = nil
        case "Update":
            guard let update = try request.expression("UpdateExpression", Expressions.update) else {
                throw DynamoError.missingMember("UpdateExpression")
            }
            usages.append(update.usage("UpdateExpression"))
            kind = .update(update)
            key = try request.attributes("Key")
        case "Delete":
            kind = .delete
            key = try request.attributes("Key")
        default:
            guard condition != nil else { throw DynamoError.missingMember("ConditionExpression") }
            kind = .conditionCheck
            key = try request.attributes("Key")
        }
        self.condition = condition
        context = try ExpressionContext(request: request)
        try context.check(usages.compactMap { $0 })
        switch request["ReturnValuesOnConditionCheckFailure"]?.stringValue ?? "NONE" {
        case "NONE": returnOld = false
        case "ALL_OLD": returnOld = true
        default: throw DynamoError.validation("Return values set to invalid value")
        }
    }

    /// The item's key under the table's schema; an Update may not change a key attribute.
    func key(_ definition: TableDefinition) throws -> ItemKey {
        switch kind {
        case .put(let item): return try definition.key(ofItem: item)
        case .update(let update):
            let paths = update.body.resolvedPaths(context.names)
            if let path = paths.first(where: { path in definition.keys.contains { $0.name == path.attribute } }) {
                throw DynamoError.invalidParameter("Cannot update attribute \(path.attribute). This attribute is part of the key")
            }
            return try definition.key(fromKey: key ?? AttributeMap())
        case .delete, .conditionCheck: return try definition.key(fromKey: key ?? AttributeMap())
        }
    }

    /// Checks the condition against the stored item and computes what would be written (nil: nothing).
    func evaluate(old: AttributeMap?, key: ItemKey) -> (reason: TransactReason, new: AttributeMap?) {
        do {
            try condition?.check(old, context)
        } catch let error as StatesError where error.name == DynamoError.conditionalCheckFailed.name {
            return (TransactReason(code: "ConditionalCheckFailed", message: error.cause, item: returnOld ? old : nil), nil)
        } catch {
            return (TransactReason.validation(error), nil)
        }
        do {
            switch kind {
            case .put(let item):
                try item.checkSize()
                return (.none, item)
            case .update(let update):
                let new = try update.body.apply(to: old ?? key.attributes, context)
                try new.checkSize()
                return (.none, new)
            case .delete, .conditionCheck:
                return (.none, nil)
            }
        } catch {
            return (TransactReason.validation(error), nil)
        }
    }
}

/// One Get of a TransactGetItems request.
private struct TransactGet: Sendable {
    let table: String
    let key: AttributeMap
    let projection: [DocumentPath]?

    init(_ request: JSON) throws {
        table = try request.tableName()
        key = try request.attributes("Key")
        let projection = try request.expression("ProjectionExpression", Expressions.projection)
        let context = try ExpressionContext(request: request)
        try context.check([projection?.usage("ProjectionExpression")].compactMap { $0 })
        self.projection = projection?.body.map { $0.resolved(context.names) }
    }
}

/// A CancellationReason in AWS's shape: `Code` (`None`, `ConditionalCheckFailed`, `ValidationError`), `Message`,
/// and `Item` for a failed condition asked for `ALL_OLD`.
struct TransactReason: Sendable, Equatable {
    let code: String
    let message: String?
    let item: AttributeMap?

    static let none = TransactReason(code: "None", message: nil, item: nil)

    static func validation(_ error: any Error) -> TransactReason {
        TransactReason(code: "ValidationError", message: (error as? StatesError)?.cause ?? "\(error)", item: nil)
    }

    var json: JSON {
        var object: JSONObject = ["Code": .string(code)]
        if let item { object["Item"] = item.json }
        if let message { object["Message"] = .string(message) }
        return .object(object)
    }
}

/// AWS's TransactionCanceledException: the message lists every action's code in request order.
struct TransactionCanceled: Error, Sendable {
    let reasons: [TransactReason]

    var message: String {
        "Transaction cancelled, please refer cancellation reasons for specific reasons [\(reasons.map(\.code).joined(separator: ", "))]"
    }

    /// The response body AWS sends: `{"__type", "Message", "CancellationReasons"}` without the type.
    var json: JSON { ["Message": .string(message), "CancellationReasons": .array(reasons.map(\.json))] }

    /// The Task error: Step Functions reports the exception's message as the cause (the reasons are not part of
    /// it on AWS either).
    var statesError: StatesError { StatesError("DynamoDB.TransactionCanceledException", message) }
}

extension ItemStore {
    /// How long a ClientRequestToken is remembered, as AWS documents.
    static let tokenLifetime: TimeInterval = 600

    /// Whether `token` was used within its lifetime by the same request (a retry: answer success, write nothing).
    /// - Throws: IdempotentParameterMismatchException when it was used by another request.
    func seenToken(_ token: String, request: String, now: Date) throws -> Bool {
        let rows = try connection.rows(
            "SELECT request FROM transaction_tokens WHERE token = ? AND created_at > ?", token,
            now.timeIntervalSince1970 - Self.tokenLifetime
        ) { $0.text(0) }
        guard let previous = rows.first else { return false }
        guard previous == request else { throw DynamoError.idempotentParameterMismatch }
        return true
    }

    func rememberToken(_ token: String, request: String, now: Date) throws {
        try connection.run("DELETE FROM transaction_tokens WHERE created_at <= ?", now.timeIntervalSince1970 - Self.tokenLifetime)
        try connection.run(
            "INSERT OR REPLACE INTO transaction_tokens (token, request, created_at) VALUES (?, ?, ?)", token, request,
            now.timeIntervalSince1970)
    }
}
