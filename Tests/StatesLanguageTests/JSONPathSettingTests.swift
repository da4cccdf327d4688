import JSON
import StatesLanguage
import Testing

@Suite("JSONPath writing and misses", .timeLimit(.minutes(3)))
struct JSONPathSettingTests {
    @Test(
        "a Reference Path writes the value, creating objects on the way",
        arguments: [
            ("$", #"{"a": 1}"#, #""r""#),
            ("$.a", #"{"a": 1, "b": 2}"#, #"{"a": "r", "b": 2}"#),
            ("$.c", #"{"a": 1}"#, #"{"a": 1, "c": "r"}"#),
            ("$.x.y.z", #"{"a": 1}"#, #"{"a": 1, "x": {"y": {"z": "r"}}}"#),
            ("$.a.b", #"{"a": {"c": 1}}"#, #"{"a": {"c": 1, "b": "r"}}"#),
            ("$.list[1]", #"{"list": [1, 2, 3]}"#, #"{"list": [1, "r", 3]}"#),
            ("$.list[-1].k", #"{"list": [1, {"k": 0}]}"#, #"{"list": [1, {"k": "r"}]}"#),
            ("$['a b']", "{}", #"{"a b": "r"}"#),
        ])
    func setting(path: String, target: String, expected: String) throws {
        let output = try JSONPath(path).setting("r", in: json(target))
        #expect(output == json(expected))
        #expect(output.serialized() == json(expected).serialized())
    }

    @Test("writing keeps key order and leaves the original untouched")
    func keyOrderAndCopy() throws {
        let original = json(#"{"z": 1, "a": {"m": 1, "b": 2}, "k": 3}"#)
        let output = try JSONPath("$.a.m").setting(["new": true], in: original)
        #expect(output.serialized() == #"{"z":1,"a":{"m":{"new":true},"b":2},"k":3}"#)
        #expect(original.serialized() == #"{"z":1,"a":{"m":1,"b":2},"k":3}"#)
    }

    @Test(
        "impossible placements are States.ResultPathMatchFailure",
        arguments: [
            ("$.a", #""text""#),
            ("$.a.b", #"{"a": 5}"#),
            ("$.a.b", #"{"a": null}"#),
            ("$.list[3]", #"{"list": [1]}"#),
            ("$.list[0]", #"{"list": {"0": 1}}"#),
            ("$.list[*]", #"{"list": [1]}"#),
            ("$$.a", "{}"),
            ("$v.a", "{}"),
        ])
    func impossiblePlacement(path: String, target: String) throws {
        let failure = StatesError(
            StatesError.Name.resultPathMatchFailure,
            "Unable to apply ResultPath \"\(path)\" to input \(json(target).serialized())")
        #expect(throws: failure) { try JSONPath(path).setting("r", in: json(target)) }
    }

    @Test(
        "misses are described in Jayway's words",
        arguments: [
            ("$.x", #"{"a": 1}"#, "No results for path: $['x']"),
            ("$.a.x", #"{"a": {}}"#, "No results for path: $['a']['x']"),
            ("$.x.y", #"{"a": 1}"#, "Missing property in path $['x']"),
            ("$.a.x.y", #"{"a": {}}"#, "Missing property in path $['a']['x']"),
            ("$.l[5]", #"{"l": [1]}"#, "No results for path: $['l'][5]"),
            ("$.l[5].x", #"{"l": [1]}"#, "No results for path: $['l'][5]['x']"),
            ("$.a[0]", #"{"a": {"b": 1}}"#, #"Filter: [0] can only be applied to arrays. Current context is: {"b":1}"#),
            ("$.a.b", #"{"a": "s"}"#, "Expected to find an object with property ['b'] in path $['a'] but found 'string'."),
            ("$.a.length()", #"{"a": 1}"#, "No results for path: $['a'].length()"),
        ])
    func missDescriptions(path: String, input: String, expected: String) throws {
        let path = try JSONPath(path)
        let roots = PathRoots(input: json(input))
        #expect(path.value(in: roots) == Optional<JSON>.none)
        #expect(path.missDescription(in: roots) == expected)
    }
}
