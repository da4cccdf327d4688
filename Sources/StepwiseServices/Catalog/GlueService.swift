import Foundation
import JSON
import Stepwise

/// `arn:aws:states:::aws-sdk:glue:<action>` for databases and crawlers, remembered in the ``ResourceCatalog``:
/// `Glue.AlreadyExistsException` and `Glue.EntityNotFoundException` as AWS raises them. A crawl has nothing to
/// crawl locally: StartCrawler records a successful last crawl and the crawler stays READY.
package struct GlueService: LocalService {
    package let name = "glue"
    let catalog: ResourceCatalog

    package init(catalog: ResourceCatalog) { self.catalog = catalog }

    typealias Action = @Sendable (GlueService, ServiceRequest, _ account: String) throws -> JSON

    static let actions: [String: Action] = [
        "createDatabase": { try $0.createDatabase($1, account: $2) }, "getDatabase": { s, r, _ in try s.getDatabase(r) },
        "deleteDatabase": { s, r, _ in try s.deleteDatabase(r) }, "createCrawler": { s, r, _ in try s.createCrawler(r) },
        "getCrawler": { s, r, _ in try s.getCrawler(r) }, "startCrawler": { s, r, _ in try s.startCrawler(r) },
        "deleteCrawler": { s, r, _ in try s.deleteCrawler(r) },
    ]

    package func supports(_ action: String, sdk: Bool) -> Bool { sdk && Self.actions[action] != nil }

    package func perform(_ action: String, sdk: Bool, input: JSON, context: TaskContext) async throws -> JSON {
        try call(action, input: input, account: ServiceSupport.regionAndAccount(context).account)
    }

    func call(_ action: String, input: JSON, account: String = "123456789012") throws -> JSON {
        guard let body = Self.actions[action] else { throw StatesError("Glue.InvalidInputException", "Unsupported action \(action)") }
        return try body(self, ServiceRequest(input: input, validationError: "Glue.InvalidInputException"), account)
    }

    /// CreateDatabase from `DatabaseInput`; Glue keeps database names in lower case.
    func createDatabase(_ request: ServiceRequest, account: String) throws -> JSON {
        guard let input = request["DatabaseInput"]?.objectValue else { throw request.invalid("Missing required parameter: DatabaseInput") }
        guard let name = input["Name"]?.stringValue?.lowercased(), !name.isEmpty else { throw request.invalid("DatabaseInput.Name is required") }
        var database = input
        database["Name"] = .string(name)
        database["CreateTime"] = ServiceSupport.timestamp(Date())
        database["CatalogId"] = .string(try request.string("CatalogId") ?? account)
        guard try catalog.insert("glue:database", name, .object(database)) else {
            throw StatesError("Glue.AlreadyExistsException", "Database already exists.")
        }
        return [:]
    }

    func getDatabase(_ request: ServiceRequest) throws -> JSON {
        let name = try request.required("Name").lowercased()
        guard let database = try catalog.get("glue:database", name) else { throw Self.notFound("Database \(name) not found.") }
        return ["Database": database]
    }

    func deleteDatabase(_ request: ServiceRequest) throws -> JSON {
        let name = try request.required("Name").lowercased()
        guard try catalog.delete("glue:database", name) else { throw Self.notFound("Database \(name) not found.") }
        return [:]
    }

    static func notFound(_ message: String) -> StatesError { StatesError("Glue.EntityNotFoundException", message) }
}
