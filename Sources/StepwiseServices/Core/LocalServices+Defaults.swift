import Foundation

extension LocalServices {
    /// The local services Stepwise runs for a data directory, as one resolver for tier `.services`.
    public static func defaults(for dataDirectory: DataDirectory) -> LocalServices {
        LocalServices(dataDirectory: dataDirectory, services: defaultServices(for: dataDirectory))
    }

    /// The default service list for a data directory: S3 (a folder tree), the RDS Data API (SQLite files) and the
    /// resource catalogue (Glue, EventBridge, DMS). Nothing is created on disk until a workflow calls a service.
    public static func defaultServices(for dataDirectory: DataDirectory) -> [any LocalService] {
        let catalog = ResourceCatalog(dataDirectory: dataDirectory)
        return [
            // DynamoDBService(dataDirectory: dataDirectory),  // enabled when the DynamoDB branch merges
            S3Service(store: S3Store(dataDirectory: dataDirectory)),
            RDSDataService(dataDirectory: dataDirectory),
            GlueService(catalog: catalog),
            EventBridgeService(catalog: catalog),
            DMSService(catalog: catalog),
        ]
    }
}
