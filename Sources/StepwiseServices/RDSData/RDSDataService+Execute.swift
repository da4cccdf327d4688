import Foundation
import JSON

extension RDSDataService {
    /// ExecuteStatement: runs `Sql` (every statement of it, in order) with named `Parameters`; answers with the
    /// rows of the last statement that returns columns.
    func executeStatement(_ request: ServiceRequest) throws -> JSON {
        let sql = MySQLDialect.rewrite(try request.required("Sql"))
        let parameters = try Self.parameters(request.array("Parameters") ?? [], request)
        let file = try connection(request)
        let results = try sqlErrors { try file.with { connection in try connection.run(sql, bind: Self.binder(parameters)) } }
        let result = results.last(where: { !$0.columns.isEmpty }) ?? results.last ?? SQLResultSet()
        var response = JSONObject()
        if !result.columns.isEmpty {
            if try request.string("FormatRecordsAs") == "JSON" {
                response["FormattedRecords"] = .string(Self.formattedRecords(result))
            } else {
                response["Records"] = .array(result.rows.map { row in .array(Self.fields(row, result.columns)) })
            }
            if try request.bool("IncludeResultMetadata") == true { response["ColumnMetadata"] = Self.columnMetadata(result) }
        }
        response["NumberOfRecordsUpdated"] = .int(results.reduce(0) { $0 + $1.changes })
        response["GeneratedFields"] = .array(results.compactMap(\.insertedRowID).suffix(1).map { ["LongValue": .int($0)] })
        return .object(response)
    }

    /// BatchExecuteStatement: runs `Sql` once per parameter set, all in one transaction (the given one, or a new
    /// one committed at the end).
    func batchExecuteStatement(_ request: ServiceRequest) throws -> JSON {
        let sql = MySQLDialect.rewrite(try request.required("Sql"))
        let sets = try (request.array("ParameterSets") ?? []).map { set in
            guard let list = set.arrayValue else { throw request.invalid("ParameterSets must be a list of parameter lists") }
            return try Self.parameters(list, request)
        }
        let file = try connection(request)
        let run: @Sendable (EmbeddedSQL) throws -> [JSON] = { connection in
            try sets.map { parameters in
                let results = try connection.run(sql, bind: Self.binder(parameters))
                let generated = results.compactMap(\.insertedRowID).suffix(1).map { JSON.object(["LongValue": .int($0)]) }
                return ["GeneratedFields": .array(generated)]
            }
        }
        let updates = try sqlErrors { try request.string("TransactionId") != nil ? file.with(run) : file.transaction(run) }
        return ["UpdateResults": .array(updates)]
    }

    /// The connection a request runs on: its transaction's, or its database's autocommit connection.
    private func connection(_ request: ServiceRequest) throws -> SQLFile {
        if let id = try request.string("TransactionId") { return try databases.transaction(id) }
        return try sqlErrors { try databases.database(request.string("Database") ?? "default") }
    }

    /// Binds `:name` parameters from the request; other placeholders and unknown names are errors.
    private static func binder(_ parameters: [String: SQLValue]) -> (Int32, String?) throws -> SQLValue {
        { _, placeholder in
            guard let placeholder, let first = placeholder.first, first == ":" || first == "@" || first == "$" else {
                throw EmbeddedSQLError(code: 1, message: "Positional parameters are not supported; use :name placeholders")
            }
            guard let value = parameters[String(placeholder.dropFirst())] else {
                throw EmbeddedSQLError(code: 1, message: "No value specified for parameter \(placeholder)")
            }
            return value
        }
    }
}
