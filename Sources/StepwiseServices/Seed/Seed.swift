import Foundation
import JSON

/// What a data directory should hold before a workflow runs, declared once in a seed file (docs/seeding.md): S3
/// buckets and objects, DynamoDB tables with items, SQL tables of the RDS Data API with rows, and secrets.
///
/// A seed is a list of units, each one thing in the data directory with an id (`s3://bucket/key`,
/// `dynamodb:Table`, `sql:database/table`, `secret:name`, `s3://bucket` for an empty bucket). The ``Seeder``
/// applies each unit once, records it in the data directory's ``SeedManifest`` and never overwrites what a
/// user changed.
package struct Seed: Sendable {
    /// The file the seed was read from (absolute), as the manifest records it.
    package var file: String
    package var units: [SeedUnit]
}

/// One thing a seed puts in the data directory.
package struct SeedUnit: Sendable {
    package enum Content: Sendable {
        /// An empty bucket.
        case bucket(String)
        /// An object (its bucket is created when missing).
        case object(bucket: String, key: String, data: Data)
        /// A DynamoDB table: its CreateTable request and its items (AttributeValue maps).
        case table(name: String, request: JSON, items: [JSON])
        /// A table of an RDS Data API database: the statement that creates it and its rows (column → value).
        case sqlTable(database: String, table: String, create: String, rows: [JSONObject])
        /// A secret with a string value.
        case secret(name: String, value: String, description: String?)
        /// A file of the data directory (the CodeBuild projects file, the ECS file).
        case file(name: String, data: Data)
        /// A key of the local KMS with its id, an optional alias, its state, and the buckets whose default
        /// encryption (SSE-KMS) it is.
        case kmsKey(keyId: String, alias: String?, description: String, enabled: Bool, buckets: [String])
    }

    /// `s3://bucket/key`, `s3://bucket`, `dynamodb:Table`, `sql:database/table`, `secret:name`, `kms:<key id>`, `codebuild:projects`
    /// or `ecs:file`.
    package var id: String
    /// Where it is declared, for errors: `workflows/stepwise.json: seed.s3[0]`.
    package var place: String
    package var content: Content
    /// A digest of the declaration: a changed declaration is applied again where the data directory still holds
    /// what was seeded before.
    package var digest: String
}

/// A seed file that cannot be used, or a unit that cannot be applied: the message names the file and the member
/// (`workflows/stepwise.json: seed.s3[0].files: 'Fixtures/x-*.csv' matches no file`).
package struct SeedError: Error, CustomStringConvertible, Sendable {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}
