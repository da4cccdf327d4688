import Stepwise
import Testing

/// The one `*` matcher behind handler patterns and resources-file keys.
struct GlobTests {
    @Test(
        "A star matches any run of characters, including none; everything else matches itself",
        arguments: [
            ("arn:aws:lambda:*:*:function:validate-*", "arn:aws:lambda:us-east-1:123456789012:function:validate-order", true),
            ("arn:aws:lambda:*:*:function:validate-*", "arn:aws:lambda:us-east-1:123456789012:function:check-order", false),
            ("*", "", true),
            ("*", "anything", true),
            ("a*", "a", true),
            ("*b", "ab", true),
            ("*b", "ba", false),
            ("a*b*c", "aXbYbZc", true),
            ("a*b*c", "aXbYbZ", false),
            ("a**b", "ab", true),
            ("exact", "exact", true),
            ("exact", "exactly", false),
            ("", "", true),
            ("", "x", false),
            ("?", "x", false),
            ("é*", "équipe", true),
        ])
    func matches(pattern: String, text: String, expected: Bool) {
        #expect(Glob.matches(pattern, text) == expected)
    }
}
