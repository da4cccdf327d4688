import JSON
import Testing

@testable import StatesLanguage

struct ChoiceTimestampTests {
    @Test(
        "RFC 3339 timestamps parse to the right instant",
        arguments: [
            ("1970-01-01T00:00:00Z", 0, 0),
            ("2016-03-14T01:59:00Z", 1_457_920_740, 0),
            ("2016-03-14T02:59:00+01:00", 1_457_920_740, 0),
            ("2016-03-13T20:29:00-05:30", 1_457_920_740, 0),
            ("2016-03-14T01:59:00.5Z", 1_457_920_740, 500_000_000),
            ("2016-03-14T01:59:00.123456789Z", 1_457_920_740, 123_456_789),
            ("2000-02-29T23:59:59Z", 951_868_799, 0),
            ("1969-12-31T23:59:59.999Z", -1, 999_000_000),
        ] as [(String, Int64, Int32)])
    func parses(_ text: String, _ seconds: Int64, _ nanoseconds: Int32) {
        #expect(Timestamp.parse(text) == Timestamp(seconds: seconds, nanoseconds: nanoseconds))
    }

    @Test(
        "Malformed or impossible timestamps are rejected",
        arguments: [
            "2016-03-14", "2016-03-14T01:59:00", "2016-03-14t01:59:00Z", "2016-03-14T01:59:00z", "2016-03-14 01:59:00Z",
            "2016-13-05T21:29:29Z", "2016-12-05T25:29:29Z", "2016-12-05T21:60:29Z", "2016-12-05T21:29:60Z",
            "2015-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2016-03-14T01:59Z", "2016-03-14T01:59:00.Z",
            "2016-03-14T01:59:00.1234567890Z", "2016-03-14T01:59:00+0100", "2016-03-14T01:59:00+19:00", "2016-03-14T01:59:00Z ",
            "", "2023-02-24 12:15:56.832957",
        ])
    func rejects(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test("Epoch milliseconds and Date agree with the instant")
    func conversions() throws {
        let timestamp = try #require(Timestamp.parse("2016-03-14T01:59:00.250Z"))
        #expect(timestamp.epochMilliseconds == 1_457_920_740_250)
        #expect(timestamp.date.timeIntervalSince1970 == 1_457_920_740.25)
    }

    @Test(
        "Timestamp operators compare instants, across offsets and fractions",
        arguments: [
            ChoiceCase(#"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T02:59:00+01:00"}"#, true),
            ChoiceCase(#"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00.000Z"}"#, true),
            ChoiceCase(#"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00.001Z"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": 1}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampEqualsPath": "$.w"}"#, #"{"v": "2016-03-14T01:59:00Z", "w": "2016-03-14T01:59:00Z"}"#, true),
            ChoiceCase(#"{"Variable": "$.v", "TimestampLessThan": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00.5-00:01"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampLessThan": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00.5+00:01"}"#, true),
            ChoiceCase(
                #"{"Variable": "$.v", "TimestampLessThanPath": "$.w"}"#, #"{"v": "2016-03-14T01:59:01Z", "w": "2016-03-14T01:59:00Z"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampGreaterThan": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00.1Z"}"#, true),
            ChoiceCase(#"{"Variable": "$.v", "TimestampGreaterThanPath": "$.w"}"#, #"{"v": "2016-03-14T01:59:00Z", "w": "not a time"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampLessThanEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00Z"}"#, true),
            ChoiceCase(
                #"{"Variable": "$.v", "TimestampLessThanEqualsPath": "$.w"}"#, #"{"v": "2016-03-14T01:59:01Z", "w": "2016-03-14T01:59:00Z"}"#, false),
            ChoiceCase(#"{"Variable": "$.v", "TimestampGreaterThanEquals": "2016-03-14T01:59:00Z"}"#, #"{"v": "2016-03-14T01:59:00Z"}"#, true),
            ChoiceCase(
                #"{"Variable": "$.v", "TimestampGreaterThanEqualsPath": "$.w"}"#, #"{"v": "2016-03-14T01:58:59Z", "w": "2016-03-14T01:59:00Z"}"#,
                false),
        ])
    func timestampOperators(_ row: ChoiceCase) throws {
        #expect(try evaluateChoice(row.rule, input: row.input) == row.expected)
    }
}
