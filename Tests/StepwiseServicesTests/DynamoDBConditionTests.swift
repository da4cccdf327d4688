import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB ConditionExpression", .timeLimit(.minutes(3)))
struct DynamoDBConditionTests {
    static let item = """
        {"id": {"S": "a"}, "n": {"N": "5"}, "s": {"S": "hello"}, "b": {"B": "AQID"}, "flag": {"BOOL": true},
         "tags": {"SS": ["x", "y"]}, "nums": {"NS": ["1", "2"]}, "list": {"L": [{"S": "p"}, {"N": "3"}]},
         "m": {"M": {"deep": {"N": "10"}}}, "nothing": {"NULL": true}}
        """

    /// Whether `expression` holds for the fixture item (a DeleteItem with the condition, on a fresh copy).
    func holds(_ expression: String, _ values: String? = nil, names: String? = nil) async throws -> Bool {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(Self.item)
        var request = #"{"TableName": "Users", "Key": {"id": {"S": "a"}}, "ConditionExpression": "\#(expression)""#
        if let values { request += #", "ExpressionAttributeValues": \#(values)"# }
        if let names { request += #", "ExpressionAttributeNames": \#(names)"# }
        let error = try await dynamo.error("deleteItem", request + "}")
        if let error, error != DynamoFixture.conditionFailed { throw error }
        return error == nil
    }

    @Test("Comparators on numbers, strings and binaries; mismatched types compare false; <> on a missing attribute is true")
    func comparators() async throws {
        #expect(try await holds("n = :v", #"{":v": {"N": "5.0"}}"#))
        #expect(try await holds("n <> :v", #"{":v": {"N": "6"}}"#))
        #expect(try await holds("n < :v", #"{":v": {"N": "10"}}"#))
        #expect(try await holds("n <= :v", #"{":v": {"N": "5"}}"#))
        #expect(try await holds("n > :v", #"{":v": {"N": "-1"}}"#))
        #expect(try await holds("n >= :v", #"{":v": {"N": "5"}}"#))
        #expect(try await holds("s < :v", #"{":v": {"S": "help"}}"#))
        #expect(try await holds("s < :v", #"{":v": {"S": "Zebra"}}"#) == false)
        #expect(try await holds("s > :v", #"{":v": {"S": "hell"}}"#))
        #expect(try await holds("b < :v", #"{":v": {"B": "AQQ="}}"#))
        #expect(try await holds("n < :v", #"{":v": {"S": "9"}}"#) == false)
        #expect(try await holds("n = :v", #"{":v": {"S": "5"}}"#) == false)
        #expect(try await holds("missing <> :v", #"{":v": {"N": "1"}}"#))
        #expect(try await holds("missing = :v", #"{":v": {"N": "1"}}"#) == false)
        #expect(try await holds("m.deep = :v AND list[1] = :w", #"{":v": {"N": "10"}, ":w": {"N": "3"}}"#))
        #expect(try await holds("tags = :v", #"{":v": {"SS": ["y", "x"]}}"#))
    }

    @Test("BETWEEN, IN, AND, OR, NOT and parentheses with DynamoDB's precedence")
    func logic() async throws {
        #expect(try await holds("n BETWEEN :a AND :b", #"{":a": {"N": "1"}, ":b": {"N": "5"}}"#))
        #expect(try await holds("n BETWEEN :a AND :b", #"{":a": {"N": "6"}, ":b": {"N": "9"}}"#) == false)
        #expect(try await holds("n IN (:a, :b)", #"{":a": {"N": "1"}, ":b": {"N": "5"}}"#))
        #expect(try await holds("n IN (:a)", #"{":a": {"N": "1"}}"#) == false)
        #expect(try await holds("NOT n = :a", #"{":a": {"N": "1"}}"#))
        #expect(try await holds("n = :a OR n = :b AND n = :a", #"{":a": {"N": "5"}, ":b": {"N": "6"}}"#))
        #expect(try await holds("(n = :a OR n = :b) AND n = :b", #"{":a": {"N": "5"}, ":b": {"N": "6"}}"#) == false)
        #expect(try await holds("not (n = :a) or #f = :t", #"{":a": {"N": "5"}, ":t": {"BOOL": true}}"#, names: ##"{"#f": "flag"}"##))
    }

    @Test("attribute_exists, attribute_not_exists, attribute_type, begins_with, contains and size")
    func functions() async throws {
        #expect(try await holds("attribute_exists(m.deep)"))
        #expect(try await holds("attribute_exists(nothing)"))
        #expect(try await holds("attribute_not_exists(nope)"))
        #expect(try await holds("attribute_not_exists(id)") == false)
        #expect(try await holds("attribute_type(tags, :t)", #"{":t": {"S": "SS"}}"#))
        #expect(try await holds("attribute_type(n, :t)", #"{":t": {"S": "S"}}"#) == false)
        #expect(try await holds("begins_with(s, :p)", #"{":p": {"S": "he"}}"#))
        #expect(try await holds("begins_with(b, :p)", #"{":p": {"B": "AQ=="}}"#))
        #expect(try await holds("begins_with(n, :p)", #"{":p": {"S": "5"}}"#) == false)
        #expect(try await holds("contains(s, :p)", #"{":p": {"S": "ell"}}"#))
        #expect(try await holds("contains(tags, :p)", #"{":p": {"S": "y"}}"#))
        #expect(try await holds("contains(nums, :p)", #"{":p": {"N": "2.0"}}"#))
        #expect(try await holds("contains(list, :p)", #"{":p": {"S": "p"}}"#))
        #expect(try await holds("contains(tags, :p)", #"{":p": {"S": "z"}}"#) == false)
        #expect(
            try await holds(
                "size(s) = :n AND size(tags) = :two AND size(list) = :two AND size(b) = :three",
                #"{":n": {"N": "5"}, ":two": {"N": "2"}, ":three": {"N": "3"}}"#))
        #expect(try await holds("size(n) > :z", #"{":z": {"N": "0"}}"#) == false)
    }

    @Test("A conditional put of an existing key fails with ConditionalCheckFailedException and changes nothing")
    func conditionalPut() async throws {
        let dynamo = try await DynamoFixture()
        let request = #"{"TableName": "Users", "Item": {"id": {"S": "u"}, "v": {"N": "VALUE"}}, "ConditionExpression": "attribute_not_exists(id)"}"#
        _ = try await dynamo.call("putItem", request.replacingOccurrences(of: "VALUE", with: "1"))
        let error = try await dynamo.error("putItem", request.replacingOccurrences(of: "VALUE", with: "2"))
        #expect(error == DynamoFixture.conditionFailed)
        #expect(try await dynamo.get(#"{"id": {"S": "u"}}"#)?["v"] == ["N": "1"])
    }

    @Test("Concurrent conditional puts of one key: exactly one succeeds")
    func atomicConditionalPuts() async throws {
        let dynamo = try await DynamoFixture()
        let successes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<50 {
                group.addTask {
                    let error = try await dynamo.error(
                        "putItem",
                        """
                        {"TableName": "Users", "Item": {"id": {"S": "uid"}, "by": {"N": "\(index)"}}, "ConditionExpression": "attribute_not_exists(id)"}
                        """)
                    return error == nil
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 1)
    }

    @Test("Expression errors: syntax, undefined and unused placeholders, bad functions, BETWEEN bounds, attribute types")
    func errors() async throws {
        let dynamo = try await DynamoFixture()
        let cases: [(String, String, String)] = [
            ("n = ", #"{":v": {"N": "1"}}"#, #"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "= ""#),
            ("n == :v", #"{":v": {"N": "1"}}"#, #"Invalid ConditionExpression: Syntax error; token: "=", near: "== :v""#),
            (
                "n = :v", #"{":w": {"N": "1"}}"#,
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v"
            ),
            (
                "#n = :v", #"{":v": {"N": "1"}}"#,
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #n"
            ),
            ("n = :v", #"{":v": {"N": "1"}, ":x": {"N": "2"}}"#, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}"),
            ("foo(n)", #"{":v": {"N": "1"}}"#, "Invalid ConditionExpression: Invalid function name; function: foo"),
            (
                "size(n)", #"{":v": {"N": "1"}}"#,
                "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size"
            ),
            (
                "n BETWEEN :b AND :a", #"{":a": {"N": "1"}, ":b": {"N": "5"}}"#,
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}"
            ),
            (
                "attribute_type(n, :v)", #"{":v": {"S": "X"}}"#,
                "Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: { B,NULL,SS,BOOL,L,BS,N,NS,S,M }"
            ),
            (
                "begins_with(n, :v)", #"{":v": {"N": "1"}}"#,
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"
            ),
            ("n = :v", "{}", "ExpressionAttributeValues must not be empty"),
        ]
        for (expression, values, message) in cases {
            let error = try await dynamo.error(
                "putItem",
                """
                {"TableName": "Users", "Item": {"id": {"S": "a"}}, "ConditionExpression": "\(expression)", "ExpressionAttributeValues": \(values)}
                """)
            #expect(error == DynamoFixture.validation(message), "\(expression)")
        }
        let unusedName = try await dynamo.error(
            "putItem",
            """
            {"TableName": "Users", "Item": {"id": {"S": "a"}}, "ExpressionAttributeNames": {"#x": "x"}, "ConditionExpression": "attribute_not_exists(id)"}
            """)
        #expect(unusedName == DynamoFixture.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"))
        let noExpression = try await dynamo.error(
            "putItem", #"{"TableName": "Users", "Item": {"id": {"S": "a"}}, "ExpressionAttributeValues": {":x": {"N": "1"}}}"#)
        #expect(noExpression == DynamoFixture.validation("ExpressionAttributeValues can only be specified when using expressions"))
    }
}
