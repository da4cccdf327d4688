import Foundation
import Stepwise

extension LocalServices {
    /// The local services Stepwise runs for a data directory, as one resolver for tier `.services`.
    package static func defaults(for dataDirectory: DataDirectory) -> LocalServices {
        LocalServices(dataDirectory: dataDirectory, services: defaultServices(for: dataDirectory))
    }

    /// Adds the local services to a runtime (tier `.services`) and lets its Distributed Maps read items from
    /// and write results to the local S3.
    public static func install(_ dataDirectory: DataDirectory, into runtime: Runtime) {
        runtime.add(defaults(for: dataDirectory), tier: .services)
        runtime.setDistributedMapIO(LocalDistributedMapIO(store: S3Store(dataDirectory: dataDirectory)))
    }

    /// The default service list for a data directory: DynamoDB (SQLite), S3 (a folder tree), the RDS Data API (SQLite files) and the
    /// resource catalogue (Glue, EventBridge, DMS, Secrets Manager). Nothing is created on disk until a workflow calls a service.
    static func defaultServices(for dataDirectory: DataDirectory) -> [any LocalService] {
        let catalog = ResourceCatalog(dataDirectory: dataDirectory)
        return [
            DynamoDB(dataDirectory: dataDirectory),
            S3Service(store: S3Store(dataDirectory: dataDirectory)),
            RDSDataService(dataDirectory: dataDirectory),
            GlueService(catalog: catalog),
            EventBridgeService(catalog: catalog),
            DMSService(catalog: catalog),
            SecretsManagerService(catalog: catalog),
            CodeBuildService(dataDirectory: dataDirectory, catalog: catalog),
            CloudFormationService(catalog: catalog, s3: S3Store(dataDirectory: dataDirectory)),
        ]
    }
}
