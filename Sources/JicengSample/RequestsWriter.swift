/// Writes the `requests` dataset: exactly the configured number of requests received in the
/// configured quarters with exactly the configured counts per status, shared out over units by
/// `RequestPlan`, plus a few received in the quarter before (out-of-period warnings).
///
/// A messy drop splits requests into one file per street (`requests-绣林街道.csv`, …) whose
/// headers differ in aliases and column order, one with BOM and CRLF; values use Chinese synonyms,
/// several date forms with times, missing-value markers and quoted awkward categories. A clean drop
/// is one file of one system: canonical headers, `2023-03-05 14:03`, every request named by its
/// community (and its street where two communities share the name), and the system's one Chinese word per channel, status and satisfaction
/// value (`SampleVocabulary.systemStatuses`…). This is the
/// hot path of the generator (ten million rows), so rows are assembled from pooled bytes only.
enum RequestsWriter {
    enum Column {
        case requestId, receivedAt, channel, gridId, unitId, community, street, category, status, closedAt, satisfaction
    }

    /// One request file's shape.
    struct Layout {
        var name: String
        var encoding: SampleEncoding
        var crlf: Bool
        var columns: [(Column, String)]
        var dateStyle: DateStyle
        var timeStyle: TimeStyle

        func has(_ column: Column) -> Bool { columns.contains { $0.0 == column } }
    }

    static func layouts(_ context: GenerationContext) -> [Layout] {
        if context.configuration.shape == .clean {
            return [
                Layout(
                    name: "requests.csv", encoding: .utf8, crlf: false,
                    columns: [
                        (.requestId, "request_id"), (.receivedAt, "received_at"), (.channel, "channel"),
                        (.community, "community"), (.street, "street"), (.category, "category"), (.status, "status"),
                        (.closedAt, "closed_at"), (.satisfaction, "satisfaction"),
                    ],
                    dateStyle: .iso, timeStyle: .minutes)
            ]
        }
        guard context.configuration.messy else {
            return [
                Layout(
                    name: "requests.csv", encoding: .utf8, crlf: false,
                    columns: [
                        (.requestId, "request_id"), (.receivedAt, "received_at"), (.channel, "channel"),
                        (.unitId, "unit_id"), (.category, "category"), (.status, "status"),
                        (.closedAt, "closed_at"), (.satisfaction, "satisfaction"),
                    ],
                    dateStyle: .iso, timeStyle: .none)
            ]
        }
        return context.hierarchy.streets.enumerated().map { position, unit in
            let name = "requests-" + context.hierarchy.units[unit].name + ".csv"
            if position % 2 == 0 {
                return Layout(
                    name: name, encoding: .utf8BOM, crlf: true,
                    columns: [
                        (.requestId, "工单编号"), (.receivedAt, "受理时间"), (.channel, "受理渠道"),
                        (.street, "所属街道"), (.community, "所属社区"), (.gridId, "网格编号"),
                        (.category, "诉求类别"), (.status, "办理状态"), (.closedAt, "办结时间"),
                        (.satisfaction, "回访满意度"),
                    ],
                    dateStyle: .slash, timeStyle: .seconds)
            }
            return Layout(
                name: name, encoding: .utf8, crlf: false,
                columns: [
                    (.requestId, "Request_ID"), (.gridId, "网格编码"), (.community, "community"),
                    (.street, "街道名称"), (.unitId, "单位编码"), (.receivedAt, "登记时间"),
                    (.channel, "来源"), (.status, "状态"), (.closedAt, "办结日期"),
                    (.satisfaction, "满意度"), (.category, "类别"),
                ],
                dateStyle: .chinese, timeStyle: .none)
        }
    }

    static func write(_ context: GenerationContext) throws {
        let c = context.configuration
        let hierarchy = context.hierarchy
        let calendar = context.calendar
        let messy = c.messy
        let clean = c.shape == .clean
        var rng = context.random(40)
        let layouts = layouts(context)

        let pool = BytePool()
        let dates = DateTable(from: calendar.first, through: calendar.last, pool: pool)
        let channels = SynonymSlices(pool: pool, values: SampleVocabulary.channels.map { ($0.canonical, $0.synonyms) })
        let statuses = SynonymSlices(pool: pool, values: SampleVocabulary.statuses)
        let satisfactions = SynonymSlices(pool: pool, values: SampleVocabulary.satisfaction)
        let missing = SampleVocabulary.missing.map { pool.field($0) }
        let categories = SampleVocabulary.requestCategories.map { pool.field($0) }
        let awkward = SampleVocabulary.awkwardRequestCategories.map { pool.field($0) }
        let systemChannels = SampleVocabulary.systemChannels.map { pool.field($0) }
        let systemStatuses = SampleVocabulary.systemStatuses.map { pool.field($0) }
        let systemSatisfaction = SampleVocabulary.systemSatisfaction.map { pool.field($0) }
        let prefix = pool.raw("GD")
        let pickers = layouts.map {
            UnitReferencePicker(
                hierarchy: hierarchy, pool: pool, messy: messy, gridId: $0.has(.gridId),
                unitId: $0.has(.unitId), community: $0.has(.community), street: $0.has(.street),
                streetOnlyWhenNeeded: clean)
        }
        pool.freeze()

        // Channel by one draw out of 100.
        var channelTable: [Int] = []
        for (index, channel) in SampleVocabulary.channels.enumerated() {
            channelTable += Array(repeating: index, count: channel.weight)
        }
        precondition(channelTable.count == 100)
        // Satisfaction (-1 none) by one draw out of 100, per status.
        func table(_ entries: [(value: Int, percent: Int)]) -> [Int] {
            var result: [Int] = []
            for entry in entries { result += Array(repeating: entry.value, count: entry.percent) }
            return result + Array(repeating: -1, count: 100 - result.count)
        }
        // Out-of-period rows: a typical mix, whatever their unit.
        let outOfPeriodSatisfaction = [
            table([(0, 63), (1, 20), (2, 7)]),  // resolved: 90% answered, 70/22/8
            table([(1, 3), (2, 2)]),  // in progress: rarely
            table([(0, 32), (1, 28), (2, 20)]),  // explained: 80% answered, 40/35/25
            table([]),  // open: never
        ]
        let outOfPeriodStatus = table([(0, 88), (1, 8), (2, 3), (3, 1)])
        // In-period rows: units, statuses, late closings and dissatisfaction by plan.
        var planRng = context.random(41)
        let lastDay = calendar.dayCount - 1
        let inDays = calendar.inPeriodDays
        let lateable = Double(inDays.filter { $0 + 16 <= lastDay }.count) / Double(max(inDays.count, 1))
        var plan = RequestPlan(
            configuration: c, hierarchy: hierarchy, profiles: context.profiles,
            gridResidents: context.gridResidents, lateableShare: lateable, rng: &planRng)
        var units = QuotaSampler(quotas: plan.rows)
        let dateStyles = layouts.map(\.dateStyle)
        let timeStyles = layouts.map(\.timeStyle)

        // Totals: one flat array per quarter bucket × unit.
        let quarterKeys = calendar.quarterKeys()
        let bucketKeys = Array(Set(quarterKeys)).sorted()
        let bucketOfDay = quarterKeys.map { bucketKeys.firstIndex(of: $0)! }
        let unitCount = hierarchy.units.count
        var totals = Array(repeating: SampleRequestTotals(), count: bucketKeys.count * unitCount)

        let outputs = try layouts.map {
            try CSVFileWriter(
                folder: context.folder, name: $0.name, dataset: "requests", encoding: $0.encoding,
                crlf: $0.crlf, pool: pool)
        }
        for (layout, out) in zip(layouts, outputs) { try out.header(layout.columns.map(\.1)) }
        let columnLists = layouts.map { $0.columns.map(\.0) }

        let total = c.outOfPeriodRequests + c.requests
        let idWidth = max(6, String(total).count)
        let previous = calendar.previousQuarterDays
        let lateDays = max(previous.lowerBound, previous.upperBound - 30)..<previous.upperBound
        let outDays = (0..<c.outOfPeriodRequests).map { _ in lateDays.lowerBound + rng.below(lateDays.count) }.sorted()
        let gridCount = hierarchy.grids.count

        for row in 0..<total {
            let outOfPeriod = row < c.outOfPeriodRequests
            let day = outOfPeriod ? outDays[row] : inDays[(row - c.outOfPeriodRequests) * inDays.count / c.requests]

            // Unit and file: out-of-period rows anywhere, the others where the plan sends them.
            let g: Int
            let community: Int
            let toCommunity: Bool
            var slot = -1
            if outOfPeriod {
                g = rng.below(gridCount)
                community = hierarchy.communityOfGrid[g]
                toCommunity = rng.chance(RequestPlan.escalatedPercent) || clean
            } else {
                slot = units.draw(&rng)
                g = plan.gridPosition[slot]
                community = plan.communityPosition[slot]
                // A clean export names the community even of a request handled by one of its grids.
                toCommunity = g < 0 || clean
            }
            let file = messy ? hierarchy.streetOfCommunity[community] : 0
            let reference = toCommunity ? pickers[file].community(community, rng: &rng) : pickers[file].grid(g, rng: &rng)
            let unit = toCommunity ? hierarchy.communities[community] : hierarchy.grids[g]

            // Status: the plan's exact counts in period, typical mix outside.
            let status = outOfPeriod ? outOfPeriodStatus[rng.below(100)] : plan.nextStatus(slot: slot, rng: &rng)

            let channel = channelTable[rng.below(100)]
            let category: ByteSlice
            if messy && rng.chance(perMille: 12) {
                category = awkward[rng.below(awkward.count)]
            } else if messy && rng.chance(2) {
                category = missing[rng.below(missing.count)]
            } else {
                category = categories[rng.below(categories.count)]
            }
            let seconds = 8 * 3600 + rng.below(12 * 3600)

            // Closing (resolved and explained only) and satisfaction.
            var closeDay = -1
            var closeSeconds = 0
            var satisfaction = -1
            if outOfPeriod {
                satisfaction = outOfPeriodSatisfaction[status][rng.below(100)]
            } else if rng.chance(RequestPlan.answeredPercent[status]) {
                satisfaction =
                    plan.dissatisfied(slot: slot, status: status)
                    ? 2
                    : rng.chance(RequestPlan.satisfiedPercent[status]) ? 0 : 1
            }
            switch status {
            case 0:
                let days: Int
                if outOfPeriod {
                    let roll = rng.below(100)
                    days = roll < 60 ? rng.below(8) : roll < 87 ? 8 + rng.below(8) : 16 + rng.below(25)
                } else if plan.closesLate(slot: slot, canBeLate: day + 16 <= lastDay) {
                    days = 16 + rng.below(min(25, lastDay - day - 15))
                } else {
                    days = rng.chance(plan.quickClosingPercent[slot]) ? rng.below(8) : 8 + rng.below(8)
                }
                closeDay = min(day + days, lastDay)
            case 2:
                closeDay = min(day + rng.below(21), lastDay)
            default:
                break
            }
            if closeDay >= 0 {
                closeSeconds = closeDay == day ? min(seconds + 600 + rng.below(3 * 3600), 86_399) : 8 * 3600 + rng.below(10 * 3600)
            }

            var style = dateStyles[file]
            var time = timeStyles[file]
            if messy && rng.chance(10) {
                style = DateStyle(rawValue: rng.below(DateStyle.allCases.count))!
                time = TimeStyle(rawValue: rng.below(TimeStyle.allCases.count))!
            }

            let out = outputs[file]
            if outOfPeriod {
                context.outOfPeriod.append(
                    SampleRowLocation(
                        dataset: "requests", file: out.name, line: out.line, column: "received_at",
                        value: dates.text(day: day, style: style, time: time, seconds: seconds)))
            }
            var first = true
            for column in columnLists[file] {
                if first { first = false } else { out.comma() }
                switch column {
                case .requestId:
                    out.slice(prefix)
                    out.slice(dates.compact(day: day))
                    out.int(row + 1, width: idWidth)
                case .receivedAt:
                    dates.write(day: day, style: style, time: time, seconds: seconds, to: out)
                case .channel:
                    out.slice(clean ? systemChannels[channel] : channels.pick(channel, messy: messy, rng: &rng))
                case .gridId:
                    out.slice(reference.gridId)
                case .unitId:
                    out.slice(reference.unitId)
                case .community:
                    out.slice(reference.community)
                case .street:
                    out.slice(reference.street)
                case .category:
                    out.slice(category)
                case .status:
                    out.slice(clean ? systemStatuses[status] : statuses.pick(status, messy: messy, rng: &rng))
                case .closedAt:
                    if closeDay >= 0 {
                        dates.write(day: closeDay, style: style, time: time, seconds: closeSeconds, to: out)
                    } else {
                        out.missing(messy: messy, rng: &rng, markers: missing)
                    }
                case .satisfaction:
                    if satisfaction >= 0 {
                        out.slice(
                            clean ? systemSatisfaction[satisfaction] : satisfactions.pick(satisfaction, messy: messy, rng: &rng))
                    } else {
                        out.missing(messy: messy, rng: &rng, markers: missing)
                    }
                }
            }
            try out.endRecord()

            let index = bucketOfDay[day] * unitCount + unit
            totals[index].received += 1
            switch status {
            case 0:
                totals[index].resolved += 1
                let days = closeDay - day
                totals[index].daysToCloseSum += days
                if days <= 15 { totals[index].resolvedOnTime += 1 }
            case 1: totals[index].inProgress += 1
            case 2: totals[index].explained += 1
            default: totals[index].open += 1
            }
            switch satisfaction {
            case 0: totals[index].satisfied += 1
            case 1: totals[index].basicallySatisfied += 1
            case 2: totals[index].dissatisfied += 1
            default: break
            }
        }
        for out in outputs { context.files.append(try out.finish()) }
        for (b, key) in bucketKeys.enumerated() {
            context.requestTotals[key] = Array(totals[(b * unitCount)..<((b + 1) * unitCount)])
        }
    }
}
