import JSON

/// A Distributed Map's ItemReader (asl-reference §1.3 Map): where the items come from.
package struct ItemReaderConfig: Sendable {
    /// `arn:aws:states:::s3:getObject` or `arn:aws:states:::s3:listObjectsV2`.
    package let resource: String
    /// Parameters (JSONPath) or Arguments (JSONata): Bucket, Key or Prefix.
    package let parameters: Assignment?
    /// ReaderConfig as written (InputType, CSVHeaderLocation, CSVHeaders, CSVDelimiter, ManifestType, …).
    package let readerConfig: JSON
    /// ReaderConfig's MaxItems (literal or JSONata) or MaxItemsPath.
    package let maxItems: DynamicInt?
}

/// A Distributed Map's ItemBatcher: children get `{"Items": [...], "BatchInput": {...}}`.
package struct ItemBatcherConfig: Sendable {
    package let maxItemsPerBatch: DynamicInt?
    package let maxInputBytesPerBatch: DynamicInt?
    package let batchInput: Assignment?
}

/// A Distributed Map's ResultWriter: results go to S3 as a manifest and result files.
package struct ResultWriterConfig: Sendable {
    package let resource: String?
    package let parameters: Assignment?
    package let writerConfig: JSON?
}

extension State {
    static func itemReader(_ json: JSON?, location: String, language: QueryLanguage) -> ItemReaderConfig? {
        guard let json else { return nil }
        var reader = FieldReader(json, location: location)
        let config = json["ReaderConfig"] ?? .object(JSONObject())
        var configReader = FieldReader(config, location: location + "/ReaderConfig")
        return ItemReaderConfig(
            resource: reader.optionalString("Resource") ?? "",
            parameters: assignment(&reader, language == .jsonata ? "Arguments" : "Parameters", language: language),
            readerConfig: config, maxItems: dynamicInt(&configReader, "MaxItems", language: language))
    }

    static func itemBatcher(_ json: JSON?, location: String, language: QueryLanguage) -> ItemBatcherConfig? {
        guard let json else { return nil }
        var reader = FieldReader(json, location: location)
        return ItemBatcherConfig(
            maxItemsPerBatch: dynamicInt(&reader, "MaxItemsPerBatch", language: language),
            maxInputBytesPerBatch: dynamicInt(&reader, "MaxInputBytesPerBatch", language: language),
            batchInput: assignment(&reader, "BatchInput", language: language))
    }

    static func resultWriter(_ json: JSON?, location: String, language: QueryLanguage) -> ResultWriterConfig? {
        guard let json else { return nil }
        var reader = FieldReader(json, location: location)
        return ResultWriterConfig(
            resource: reader.optionalString("Resource"),
            parameters: assignment(&reader, language == .jsonata ? "Arguments" : "Parameters", language: language),
            writerConfig: json["WriterConfig"])
    }
}
