import Foundation
import JSON
import Stepwise

extension GlueService {
    /// CreateCrawler: Name, Role and Targets required; the crawler is READY with AWS's default policies.
    func createCrawler(_ request: ServiceRequest) throws -> JSON {
        let name = try request.required("Name")
        let role = try request.required("Role")
        guard let targets = request["Targets"]?.objectValue else { throw request.invalid("Missing required parameter: Targets") }
        let now = ServiceSupport.timestamp(Date())
        let crawler = ServiceSupport.object([
            "Name": .string(name), "Role": .string(role), "Targets": .object(targets),
            "DatabaseName": try request.string("DatabaseName").map(JSON.string),
            "Description": try request.string("Description").map(JSON.string),
            "Classifiers": request["Classifiers"] ?? [],
            "RecrawlPolicy": request["RecrawlPolicy"] ?? ["RecrawlBehavior": "CRAWL_EVERYTHING"],
            "SchemaChangePolicy": request["SchemaChangePolicy"]
                ?? ["UpdateBehavior": "UPDATE_IN_DATABASE", "DeleteBehavior": "DEPRECATE_IN_DATABASE"],
            "LineageConfiguration": request["LineageConfiguration"] ?? ["CrawlerLineageSettings": "DISABLE"],
            "State": "READY", "TablePrefix": try request.string("TablePrefix").map(JSON.string),
            "Schedule": try request.string("Schedule").map { ["ScheduleExpression": .string($0), "State": "SCHEDULED"] },
            "CrawlElapsedTime": 0, "CreationTime": now, "LastUpdated": now, "Version": 1,
            "Configuration": try request.string("Configuration").map(JSON.string),
            "LakeFormationConfiguration": request["LakeFormationConfiguration"]
                ?? ["UseLakeFormationCredentials": false, "AccountId": ""],
        ])
        guard try catalog.insert("glue:crawler", name, crawler) else {
            throw StatesError("Glue.AlreadyExistsException", "\(name) already exists")
        }
        return [:]
    }

    func getCrawler(_ request: ServiceRequest) throws -> JSON {
        ["Crawler": try crawler(request.required("Name"))]
    }

    /// StartCrawler: records a finished, successful crawl (there is nothing to crawl locally).
    func startCrawler(_ request: ServiceRequest) throws -> JSON {
        let name = try request.required("Name")
        guard case .object(var crawler) = try crawler(name) else { return [:] }
        crawler["LastCrawl"] = [
            "Status": "SUCCEEDED", "LogGroup": "/aws-glue/crawlers", "LogStream": .string(name),
            "MessagePrefix": .string(UUID().uuidString.lowercased()), "StartTime": ServiceSupport.timestamp(Date()),
        ]
        try catalog.put("glue:crawler", name, .object(crawler))
        return [:]
    }

    func deleteCrawler(_ request: ServiceRequest) throws -> JSON {
        let name = try request.required("Name")
        guard try catalog.delete("glue:crawler", name) else { throw Self.notFound("Crawler entry with name \(name) does not exist") }
        return [:]
    }

    private func crawler(_ name: String) throws -> JSON {
        guard let crawler = try catalog.get("glue:crawler", name) else { throw Self.notFound("Crawler entry with name \(name) does not exist") }
        return crawler
    }
}
