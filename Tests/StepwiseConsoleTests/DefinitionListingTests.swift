import Testing

@testable import StepwiseConsole

@Suite("The definition listing: pretty lines and the line of every location")
struct DefinitionListingTests {
    static let text =
        #"{"Comment":"x","StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.n","IsPresent":true,"Next":"B"}],"Default":"B"},"B":{"Type":"Pass","Result":[],"End":true}}}"#

    @Test("Members are written two spaces deeper, one per line, in their order, empty containers on one line")
    func lines() throws {
        let listing = try #require(DefinitionListing(Self.text))
        #expect(
            listing.lines == [
                "{",
                #"  "Comment": "x","#,
                #"  "StartAt": "A","#,
                #"  "States": {"#,
                #"    "A": {"#,
                #"      "Type": "Choice","#,
                #"      "Choices": ["#,
                "        {",
                #"          "Variable": "$.n","#,
                #"          "IsPresent": true,"#,
                #"          "Next": "B""#,
                "        }",
                "      ],",
                #"      "Default": "B""#,
                "    },",
                #"    "B": {"#,
                #"      "Type": "Pass","#,
                #"      "Result": [],"#,
                #"      "End": true"#,
                "    }",
                "  }",
                "}",
            ])
    }

    @Test(
        "A location as AWS writes it points at its member's line; a missing member at its nearest parent's",
        arguments: [
            ("/", 1), ("/StartAt", 3), ("/States/A/Choices[0]/Next", 11), ("/States/A/Choices[0]", 8), ("/States/A/Choices", 7),
            ("/States/B/Next", 16), ("/States/Missing/Type", 4), ("/States/B/Result[0]", 18),
        ])
    func locations(location: String, line: Int) throws {
        #expect(try #require(DefinitionListing(Self.text)).line(of: location) == line)
    }

    @Test("No location, no line; text that is not JSON has no listing")
    func nothing() throws {
        #expect(try #require(DefinitionListing(Self.text)).line(of: nil) == nil)
        #expect(DefinitionListing("{not json") == nil)
    }

    @Test("Keys with markup or quotes are written as JSON strings, escaped, and still located")
    func escapedKeys() throws {
        let listing = try #require(DefinitionListing(#"{"States":{"<b>\"x\"":{"Type":"Pass"}}}"#))
        #expect(listing.lines[2] == #"    "<b>\"x\"": {"#)
        #expect(listing.line(of: #"/States/<b>"x""#) == 3)
    }
}
