import JSON

/// A Distributed Map's ItemReader, ItemBatcher and ResultWriter (asl-reference §1.3 "Map").
extension Validator {
    private static let readerFields: [String: FieldLanguage] = [
        "Resource": .both, "Parameters": .jsonPath, "Arguments": .jsonata, "ReaderConfig": .both,
    ]
    private static let readerConfigFields: [String: FieldLanguage] = [
        "InputType": .both, "CSVHeaderLocation": .both, "CSVHeaders": .both, "CSVDelimiter": .both, "ManifestType": .both,
        "Transformation": .both, "ItemsPointer": .both, "MaxItems": .both, "MaxItemsPath": .jsonPath,
    ]
    private static let batcherFields: [String: FieldLanguage] = [
        "MaxItemsPerBatch": .both, "MaxItemsPerBatchPath": .jsonPath, "MaxInputBytesPerBatch": .both,
        "MaxInputBytesPerBatchPath": .jsonPath, "BatchInput": .both,
    ]
    private static let writerFields: [String: FieldLanguage] = [
        "Resource": .both, "Parameters": .jsonPath, "Arguments": .jsonata, "WriterConfig": .both,
    ]
    private static let enumerations: [String: [String]] = [
        "InputType": ["CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"], "CSVHeaderLocation": ["FIRST_ROW", "GIVEN"],
        "CSVDelimiter": ["COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"], "ManifestType": ["ATHENA_DATA", "S3_INVENTORY"],
        "OutputType": ["JSON", "JSONL"],
    ]

    mutating func checkItemReader(_ value: JSON, _ state: StateContext) {
        let location = state.at("ItemReader")
        guard let reader = nestedFields(value, Self.readerFields, state, at: location) else { return }
        if reader["Resource"] == nil { error(Message.required(["Resource"]), at: location) }
        checkS3Resource(reader["Resource"], allowed: ["getObject", "listObjectsV2"], at: "\(location)/Resource")
        checkDestination(reader, state, at: location)
        guard let configValue = reader["ReaderConfig"] else { return }
        let configLocation = "\(location)/ReaderConfig"
        guard let config = nestedFields(configValue, Self.readerConfigFields, state, at: configLocation) else { return }
        for (field, values) in Self.enumerations where config[field] != nil {
            checkEnum(config[field], field: field, values, at: "\(configLocation)/\(field)")
        }
        checkEnum(config["Transformation"], field: "Transformation", ["NONE", "LOAD_AND_FLATTEN"], at: "\(configLocation)/Transformation")
        for (index, header) in elements(of: config["CSVHeaders"], at: "\(configLocation)/CSVHeaders").enumerated() {
            checkString(header, at: Self.indexed("\(configLocation)/CSVHeaders", index))
        }
        checkString(config["ItemsPointer"], at: "\(configLocation)/ItemsPointer")
        checkInteger(config["MaxItems"], at: "\(configLocation)/MaxItems", in: 1...100_000_000, jsonata: state.isJSONata)
        checkPath(config["MaxItemsPath"], field: "MaxItemsPath", at: "\(configLocation)/MaxItemsPath", kind: .reference)
    }

    mutating func checkItemBatcher(_ value: JSON, _ state: StateContext) {
        let location = state.at("ItemBatcher")
        guard let batcher = nestedFields(value, Self.batcherFields, state, at: location) else { return }
        let sizes = ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"]
        if !sizes.contains(where: { batcher[$0] != nil }) {
            error(Message.atLeastOne(sizes.filter { Self.batcherFields[$0]!.allows(state.language) }), at: location)
        }
        checkInteger(batcher["MaxItemsPerBatch"], at: "\(location)/MaxItemsPerBatch", in: 1...Int.max, jsonata: state.isJSONata)
        checkInteger(batcher["MaxInputBytesPerBatch"], at: "\(location)/MaxInputBytesPerBatch", in: 1...262_144, jsonata: state.isJSONata)
        for field in ["MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"] {
            checkPath(batcher[field], field: field, at: "\(location)/\(field)", kind: .reference)
        }
        if let input = batcher["BatchInput"], !state.isJSONata { checkPayload(input, at: "\(location)/BatchInput") }
    }

    mutating func checkResultWriter(_ value: JSON, _ state: StateContext) {
        let location = state.at("ResultWriter")
        guard let writer = nestedFields(value, Self.writerFields, state, at: location) else { return }
        if value.objectValue?.isEmpty == true { error(Message.cannotBeEmpty, at: location) }
        checkS3Resource(writer["Resource"], allowed: ["putObject"], at: "\(location)/Resource")
        checkDestination(writer, state, at: location)
        guard let configValue = writer["WriterConfig"], let config = checkObject(configValue, at: "\(location)/WriterConfig") else {
            return
        }
        let configLocation = "\(location)/WriterConfig"
        checkKnownFields(config, ["OutputType", "Transformation"], at: configLocation)
        checkEnum(config["OutputType"], field: "OutputType", Self.enumerations["OutputType"]!, at: "\(configLocation)/OutputType")
        checkEnum(config["Transformation"], field: "Transformation", ["NONE", "COMPACT", "FLATTEN"], at: "\(configLocation)/Transformation")
    }

    /// An object whose fields follow `table`; nil (after reporting) when the value is not an object.
    private mutating func nestedFields(
        _ value: JSON, _ table: [String: FieldLanguage], _ state: StateContext, at location: String
    ) -> JSONObject? {
        guard let object = checkObject(value, at: location) else { return nil }
        return allowedFields(of: object, table, language: state.language, at: location)
    }

    /// Parameters (a JSONPath template) or Arguments (an object or a JSONata string).
    private mutating func checkDestination(_ object: JSONObject, _ state: StateContext, at location: String) {
        if let parameters = object["Parameters"] { checkPayload(parameters, at: "\(location)/Parameters") }
        checkObject(object["Arguments"], at: "\(location)/Arguments", jsonata: true)
    }

    /// `arn:<partition>:states:::s3:<action>` with one of the allowed actions.
    private mutating func checkS3Resource(_ value: JSON?, allowed actions: [String], at location: String) {
        guard let arn = checkString(value, at: location) else { return }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        let valid =
            parts.count == 7 && parts[0] == "arn" && TaskResource.partitions.contains(parts[1]) && parts[2] == "states"
            && parts[3].isEmpty && parts[4].isEmpty && parts[5] == "s3" && actions.contains(String(parts[6]))
        if !valid { error(Message.unknownResource(arn), at: location) }
    }
}
