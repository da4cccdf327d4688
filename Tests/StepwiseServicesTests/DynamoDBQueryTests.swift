import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB Query and Scan", .timeLimit(.minutes(3)))
struct DynamoDBQueryTests {
    /// A fixture with partition `p` holding sort keys 1, 2, 10, 20, 100 (numeric order differs from text order)
    /// and partition `q` holding one item.
    func events() async throws -> DynamoFixture {
        let dynamo = try await DynamoFixture()
        for sort in [10, 2, 100, 1, 20] {
            try await dynamo.put(
                #"{"pk": {"S": "p"}, "sk": {"N": "\#(sort)"}, "even": {"BOOL": \#(sort % 2 == 0)}, "x": {"S": "v\#(sort)"}}"#, into: "Events")
        }
        try await dynamo.put(#"{"pk": {"S": "q"}, "sk": {"N": "1"}}"#, into: "Events")
        return dynamo
    }

    func sortKeys(_ response: JSON) -> [String] {
        (response["Items"]?.arrayValue ?? []).compactMap { $0["sk"]?["N"]?.stringValue }
    }

    func query(_ dynamo: DynamoFixture, _ condition: String, _ values: String, extra: String = "") async throws -> JSON {
        try await dynamo.call(
            "query",
            """
            {"TableName": "Events", "KeyConditionExpression": "\(condition)", "ExpressionAttributeValues": \(values)\(extra)}
            """)
    }

    @Test("Partition equality returns the partition in numeric sort key order, reversed with ScanIndexForward false")
    func order() async throws {
        let dynamo = try await events()
        let forward = try await query(dynamo, "pk = :p", #"{":p": {"S": "p"}}"#)
        #expect(sortKeys(forward) == ["1", "2", "10", "20", "100"])
        #expect(forward["Count"] == 5 && forward["ScannedCount"] == 5 && forward["LastEvaluatedKey"] == nil)
        let backward = try await query(dynamo, "pk = :p", #"{":p": {"S": "p"}}"#, extra: #", "ScanIndexForward": false"#)
        #expect(sortKeys(backward) == ["100", "20", "10", "2", "1"])
    }

    @Test("Sort key conditions: =, <, <=, >, >=, BETWEEN, begins_with")
    func sortConditions() async throws {
        let dynamo = try await events()
        let cases: [(String, [String])] = [
            ("sk = :n", ["10"]), ("sk < :n", ["1", "2"]), ("sk <= :n", ["1", "2", "10"]), ("sk > :n", ["20", "100"]),
            ("sk >= :n", ["10", "20", "100"]), ("sk BETWEEN :m AND :n", ["2", "10"]),
        ]
        for (condition, expected) in cases {
            let response = try await query(
                dynamo, "pk = :p AND \(condition)",
                #"{":p": {"S": "p"}, ":n": {"N": "10"}\#(condition.contains(":m") ? #", ":m": {"N": "2"}"# : "")}"#)
            #expect(sortKeys(response) == expected, "\(condition)")
        }
        let table = try await dynamo.call(
            "createTable",
            """
            {"TableName": "Logs", "BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
             "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "at", "AttributeType": "S"}]}
            """)
        #expect(table["TableDescription"]?["TableStatus"] == "CREATING")
        for at in ["2024-01-02", "2024-02-01", "2023-12-31"] { try await dynamo.put(#"{"pk": {"S": "a"}, "at": {"S": "\#(at)"}}"#, into: "Logs") }
        let prefixed = try await dynamo.call(
            "query",
            """
            {"TableName": "Logs", "KeyConditionExpression": "#k = :p AND begins_with(#a, :y)", "ExpressionAttributeNames": {"#k": "pk", "#a": "at"},
             "ExpressionAttributeValues": {":p": {"S": "a"}, ":y": {"S": "2024"}}}
            """)
        #expect(prefixed["Items"]?.arrayValue?.compactMap { $0["at"]?["S"]?.stringValue } == ["2024-01-02", "2024-02-01"])
    }

    @Test("Limit, LastEvaluatedKey and ExclusiveStartKey page through a partition in both directions")
    func pagination() async throws {
        let dynamo = try await events()
        for forward in [true, false] {
            var pages: [[String]] = []
            var start = ""
            repeat {
                let response = try await query(
                    dynamo, "pk = :p", #"{":p": {"S": "p"}}"#,
                    extra: #", "Limit": 2, "ScanIndexForward": \#(forward)\#(start)"#)
                pages.append(sortKeys(response))
                start = response["LastEvaluatedKey"].map { #", "ExclusiveStartKey": \#($0)"# } ?? ""
            } while !start.isEmpty
            #expect(pages == (forward ? [["1", "2"], ["10", "20"], ["100"]] : [["100", "20"], ["10", "2"], ["1"]]))
        }
    }

    @Test("FilterExpression counts evaluated items in ScannedCount; ProjectionExpression and Select COUNT shape the result")
    func filterProjection() async throws {
        let dynamo = try await events()
        let filtered = try await query(
            dynamo, "pk = :p", #"{":p": {"S": "p"}, ":t": {"BOOL": true}}"#,
            extra: #", "FilterExpression": "even = :t", "ProjectionExpression": "sk, x""#)
        #expect(filtered["Count"] == 4 && filtered["ScannedCount"] == 5)
        #expect(filtered["Items"]?[0] == DynamoFixture.json(#"{"sk": {"N": "2"}, "x": {"S": "v2"}}"#))
        let counted = try await query(dynamo, "pk = :p", #"{":p": {"S": "p"}}"#, extra: #", "Select": "COUNT""#)
        #expect(counted == ["Count": 5, "ScannedCount": 5])
    }

    @Test("Key condition errors")
    func keyConditionErrors() async throws {
        let dynamo = try await events()
        let cases: [(String, String, String)] = [
            ("sk = :n", #"{":n": {"N": "1"}}"#, "Query condition missed key schema element: pk"),
            ("pk = :p OR sk = :n", #"{":p": {"S": "p"}, ":n": {"N": "1"}}"#, "Invalid operator used in KeyConditionExpression: OR"),
            ("pk = :p AND other = :n", #"{":p": {"S": "p"}, ":n": {"N": "1"}}"#, "Query condition missed key schema element: sk"),
            (
                "pk = :p AND sk = :n", #"{":p": {"S": "p"}, ":n": {"S": "1"}}"#,
                "One or more parameter values were invalid: Condition parameter type does not match schema type"
            ),
            ("pk < :p", #"{":p": {"S": "p"}}"#, "Query key condition not supported"),
        ]
        for (condition, values, message) in cases {
            #expect(
                try await dynamo.error(
                    "query",
                    """
                    {"TableName": "Events", "KeyConditionExpression": "\(condition)", "ExpressionAttributeValues": \(values)}
                    """) == DynamoFixture.validation(message), "\(condition)")
        }
        #expect(
            try await dynamo.error("query", #"{"TableName": "Events"}"#)
                == DynamoFixture.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."))
        #expect(
            try await dynamo.error(
                "query",
                #"{"TableName": "Events", "IndexName": "byX", "KeyConditionExpression": "pk = :p", "ExpressionAttributeValues": {":p": {"S": "p"}}}"#)
                == DynamoFixture.validation("The table does not have the specified index: byX"))
    }

    @Test("Scan returns every item, filters, and pages with Limit and ExclusiveStartKey")
    func scan() async throws {
        let dynamo = try await events()
        let all = try await dynamo.call("scan", #"{"TableName": "Events"}"#)
        #expect(all["Count"] == 6 && all["ScannedCount"] == 6 && all["LastEvaluatedKey"] == nil)
        let filtered = try await dynamo.call(
            "scan",
            """
            {"TableName": "Events", "FilterExpression": "sk >= :n", "ExpressionAttributeValues": {":n": {"N": "20"}}, "Select": "COUNT"}
            """)
        #expect(filtered == ["Count": 2, "ScannedCount": 6])
        var seen: [JSON] = []
        var start = ""
        repeat {
            let page = try await dynamo.call("scan", #"{"TableName": "Events", "Limit": 4\#(start)}"#)
            seen += page["Items"]?.arrayValue ?? []
            start = page["LastEvaluatedKey"].map { #", "ExclusiveStartKey": \#($0)"# } ?? ""
        } while !start.isEmpty
        #expect(seen.count == 6 && Set(seen).count == 6)
        #expect(
            try await dynamo.error("scan", #"{"TableName": "Nope"}"#)
                == StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found"))
        #expect(
            try await dynamo.error("scan", #"{"TableName": "Events", "Limit": 0}"#)
                == DynamoFixture.validation(
                    "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"
                ))
    }

    /// A parallel scan: each segment pages through its own items; together the segments hold every item once.
    @Test("Segment / TotalSegments split a scan into disjoint segments that together return every item")
    func parallelScan() async throws {
        let dynamo = try await DynamoFixture()
        for id in 0..<300 { try await dynamo.put(#"{"id": {"S": "u\#(id)"}}"#) }
        var segments: [[String]] = []
        for segment in 0..<4 {
            var ids: [String] = []
            var start = ""
            repeat {
                let page = try await dynamo.call("scan", #"{"TableName": "Users", "Limit": 25, "Segment": \#(segment), "TotalSegments": 4\#(start)}"#)
                ids += (page["Items"]?.arrayValue ?? []).compactMap { $0["id"]?["S"]?.stringValue }
                start = page["LastEvaluatedKey"].map { #", "ExclusiveStartKey": \#($0)"# } ?? ""
            } while !start.isEmpty
            segments.append(ids)
        }
        #expect(segments.allSatisfy { $0.count > 30 })
        #expect(segments.flatMap { $0 }.count == 300)
        #expect(Set(segments.flatMap { $0 }) == Set((0..<300).map { "u\($0)" }))
        #expect(
            try await dynamo.error("scan", #"{"TableName": "Users", "Segment": 4, "TotalSegments": 4}"#)
                == DynamoFixture.validation(
                    "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4")
        )
        #expect(
            try await dynamo.error("scan", #"{"TableName": "Users", "Segment": 1}"#)
                == DynamoFixture.validation(
                    "The TotalSegments parameter is required but was not present in the request when Segment parameter is present"))
        let otherSegment = ScanSegment.of(partition: "u0", total: 4) == 0 ? 1 : 0
        #expect(
            try await dynamo.error(
                "scan", #"{"TableName": "Users", "Segment": \#(otherSegment), "TotalSegments": 4, "ExclusiveStartKey": {"id": {"S": "u0"}}}"#)
                == DynamoFixture.validation("The provided Exclusive Start Key does not map to the provided Segment and TotalSegments values."))
    }
}
