/// `*` wildcards as task resources use them: `*` matches any run of characters (including none); every other
/// byte matches itself. One matcher for registered handler patterns (`arn:aws:lambda:*:*:function:validate-*`)
/// and resources-file keys.
package enum Glob {
    /// Whether `text` matches `pattern`, compared byte by byte (UTF-8), in linear time with one backtrack point.
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        let asterisk = UInt8(ascii: "*")
        while ti < t.count {
            if pi < p.count, p[pi] != asterisk, p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == asterisk {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == asterisk { pi += 1 }
        return pi == p.count
    }
}
