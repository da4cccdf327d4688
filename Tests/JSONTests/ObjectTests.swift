import Testing

@testable import JSON

@Suite("Objects", .timeLimit(.minutes(3)))
struct ObjectTests {
    @Test("Key order is kept as written, through parse and write")
    func keyOrderKept() throws {
        let text = #"{"zeta":1,"alpha":2,"mid":{"y":true,"b":null,"x":[]},"beta":"b"}"#
        let value = try JSON(parsing: text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid", "beta"])
        #expect(value["mid"]?.objectValue?.keys == ["y", "b", "x"])
        #expect(value.serialized() == text)
    }

    @Test("A duplicate key keeps its first position and its last value")
    func duplicateKeys() throws {
        let value = try JSON(parsing: #"{"a":1,"b":2,"a":3,"c":4,"b":5}"#)
        #expect(value.objectValue?.keys == ["a", "b", "c"])
        #expect(value.serialized() == #"{"a":3,"b":5,"c":4}"#)
    }

    @Test("Duplicates are found in large objects too")
    func duplicateKeysInLargeObjects() throws {
        let pairs = (0..<40).map { "\"k\($0)\":\($0)" } + ["\"k3\":\"again\"", "\"k39\":\"last\""]
        let value = try JSON(parsing: "{" + pairs.joined(separator: ",") + "}")
        let object = try #require(value.objectValue)
        #expect(object.count == 40)
        #expect(object["k3"] == "again")
        #expect(object["k39"] == "last")
        #expect(object.keys.firstIndex(of: "k3") == 3)
    }

    @Test("JSONObject(pairs) and dictionary literals follow the same duplicate rule")
    func duplicateRuleForConstructors() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
        let literal: JSON = ["x": 1, "y": 2]
        #expect(literal.objectValue?.keys == ["x", "y"])
    }

    @Test("Small objects look up, insert, replace and remove in place", arguments: [3, 16, 17, 40, 300])
    func mutations(size: Int) throws {
        var object = JSONObject((0..<size).map { ("key\($0)", JSON.int($0)) })
        for index in 0..<size { #expect(object["key\(index)"] == .int(index)) }
        #expect(object["missing"] == nil)
        #expect(object.position(of: "key\(size - 1)") == size - 1)

        object["key0"] = "replaced"
        #expect(object.keys.first == "key0")
        #expect(object["key0"] == "replaced")

        object["new"] = true
        #expect(object.keys.last == "new")
        #expect(object.position(of: "new") == size)
        #expect(object.count == size + 1)

        #expect(object.removeValue(forKey: "key1") == .int(1))
        #expect(object.removeValue(forKey: "key1") == nil)
        #expect(object["key1"] == nil)
        // Positions after the removed key shift down, and lookups still find them.
        #expect(object.position(of: "key2") == 1)
        #expect(object.position(of: "new") == size - 1)
        for index in 2..<size { #expect(object["key\(index)"] == .int(index)) }

        object["key2"] = nil
        #expect(object["key2"] == nil)
        #expect(object.count == size - 1)
        #expect(Array(object.map(\.key).prefix(2)) == (size > 3 ? ["key0", "key3"] : ["key0", "new"]))
    }

    @Test("A large parsed object uses its index for lookups and mutations")
    func largeParsedObject() throws {
        let text = "{" + (0..<1000).map { "\"field\($0)\":\($0)" }.joined(separator: ",") + "}"
        var object = try #require(try JSON(parsing: text).objectValue)
        #expect(object.count == 1000)
        #expect(object["field999"] == 999)
        #expect(object.position(of: "field500") == 500)
        object["field500"] = "x"
        #expect(object.position(of: "field500") == 500)
        _ = object.removeValue(forKey: "field0")
        #expect(object.position(of: "field500") == 499)
        #expect(object.position(of: "field0") == nil)
        object["field0"] = 0
        #expect(object.position(of: "field0") == 999)
        #expect(object.keys.last == "field0")
    }

    @Test("Shrinking an object below the index threshold and growing it again keeps lookups right")
    func shrinkAndGrow() {
        var object = JSONObject((0..<20).map { ("k\($0)", JSON.int($0)) })
        for index in 0..<15 { object["k\(index)"] = nil }
        #expect(object.keys == ["k15", "k16", "k17", "k18", "k19"])
        for index in 0..<20 { object["n\(index)"] = .int(index) }
        #expect(object.count == 25)
        #expect(object.position(of: "n19") == 24)
        #expect(object["k17"] == 17)
    }

    @Test("Iteration yields pairs in order")
    func iteration() {
        let object: JSONObject = ["b": 1, "a": 2, "c": 3]
        #expect(object.map(\.key) == ["b", "a", "c"])
        #expect(object.map(\.value) == [1, 2, 3])
        #expect(object.underestimatedCount == 3)
    }

    @Test("Subscripts on JSON return nil for the wrong type or a missing member")
    func jsonSubscripts() {
        let value: JSON = ["list": [1, 2], "name": "x"]
        #expect(value["list"]?[1] == 2)
        #expect(value["list"]?[2] == nil)
        #expect(value["list"]?[-1] == nil)
        #expect(value["name"]?["x"] == nil)
        #expect(value[0] == nil)
        #expect(value["missing"] == nil)
    }
}
