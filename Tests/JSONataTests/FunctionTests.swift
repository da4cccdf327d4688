import JSON
import JSONata
import Testing

@Suite("Built-in functions", .timeLimit(.minutes(3)))
struct FunctionTests {
    @Test(
        "string functions",
        arguments: [
            ("$string(5)", #""5""#), ("$string({'a': 1.50})", #""{\"a\":1.5}""#), ("$length('héllo')", "5"),
            ("$substring('hello world', 3, 5)", #""lo wo""#), ("$substring('hello', -3)", #""llo""#),
            ("$substringBefore('a-b-c', '-')", #""a""#), ("$substringAfter('a-b-c', '-')", #""b-c""#),
            ("$uppercase('abc')", #""ABC""#), ("$lowercase('ABC')", #""abc""#), ("$trim('  a \n b  ')", #""a b""#),
            ("$pad('x', 3)", #""x  ""#), ("$pad('x', -3, '#')", "\"##x\""), ("$contains('abc', 'b')", "true"),
            ("$contains('abc', /B/i)", "true"), ("$split('a,b,c', ',')", #"["a","b","c"]"#), ("$split('a1b2c', /[0-9]/)", #"["a","b","c"]"#),
            ("$join(['a','b'], '-')", #""a-b""#), ("$replace('hello', 'l', 'L')", #""heLLo""#),
            ("$replace('abc', /(b)/, '[$1]')", #""a[b]c""#), ("$base64encode('hi')", #""aGk=""#), ("$base64decode('aGk=')", #""hi""#),
            ("$encodeUrlComponent('a b&c')", #""a%20b%26c""#), ("$decodeUrl('a%20b')", #""a b""#),
            ("$match('a1b22', /[0-9]+/).match", #"["1","22"]"#),
        ])
    func strings(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
    }

    @Test("$string() with no argument renders its context; an array input is the array, not a sequence of it")
    func stringOfContext() throws {
        #expect(try run("$string()", "[4, true]") == .string("[4,true]"))
        #expect(try run("$string()", "{\"a\": [1]}") == .string("{\"a\":[1]}"))
        #expect(try run("[1, 2].$string()") == json(#"["1","2"]"#))
    }

    @Test(
        "$formatNumber takes percent and per-mille signs longer than one character",
        arguments: [
            ("$formatNumber(0.14, '###pm', {'per-mille': 'pm'})", #""140pm""#),
            ("$formatNumber(0.14, '#0pc', {'percent': 'pc'})", #""14pc""#),
            ("$formatNumber(0.5, '0‰')", #""500‰""#),
        ])
    func formatNumberSigns(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
        #expect(errorCode("$formatNumber(1, '0pcpc', {'percent': 'pc'})") == "D3082")
    }

    @Test(
        "numeric functions",
        arguments: [
            ("$number('12.5')", "12.5"), ("$number(true)", "1"), ("$abs(-3)", "3"), ("$floor(2.7)", "2"), ("$ceil(2.1)", "3"),
            ("$round(2.5)", "2"), ("$round(3.5)", "4"), ("$round(1.235, 2)", "1.24"), ("$power(2, 10)", "1024"), ("$sqrt(16)", "4"),
            ("$sum([1,2,3])", "6"), ("$max([1,5,3])", "5"), ("$min([4,2])", "2"), ("$average([1,2,3,4])", "2.5"), ("$count([1,2])", "2"),
            ("$formatNumber(1234.5, '#,##0.00')", #""1,234.50""#), ("$formatBase(255, 16)", #""ff""#),
            ("$formatInteger(1999, 'I')", #""MCMXCIX""#), ("$formatInteger(21, 'w')", #""twenty-one""#),
            ("$parseInteger('MCMXCIX', 'I')", "1999"), ("$parseInteger('twelve', 'w')", "12"),
            ("$number('-007')", "-7"), ("$number('0x1F')", "31"), ("$number('0b101')", "5"), ("$formatNumber(1234.5678, '00.000e0')", #""12.346e2""#),
            ("$formatNumber(0.14, '01%')", #""14%""#), ("$formatNumber(-6, '000;(000)')", #""(006)""#),
            ("$formatInteger(2789, 'w')", #""two thousand, seven hundred and eighty-nine""#),
            ("$formatInteger(11, '1;o')", #""11th""#), ("$formatInteger(28, 'A')", #""AB""#), ("$parseInteger('1,234', '#,##0')", "1234"),
        ])
    func numbers(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
    }

    /// A fuzzer finding: a grouping separator further left than the number's digits inserted at a negative index.
    @Test("$formatNumber with grouping positions beyond the digits places them as jsonata-js does")
    func formatNumberFarGrouping() throws {
        #expect(try run(##"$formatNumber(81,"nm,#######################,##############4#5")"##) == "nm,,81")
        #expect(try run(##"$formatNumber(81,"#,##4#5")"##) == "81")
    }

    /// A fuzzer finding: an optional parameter that matched nothing put the argument and symbol indexes apart.
    @Test("a lambda signature with an optional parameter before a required one validates without reading past its arguments")
    func signatureOptionalBeforeRequired() throws {
        #expect(try run(#"λ($arr, $sep)<a<s>s?s>{$join($arr, $sep)}(foo, "-")"#) == nil)
        #expect(try run(#"λ($arr, $sep)<a<s>s?>{$join($arr, $sep)}(["a", "b"], "-")"#) == "a-b")
    }

    /// A fuzzer finding: a time zone of 70 digits overflowed the offset arithmetic.
    @Test("$fromMillis with a time zone that moves the date out of range is undefined; a large one in range works")
    func fromMillisHugeTimezone() throws {
        #expect(try run("$fromMillis(1521801216617, '[Y]-[M01]', '+01005555555555555555555555555555555555555555555555555555555555555555555')") == nil)
        #expect(try run("$fromMillis(1521801216617, '[Y]-[M01]', '+99999999')") == "2132-04")
    }

    /// A fuzzer finding: a character below the picture's zero digit trapped on an unsigned subtraction.
    @Test("$parseInteger with another family's digits: they shift to ASCII; a character below its zero is a RangeError")
    func parseIntegerDigitFamilies() throws {
        #expect(try run("$parseInteger('１２３４０', '###０')") == 12340)
        for source in ["$parseInteger('5', '###０')", "$parseInteger('１\u{1E}\u{1E}２３４０', '###０')"] {
            #expect(throws: JSONataError.self) { try run(source) }
        }
        do {
            _ = try run("$parseInteger('5', '###０')")
        } catch let error as JSONataError {
            #expect(error.code == "RangeError")
            #expect(error.message == "Invalid code point -65195")
        }
    }

    @Test(
        "array, object and boolean functions",
        arguments: [
            ("$append([1], 2)", "[1,2]"), ("$reverse([1,2,3])", "[3,2,1]"), ("$sort(['b','a'])", #"["a","b"]"#),
            ("$sort([1,3,2], function($a,$b){$a < $b})", "[3,2,1]"), ("$distinct([1,2,1])", "[1,2]"), ("$zip([1,2],[3,4])", "[[1,3],[2,4]]"),
            ("$keys({'a':1,'b':2})", #"["a","b"]"#), ("$lookup({'a':1}, 'a')", "1"), ("$spread({'a':1,'b':2})", #"[{"a":1},{"b":2}]"#),
            ("$merge([{'a':1},{'b':2}])", #"{"a":1,"b":2}"#), ("$boolean([0])", "false"), ("$not('')", "true"), ("$exists(null)", "true"),
            ("$type([])", #""array""#), ("$type(function(){1})", #""function""#),
        ])
    func collections(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
    }

    @Test(
        "higher-order functions pass value, index and array as the function accepts them",
        arguments: [
            ("$map([1,2,3], function($v){$v*2})", "[2,4,6]"), ("$map([5,6], function($v,$i){$i})", "[0,1]"),
            ("$filter([1,2,3,4], function($v){$v%2=0})", "[2,4]"), ("$reduce([1,2,3], function($a,$b){$a+$b})", "6"),
            ("$reduce([1,2,3], function($a,$b){$a+$b}, 10)", "16"), ("$single([1,2,3], function($v){$v=2})", "2"),
            ("$sift({'a':1,'b':2}, function($v){$v>1})", #"{"b":2}"#), ("$each({'a':1}, function($v,$k){$k&$v})", #""a1""#),
        ])
    func higherOrder(expression: String, expected: String) throws {
        #expect(try run(expression) == json(expected))
    }

    @Test(
        "function errors carry JSONata's codes",
        arguments: [
            ("$sqrt(-1)", "D3060"), ("$power(10, 400)", "D3061"), ("$number('x')", "D3030"), ("$formatBase(1, 40)", "D3100"),
            ("$reduce([1], function($a){$a})", "D3050"), ("$single([1,2])", "D3138"), ("$single([], function($v){true})", "D3139"),
            ("$error('boom')", "D3137"), ("$assert(false)", "D3141"), ("$sort([1,'a'])", "D3070"), ("$split('a', ',', -1)", "D3020"),
            ("$string(1/0)", "D3001"), ("$length(1)", "T0410"), ("$sum(['a'])", "T0412"), ("$replace('a', '', 'b')", "D3010"),
            ("$eval('1 +')", "D3120"), ("$undefinedFunction(1)", "T1006"), ("$string([1/0])", "D1001"), ("$formatNumber(1, '0e')", "D3093"),
            ("$formatNumber(1, '#.#.#')", "D3081"), ("$formatInteger(1, '#')", "D3130"), ("$fromMillis(0, '[Q]')", "D3132"),
            ("$fromMillis(0, '[DN]')", "D3133"), ("$fromMillis(0, '[,]')", "D3132"), ("$fromMillis(0, '[,M3-3]')", "D3132"),
            ("$fromMillis(0, '[Y')", "D3135"), ("$toMillis('5 x', '[D] [M]')", nil),
        ])
    func errors(expression: String, code: String?) {
        #expect(errorCode(expression) == code)
    }

    @Test("date and time functions format and parse with pictures")
    func dateTime() throws {
        #expect(try run("$fromMillis(0)") == "1970-01-01T00:00:00.000Z")
        #expect(try run("$fromMillis(1521801216617, '[D1o] [MNn] [Y]')") == "23rd March 2018")
        #expect(try run("$fromMillis(1521801216617, '[H01]:[m01]', '+0530')") == "16:03")
        #expect(try run("$toMillis('2018-03-23T10:33:36.617Z')") == 1_521_801_216_617)
        #expect(try run("$toMillis('23/03/2018', '[D]/[M]/[Y]')") == 1_521_763_200_000)
        #expect(errorCode("$toMillis('yesterday')") == "D3110")
    }
}
