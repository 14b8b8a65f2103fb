/// The enum values of contract §3 with the Chinese synonyms real exports use, and the other
/// stock texts of a drop (missing-value markers, boolean pairs, request categories).
///
/// It exists so that every writer draws its words from one list that mirrors the contract, and a
/// change of the contract's synonyms is made in one place.
enum SampleVocabulary {
    static let channels: [(canonical: String, synonyms: [String], weight: Int)] = [
        ("hotline", ["热线", "市民热线", "12345", "12345热线"], 55),
        ("online", ["网络", "网上", "网站", "微信", "民呼我应"], 20),
        ("media", ["媒体"], 3),
        ("visit", ["走访", "上门", "敲门行动"], 15),
        ("letter", ["来信", "来信来访"], 4),
        ("other", ["其他"], 3),
    ]

    /// In the order resolved, in_progress, explained, open (the order of `RequestStatusCounts`).
    static let statuses: [(canonical: String, synonyms: [String])] = [
        ("resolved", ["已解决", "已办结", "办结", "已回应解决"]),
        ("in_progress", ["办理中", "正在办理", "跟踪办理", "正在跟踪办理"]),
        ("explained", ["已解释", "已答复", "暂无法办理", "已做好解释"]),
        ("open", ["未办理", "待办", "未受理"]),
    ]

    /// In the order satisfied, basically_satisfied, dissatisfied.
    static let satisfaction: [(canonical: String, synonyms: [String])] = [
        ("satisfied", ["满意"]),
        ("basically_satisfied", ["基本满意"]),
        ("dissatisfied", ["不满意"]),
    ]

    /// The one word a single hotline system shows for each channel, status and satisfaction value
    /// (clean drops), in the orders of `channels`, `statuses` and `satisfaction`.
    static let systemChannels = ["热线", "网络", "媒体", "走访", "来信", "其他"]
    static let systemStatuses = ["已办结", "办理中", "已答复", "未受理"]
    static let systemSatisfaction = ["满意", "基本满意", "不满意"]

    static let providerTypes: [(canonical: String, synonyms: [String], weight: Int)] = [
        ("party_member", ["下沉党员", "在职党员", "党员"], 40),
        ("co_building_unit", ["共驻共建单位", "共建单位"], 15),
        ("volunteer", ["志愿者"], 20),
        ("social_org", ["社会组织"], 8),
        ("grid_worker", ["网格员"], 14),
        ("other", ["其他"], 3),
    ]

    /// The "seven colours" of seed 004 (红橙黄绿青蓝紫).
    static let sevenColours: [(canonical: String, synonyms: [String], weight: Int)] = [
        ("elderly", ["关爱老人"], 22),
        ("culture_sports", ["文化体育"], 14),
        ("livelihood", ["民生事务"], 20),
        ("youth", ["关心下一代"], 12),
        ("security", ["治安维稳"], 12),
        ("policy_law", ["政策法规"], 10),
        ("women", ["妇女维权"], 10),
    ]

    static let partyOrgTypes: [(canonical: String, synonyms: [String], weight: Int)] = [
        ("standalone", ["单独组建", "单独建立"], 40),
        ("joint", ["联合组建", "联合建立"], 25),
        ("affiliated", ["挂靠", "挂靠网格党支部"], 25),
        ("temporary", ["临时党组织", "临时党支部", "临时党小组"], 10),
    ]
    static let noPartyOrg: (canonical: String, synonyms: [String]) = ("none", ["未建立", "未组建", "无"])

    /// Level values per `UnitLevel` rank, with the Chinese forms of contract §3.
    static let levels: [(canonical: String, synonyms: [String])] = [
        ("city", ["市"]),
        ("district", ["区", "县", "县级市"]),
        ("street", ["街道", "乡镇"]),
        ("community", ["社区"]),
        ("grid", ["网格", "小区"]),
    ]

    /// (true, false) spellings.
    static let booleans: [(yes: String, no: String)] = [
        ("是", "否"), ("有", "无"), ("√", "×"), ("yes", "no"), ("true", "false"), ("y", "n"), ("1", "0"),
    ]

    /// Missing-value spellings (contract §2); the empty cell first.
    static let missing = ["", "-", "—", "N/A", "NA", "NULL", "null"]

    /// Everyday request categories (free text).
    static let requestCategories = [
        "物业管理", "环境卫生", "市容秩序", "道路交通", "供水供电", "燃气", "噪音扰民", "邻里纠纷", "社会保障",
        "医疗卫生", "教育", "房屋维修", "违章搭建", "停车管理", "绿化养护", "疫情防控", "劳动就业", "户籍办理",
        "老旧小区改造", "其他",
    ]

    /// Categories that need CSV quoting: commas, doubled quotes, a line break (messy drops only).
    static let awkwardRequestCategories = [
        "物业管理,停车收费",
        "关于\"三无\"小区管理",
        "路灯不亮, 请尽快维修",
        "下水道堵塞\n（多次反映）",
        "\"红色物业\"服务,收费公示",
    ]
}
