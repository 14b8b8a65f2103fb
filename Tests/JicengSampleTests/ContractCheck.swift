import Foundation
import JicengCore

/// An independent, test-only reading of a drop against contract v1: it finds the files of each
/// dataset, maps headers through the contract's aliases, parses every value, resolves every unit
/// reference, lists every violation as text, and recounts what the pipeline should report.
///
/// It is written from the contract, not from the generator, so that "the generator writes valid
/// drops with these totals" is checked by a second reading.
struct ContractCheck {
    var problems: [String] = []
    var outOfPeriod: [(file: String, line: Int)] = []
    /// Attached unit id → counts, in the period.
    var requestsByUnit: [String: [String: Int]] = [:]
    var servicesByUnit: [String: [String: Int]] = [:]
    var gridsByUnit: [String: [String: Int]] = [:]
    var companiesByUnit: [String: [String: Int]] = [:]
    var parent: [String: String] = [:]
    var unitIds: [String] = []

    static let aliases: [String: [String: [String]]] = [
        "units": [
            "unit_id": ["单位编码", "编码", "代码"], "name": ["名称", "单位名称"], "level": ["层级", "级别"],
            "parent_id": ["上级编码", "上级单位编码"], "aliases": ["别名"], "type": ["类型"],
        ],
        "grids": [
            "grid_id": ["网格编码", "网格编号"], "households": ["户数", "住户数"],
            "residents": ["常住人口", "人口数", "居民数"], "party_members": ["党员数", "党员人数"],
            "has_party_branch": ["网格党支部", "是否建立网格党支部"], "building_party_groups": ["楼栋党小组数"],
            "party_member_households": ["党员中心户数"], "grid_workers": ["网格员数", "网格员人数"],
        ],
        "property_companies": [
            "company_id": ["企业编码", "统一社会信用代码"], "company_name": ["企业名称", "物业企业名称"],
            "estates_managed": ["在管小区数", "服务小区数"], "party_org_type": ["党组织组建方式", "组建形式"],
            "has_instructor": ["党建指导员", "是否选派党建指导员"], "party_members": ["党员数"],
        ],
        "services": [
            "service_id": ["服务编号", "记录编号"], "date": ["服务日期", "日期"], "provider_type": ["服务主体类型"],
            "category": ["服务类别"], "volunteers": ["参与人次", "志愿者人次"], "beneficiaries": ["受益人次", "服务人次"],
        ],
        "requests": [
            "request_id": ["诉求编号", "工单编号", "工单号"], "received_at": ["受理时间", "受理日期", "登记时间"],
            "channel": ["渠道", "受理渠道", "来源"], "category": ["诉求类别", "类别"], "status": ["办理状态", "状态"],
            "closed_at": ["办结时间", "办结日期"], "satisfaction": ["满意度", "回访满意度"],
        ],
    ]
    static let referenceAliases: [String: [String]] = [
        "unit_id": ["单位编码"], "grid_id": ["网格编码", "网格编号"],
        "community": ["社区", "所属社区", "社区名称"], "street": ["街道", "所属街道", "街道名称", "乡镇"],
    ]
    static let enums: [String: [String: [String]]] = [
        "level": [
            "city": ["市"], "district": ["区", "县", "县级市"], "street": ["街道", "乡镇", "镇", "乡"],
            "community": ["社区", "村"], "grid": ["网格", "小区"],
        ],
        "party_org_type": [
            "standalone": ["单独组建", "单独建立"], "joint": ["联合组建", "联合建立"],
            "affiliated": ["挂靠", "挂靠网格党支部"], "temporary": ["临时党组织", "临时党支部", "临时党小组"],
            "none": ["未建立", "未组建", "无"],
        ],
        "provider_type": [
            "party_member": ["下沉党员", "在职党员", "党员"], "co_building_unit": ["共驻共建单位", "共建单位"],
            "volunteer": ["志愿者"], "social_org": ["社会组织"], "grid_worker": ["网格员"], "other": ["其他"],
        ],
        "service_category": [
            "elderly": ["关爱老人"], "culture_sports": ["文化体育"], "livelihood": ["民生事务"],
            "youth": ["关心下一代"], "security": ["治安维稳"], "policy_law": ["政策法规"],
            "women": ["妇女维权"], "environment": ["环境整治"], "other": ["其他"],
        ],
        "channel": [
            "hotline": ["热线", "市民热线", "12345", "12345热线"], "online": ["网络", "网上", "网站", "微信", "民呼我应"],
            "media": ["媒体"], "visit": ["走访", "上门", "敲门行动"], "letter": ["来信", "来信来访"], "other": ["其他"],
        ],
        "status": [
            "resolved": ["已解决", "已办结", "办结", "已回应解决"], "in_progress": ["办理中", "正在办理", "跟踪办理", "正在跟踪办理"],
            "explained": ["已解释", "已答复", "暂无法办理", "已做好解释"], "open": ["未办理", "待办", "未受理"],
        ],
        "satisfaction": ["satisfied": ["满意"], "basically_satisfied": ["基本满意"], "dissatisfied": ["不满意"]],
    ]

    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            var v = scalar.value
            if v == 0xFEFF { continue }
            if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
            if v == 0x3000 { v = 0x20 }
            if v >= 0x41 && v <= 0x5A { v += 0x20 }
            out.append(Unicode.Scalar(v)!)
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    static func isMissing(_ s: String) -> Bool {
        ["", "-", "—", "n/a", "na", "null"].contains(fold(s))
    }

    static func integer(_ s: String) -> Int? {
        let t = fold(s).replacingOccurrences(of: ",", with: "")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(t)
    }

    static func boolean(_ s: String) -> Bool? {
        let t = fold(s)
        if ["是", "有", "yes", "true", "y", "1", "√"].contains(t) { return true }
        if ["否", "无", "no", "false", "n", "0", "×"].contains(t) { return false }
        return nil
    }

    /// The calendar date of the forms of contract §2, with an optional time.
    static func date(_ s: String) -> CivilDate? {
        let parts = s.split(separator: " ", maxSplits: 1)
        guard let datePart = parts.first.map(String.init) else { return nil }
        if parts.count == 2 {
            let time = parts[1].split(separator: ":")
            guard (2...3).contains(time.count), time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) else { return nil }
        }
        var y = 0
        var m = 0
        var d = 0
        if datePart.count == 8, datePart.allSatisfy(\.isNumber) {
            let n = Int(datePart)!
            (y, m, d) = (n / 10000, n / 100 % 100, n % 100)
        } else {
            var text = datePart
            var separator = ""
            if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
                text = String(text.dropLast()).replacingOccurrences(of: "年", with: "/").replacingOccurrences(of: "月", with: "/")
                separator = "/"
                guard !text.contains("-"), !text.contains(".") else { return nil }
            } else {
                separator = ["-", "/", "."].first { text.contains($0) } ?? ""
            }
            guard !separator.isEmpty else { return nil }
            let parts = text.components(separatedBy: separator)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                let yy = Int(parts[0]), let mm = Int(parts[1]), let dd = Int(parts[2])
            else { return nil }
            // `2022-04-26` is zero-padded; `2022/4/26`, `2022.4.26` and `2022年4月26日` are not.
            if separator == "-" && !datePart.contains("年") && (parts[1].count != 2 || parts[2].count != 2) { return nil }
            if separator != "-" && (parts[1].hasPrefix("0") || parts[2].hasPrefix("0")) { return nil }
            (y, m, d) = (yy, mm, dd)
        }
        return CivilDate(year: y, month: m, day: d)
    }

    static func canonical(_ kind: String, _ raw: String) -> String? {
        let t = fold(raw)
        for (value, synonyms) in enums[kind]! where value == t || synonyms.contains(t) { return value }
        return nil
    }

    init(folder: String, period: Period) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        func files(_ dataset: String) -> [String] {
            names.filter { $0.hasPrefix(dataset) }
        }
        // Units.
        var level: [String: String] = [:]
        var communityNames: [String: [String]] = [:]
        var streetNames: [String: [String]] = [:]
        for file in files("units") {
            rows: for (cells, where_) in try ContractCheck.rows(folder, file, "units", problems: &problems) {
                guard let id = cells["unit_id"], !id.isEmpty, let l = cells["level"].flatMap({ ContractCheck.canonical("level", $0) })
                else {
                    problems.append("\(where_.file):\(where_.line): bad unit")
                    continue rows
                }
                if level[id] != nil { problems.append("\(where_.file):\(where_.line): duplicate unit \(id)") }
                level[id] = l
                unitIds.append(id)
                if let p = cells["parent_id"], !p.isEmpty { parent[id] = p }
                let keys =
                    [cells["name"] ?? ""] + (cells["aliases"] ?? "").split(whereSeparator: { $0 == ";" || $0 == "；" }).map(String.init)
                for key in keys.map(ContractCheck.fold) where !key.isEmpty {
                    if l == "community" { communityNames[key, default: []].append(id) }
                    if l == "street" { streetNames[key, default: []].append(id) }
                }
            }
        }
        let ranks = ["city": 0, "district": 1, "street": 2, "community": 3, "grid": 4]
        for id in unitIds {
            if let p = parent[id] {
                guard let pl = level[p] else {
                    problems.append("unit \(id): unknown parent")
                    continue
                }
                if ranks[pl]! >= ranks[level[id]!]! { problems.append("unit \(id): level not below parent") }
            }
        }
        if unitIds.filter({ parent[$0] == nil }).count != 1 { problems.append("units: not exactly one root") }

        let parents = parent
        func resolve(_ cells: [String: String], allowGrid: Bool) -> String? {
            if allowGrid, let g = cells["grid_id"], !g.isEmpty { return level[g] == "grid" ? g : nil }
            if let u = cells["unit_id"], !u.isEmpty { return level[u] != nil ? u : nil }
            guard let c = cells["community"], !c.isEmpty else { return nil }
            var candidates = communityNames[ContractCheck.fold(c)] ?? []
            if let s = cells["street"], !s.isEmpty {
                let streets = Set(streetNames[ContractCheck.fold(s)] ?? [])
                candidates = candidates.filter { streets.contains(parents[$0] ?? "") }
            }
            return candidates.count == 1 ? candidates[0] : nil
        }

        // Grids.
        var seenGrids = Set<String>()
        for file in files("grids") {
            rows: for (cells, where_) in try ContractCheck.rows(folder, file, "grids", problems: &problems) {
                guard let g = cells["grid_id"], level[g] == "grid", seenGrids.insert(g).inserted else {
                    problems.append("\(where_.file):\(where_.line): grid id")
                    continue rows
                }
                var counts: [String: Int] = ["grids": 1]
                for column in [
                    "households", "residents", "party_members", "grid_workers", "building_party_groups", "party_member_households",
                ] {
                    guard let v = cells[column].flatMap(ContractCheck.integer) else {
                        problems.append("\(where_.file):\(where_.line): \(column)")
                        continue rows
                    }
                    counts[column] = v
                }
                guard let b = cells["has_party_branch"].flatMap(ContractCheck.boolean) else {
                    problems.append("\(where_.file):\(where_.line): branch")
                    continue rows
                }
                counts["branches"] = b ? 1 : 0
                gridsByUnit[g, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
        // Property companies.
        var seenCompanies = Set<String>()
        for file in files("property_companies") {
            rows: for (cells, where_) in try ContractCheck.rows(folder, file, "property_companies", problems: &problems) {
                guard let id = cells["company_id"], !id.isEmpty, seenCompanies.insert(id).inserted,
                    let name = cells["company_name"], !name.isEmpty
                else {
                    problems.append("\(where_.file):\(where_.line): company id/name")
                    continue rows
                }
                guard let unit = resolve(cells, allowGrid: false) else {
                    problems.append("\(where_.file):\(where_.line): unit")
                    continue rows
                }
                guard let estates = cells["estates_managed"].flatMap(ContractCheck.integer),
                    let type = cells["party_org_type"].flatMap({ ContractCheck.canonical("party_org_type", $0) }),
                    let instructor = cells["has_instructor"].flatMap(ContractCheck.boolean)
                else {
                    problems.append("\(where_.file):\(where_.line): values")
                    continue rows
                }
                if let m = cells["party_members"], !ContractCheck.isMissing(m), ContractCheck.integer(m) == nil {
                    problems.append("\(where_.file):\(where_.line): party_members")
                }
                companiesByUnit[unit, default: [:]].merge(
                    [
                        "companies": 1, "orgs": type == "none" ? 0 : 1, "instructors": instructor ? 1 : 0,
                        "work": (type != "none" || instructor) ? 1 : 0, "estates": estates,
                    ], uniquingKeysWith: +)
            }
        }
        // Services.
        var seenServices = Set<String>()
        for file in files("services") {
            rows: for (cells, where_) in try ContractCheck.rows(folder, file, "services", problems: &problems) {
                guard let id = cells["service_id"], !id.isEmpty, seenServices.insert(id).inserted else {
                    problems.append("\(where_.file):\(where_.line): id")
                    continue rows
                }
                guard let date = cells["date"].flatMap(ContractCheck.date) else {
                    problems.append("\(where_.file):\(where_.line): date \(cells["date"] ?? "")")
                    continue rows
                }
                guard let unit = resolve(cells, allowGrid: true) else {
                    problems.append("\(where_.file):\(where_.line): unit")
                    continue rows
                }
                guard cells["provider_type"].flatMap({ ContractCheck.canonical("provider_type", $0) }) != nil,
                    cells["category"].flatMap({ ContractCheck.canonical("service_category", $0) }) != nil
                else {
                    problems.append("\(where_.file):\(where_.line): enum")
                    continue rows
                }
                var numbers: [String: Int] = [:]
                for column in ["volunteers", "beneficiaries"] {
                    let raw = cells[column] ?? ""
                    if ContractCheck.isMissing(raw) {
                        numbers[column] = 0
                    } else if let v = ContractCheck.integer(raw) {
                        numbers[column] = v
                    } else {
                        problems.append("\(where_.file):\(where_.line): \(column) \(raw)")
                        continue rows
                    }
                }
                guard period.contains(date) else {
                    outOfPeriod.append((file, where_.line))
                    continue rows
                }
                servicesByUnit[unit, default: [:]].merge(
                    [
                        "delivered": 1, "volunteers": numbers["volunteers"]!,
                        "beneficiaries": numbers["beneficiaries"]!,
                    ], uniquingKeysWith: +)
            }
        }
        // Requests.
        var seenRequests = Set<String>()
        for file in files("requests") {
            rows: for (cells, where_) in try ContractCheck.rows(folder, file, "requests", problems: &problems) {
                guard let id = cells["request_id"], !id.isEmpty, seenRequests.insert(id).inserted else {
                    problems.append("\(where_.file):\(where_.line): id")
                    continue rows
                }
                guard let received = cells["received_at"].flatMap(ContractCheck.date) else {
                    problems.append("\(where_.file):\(where_.line): received_at")
                    continue rows
                }
                guard let unit = resolve(cells, allowGrid: true) else {
                    problems.append("\(where_.file):\(where_.line): unit")
                    continue rows
                }
                guard cells["channel"].flatMap({ ContractCheck.canonical("channel", $0) }) != nil,
                    let status = cells["status"].flatMap({ ContractCheck.canonical("status", $0) })
                else {
                    problems.append("\(where_.file):\(where_.line): channel/status")
                    continue rows
                }
                let closedRaw = cells["closed_at"] ?? ""
                var closed: CivilDate?
                if !ContractCheck.isMissing(closedRaw) {
                    guard let c = ContractCheck.date(closedRaw) else {
                        problems.append("\(where_.file):\(where_.line): closed_at \(closedRaw)")
                        continue rows
                    }
                    if c < received { problems.append("\(where_.file):\(where_.line): closed before received") }
                    closed = c
                } else if status == "resolved" || status == "explained" {
                    problems.append("\(where_.file):\(where_.line): closed_at missing")
                    continue rows
                }
                let satisfactionRaw = cells["satisfaction"] ?? ""
                var satisfaction: String?
                if !ContractCheck.isMissing(satisfactionRaw) {
                    guard let s = ContractCheck.canonical("satisfaction", satisfactionRaw) else {
                        problems.append("\(where_.file):\(where_.line): satisfaction")
                        continue rows
                    }
                    satisfaction = s
                }
                guard period.contains(received) else {
                    outOfPeriod.append((file, where_.line))
                    continue rows
                }
                var counts: [String: Int] = ["received": 1, status: 1]
                if let satisfaction { counts[satisfaction] = 1 }
                if status == "resolved", let closed {
                    let days = Int(closed.dayNumber - received.dayNumber)
                    counts["days"] = days
                    counts["ontime"] = days <= 15 ? 1 : 0
                }
                requestsByUnit[unit, default: [:]].merge(counts, uniquingKeysWith: +)
            }
        }
    }

    /// Reads one file and maps its header: the cells of each record by canonical name.
    private static func rows(
        _ folder: String, _ file: String, _ dataset: String,
        problems: inout [String]
    ) throws -> [([String: String], (file: String, line: Int))] {
        let csv: TestCSV
        do {
            csv = try TestCSV(path: folder + "/" + file)
        } catch {
            problems.append("\(file): unreadable: \(error)")
            return []
        }
        var lookup: [String: String] = [:]
        for (name, aliases) in ContractCheck.aliases[dataset]! {
            lookup[name] = name
            for a in aliases { lookup[ContractCheck.fold(a)] = name }
        }
        if dataset != "units" && dataset != "grids" {
            for (name, aliases) in ContractCheck.referenceAliases {
                if dataset == "property_companies" && name == "grid_id" { continue }
                lookup[name] = lookup[name] ?? name
                for a in aliases where lookup[ContractCheck.fold(a)] == nil { lookup[ContractCheck.fold(a)] = name }
            }
        }
        let columns = csv.header.map { lookup[ContractCheck.fold($0)] }
        for (index, column) in columns.enumerated() where column == nil {
            problems.append("\(file): unknown column \(csv.header[index])")
        }
        let known = columns.compactMap { $0 }
        if Set(known).count != known.count { problems.append("\(file): duplicate column") }
        var result: [([String: String], (file: String, line: Int))] = []
        for record in csv.records {
            guard record.cells.count == columns.count else {
                problems.append("\(file):\(record.line): \(record.cells.count) cells for \(columns.count) columns")
                continue
            }
            var cells: [String: String] = [:]
            for (index, column) in columns.enumerated() {
                if let column { cells[column] = record.cells[index].trimmingCharacters(in: .whitespaces) }
            }
            result.append((cells, (file, record.line)))
        }
        return result
    }

    /// The request counts of the subtree of `unitId` that `SampleRequestTotals` reports, in the
    /// order of `SampleRequestTotals.countsForComparison`, counted here from the files.
    func requestCounts(unitId: String) -> [Int] {
        [
            "received", "resolved", "in_progress", "explained", "open", "ontime", "days", "satisfied", "basically_satisfied",
            "dissatisfied",
        ].map { rolledUp(requestsByUnit, $0, unitId: unitId) }
    }

    /// Sum of one count over the subtree of `unitId`.
    func rolledUp(_ table: [String: [String: Int]], _ key: String, unitId: String) -> Int {
        table.reduce(0) { total, entry in
            var current: String? = entry.key
            while let c = current {
                if c == unitId { return total + (entry.value[key] ?? 0) }
                current = parent[c]
            }
            return total
        }
    }
}
