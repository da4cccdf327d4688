import JSON
import Stepwise
import Testing

@testable import StepwiseServices

@Suite("DynamoDB attribute values and numbers", .timeLimit(.minutes(3)))
struct DynamoDBValueTests {
    @Test("Every AttributeValue type round-trips through PutItem and GetItem")
    func typesRoundTrip() async throws {
        let dynamo = try await DynamoFixture()
        let item = """
            {"id": {"S": "u1"}, "n": {"N": "12345678901234567890123456789012345678"}, "b": {"B": "AAEC/w=="},
             "t": {"BOOL": true}, "z": {"NULL": true}, "m": {"M": {"x": {"S": "y"}, "l": {"L": [{"N": "1"}, {"S": "two"}]}}},
             "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["AQ==", "Ag=="]}, "e": {"S": ""}}
            """
        try await dynamo.put(item)
        #expect(try await dynamo.get(#"{"id": {"S": "u1"}}"#) == DynamoFixture.json(item))
    }

    @Test("Numbers come back normalized as DynamoDB returns them")
    func numbersNormalized() async throws {
        let cases = ["1.50": "1.5", "1e3": "1000", "-0.000": "0", "007": "7", ".5": "0.5", "-1.25E-2": "-0.0125", "+3": "3"]
        for (input, output) in cases { #expect(DynamoNumber(input)?.description == output) }
        #expect(DynamoNumber("abc") == nil)
        #expect(DynamoNumber("1.2.3") == nil)
        #expect(DynamoNumber("") == nil)
    }

    @Test("Number arithmetic and comparison are exact decimal")
    func numberArithmetic() throws {
        let n = { (text: String) in DynamoNumber(text)! }
        #expect((n("0.1") + n("0.2")).description == "0.3")
        #expect((n("99999999999999999999999999999999999999") - n("1")).description == "99999999999999999999999999999999999998")
        #expect((n("1") - n("1.0001")).description == "-0.0001")
        #expect((n("-5") + n("3")).description == "-2")
        #expect(n("10") > n("9"))
        #expect(n("-10") < n("-9"))
        #expect(n("1.10") == n("1.1"))
        #expect(n("0.001") < n("0.01"))
    }

    @Test("Invalid values fail with DynamoDB's ValidationException messages")
    func invalidValues() async throws {
        let dynamo = try await DynamoFixture()
        let cases: [(String, String)] = [
            (#"{"id": {"S": "a"}, "x": {"N": "abc"}}"#, "A value provided cannot be converted into a number"),
            (#"{"id": {"S": "a"}, "x": {}}"#, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
            (
                #"{"id": {"S": "a"}, "x": {"S": "a", "N": "1"}}"#,
                "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
            ),
            (#"{"id": {"S": "a"}, "x": {"SS": []}}"#, "One or more parameter values were invalid: An string set  may not be empty"),
            (
                #"{"id": {"S": "a"}, "x": {"SS": ["a", "a"]}}"#,
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates."
            ),
            (
                #"{"id": {"S": "a"}, "x": {"NULL": false}}"#,
                "One or more parameter values were invalid: Null attribute value types must have the value of true"
            ),
            (
                #"{"id": {"S": "a"}, "x": {"N": "123456789012345678901234567890123456789"}}"#,
                "Attempting to store more than 38 significant digits in a Number"
            ),
            (#"{"id": {"S": "a"}, "x": {"N": "1e126"}}"#, "Number overflow. Attempting to store a number with magnitude larger than supported range"),
            (
                #"{"id": {"S": "a"}, "x": {"N": "1e-131"}}"#,
                "Number underflow. Attempting to store a number with magnitude smaller than supported range"
            ),
        ]
        for (item, message) in cases {
            let error = try await dynamo.error("putItem", #"{"TableName": "Users", "Item": \#(item)}"#)
            #expect(error == DynamoFixture.validation(message), "\(item)")
        }
    }
}
