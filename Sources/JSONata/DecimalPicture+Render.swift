import Foundation

/// Rendering a number with an analysed `format-number` sub-picture (F&O 4.7.5).
extension DecimalPicture {
    static func render(_ value: Double, _ pic: Analysis, _ family: [Character], _ p: Properties) -> String {
        var adjusted = value
        if count(pic.picture, p.percent) > 0 {
            adjusted = value * 100
        } else if count(pic.picture, p.perMille) > 0 {
            adjusted = value * 1000
        }
        var mantissa = abs(adjusted)
        var exponent: Int?
        if pic.minimumExponentSize != 0, mantissa == 0 { exponent = 0 }
        if pic.minimumExponentSize != 0, mantissa != 0 {
            let maxMantissa = Foundation.pow(10, Double(pic.scalingFactor))
            let minMantissa = Foundation.pow(10, Double(pic.scalingFactor - 1))
            var e = 0
            while mantissa < minMantissa {
                mantissa *= 10
                e -= 1
            }
            while mantissa > maxMantissa {
                mantissa /= 10
                e += 1
            }
            exponent = e
        }
        let rounded = Builtins.round(mantissa, Double(pic.maximumFractionSize))
        let zero = family[0]
        func localize(_ s: String) -> [Character] {
            Array(s).map { c in c.isASCII && c.isNumber ? family[Int(c.asciiValue! - 48)] : c }
        }
        var chars = localize(NumberText.fixed(abs(rounded), pic.maximumFractionSize))
        let decimal = p.decimal.first ?? "."
        if let dot = chars.firstIndex(of: ".") { chars[dot] = decimal } else { chars.append(decimal) }
        while chars.first == zero { chars.removeFirst() }
        while chars.last == zero { chars.removeLast() }
        var decimalPos = chars.firstIndex(of: decimal)!
        let padLeft = pic.minimumIntegerSize - decimalPos
        let padRight = pic.minimumFractionSize - (chars.count - decimalPos - 1)
        if padLeft > 0 { chars.insert(contentsOf: Array(repeating: zero, count: padLeft), at: 0) }
        if padRight > 0 { chars.append(contentsOf: Array(repeating: zero, count: padRight)) }
        decimalPos = chars.firstIndex(of: decimal)!
        let grouping = Array(p.grouping)
        if pic.regularGrouping > 0 {
            let groupCount = (decimalPos - 1) / pic.regularGrouping
            if groupCount >= 1 {
                for group in 1...groupCount { chars.insert(contentsOf: grouping, at: decimalPos - group * pic.regularGrouping) }
            }
        } else {
            for position in pic.integerGroupingPositions {
                // JavaScript's splice counts a negative start from the end (and stops at 0): a grouping position
                // beyond the digits does not trap.
                let at = decimalPos - position
                chars.insert(contentsOf: grouping, at: at >= 0 ? at : max(chars.count + at, 0))
                decimalPos += 1
            }
        }
        decimalPos = chars.firstIndex(of: decimal)!
        for position in pic.fractionGroupingPositions {
            let at = position + decimalPos + 1
            if at <= chars.count { chars.insert(contentsOf: grouping, at: at) }
        }
        decimalPos = chars.firstIndex(of: decimal)!
        if !pic.picture.contains(decimal) || decimalPos == chars.count - 1 { chars.removeLast() }
        var text = String(chars)
        if let exponent {
            var digits = localize(String(abs(exponent)))
            if digits.count < pic.minimumExponentSize {
                digits.insert(contentsOf: Array(repeating: zero, count: pic.minimumExponentSize - digits.count), at: 0)
            }
            text += p.exponent + (exponent < 0 ? p.minus : "") + String(digits)
        }
        return pic.prefix + text + pic.suffix
    }
}
