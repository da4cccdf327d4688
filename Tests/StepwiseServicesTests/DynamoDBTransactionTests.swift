import Foundation
import JSON
import Stepwise
import StepwiseTesting
import Testing

@testable import StepwiseServices

@Suite("DynamoDB TransactWriteItems and TransactGetItems", .timeLimit(.minutes(3)))
struct DynamoDBTransactionTests {
    @Test("TransactWriteItems applies Put, Update, Delete and a ConditionCheck together and answers {}")
    func transactWrite() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "counter"}, "n": {"N": "1"}}"#)
        try await dynamo.put(#"{"id": {"S": "gone"}}"#)
        try await dynamo.put(#"{"id": {"S": "owner"}, "group": {"S": "admins"}}"#)
        let response = try await dynamo.call(
            "transactWriteItems",
            """
            {"TransactItems": [
              {"Put": {"TableName": "Users", "Item": {"id": {"S": "new"}}, "ConditionExpression": "attribute_not_exists(id)"}},
              {"Update": {"TableName": "Users", "Key": {"id": {"S": "counter"}}, "UpdateExpression": "ADD n :one",
                          "ExpressionAttributeValues": {":one": {"N": "1"}}}},
              {"Delete": {"TableName": "Users", "Key": {"id": {"S": "gone"}}}},
              {"ConditionCheck": {"TableName": "Users", "Key": {"id": {"S": "owner"}}, "ConditionExpression": "#g = :g",
                                  "ExpressionAttributeNames": {"#g": "group"}, "ExpressionAttributeValues": {":g": {"S": "admins"}}}},
              {"Put": {"TableName": "Events", "Item": {"pk": {"S": "p"}, "sk": {"N": "1"}}}}]}
            """)
        #expect(response == [:])
        #expect(try await dynamo.get(#"{"id": {"S": "new"}}"#) == DynamoFixture.json(#"{"id": {"S": "new"}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "counter"}}"#) == DynamoFixture.json(#"{"id": {"S": "counter"}, "n": {"N": "2"}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "gone"}}"#) == nil)
        #expect(try await dynamo.get(#"{"pk": {"S": "p"}, "sk": {"N": "1"}}"#, from: "Events") != nil)
    }

    @Test("One failing condition cancels the whole transaction: nothing is written, one reason per action in order")
    func allOrNothing() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "taken"}, "v": {"N": "7"}}"#)
        try await dynamo.put(#"{"id": {"S": "counter"}, "n": {"N": "1"}}"#)
        try await dynamo.put(#"{"id": {"S": "kept"}}"#)
        let request = """
            {"TransactItems": [
              {"Update": {"TableName": "Users", "Key": {"id": {"S": "counter"}}, "UpdateExpression": "ADD n :one",
                          "ExpressionAttributeValues": {":one": {"N": "1"}}}},
              {"Put": {"TableName": "Users", "Item": {"id": {"S": "taken"}}, "ConditionExpression": "attribute_not_exists(id)",
                       "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
              {"Put": {"TableName": "Users", "Item": {"id": {"S": "fresh"}}}},
              {"Delete": {"TableName": "Users", "Key": {"id": {"S": "kept"}}, "ConditionExpression": "attribute_exists(nope)"}}]}
            """
        await #expect(
            throws: StatesError(
                "DynamoDB.TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]"
            )
        ) {
            _ = try await dynamo.call("transactWriteItems", request)
        }
        do {
            _ = try await dynamo.dynamo.transactWriteItems(try JSON(parsing: request))
            Issue.record("the transaction was not cancelled")
        } catch let cancelled as TransactionCanceled {
            #expect(
                cancelled.json
                    == DynamoFixture.json(
                        """
                        {"Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]",
                         "CancellationReasons": [
                           {"Code": "None"},
                           {"Code": "ConditionalCheckFailed", "Item": {"id": {"S": "taken"}, "v": {"N": "7"}}, "Message": "The conditional request failed"},
                           {"Code": "None"},
                           {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}]}
                        """))
        }
        #expect(try await dynamo.get(#"{"id": {"S": "counter"}}"#) == DynamoFixture.json(#"{"id": {"S": "counter"}, "n": {"N": "1"}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "taken"}}"#) == DynamoFixture.json(#"{"id": {"S": "taken"}, "v": {"N": "7"}}"#))
        #expect(try await dynamo.get(#"{"id": {"S": "fresh"}}"#) == nil)
        #expect(try await dynamo.get(#"{"id": {"S": "kept"}}"#) != nil)
    }

    @Test("An update that cannot apply is a ValidationError reason and cancels the others")
    func validationReason() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}, "name": {"S": "text"}}"#)
        let error = try await dynamo.error(
            "transactWriteItems",
            """
            {"TransactItems": [
              {"Put": {"TableName": "Users", "Item": {"id": {"S": "b"}}}},
              {"Update": {"TableName": "Users", "Key": {"id": {"S": "a"}}, "UpdateExpression": "ADD #n :one",
                          "ExpressionAttributeNames": {"#n": "name"}, "ExpressionAttributeValues": {":one": {"N": "1"}}}}]}
            """)
        #expect(error?.name == "DynamoDB.TransactionCanceledException")
        #expect(error?.cause == "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]")
        #expect(try await dynamo.get(#"{"id": {"S": "b"}}"#) == nil)
    }

    @Test("Request errors: two actions on one item, over 100 actions, none, two kinds in one entry, a missing table")
    func requestErrors() async throws {
        let dynamo = try await DynamoFixture()
        let twice = try await dynamo.error(
            "transactWriteItems",
            """
            {"TransactItems": [{"Put": {"TableName": "Users", "Item": {"id": {"S": "a"}}}},
                               {"Delete": {"TableName": "Users", "Key": {"id": {"S": "a"}}}}]}
            """)
        #expect(twice == DynamoFixture.validation("Transaction request cannot include multiple operations on one item"))
        let many = (0..<101).map { #"{"Put": {"TableName": "Users", "Item": {"id": {"S": "\#($0)"}}}}"# }.joined(separator: ",")
        let tooMany = try await dynamo.error("transactWriteItems", #"{"TransactItems": [\#(many)]}"#)
        #expect(
            tooMany
                == DynamoFixture.validation(
                    "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"
                ))
        let hundred = (0..<100).map { #"{"Put": {"TableName": "Users", "Item": {"id": {"S": "\#($0)"}}}}"# }.joined(separator: ",")
        #expect(try await dynamo.call("transactWriteItems", #"{"TransactItems": [\#(hundred)]}"#) == [:])
        let empty = try await dynamo.error("transactWriteItems", #"{"TransactItems": []}"#)
        #expect(empty?.cause.hasSuffix("Member must have length greater than or equal to 1") == true)
        let both = try await dynamo.error(
            "transactWriteItems",
            #"{"TransactItems": [{"Put": {"TableName": "Users", "Item": {"id": {"S": "x"}}}, "Delete": {"TableName": "Users", "Key": {"id": {"S": "x"}}}}]}"#
        )
        #expect(both == DynamoFixture.validation("TransactItems can only contain one of Check, Put, Update or Delete"))
        let missing = try await dynamo.error(
            "transactWriteItems",
            #"{"TransactItems": [{"Put": {"TableName": "Users", "Item": {"id": {"S": "y"}}}}, {"Put": {"TableName": "Nope", "Item": {"id": {"S": "a"}}}}]}"#
        )
        #expect(missing == StatesError("DynamoDB.ResourceNotFoundException", "Requested resource not found"))
        #expect(try await dynamo.get(#"{"id": {"S": "y"}}"#) == nil)
    }

    @Test("ClientRequestToken: a retry writes nothing again; the same token with another request is refused")
    func idempotency() async throws {
        let dynamo = try await DynamoFixture()
        let request = """
            {"ClientRequestToken": "token-1", "TransactItems": [
              {"Update": {"TableName": "Users", "Key": {"id": {"S": "c"}}, "UpdateExpression": "ADD n :one",
                          "ExpressionAttributeValues": {":one": {"N": "1"}}}}]}
            """
        #expect(try await dynamo.call("transactWriteItems", request) == [:])
        #expect(try await dynamo.call("transactWriteItems", request) == [:])
        #expect(try await dynamo.get(#"{"id": {"S": "c"}}"#) == DynamoFixture.json(#"{"id": {"S": "c"}, "n": {"N": "1"}}"#))
        let other = try await dynamo.error(
            "transactWriteItems",
            #"{"ClientRequestToken": "token-1", "TransactItems": [{"Put": {"TableName": "Users", "Item": {"id": {"S": "d"}}}}]}"#)
        #expect(other?.name == "DynamoDB.IdempotentParameterMismatchException")
    }

    @Test("TransactGetItems answers every Get in order, projected, {} for a missing item")
    func transactGet() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "a"}, "v": {"N": "1"}, "w": {"N": "2"}}"#)
        try await dynamo.put(#"{"pk": {"S": "p"}, "sk": {"N": "1"}, "x": {"S": "y"}}"#, into: "Events")
        let response = try await dynamo.call(
            "transactGetItems",
            """
            {"TransactItems": [
              {"Get": {"TableName": "Events", "Key": {"pk": {"S": "p"}, "sk": {"N": "1"}}}},
              {"Get": {"TableName": "Users", "Key": {"id": {"S": "missing"}}}},
              {"Get": {"TableName": "Users", "Key": {"id": {"S": "a"}}, "ProjectionExpression": "#w", "ExpressionAttributeNames": {"#w": "w"}}}]}
            """)
        #expect(
            response
                == DynamoFixture.json(
                    """
                    {"Responses": [{"Item": {"pk": {"S": "p"}, "sk": {"N": "1"}, "x": {"S": "y"}}}, {}, {"Item": {"w": {"N": "2"}}}]}
                    """))
        let twice = try await dynamo.error(
            "transactGetItems",
            #"{"TransactItems": [{"Get": {"TableName": "Users", "Key": {"id": {"S": "a"}}}}, {"Get": {"TableName": "Users", "Key": {"id": {"S": "a"}}}}]}"#
        )
        #expect(twice == DynamoFixture.validation("Transaction request cannot include multiple operations on one item"))
    }

    @Test("In a workflow: a cancelled transaction is caught as DynamoDB.TransactionCanceledException with AWS's message")
    func inAWorkflow() async throws {
        let dynamo = try await DynamoFixture()
        try await dynamo.put(#"{"id": {"S": "pkg-1"}}"#)
        let run = try await TestSupport.run(
            """
            {"QueryLanguage": "JSONata", "StartAt": "Register", "States": {
              "Register": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:dynamodb:transactWriteItems",
                "Arguments": {"TransactItems": [
                  {"Put": {"TableName": "Events", "Item": {"pk": {"S": "pkg-1"}, "sk": {"N": "1"}}}},
                  {"Put": {"TableName": "Users", "Item": {"id": {"S": "pkg-1"}}, "ConditionExpression": "attribute_not_exists(id)"}}]},
                "Catch": [{"ErrorEquals": ["DynamoDB.TransactionCanceledException"], "Output": "{% $states.errorOutput %}", "Next": "Refused"}],
                "End": true},
              "Refused": {"Type": "Succeed"}}}
            """
        ) { runtime in
            runtime.add(LocalServices(dataDirectory: dynamo.directory, services: [dynamo.dynamo]), tier: .services)
        }
        #expect(
            run.result.output
                == [
                    "Error": "DynamoDB.TransactionCanceledException",
                    "Cause": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
                ])
        #expect(try await dynamo.get(#"{"pk": {"S": "pkg-1"}, "sk": {"N": "1"}}"#, from: "Events") == nil)
    }
}
