import Testing

@testable import JicengPipeline

/// The condition language of pipeline files: predicates, precedence, parentheses and errors.
struct ConditionParserTests {
    func parse(_ text: String) throws -> Condition { try ConditionParser.parse(text) }

    func syntaxError(_ text: String) -> ConditionSyntaxError? {
        do {
            _ = try ConditionParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func comparisons() throws {
        #expect(try parse("status = resolved") == .compare(column: "status", op: .equal, value: .symbol("resolved")))
        #expect(try parse("status != open") == .compare(column: "status", op: .notEqual, value: .symbol("open")))
        #expect(
            try parse("days_to_close <= $ontime_limit_days")
                == .compare(column: "days_to_close", op: .lessOrEqual, value: .parameter("ontime_limit_days")))
        #expect(try parse("days_to_close>2.5") == .compare(column: "days_to_close", op: .greater, value: .number(2.5)))
        #expect(try parse("x >= -1") == .compare(column: "x", op: .greaterOrEqual, value: .number(-1)))
        #expect(try parse("x < 10") == .compare(column: "x", op: .less, value: .number(10)))
        #expect(try parse("has_instructor = true") == .compare(column: "has_instructor", op: .equal, value: .boolean(true)))
        #expect(try parse("has_instructor != FALSE") == .compare(column: "has_instructor", op: .notEqual, value: .boolean(false)))
        #expect(try parse("x == 1") == .compare(column: "x", op: .equal, value: .number(1)))
    }

    @Test func bareColumnIsTrue() throws {
        #expect(try parse("has_instructor") == .isTrue(column: "has_instructor"))
        #expect(
            try parse("party_org_type != none or has_instructor")
                == .or([.compare(column: "party_org_type", op: .notEqual, value: .symbol("none")), .isTrue(column: "has_instructor")]))
    }

    @Test func inListsAndIsSet() throws {
        #expect(
            try parse("satisfaction in (satisfied, basically_satisfied)")
                == .isIn(column: "satisfaction", values: [.symbol("satisfied"), .symbol("basically_satisfied")]))
        #expect(try parse("status in (resolved)") == .isIn(column: "status", values: [.symbol("resolved")]))
        #expect(
            try parse("status not in (open, in_progress)")
                == .not(.isIn(column: "status", values: [.symbol("open"), .symbol("in_progress")])))
        #expect(try parse("satisfaction is set") == .isSet(column: "satisfaction"))
        #expect(try parse("closed_at is not set") == .not(.isSet(column: "closed_at")))
        // Full-width brackets and commas, as typed with a Chinese input method.
        #expect(
            try parse("status in （resolved，explained）")
                == .isIn(column: "status", values: [.symbol("resolved"), .symbol("explained")]))
    }

    @Test func andBindsTighterThanOr() throws {
        let a = Condition.isTrue(column: "a")
        let b = Condition.isTrue(column: "b")
        let c = Condition.isTrue(column: "c")
        #expect(try parse("a or b and c") == .or([a, .and([b, c])]))
        #expect(try parse("a and b or c") == .or([.and([a, b]), c]))
        #expect(try parse("a and b and c") == .and([a, b, c]))
        #expect(try parse("a or b or c") == .or([a, b, c]))
        #expect(try parse("A AND b Or c") == .or([.and([.isTrue(column: "A"), b]), c]))
    }

    @Test func parenthesesAndNot() throws {
        let a = Condition.isTrue(column: "a")
        let b = Condition.isTrue(column: "b")
        let c = Condition.isTrue(column: "c")
        #expect(try parse("(a or b) and c") == .and([.or([a, b]), c]))
        #expect(try parse("not a and b") == .and([.not(a), b]))
        #expect(try parse("not (a and b)") == .not(.and([a, b])))
        #expect(try parse("not not a") == .not(.not(a)))
        #expect(try parse("((a))") == a)
        #expect(
            try parse("status = resolved and days_to_close <= $ontime_limit_days")
                == .and([
                    .compare(column: "status", op: .equal, value: .symbol("resolved")),
                    .compare(column: "days_to_close", op: .lessOrEqual, value: .parameter("ontime_limit_days")),
                ]))
    }

    @Test func columnsRead() throws {
        #expect(try parse("(a or b = x) and not c in (y)").columns == ["a", "b", "c"])
    }

    @Test func errorsNameThePosition() {
        #expect(syntaxError("") == ConditionSyntaxError(position: 1, message: "the condition is empty"))
        // position 10 is the end of "status = " (9 characters)
        #expect(syntaxError("status = ")?.position == 10)
        #expect(syntaxError("status = ")?.message.contains("expected a value after '='") == true)
        #expect(syntaxError("(a or b")?.position == 8)
        #expect(syntaxError("(a or b")?.message.contains("')'") == true)
        #expect(syntaxError("a or b)")?.position == 7)
        #expect(syntaxError("status in resolved")?.position == 11)
        #expect(syntaxError("status in ()")?.message.contains("empty") == true)
        #expect(syntaxError("status in (a, )")?.position == 15)
        #expect(syntaxError("status in (a b)")?.position == 14)
        #expect(syntaxError("a = 1 b")?.position == 7)
        #expect(syntaxError("a ! b")?.position == 3)
        #expect(syntaxError("a = $")?.position == 5)
        #expect(syntaxError("a = 1.2.3")?.position == 5)
        #expect(syntaxError("a is open")?.position == 6)
        #expect(syntaxError("and a")?.position == 1)
        #expect(syntaxError("a = and")?.position == 5)
        #expect(syntaxError("a ; b")?.position == 3)
        #expect(syntaxError("a not b")?.position == 3)
        // Positions count characters, not bytes: 状态 is two characters.
        #expect(syntaxError("状态 = ")?.position == 6)
    }

    @Test func wordsMayBeChinese() throws {
        #expect(try parse("category = 物业") == .compare(column: "category", op: .equal, value: .symbol("物业")))
    }

    @Test func nestingIsBounded() throws {
        // 32 levels of 'not' and parentheses parse; the 33rd is an error at its own position.
        let deepest = String(repeating: "not (", count: 16) + "status = resolved" + String(repeating: ")", count: 16)
        var expected = Condition.compare(column: "status", op: .equal, value: .symbol("resolved"))
        for _ in 0..<16 { expected = .not(expected) }
        #expect(try parse(deepest) == expected)
        let tooDeep = "not " + deepest
        let error = try #require(syntaxError(tooDeep))
        #expect(error.message == "the condition is nested more than 32 levels deep ('not' and parentheses)")
        // The 33rd level is the 16th '(' (1-based position: after "not ", 15 × "not (" and "not ").
        #expect(error.position == "not ".count + 15 * "not (".count + "not ".count + 1)
        // A hostile file: 100,000 open parentheses is an error, not a stack overflow.
        #expect(syntaxError(String(repeating: "(", count: 100_000) + "x") != nil)
        #expect(syntaxError(String(repeating: "not ", count: 100_000) + "x") != nil)
    }
}
