import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB UpdateItem and UpdateExpression", .timeLimit(.minutes(3)))
struct DynamoDBUpdateTests {
    static let item = """
        {"id": {"S": "a"}, "n": {"N": "5"}, "s": {"S": "x"}, "tags": {"SS": ["x", "y"]}, "nums": {"NS": ["1"]},
         "list": {"L": [{"S": "p"}, {"S": "q"}]}, "m": {"M": {"deep": {"N": "10"}, "l": {"L": [{"N": "0"}]}}}}
        """

    /// The item after an update of the fixture item.
    func updated(_ expression: String, _ values: String? = nil, names: String? = nil) async throws -> JSON {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(Self.item)
        var request = #"{"TableName": "Users", "Key": {"id": {"S": "a"}}, "UpdateExpression": "\#(expression)", "ReturnValues": "ALL_NEW""#
        if let values { request += #", "ExpressionAttributeValues": \#(values)"# }
        if let names { request += #", "ExpressionAttributeNames": \#(names)"# }
        return try await dynamo.call("updateItem", request + "}")["Attributes"] ?? [:]
    }

    @Test("SET with values, paths, + and - arithmetic (exact), if_not_exists and list_append")
    func set() async throws {
        #expect(try await updated("SET s = :v, #c = n", #"{":v": {"S": "new"}}"#, names: ##"{"#c": "copy"}"##)["copy"] == ["N": "5"])
        #expect(try await updated("SET n = n + :d", #"{":d": {"N": "0.1"}}"#)["n"] == ["N": "5.1"])
        #expect(try await updated("SET n = :d - n", #"{":d": {"N": "1"}}"#)["n"] == ["N": "-4"])
        #expect(try await updated("SET c = if_not_exists(c, :z) + :one", #"{":z": {"N": "0"}, ":one": {"N": "1"}}"#)["c"] == ["N": "1"])
        #expect(try await updated("SET n = if_not_exists(n, :z)", #"{":z": {"N": "0"}}"#)["n"] == ["N": "5"])
        let appended = try await updated("SET list = list_append(list, :more), front = list_append(:more, list)", #"{":more": {"L": [{"S": "r"}]}}"#)
        #expect(appended["list"] == DynamoFixture.json(#"{"L": [{"S": "p"}, {"S": "q"}, {"S": "r"}]}"#))
        #expect(appended["front"] == DynamoFixture.json(#"{"L": [{"S": "r"}, {"S": "p"}, {"S": "q"}]}"#))
    }

    @Test("Nested paths: set inside maps and lists, append past the end, remove list elements")
    func nested() async throws {
        let set = try await updated("SET m.deep = :v, m.l[0] = :v, m.l[5] = :w, list[1] = :w", #"{":v": {"N": "1"}, ":w": {"S": "z"}}"#)
        #expect(set["m"] == DynamoFixture.json(#"{"M": {"deep": {"N": "1"}, "l": {"L": [{"N": "1"}, {"S": "z"}]}}}"#))
        #expect(set["list"] == DynamoFixture.json(#"{"L": [{"S": "p"}, {"S": "z"}]}"#))
        let removed = try await updated("REMOVE list[0], m.deep, s")
        #expect(removed["list"] == DynamoFixture.json(#"{"L": [{"S": "q"}]}"#))
        #expect(removed["m"] == DynamoFixture.json(#"{"M": {"l": {"L": [{"N": "0"}]}}}"#))
        #expect(removed["s"] == nil)
    }

    @Test("ADD to numbers and sets (creating them when missing) and DELETE from sets")
    func addDelete() async throws {
        let added = try await updated("ADD n :one, fresh :one, tags :t, newset :t", #"{":one": {"N": "-1"}, ":t": {"SS": ["y", "z"]}}"#)
        #expect(added["n"] == ["N": "4"])
        #expect(added["fresh"] == ["N": "-1"])
        #expect(added["tags"] == ["SS": ["x", "y", "z"]])
        #expect(added["newset"] == ["SS": ["y", "z"]])
        let deleted = try await updated("DELETE tags :t, nums :n", #"{":t": {"SS": ["x"]}, ":n": {"NS": ["1"]}}"#)
        #expect(deleted["tags"] == ["SS": ["y"]])
        #expect(deleted["nums"] == nil)
    }

    @Test("UpdateItem creates a missing item from its key; ReturnValues NONE, ALL_OLD, UPDATED_OLD, UPDATED_NEW")
    func returnValues() async throws {
        let dynamo = try await DynamoFixture()
        let created = try await dynamo.call(
            "updateItem",
            """
            {"TableName": "Users", "Key": {"id": {"S": "new"}}, "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": {"N": "1"}}}
            """)
        #expect(created == [:])
        #expect(try await dynamo.get(#"{"id": {"S": "new"}}"#) == DynamoFixture.json(#"{"id": {"S": "new"}, "v": {"N": "1"}}"#))
        let request = { (returnValues: String) in
            """
            {"TableName": "Users", "Key": {"id": {"S": "new"}}, "UpdateExpression": "SET v = v + :v, w = :v",
             "ExpressionAttributeValues": {":v": {"N": "1"}}, "ReturnValues": "\(returnValues)"}
            """
        }
        #expect(try await dynamo.call("updateItem", request("UPDATED_OLD")) == DynamoFixture.json(#"{"Attributes": {"v": {"N": "1"}}}"#))
        #expect(
            try await dynamo.call("updateItem", request("UPDATED_NEW")) == DynamoFixture.json(#"{"Attributes": {"v": {"N": "3"}, "w": {"N": "1"}}}"#))
        #expect(
            try await dynamo.call("updateItem", request("ALL_OLD"))
                == DynamoFixture.json(#"{"Attributes": {"id": {"S": "new"}, "v": {"N": "3"}, "w": {"N": "1"}}}"#))
    }

    @Test("A failed condition leaves the item unchanged")
    func conditionalUpdate() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(Self.item)
        let error = try await dynamo.error(
            "updateItem",
            """
            {"TableName": "Users", "Key": {"id": {"S": "a"}}, "UpdateExpression": "SET n = :v", "ConditionExpression": "n > :v",
             "ExpressionAttributeValues": {":v": {"N": "100"}}}
            """)
        #expect(error == DynamoFixture.conditionFailed)
        #expect(try await dynamo.get(#"{"id": {"S": "a"}}"#)?["n"] == ["N": "5"])
    }

    @Test("Update errors with DynamoDB's messages")
    func errors() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(Self.item)
        let cases: [(String, String, String)] = [
            (
                "SET id = :v", #"{":v": {"S": "b"}}"#,
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"
            ),
            ("SET s = s + :v", #"{":v": {"N": "1"}}"#, "An operand in the update expression has an incorrect data type"),
            ("SET x = nope + :v", #"{":v": {"N": "1"}}"#, "The provided expression refers to an attribute that does not exist in the item"),
            ("SET s = list_append(s, :v)", #"{":v": {"L": []}}"#, "An operand in the update expression has an incorrect data type"),
            (
                "ADD s :v", #"{":v": {"S": "1"}}"#,
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"
            ),
            ("ADD s :v", #"{":v": {"N": "1"}}"#, "An operand in the update expression has an incorrect data type"),
            (
                "DELETE tags :v", #"{":v": {"N": "1"}}"#,
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"
            ),
            ("SET nope.deep = :v", #"{":v": {"N": "1"}}"#, "The document path provided in the update expression is invalid for update"),
            (
                "SET s = :v SET n = :v", #"{":v": {"N": "1"}}"#,
                #"Invalid UpdateExpression: The "SET" section can only be used once in an update expression;"#
            ),
            (
                "SET m = :v REMOVE m.deep", #"{":v": {"N": "1"}}"#,
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, deep]"
            ),
            ("SET s :v", #"{":v": {"N": "1"}}"#, #"Invalid UpdateExpression: Syntax error; token: ":v", near: "s :v""#),
            (
                "SET s = size(s)", #"{":v": {"N": "1"}}"#,
                "Invalid UpdateExpression: The function is not allowed in an update expression; function: size"
            ),
        ]
        for (expression, values, message) in cases {
            let error = try await dynamo.error(
                "updateItem",
                """
                {"TableName": "Users", "Key": {"id": {"S": "a"}}, "UpdateExpression": "\(expression)", "ExpressionAttributeValues": \(values)}
                """)
            #expect(error == DynamoFixture.validation(message), "\(expression)")
        }
    }
}
