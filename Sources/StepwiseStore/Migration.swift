import StepwiseSQLite

extension Migration {
    /// Every migration of the store's schema this build knows, in the order they are applied.
    static let all: [Migration] = [.v1, .v2, .v3, .mapRuns, .cancelRequests, .nameIndexes, .versions, .redrive, .configurations, .historySegments]

    /// Identifies a Stepwise database in the file header (`PRAGMA application_id`): "StpW".
    static let applicationID: Int32 = 0x5374_7057
}
