extension DynamoNumber: Comparable {
    static func < (lhs: DynamoNumber, rhs: DynamoNumber) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let order = compareMagnitude(lhs, rhs)
        return lhs.negative ? order > 0 : order < 0
    }

    /// −1, 0 or 1 as |lhs| is below, equal to or above |rhs|.
    private static func compareMagnitude(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> Int {
        if lhs.digits.isEmpty || rhs.digits.isEmpty { return lhs.digits.isEmpty ? (rhs.digits.isEmpty ? 0 : -1) : 1 }
        let (left, right) = aligned(lhs, rhs)
        if left.count != right.count { return left.count < right.count ? -1 : 1 }
        for (a, b) in zip(left, right) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    /// Both digit strings scaled to the smaller exponent.
    private static func aligned(_ lhs: DynamoNumber, _ rhs: DynamoNumber) -> ([UInt8], [UInt8]) {
        let exponent = min(lhs.exponent, rhs.exponent)
        let left = lhs.digits + [UInt8](repeating: 0, count: lhs.exponent - exponent)
        let right = rhs.digits + [UInt8](repeating: 0, count: rhs.exponent - exponent)
        return (left, right)
    }

    static func + (lhs: DynamoNumber, rhs: DynamoNumber) -> DynamoNumber {
        if lhs.digits.isEmpty { return rhs }
        if rhs.digits.isEmpty { return lhs }
        let exponent = min(lhs.exponent, rhs.exponent)
        let (left, right) = aligned(lhs, rhs)
        if lhs.negative == rhs.negative {
            return DynamoNumber(negative: lhs.negative, digits: addDigits(left, right), exponent: exponent)
        }
        let order = compareMagnitude(lhs, rhs)
        if order == 0 { return .zero }
        let (big, small, negative) = order > 0 ? (left, right, lhs.negative) : (right, left, rhs.negative)
        return DynamoNumber(negative: negative, digits: subtractDigits(big, small), exponent: exponent)
    }

    static prefix func - (value: DynamoNumber) -> DynamoNumber {
        DynamoNumber(negative: !value.negative, digits: value.digits, exponent: value.exponent)
    }

    static func - (lhs: DynamoNumber, rhs: DynamoNumber) -> DynamoNumber { lhs + -rhs }

    private static func addDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var carry: UInt8 = 0
        var (i, j) = (a.count - 1, b.count - 1)
        while i >= 0 || j >= 0 || carry > 0 {
            let sum = (i >= 0 ? a[i] : 0) + (j >= 0 ? b[j] : 0) + carry
            result.append(sum % 10)
            carry = sum / 10
            i -= 1
            j -= 1
        }
        return result.reversed()
    }

    /// `a − b` for `a ≥ b`.
    private static func subtractDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var borrow: Int = 0
        var j = b.count - 1
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            var difference = Int(a[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result.append(UInt8(difference))
            j -= 1
        }
        return result.reversed()
    }
}
