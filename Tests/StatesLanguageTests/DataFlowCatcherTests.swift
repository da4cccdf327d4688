import JSON
import StatesLanguage
import Testing

@Suite("Catcher output and payload limits", .timeLimit(.minutes(3)))
struct DataFlowCatcherTests {
    let error = StatesError("Custom.Error", "it broke")
    let raw = json(#"{"a": 1}"#)

    @Test("the error output holds Error then Cause")
    func errorOutput() {
        #expect(CatcherOutput.errorOutput(error).serialized() == #"{"Error":"Custom.Error","Cause":"it broke"}"#)
    }

    @Test(
        "a catcher places the error output into the raw input with its ResultPath",
        arguments: [
            (nil, #"{"Error":"Custom.Error","Cause":"it broke"}"#),
            ("null", #"{"a":1}"#),
            (#""$.error""#, #"{"a":1,"error":{"Error":"Custom.Error","Cause":"it broke"}}"#),
            (#""$.a""#, #"{"a":{"Error":"Custom.Error","Cause":"it broke"}}"#),
        ])
    func catcherOutput(field: String?, expected: String) throws {
        let output = try CatcherOutput.output(for: error, rawInput: raw, resultPath: DataPath(field.map(json)))
        #expect(output.serialized() == expected)
    }

    @Test("a catcher ResultPath into a non-object is States.ResultPathMatchFailure")
    func catcherMismatch() throws {
        #expect(throws: StatesError.self) { try CatcherOutput.output(for: error, rawInput: 3, resultPath: DataPath("$.e")) }
    }

    @Test("payloads up to 256 KiB pass; larger ones are States.DataLimitExceeded")
    func payloadLimit() throws {
        let fits = JSON.string(String(repeating: "x", count: PayloadLimit.maxBytes - 2))
        let tooBig = JSON.string(String(repeating: "x", count: PayloadLimit.maxBytes - 1))
        #expect(PayloadLimit.fits(fits))
        #expect(!PayloadLimit.fits(tooBig))
        try PayloadLimit.check(fits, source: "Big")
        #expect(
            throws: StatesError(
                "States.DataLimitExceeded",
                "The state/task 'Big' returned a result with a size exceeding the maximum number of bytes service limit.")
        ) {
            try PayloadLimit.check(tooBig, source: "Big")
        }
    }

    @Test("the limit counts UTF-8 bytes, not characters")
    func payloadLimitCountsBytes() {
        let accented = JSON.string(String(repeating: "é", count: PayloadLimit.maxBytes / 2))
        #expect(!PayloadLimit.fits(accented))
    }
}
