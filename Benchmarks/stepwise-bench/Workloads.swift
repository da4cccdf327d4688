import JSON

/// The state machines `transitions` runs; the moto peer (Benchmarks/peers/moto_transitions.py) builds the same.
enum Workloads {
    /// Loop iterations per execution. A Standard execution stops at 25,000 history events
    /// (Interpreter.maxHistoryEvents, as AWS); the loop records 4 events per iteration, so N = 6,000 is the
    /// largest round figure that fits (4N + 8 = 24,008 events, 2N + 3 = 12,003 state entries).
    static let loopIterations = 6_000

    /// (a) Init → Check (Choice, $.i < N) → Inc (Pass, States.MathAdd) → Check … → Done.
    static func loop(iterations n: Int) -> String {
        """
        {
          "StartAt": "Init",
          "States": {
            "Init": {"Type": "Pass", "Result": {"i": 0}, "Next": "Check"},
            "Check": {
              "Type": "Choice",
              "Choices": [{"Variable": "$.i", "NumericLessThan": \(n), "Next": "Inc"}],
              "Default": "Done"
            },
            "Inc": {"Type": "Pass", "Parameters": {"i.$": "States.MathAdd($.i, 1)"}, "Next": "Check"},
            "Done": {"Type": "Succeed"}
          }
        }
        """
    }

    /// (d) A JSONata Map of `items` iterations, all at once, each a Wait of its own length then a Pass: one step
    /// per iteration's timer, each step with every iteration's scope alive (what a large Map of Tasks costs a step).
    static func jsonataWaitMap(items n: Int) -> String {
        #"{"QueryLanguage": "JSONata", "StartAt": "M", "States": {"M": {"Type": "Map", "Items": "{% [1..\#(n)] %}", "#
            + #""ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "W", "States": {"#
            + #""W": {"Type": "Wait", "Seconds": "{% $states.input %}", "Next": "P"}, "#
            + #""P": {"Type": "Pass", "Output": "{% $states.input * 2 %}", "End": true}}}, "End": true}}}"#
    }

    /// (b) S0 → S1 → … → S(n-1), plain Pass states.
    static func chain(states n: Int) -> String { chain(states: n, state: #"{"Type": "Pass""#) }

    /// (c) A Pass chain as long as the loop, each state doing the loop's JSONPath work without Choice or an
    /// intrinsic (`Parameters: {"i.$": "$.i"}`): figures for the data-flow path before Choice and intrinsics land.
    static func parameterChain(states n: Int) -> String {
        chain(states: n, state: #"{"Type": "Pass", "Parameters": {"i.$": "$.i"}"#)
    }

    private static func chain(states n: Int, state: String) -> String {
        var text = #"{"StartAt": "S0", "States": {"#
        for index in 0..<n {
            if index > 0 { text += "," }
            let next = index + 1 < n ? #""Next": "S\#(index + 1)""# : #""End": true"#
            text += #""S\#(index)": \#(state), \#(next)}"#
        }
        return text + "}}"
    }
}
