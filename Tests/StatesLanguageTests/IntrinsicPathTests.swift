import JSON
import Testing

@testable import StatesLanguage

struct IntrinsicPathTests {
    @Test("A path argument that matches nothing is States.Runtime naming the path and the input")
    func missingPath() {
        #expect(
            intrinsicError("States.Array($.missing)", input: #"{"a":1}"#)
                == StatesError("States.Runtime", #"The JSONPath '$.missing' could not be found in the input '{"a":1}'"#))
    }

    @Test("With the template field known, the cause names it as for any template path")
    func missingPathWithField() throws {
        let call = try IntrinsicFunction("States.Format('{}', $$.Execution.Nope)")
        var random = SystemRandomNumberGenerator()
        #expect(
            throws: StatesError(
                "States.Runtime", "The JSONPath '$$.Execution.Nope' specified for the field 'v.$' could not be found in the input '{}'")
        ) {
            try call.evaluate(PathRoots(input: [:]), field: "v.$", using: &random)
        }
    }

    @Test("Variables are read with $name")
    func variables() throws {
        #expect(try evaluateIntrinsic("States.Format($greeting, $who.name)", variables: ["greeting": "Hi {}", "who": ["name": "Bo"]]) == "Hi Bo")
    }

    @Test("A missing variable is a missing path")
    func missingVariable() {
        #expect(
            intrinsicError("States.ArrayLength($nope)")
                == StatesError("States.Runtime", "The JSONPath '$nope' could not be found in the input '{}'"))
    }

    @Test("An injected generator makes UUIDs reproducible")
    func injectedRandom() throws {
        let call = try IntrinsicFunction("States.UUID()")
        var first = SeededGenerator(state: 1)
        var second = SeededGenerator(state: 1)
        let roots = PathRoots(input: [:])
        #expect(try call.evaluate(roots, field: nil, using: &first) == call.evaluate(roots, field: nil, using: &second))
    }
}

/// SplitMix64, for reproducible randomness in tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
