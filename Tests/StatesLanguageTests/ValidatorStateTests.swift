import JSON
import StatesLanguage
import Testing

@Suite("Validator: Task, Pass, Wait, Fail, Parallel", .timeLimit(.minutes(3)))
struct ValidatorStateTests {
    static let lambda = "arn:aws:lambda:us-east-1:111111111111:function:f"

    static let taskCases: [RuleCase] = [
        RuleCase(
            "Task needs a Resource", single(#"{"Type":"Task","End":true}"#), schema,
            "These fields are required: [Resource]", at: "/States/S"),
        RuleCase(
            "an unknown ARN is not recognized", single(#"{"Type":"Task","Resource":"arn:aws:foo:::bar","End":true}"#),
            schema,
            "The resource provided arn:aws:foo:::bar is not recognized. The value is not a valid resource ARN, "
                + "or the resource is not available in this region.", at: "/States/S/Resource"),
        RuleCase(
            "a Resource that is not an ARN is an invalid resource", single(#"{"Type":"Task","Resource":"create","End":true}"#),
            "INVALID_RESOURCE",
            "The resource provided create is not recognized. The value is not a valid resource ARN, "
                + "or the resource is not available in this region.", at: "/States/S/Resource"),
        RuleCase(
            "EXPRESS machines cannot use activities",
            single(#"{"Type":"Task","Resource":"arn:aws:states:us-east-1:111111111111:activity:a","End":true}"#), schema,
            "Express state machine does not support Activity ARN", at: "/States/S/Resource", type: .express),
        RuleCase(
            "EXPRESS machines cannot use .sync",
            single(#"{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","End":true}"#), schema,
            "Express state machine does not support '.sync' service integration", at: "/States/S/Resource", type: .express),
        RuleCase(
            "EXPRESS machines cannot use .waitForTaskToken",
            single(#"{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","End":true}"#), schema,
            "Express state machine does not support '.waitForTaskToken' service integration ", at: "/States/S/Resource",
            type: .express),
        RuleCase(
            "Credentials need a RoleArn", single(#"{"Type":"Task","Resource":"\#(lambda)","Credentials":{},"End":true}"#),
            schema, "The field 'RoleArn' is required but was missing", at: "/States/S/Credentials"),
        RuleCase(
            "Credentials RoleArn.$ must be a path",
            single(#"{"Type":"Task","Resource":"\#(lambda)","Credentials":{"RoleArn.$":"x"},"End":true}"#), schema,
            "The value for the field 'RoleArn.$' must be a valid JSONPath or a valid intrinsic function call",
            at: "/States/S/Credentials"),
        RuleCase(
            "TimeoutSeconds is positive", single(#"{"Type":"Task","Resource":"\#(lambda)","TimeoutSeconds":0,"End":true}"#),
            schema, "Value must be greater than or equal to 1", at: "/States/S/TimeoutSeconds"),
        RuleCase(
            "TimeoutSeconds is at most 99,999,999",
            single(#"{"Type":"Task","Resource":"\#(lambda)","TimeoutSeconds":100000000,"End":true}"#), schema,
            "Value must be less than or equal to 99999999", at: "/States/S/TimeoutSeconds"),
        RuleCase(
            "TimeoutSeconds is an integer", single(#"{"Type":"Task","Resource":"\#(lambda)","TimeoutSeconds":1.5,"End":true}"#),
            schema, "Expected value of type [INTEGER]", at: "/States/S/TimeoutSeconds"),
        RuleCase(
            "not both TimeoutSeconds and TimeoutSecondsPath",
            single(#"{"Type":"Task","Resource":"\#(lambda)","TimeoutSeconds":5,"TimeoutSecondsPath":"$.t","End":true}"#),
            schema, "These fields cannot be used together: [TimeoutSeconds, TimeoutSecondsPath]", at: "/States/S"),
        RuleCase(
            "HeartbeatSeconds below TimeoutSeconds",
            single(#"{"Type":"Task","Resource":"\#(lambda)","TimeoutSeconds":5,"HeartbeatSeconds":5,"End":true}"#), schema,
            "The value of 'HeartbeatSeconds' must be less than the value of 'TimeoutSeconds'", at: "/States/S/HeartbeatSeconds"),
        RuleCase(
            "HeartbeatSecondsPath is a reference path",
            single(#"{"Type":"Task","Resource":"\#(lambda)","HeartbeatSecondsPath":"h","End":true}"#), schema,
            "The value for the field 'HeartbeatSecondsPath' must be a valid Reference Path", at: "/States/S/HeartbeatSecondsPath"),
        RuleCase(
            "Arguments is an object or a JSONata string",
            single(#"{"Type":"Task","Resource":"\#(lambda)","Arguments":[1],"End":true}"#, language: "JSONata"), schema,
            "Expected value of type [OBJECT, STRING]", at: "/States/S/Arguments"),
    ]

    static let otherCases: [RuleCase] = [
        RuleCase(
            "Wait needs one of its four timing fields", single(#"{"Type":"Wait","End":true}"#), schema,
            "Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath]", at: "/States/S"),
        RuleCase(
            "Wait takes only one timing field", single(#"{"Type":"Wait","Seconds":1,"SecondsPath":"$.s","End":true}"#), schema,
            "Exactly one of these fields is required: [Seconds, Timestamp, SecondsPath, TimestampPath]", at: "/States/S"),
        RuleCase(
            "Seconds is non-negative", single(#"{"Type":"Wait","Seconds":-1,"End":true}"#), schema,
            "Value must be greater than or equal to 0", at: "/States/S/Seconds"),
        RuleCase(
            "Timestamp is RFC 3339", single(#"{"Type":"Wait","Timestamp":"2016-03-14 01:59:00Z","End":true}"#), schema,
            "String does not match RFC3339 timestamp", at: "/States/S/Timestamp"),
        RuleCase(
            "Timestamp needs an upper-case T and Z", single(#"{"Type":"Wait","Timestamp":"2016-03-14t01:59:00z","End":true}"#),
            schema, "String does not match RFC3339 timestamp", at: "/States/S/Timestamp"),
        RuleCase(
            "Timestamp days exist", single(#"{"Type":"Wait","Timestamp":"2023-02-29T00:00:00Z","End":true}"#), schema,
            "String does not match RFC3339 timestamp", at: "/States/S/Timestamp"),
        RuleCase(
            "SecondsPath is a reference path", single(#"{"Type":"Wait","SecondsPath":"seconds","End":true}"#), schema,
            "The value for the field 'SecondsPath' must be a valid Reference Path", at: "/States/S/SecondsPath"),
        RuleCase(
            "Fail takes Error or ErrorPath", single(#"{"Type":"Fail","Error":"E","ErrorPath":"$.e"}"#), schema,
            "These fields cannot be used together: [Error, ErrorPath]", at: "/States/S"),
        RuleCase(
            "Fail takes Cause or CausePath", single(#"{"Type":"Fail","Cause":"C","CausePath":"$.c"}"#), schema,
            "These fields cannot be used together: [Cause, CausePath]", at: "/States/S"),
        RuleCase(
            "Fail Error is a string", single(#"{"Type":"Fail","Error":1}"#), schema, "Expected value of type [STRING]",
            at: "/States/S/Error"),
        RuleCase(
            "CausePath is a path or an intrinsic", single(#"{"Type":"Fail","CausePath":"cause"}"#), schema,
            "The value for the field 'CausePath' must be a valid Reference Path or a valid intrinsic function call",
            at: "/States/S/CausePath"),
        RuleCase("Fail has no Next", single(#"{"Type":"Fail","Next":"S"}"#), schema, "Field 'Next' is not supported", at: "/States/S"),
        RuleCase(
            "Parallel needs Branches", single(#"{"Type":"Parallel","End":true}"#), schema,
            "These fields are required: [Branches]", at: "/States/S"),
        RuleCase(
            "Branches cannot be empty", single(#"{"Type":"Parallel","End":true,"Branches":[]}"#), schema,
            "Value cannot be empty", at: "/States/S/Branches"),
        RuleCase(
            "a branch needs StartAt and States", single(#"{"Type":"Parallel","End":true,"Branches":[{}]}"#), schema,
            "These fields are required: [States, StartAt]", at: "/States/S/Branches[0]"),
        RuleCase(
            "a branch cannot set QueryLanguage",
            single(#"{"Type":"Parallel","End":true,"Branches":[{"QueryLanguage":"JSONata","StartAt":"B","States":{"B":{"Type":"Succeed"}}}]}"#),
            schema, "Field 'QueryLanguage' is not supported", at: "/States/S/Branches[0]"),
        RuleCase(
            "states in a branch must be reachable",
            single(#"{"Type":"Parallel","End":true,"Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"},"U":{"Type":"Succeed"}}}]}"#),
            "MISSING_TRANSITION_TARGET", "State \"U\" is not reachable.", at: "/States/S/Branches[0]/States/U"),
    ]

    @Test("Task rules", arguments: taskCases)
    func task(_ rule: RuleCase) { rule.verify() }

    @Test("Wait, Fail and Parallel rules", arguments: otherCases)
    func others(_ rule: RuleCase) { rule.verify() }

    @Test(
        "Recognized Task resources are accepted",
        arguments: [
            lambda, "arn:aws:lambda:us-east-1:111111111111:function:f:prod", "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::aws-sdk:s3:listBuckets", "arn:aws:states:::states:startExecution.sync:2", "arn:aws:states:::http:invoke",
            "arn:aws:states:us-east-1:111111111111:activity:work", "arn:aws-cn:states:::sqs:sendMessage.waitForTaskToken",
        ])
    func resources(_ arn: String) {
        #expect(errors(single(#"{"Type":"Task","Resource":"\#(arn)","End":true}"#)) == [])
    }

    @Test(
        "Timestamps with offsets and fractions are RFC 3339",
        arguments: [
            "2016-03-14T01:59:00Z", "2016-03-14T01:59:00.123Z", "2016-03-14T01:59:00+05:30", "2024-02-29T23:59:59-08:00",
        ])
    func timestamps(_ timestamp: String) {
        #expect(errors(single(#"{"Type":"Wait","Timestamp":"\#(timestamp)","End":true}"#)) == [])
    }
}
