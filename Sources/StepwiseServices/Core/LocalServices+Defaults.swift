import Foundation
import Stepwise

extension LocalServices {
    /// The local services Stepwise runs for a data directory, as one resolver for tier `.services`.
    package static func defaults(for dataDirectory: DataDirectory) -> LocalServices {
        LocalServices(dataDirectory: dataDirectory, services: defaultServices(for: dataDirectory))
    }

    /// Adds the local services to a runtime (tier `.services`) and lets its Distributed Maps read items from
    /// and write results to the local S3; `lambda:invoke` follows the Lambda control plane's versions and aliases,
    /// whose functions are those the runtime runs (a resources-file entry, a registered handler).
    public static func install(_ dataDirectory: DataDirectory, into runtime: Runtime) {
        let services = defaultServices(for: dataDirectory) { [weak runtime] names in
            guard let runtime else { return true }
            return names.contains { runtime.handler(for: TaskReference(resource: $0, stateName: "", stateMachineName: "")) != nil }
        }
        runtime.add(LocalServices(dataDirectory: dataDirectory, services: services), tier: .services)
        runtime.setDistributedMapIO(LocalDistributedMapIO(store: S3Store(dataDirectory: dataDirectory)))
        if let lambda = services.lazy.compactMap({ $0 as? LambdaService }).first { runtime.setLambdaVersions(lambda) }
    }

    /// The default service list for a data directory: DynamoDB (SQLite), S3 (a folder tree, multipart uploads, SSE-KMS), KMS, the RDS Data API (SQLite files) and the
    /// resource catalogue (Glue, EventBridge, DMS, Secrets Manager) and the notification outbox
    /// (SNS, SES, EventBridge events), CodeBuild, ECS and CloudFormation. Nothing is created on disk until a workflow calls a service.
    /// `runs` tells the Lambda control plane which functions exist (nil: all).
    static func defaultServices(for dataDirectory: DataDirectory, runs: (@Sendable ([String]) -> Bool)? = nil) -> [any LocalService] {
        let catalog = ResourceCatalog(dataDirectory: dataDirectory)
        let outbox = Outbox(dataDirectory: dataDirectory)
        return [
            DynamoDB(dataDirectory: dataDirectory),
            S3Service(store: S3Store(dataDirectory: dataDirectory)),
            KMSService(store: KMSStore(dataDirectory: dataDirectory)),
            RDSDataService(dataDirectory: dataDirectory),
            GlueService(catalog: catalog),
            EventBridgeService(catalog: catalog, outbox: outbox),
            DMSService(catalog: catalog),
            SecretsManagerService(catalog: catalog),
            LambdaService(catalog: catalog, runs: runs),
            SNSService(outbox: outbox),
            SESv2Service(outbox: outbox),
            EventsService(outbox: outbox),
            CodeBuildService(dataDirectory: dataDirectory, catalog: catalog),
            ECSService(dataDirectory: dataDirectory, catalog: catalog),
            CloudFormationService(catalog: catalog, s3: S3Store(dataDirectory: dataDirectory)),
        ]
    }
}
