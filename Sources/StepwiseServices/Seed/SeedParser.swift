import Digests
import Foundation
import JSON

/// Reads a seed's members into units, checking every member and naming the one at fault.
struct SeedParser {
    /// The seed file as the user named it, for messages.
    let display: String
    /// The folder that relative paths start from.
    let base: URL
    private(set) var units: [SeedUnit] = []

    init(display: String, base: URL) {
        self.display = display
        self.base = base
    }

    mutating func parse(_ seed: JSON, place: String) throws(SeedError) {
        let object = try members(
            seed, place: place.isEmpty ? "" : String(place.dropLast()), known: ["s3", "dynamodb", "sql", "secrets", "codebuild", "ecs", "kms"])
        if let codebuild = object["codebuild"] { try codeBuild(codebuild, place + "codebuild") }
        if let entry = object["ecs"] { try ecs(entry, place + "ecs") }
        for section in ["s3", "dynamodb", "sql", "secrets", "kms"] {
            guard let value = object[section] else { continue }
            guard let entries = value.arrayValue else { throw error(place + section, "must be an array") }
            for (index, entry) in entries.enumerated() {
                let entryPlace = "\(place)\(section)[\(index)]"
                switch section {
                case "s3": try s3(entry, entryPlace)
                case "dynamodb": try dynamoDB(entry, entryPlace)
                case "sql": try sql(entry, entryPlace)
                case "kms": try kmsKey(entry, entryPlace)
                default: try secret(entry, entryPlace)
                }
            }
        }
    }

    // MARK: - Units

    private mutating func add(_ id: String, _ place: String, _ content: SeedUnit.Content, digest: String) throws(SeedError) {
        if let earlier = units.first(where: { $0.id == id }) { throw error(place, "\(id) is already declared by \(earlier.place)") }
        units.append(SeedUnit(id: id, place: "\(display): \(place)", content: content, digest: digest))
    }

    mutating func s3(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["bucket", "key", "file", "text", "json", "prefix", "files"])
        let bucket = try string(object, "bucket", place)
        guard S3Store.isValidBucketName(bucket) else { throw error("\(place).bucket", "'\(bucket)' is not a valid bucket name") }
        let sources = ["file", "text", "json"].filter { object[$0] != nil }
        if let pattern = object["files"] {
            guard object["key"] == nil, sources.isEmpty else {
                throw error(place, "give either files (with an optional prefix) or key with one of file, text, json")
            }
            guard let pattern = pattern.stringValue else { throw error("\(place).files", "must be a path or a glob") }
            var prefix = try optionalString(object, "prefix", place) ?? ""
            if !prefix.isEmpty && !prefix.hasSuffix("/") { prefix += "/" }
            let files = SeedFiles.expand(pattern, base: base)
            guard !files.isEmpty else { throw error("\(place).files", "'\(pattern)' matches no file") }
            for file in files { try addObject(bucket, prefix + file.key, try read(file.url, "\(place).files"), place) }
        } else if let key = object["key"] {
            guard let key = key.stringValue, !key.isEmpty else { throw error("\(place).key", "must be a non-empty string") }
            guard sources.count == 1 else { throw error(place, "give the object's content as exactly one of file, text, json") }
            try addObject(bucket, key, try content(object, sources[0], place), place)
        } else {
            guard object["prefix"] == nil, sources.isEmpty else { throw error(place, "give key (with file, text or json) or files") }
            try add("s3://\(bucket)", place, .bucket(bucket), digest: bucket)
        }
    }

    private mutating func addObject(_ bucket: String, _ key: String, _ data: Data, _ place: String) throws(SeedError) {
        try add("s3://\(bucket)/\(key)", place, .object(bucket: bucket, key: key, data: data), digest: Digest.hexDigest(of: data, .md5))
    }

    private func content(_ object: JSONObject, _ source: String, _ place: String) throws(SeedError) -> Data {
        switch source {
        case "file": return try read(SeedFiles.url(try string(object, "file", place), base: base), "\(place).file")
        case "text": return Data(try string(object, "text", place).utf8)
        default: return Data((object["json"] ?? .null).serialized().utf8)
        }
    }

    private func read(_ url: URL, _ place: String) throws(SeedError) -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw error(place, "cannot read \(url.path)") }
        return data
    }

    mutating func dynamoDB(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["createTable", "items"])
        guard let request = object["createTable"], request.objectValue != nil else {
            throw error("\(place).createTable", "must be a CreateTable request ({\"TableName\", \"KeySchema\", \"AttributeDefinitions\", …})")
        }
        guard let name = request["TableName"]?.stringValue, !name.isEmpty else {
            throw error("\(place).createTable.TableName", "must be a table name")
        }
        let items = try array(object, "items", place)
        for (index, item) in items.enumerated() where item.objectValue == nil {
            throw error("\(place).items[\(index)]", "must be an item in DynamoDB JSON ({\"attribute\": {\"S\": \"value\"}})")
        }
        try add("dynamodb:\(name)", place, .table(name: name, request: request, items: items), digest: Self.digest(entry))
    }

    mutating func sql(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["database", "table", "create", "rows"])
        let database = try string(object, "database", place)
        let table = try string(object, "table", place)
        let create = try string(object, "create", place)
        var rows: [JSONObject] = []
        for (index, row) in try array(object, "rows", place).enumerated() {
            guard let row = row.objectValue else { throw error("\(place).rows[\(index)]", "must be an object of column values") }
            rows.append(row)
        }
        try add(
            "sql:\(database)/\(table)", place, .sqlTable(database: database, table: table, create: create, rows: rows), digest: Self.digest(entry))
    }

    mutating func secret(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["name", "value", "description"])
        let name = try string(object, "name", place)
        let value: String
        switch object["value"] {
        case .string(let text)?: value = text
        case let json? where json.objectValue != nil || json.arrayValue != nil: value = json.serialized()
        default: throw error("\(place).value", "must be a string, or an object stored as its JSON text")
        }
        let description = try optionalString(object, "description", place)
        try add("secret:\(name)", place, .secret(name: name, value: value, description: description), digest: Self.digest(entry))
    }

    /// `{"keyId": UUID, "alias": "alias/…", "description": …, "enabled": true, "buckets": [names]}`: a KMS key
    /// (its id fixed, so that ARNs in fixtures and workflows name it), and the buckets it encrypts by default.
    mutating func kmsKey(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["keyId", "alias", "description", "enabled", "buckets"])
        let keyId = try string(object, "keyId", place)
        guard UUID(uuidString: keyId) != nil, keyId == keyId.lowercased() else {
            throw error("\(place).keyId", "must be a key id as KMS writes them: a lowercase UUID")
        }
        let alias = try optionalString(object, "alias", place)
        if let alias, !alias.hasPrefix("alias/") || alias.count < 7 || alias.hasPrefix("alias/aws/") {
            throw error("\(place).alias", "must start with alias/ (and not alias/aws/)")
        }
        guard object["enabled"] == nil || object["enabled"]?.boolValue != nil else { throw error("\(place).enabled", "must be true or false") }
        var buckets: [String] = []
        for (index, bucket) in try array(object, "buckets", place).enumerated() {
            guard let name = bucket.stringValue, S3Store.isValidBucketName(name) else {
                throw error("\(place).buckets[\(index)]", "must be a valid bucket name")
            }
            buckets.append(name)
        }
        try add(
            "kms:\(keyId)", place,
            .kmsKey(
                keyId: keyId, alias: alias, description: try optionalString(object, "description", place) ?? "",
                enabled: object["enabled"]?.boolValue ?? true, buckets: buckets), digest: Self.digest(entry))
    }

    /// `{"projects": "PATH"}`: the CodeBuild projects file, copied to the data directory with every project's
    /// `directory` (and buildspec file) made absolute, so its commands run where the declaring file says.
    mutating func codeBuild(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["projects"])
        let url = SeedFiles.url(try string(object, "projects", place), base: base)
        let text = String(decoding: try read(url, "\(place).projects"), as: UTF8.self)
        guard let json = try? JSON(parsing: text), var projects = json["projects"]?.objectValue else {
            throw error("\(place).projects", "\(url.path) must be a JSON object with a \"projects\" object (docs/integrations.md#codebuild)")
        }
        let folder = url.deletingLastPathComponent()
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path }
        for (name, project) in projects {
            guard var fields = project.objectValue else { throw error("\(place).projects", "project \(name) must be an object") }
            fields["directory"] = .string(absolute(fields["directory"]?.stringValue ?? "."))
            if let buildspec = fields["buildspec"]?.stringValue { fields["buildspec"] = .string(absolute(buildspec)) }
            projects[name] = .object(fields)
        }
        let data = Data((["projects": .object(projects)] as JSON).serialized().utf8)
        try add("codebuild:projects", place, .file(name: CodeBuildService.projectsFileName, data: data), digest: Digest.hexDigest(of: data, .sha256))
    }

    /// `{"file": "PATH"}`: the ECS file (clusters, services, task definitions), copied to the data directory with
    /// every task definition's `directory` made absolute, so its commands run where the declaring file says.
    mutating func ecs(_ entry: JSON, _ place: String) throws(SeedError) {
        let object = try members(entry, place: place, known: ["file"])
        let url = SeedFiles.url(try string(object, "file", place), base: base)
        let text = String(decoding: try read(url, "\(place).file"), as: UTF8.self)
        guard let json = try? JSON(parsing: text), var root = json.objectValue else {
            throw error("\(place).file", "\(url.path) must be a JSON object with \"clusters\" and \"taskDefinitions\" (docs/integrations.md#ecs)")
        }
        let folder = url.deletingLastPathComponent()
        var definitions = root["taskDefinitions"]?.objectValue ?? [:]
        for (name, definition) in definitions {
            guard var fields = definition.objectValue else { throw error("\(place).file", "task definition \(name) must be an object") }
            let path = fields["directory"]?.stringValue ?? "."
            fields["directory"] = .string(path.hasPrefix("/") ? path : folder.appendingPathComponent(path).standardizedFileURL.path)
            definitions[name] = .object(fields)
        }
        root["taskDefinitions"] = .object(definitions)
        let data = Data(JSON.object(root).serialized().utf8)
        try add("ecs:file", place, .file(name: ECSConfig.fileName, data: data), digest: Digest.hexDigest(of: data, .sha256))
    }

    // MARK: - Members

    private func members(_ value: JSON, place: String, known: [String]) throws(SeedError) -> JSONObject {
        guard let object = value.objectValue else { throw error(place, "must be an object") }
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw error(place, "unknown member '\(unknown)' (known: \(known.joined(separator: ", ")))")
        }
        return object
    }

    private func string(_ object: JSONObject, _ name: String, _ place: String) throws(SeedError) -> String {
        guard let text = try optionalString(object, name, place), !text.isEmpty else {
            throw error("\(place).\(name)", "is required (a non-empty string)")
        }
        return text
    }

    private func optionalString(_ object: JSONObject, _ name: String, _ place: String) throws(SeedError) -> String? {
        guard let value = object[name] else { return nil }
        guard let text = value.stringValue else { throw error("\(place).\(name)", "must be a string") }
        return text
    }

    private func array(_ object: JSONObject, _ name: String, _ place: String) throws(SeedError) -> [JSON] {
        guard let value = object[name] else { return [] }
        guard let array = value.arrayValue else { throw error("\(place).\(name)", "must be an array") }
        return array
    }

    private func error(_ place: String, _ message: String) -> SeedError {
        SeedError(place.isEmpty ? "\(display): \(message)" : "\(display): \(place): \(message)")
    }

    static func digest(_ declaration: JSON) -> String { Digest.hexDigest(of: declaration.serialized(), .sha256) }
}
