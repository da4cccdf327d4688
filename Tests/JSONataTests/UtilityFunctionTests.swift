import Foundation
import JSON
import JSONata
import Testing

/// The functions whose results depend on when or how often they run ($now, $millis, $random, $shuffle) and the URL
/// functions, from the JSONata documentation (docs.jsonata.org: date/time, numeric, array and string functions).
@Suite("Clock, random and URL functions", .timeLimit(.minutes(3)))
struct UtilityFunctionTests {
    /// 2024-02-29T13:45:30.123Z
    static let moment = Date(timeIntervalSince1970: 1_709_214_330.123)

    func at(_ source: String, _ now: Date = moment) throws -> JSON? {
        try JSONataExpression(source).evaluate(JSONataValue(nil), bindings: [:], now: now)
    }

    @Test("$now() and $millis() read one timestamp per evaluation: the one the host passes")
    func clock() throws {
        #expect(try at("$now()") == "2024-02-29T13:45:30.123Z")
        #expect(try at("$millis()") == 1_709_214_330_123)
        #expect(try at("[$now(), $now(), $millis() = $millis()]") == ["2024-02-29T13:45:30.123Z", "2024-02-29T13:45:30.123Z", true])
        #expect(try at("$toMillis($now()) = $millis()") == true)
    }

    @Test("$now(picture, timezone) formats the same instant")
    func clockPicture() throws {
        #expect(try at("$now('[Y0001]-[M01]-[D01]')") == "2024-02-29")
        #expect(try at("$now('[H01]:[m01] [Z]', '-0500')") == "08:45 -05:00")
    }

    @Test("$random() returns a number in [0, 1), different draws differing, and takes no argument")
    func random() throws {
        let draws = try #require(try run("[1..50].$random()")?.arrayValue)
        #expect(draws.allSatisfy { ($0.doubleValue ?? -1) >= 0 && ($0.doubleValue ?? 1) < 1 })
        #expect(Set(draws.map { $0.serialized() }).count > 40)
        #expect(errorCode("$random(1)") == "T0410")
    }

    @Test("$shuffle keeps every element, wraps a single value and leaves an empty array empty")
    func shuffle() throws {
        #expect(try run("$sort($shuffle([5, 3, 9, 1, 7]))") == [1, 3, 5, 7, 9])
        #expect(try run("$count($shuffle([1..200]))") == 200)
        #expect(try run("$shuffle(5)") == [5])
        #expect(try run("$shuffle([])") == [])
        #expect(try run("$shuffle(nothing)") == nil)
        let orders = try Set((0..<20).map { _ in try run("$shuffle([1..10])")?.serialized() ?? "" })
        #expect(orders.count > 1)
    }

    @Test("$encodeUrl keeps a URL's reserved characters; $encodeUrlComponent escapes them")
    func encode() throws {
        #expect(try run("$encodeUrl('https://mozilla.org/?x=шеллы')") == "https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B")
        #expect(try run("$encodeUrl('a b#c;/?:@&=+$,')") == "a%20b#c;/?:@&=+$,")
        #expect(try run("$encodeUrlComponent('?x=test')") == "%3Fx%3Dtest")
        #expect(try run("$encodeUrlComponent(\"-_.!~*'()\")") == "-_.!~*'()")
        #expect(try run("$encodeUrlComponent('€ 😀')") == "%E2%82%AC%20%F0%9F%98%80")
    }

    @Test("$decodeUrlComponent and $decodeUrl reverse them; malformed escapes are D3140")
    func decode() throws {
        #expect(try run("$decodeUrlComponent('%3Fx%3Dtest')") == "?x=test")
        #expect(try run("$decodeUrl('https://mozilla.org/?x=%D1%88%D0%B5%D0%BB%D0%BB%D1%8B')") == "https://mozilla.org/?x=шеллы")
        #expect(try run("$decodeUrlComponent('%E2%82%AC%20%F0%9F%98%80')") == "€ 😀")
        #expect(try run("$decodeUrl('%3F%2F')") == "%3F%2F")
        #expect(try run("$decodeUrlComponent(nothing)") == nil)
        for malformed in ["%", "%E0%A4%A", "%ZZ", "%FF"] {
            #expect(errorCode("$decodeUrlComponent('\(malformed)')") == "D3140", "\(malformed)")
        }
        #expect(errorCode("$decodeUrl('100%')") == "D3140")
    }
}
