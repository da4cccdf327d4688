import JSON
import StatesLanguage
import Testing

@Suite("Validator: Map", .timeLimit(.minutes(3)))
struct ValidatorMapTests {
    static let processor = #"{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#
    static let distributed =
        #"{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"#

    /// A Map state `S` with the given extra fields and an inline processor.
    static func map(_ fields: String, processor: String = processor, language: String? = nil) -> String {
        single(#"{"Type":"Map","End":true,"ItemProcessor":\#(processor)\#(fields.isEmpty ? "" : ",")\#(fields)}"#, language: language)
    }

    static let cases: [RuleCase] = [
        RuleCase(
            "Map needs an ItemProcessor", single(#"{"Type":"Map","End":true}"#), schema,
            "These fields are required: [ItemProcessor]", at: "/States/S"),
        RuleCase(
            "not both ItemProcessor and Iterator", map(#""Iterator":\#(processor)"#), schema,
            "These fields cannot be used together: [ItemProcessor, Iterator]", at: "/States/S"),
        RuleCase(
            "Mode is INLINE or DISTRIBUTED",
            map("", processor: #"{"ProcessorConfig":{"Mode":"LOCAL"},"StartAt":"P","States":{"P":{"Type":"Succeed"}}}"#),
            schema, "The field 'Mode' should have one of these values: [INLINE, DISTRIBUTED]",
            at: "/States/S/ItemProcessor/ProcessorConfig/Mode"),
        RuleCase(
            "DISTRIBUTED needs an ExecutionType",
            map("", processor: #"{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P","States":{"P":{"Type":"Succeed"}}}"#),
            schema, "These fields are required: [ExecutionType]", at: "/States/S/ItemProcessor/ProcessorConfig"),
        RuleCase(
            "ExecutionType is STANDARD or EXPRESS",
            map("", processor: #"{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"FAST"},"StartAt":"P","States":{"P":{"Type":"Succeed"}}}"#),
            schema, "The field 'ExecutionType' should have one of these values: [STANDARD, EXPRESS]",
            at: "/States/S/ItemProcessor/ProcessorConfig/ExecutionType"),
        RuleCase(
            "an ItemProcessor cannot set QueryLanguage",
            map("", processor: #"{"QueryLanguage":"JSONPath","StartAt":"P","States":{"P":{"Type":"Succeed"}}}"#), schema,
            "Field 'QueryLanguage' is not supported", at: "/States/S/ItemProcessor"),
        RuleCase(
            "ItemReader needs DISTRIBUTED mode",
            map(#""ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}}"#), schema,
            "Field 'ItemReader' is only supported when 'Mode' is 'DISTRIBUTED'", at: "/States/S"),
        RuleCase(
            "MaxConcurrency is non-negative", map(#""MaxConcurrency":-1"#), schema,
            "Value must be greater than or equal to 0", at: "/States/S/MaxConcurrency"),
        RuleCase(
            "not both MaxConcurrency and MaxConcurrencyPath", map(#""MaxConcurrency":1,"MaxConcurrencyPath":"$.m""#), schema,
            "These fields cannot be used together: [MaxConcurrency, MaxConcurrencyPath]", at: "/States/S"),
        RuleCase(
            "ToleratedFailurePercentage is at most 100", map(#""ToleratedFailurePercentage":100.5"#, processor: distributed),
            schema, "Value must be less than or equal to 100", at: "/States/S/ToleratedFailurePercentage"),
        RuleCase(
            "ToleratedFailureCount is non-negative", map(#""ToleratedFailureCount":-2"#, processor: distributed), schema,
            "Value must be greater than or equal to 0", at: "/States/S/ToleratedFailureCount"),
        RuleCase(
            "ItemsPath is a path", map(#""ItemsPath":"items""#), schema,
            "The value for the field 'ItemsPath' must be a valid JSONPath", at: "/States/S/ItemsPath"),
        RuleCase(
            "Items is an array or JSONata", map(#""Items":{}"#, language: "JSONata"), schema,
            "Expected value of type [ARRAY, STRING]", at: "/States/S/Items"),
        RuleCase(
            "ItemSelector values are paths", map(#""ItemSelector":{"v.$":"value"}"#), schema,
            "The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/ItemSelector"),
        RuleCase(
            "Labels are at most 40 characters", map(#""Label":"\#(String(repeating: "l", count: 41))""#, processor: distributed),
            "INVALID_LABEL_NAME", "Invalid Label name: \(String(repeating: "l", count: 41))", at: "/States/S/Label"),
        RuleCase(
            "Labels have no special characters", map(#""Label":"a:b""#, processor: distributed), "INVALID_LABEL_NAME",
            "Invalid Label name: a:b", at: "/States/S/Label"),
        RuleCase(
            "Labels are unique",
            machine(
                #""S":{"Type":"Map","Label":"L","Next":"T","ItemProcessor":\#(distributed)},"T":{"Type":"Map","Label":"L","End":true,"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"Q","States":{"Q":{"Type":"Succeed"}}}}"#
            ),
            "DUPLICATE_LABEL_NAME", "Duplicate Label name: L", at: "/States/T/Label"),
        RuleCase(
            "ItemReader reads from S3 only",
            map(#""ItemReader":{"Resource":"arn:aws:states:::s3:putObject"}"#, processor: distributed), schema,
            "The resource provided arn:aws:states:::s3:putObject is not recognized. The value is not a valid resource ARN, "
                + "or the resource is not available in this region.", at: "/States/S/ItemReader/Resource"),
        RuleCase(
            "ReaderConfig InputType is one of five",
            map(#""ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"XML"}}"#, processor: distributed),
            schema, "The field 'InputType' should have one of these values: [CSV, JSON, JSONL, PARQUET, MANIFEST]",
            at: "/States/S/ItemReader/ReaderConfig/InputType"),
        RuleCase(
            "ReaderConfig MaxItems is positive",
            map(#""ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"MaxItems":0}}"#, processor: distributed),
            schema, "Value must be greater than or equal to 1", at: "/States/S/ItemReader/ReaderConfig/MaxItems"),
        RuleCase(
            "ItemBatcher needs a batch size", map(#""ItemBatcher":{"BatchInput":{}}"#, processor: distributed), schema,
            "At least one of these fields is required: [MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, "
                + "MaxInputBytesPerBatchPath]", at: "/States/S/ItemBatcher"),
        RuleCase(
            "batches are at most 256 KiB", map(#""ItemBatcher":{"MaxInputBytesPerBatch":262145}"#, processor: distributed),
            schema, "Value must be less than or equal to 262144", at: "/States/S/ItemBatcher/MaxInputBytesPerBatch"),
        RuleCase(
            "ResultWriter cannot be empty", map(#""ResultWriter":{}"#, processor: distributed), schema,
            "Value cannot be empty", at: "/States/S/ResultWriter"),
        RuleCase(
            "WriterConfig OutputType is JSON or JSONL",
            map(#""ResultWriter":{"WriterConfig":{"OutputType":"CSV"}}"#, processor: distributed), schema,
            "The field 'OutputType' should have one of these values: [JSON, JSONL]",
            at: "/States/S/ResultWriter/WriterConfig/OutputType"),
    ]

    @Test("Map rules", arguments: cases)
    func rule(_ rule: RuleCase) { rule.verify() }

    @Test("A full Distributed Map is accepted")
    func distributedMap() {
        let fields = #"""
            "Label":"Batch","MaxConcurrency":10,"ToleratedFailurePercentage":5.5,"ToleratedFailureCount":3,
            "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"},
              "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["a","b"],"MaxItems":10}},
            "ItemBatcher":{"MaxItemsPerBatch":5,"BatchInput":{"run.$":"$$.Execution.Id"}},
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b","Prefix":"p"},
              "WriterConfig":{"OutputType":"JSONL","Transformation":"COMPACT"}}
            """#
        #expect(errors(Self.map(fields, processor: Self.distributed)) == [])
    }

    @Test("The deprecated Iterator and tolerance fields on an inline Map are accepted")
    func iterator() {
        #expect(errors(single(#"{"Type":"Map","End":true,"Iterator":\#(Self.processor),"Parameters":{"v.$":"$$.Map.Item.Value"}}"#)) == [])
        #expect(errors(Self.map(#""Items":[1],"ToleratedFailurePercentage":"{% $states.input.p %}""#, language: "JSONata")) == [])
    }
}
