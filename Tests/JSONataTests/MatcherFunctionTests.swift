import JSON
import JSONata
import Testing

/// A JSONata function can stand in for a regex in `$match`, `$contains`, `$split` and `$replace`: it answers
/// `{match, start, end, groups, next}` for the first match and `next()` for each following one.
@Suite("Matcher functions", .timeLimit(.minutes(1)))
struct MatcherFunctionTests {
    /// `$find(ch)`: a matcher for every occurrence of `ch`, written in JSONata.
    static let define = """
        $find := function($ch) {(
          $at := function($str, $offset) {(
            $before := $substringBefore($str, $ch);
            $start := $length($before) + ($exists($offset) ? $offset : 0);
            $before != $str ? {"match": $ch, "start": $start, "end": $start + $length($ch), "groups": [],
              "next": function() { $at($substringAfter($str, $ch), $start + $length($ch)) }}
          )};
          $at
        )};
        """

    @Test(
        "Each function that takes a pattern takes a matcher function",
        arguments: [
            ("$match('abracadabra', $find('a')).index", "[0, 3, 5, 7, 10]"),
            ("$match('abracadabra', $find('a'), 2).index", "[0, 3]"),
            ("$split('a-b-c', $find('-'))", #"["a", "b", "c"]"#),
            ("$split('a-b-c', $find('-'), 2)", #"["a", "b"]"#),
            ("$replace('a-b-c', $find('-'), '+')", #""a+b+c""#),
            ("$replace('a-b-c', $find('-'), '+', 1)", #""a+b-c""#),
            ("$contains('a-b', $find('-'))", "true"),
            ("$contains('ab', $find('-'))", "false"),
            ("$count($match('ab', $find('-')))", "0"),
        ])
    func matcherFunctions(expression: String, expected: String) throws {
        #expect(try run("(\(Self.define) \(expression))") == json(expected))
    }

    @Test("A function whose answer is not a match structure is T1010; no answer is no match")
    func badAnswers() throws {
        #expect(errorCode("$split('some text', $uppercase)") == "T1010")
        #expect(errorCode("$match('abc', function($s) { {'match': 'a'} })") == "T1010")
        #expect(try run("$count($match('abc', function($s) { () }))") == 0)
    }
}
