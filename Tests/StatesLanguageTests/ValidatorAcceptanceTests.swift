import JSON
import StatesLanguage
import Testing

@Suite("Validator: valid definitions", .timeLimit(.minutes(3)))
struct ValidatorAcceptanceTests {
    /// One valid definition per state type and query language.
    static let valid: [(String, String)] = [
        ("Pass", single(#"{"Type":"Pass","Comment":"c","Result":{"a":1},"ResultPath":"$.r","Assign":{"n.$":"$.n"},"End":true}"#)),
        (
            "Task",
            single(
                #"""
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f","Payload.$":"$"},
                 "Credentials":{"RoleArn.$":"$.role"},"TimeoutSeconds":60,"HeartbeatSeconds":10,"ResultSelector":{"p.$":"$.Payload"},
                 "Retry":[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":2,"MaxAttempts":0,"BackoffRate":1.5,
                           "MaxDelaySeconds":10,"JitterStrategy":"FULL"},{"ErrorEquals":["States.ALL"]}],
                 "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"S"}],"End":true}
                """#)
        ),
        (
            "Choice",
            machine(
                #"""
                "S":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":1,"Next":"W"}],"Default":"F","Assign":{"a":1}},
                "W":{"Type":"Wait","SecondsPath":"$.n","Next":"D"},"D":{"Type":"Succeed"},
                "F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"States.Format('bad {}', $.n)"}
                """#)
        ),
        ("Wait", single(#"{"Type":"Wait","Timestamp":"2030-01-01T00:00:00Z","End":true}"#)),
        (
            "Parallel",
            single(
                #"""
                {"Type":"Parallel","End":true,"ResultSelector":{"a.$":"$[0]"},
                 "Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}},
                             {"Comment":"two","StartAt":"C","States":{"C":{"Type":"Fail","Error":"E","Cause":"C"}}}]}
                """#)
        ),
        (
            "Map",
            single(
                #"""
                {"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,"ItemSelector":{"v.$":"$$.Map.Item.Value"},"End":true,
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}}
                """#)
        ),
        (
            "JSONata machine",
            machine(
                #"""
                "S":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f","Payload":"{% $states.input %}"},
                     "TimeoutSeconds":"{% $t %}","Output":"{% $states.result.Payload %}","Assign":{"r":"{% $states.result %}"},
                     "Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}","Next":"F"}],"Next":"C"},
                "C":{"Type":"Choice","Choices":[{"Condition":"{% $r.ok %}","Next":"W"}],"Default":"F","Output":{"x":1}},
                "W":{"Type":"Wait","Seconds":"{% 3 %}","Next":"M"},
                "M":{"Type":"Map","Items":"{% $states.input.items %}","ItemSelector":{"i":"{% $states.context.Map.Item.Value %}"},
                     "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Output":"{% $states.input %}","End":true}}},"Next":"P"},
                "P":{"Type":"Parallel","Arguments":"{% $states.input %}","Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}],"Next":"D"},
                "D":{"Type":"Succeed","Output":"{% $r %}"},
                "F":{"Type":"Fail","Error":"{% 'Oops' %}","Cause":"c"}
                """#, language: "JSONata")
        ),
        (
            "JSONata state in a JSONPath machine",
            single(#"{"Type":"Pass","QueryLanguage":"JSONata","Output":{"a":"{% $states.input.a %}"},"End":true}"#)
        ),
        ("Succeed with paths", single(#"{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}"#)),
    ]

    @Test("Valid definitions produce no diagnostics", arguments: valid.map(\.1))
    func accepted(_ definition: String) {
        #expect(Validator.validate(text: definition) == [])
    }

    @Test("A valid definition is valid for EXPRESS machines too")
    func express() {
        #expect(Validator.validate(text: Self.valid[1].1, type: .express) == [])
    }
}
