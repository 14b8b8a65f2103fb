/// Made-up but real-looking Chinese names for the synthetic city.
///
/// It exists so that demos and reports read like a real county-level city (the first names follow
/// the city of seed 004) while every name is invented; pools are extended with numbered names when
/// a configuration asks for more units than they hold.
enum SampleNames {
    static let city = "石首市"
    static let cityCode = "421081"
    static let district = "石首市城区"

    /// Streets with their aliases; the first two are the streets of seed 004.
    static let streets: [(name: String, aliases: [String])] = [
        ("绣林街道", ["绣林", "绣林街道办事处"]),
        ("笔架山街道", ["笔架山", "笔架山街道办事处"]),
        ("江岸街道", ["江岸"]),
        ("南岳街道", []),
        ("望江街道", []),
        ("东湖街道", []),
    ]

    /// Communities per street for the first two streets (7 + 6 = 13, as in seed 004). `新建社区`
    /// exists under both streets; `绣林社区` shares the alias `绣林` with its street.
    static let firstStreetCommunities: [(name: String, aliases: [String], separator: String)] = [
        ("栗田湖社区", ["栗田湖", "栗田湖社区居委会"], ";"),
        ("金银社区", ["金银", "金银社区居委会"], "；"),
        ("绣林社区", ["绣林"], ";"),
        ("东岳山社区", [], ";"),
        ("江汉路社区", ["江汉路"], ";"),
        ("南门社区", [], ";"),
        ("新建社区", [], ";"),
    ]
    static let secondStreetCommunities: [(name: String, aliases: [String], separator: String)] = [
        ("山底湖社区", ["山底湖"], ";"),
        ("红星社区", [], ";"),
        ("桃花坊社区", ["桃花坊", "桃花坊居委会"], "；"),
        ("楚望台社区", [], ";"),
        ("新厂社区", ["新厂"], ";"),
        ("新建社区", [], ";"),
    ]
    /// Further community names for larger configurations.
    static let moreCommunities = [
        "长春社区", "建设路社区", "团结社区", "民主社区", "向阳社区", "江南社区", "玉泉社区", "月亮湾社区",
        "北门社区", "西城社区", "东方社区", "南湖社区", "文庙社区", "石林社区", "河口社区", "中山社区",
    ]

    /// Estate (小区) names used for some grids and for the estates of property companies.
    static let estatePrefixes = [
        "锦绣", "阳光", "翰林", "滨江", "金色", "丽景", "绿洲", "书香", "江南", "天鹅",
        "桃源", "和平", "幸福", "福星", "东方", "碧水", "清华", "枫林", "荆江", "莲花",
    ]
    static let estateSuffixes = ["花园", "家园", "苑", "名都", "雅居", "华府", "新村", "嘉园"]

    /// Property-company name cores.
    static let companyCores = [
        "锦程", "安居", "惠民", "江城", "恒信", "立达", "华庭", "众和", "顺安", "新锐",
        "宏远", "佳美", "绿源", "荆楚", "金盾", "和谐", "德邦", "瑞祥", "鼎盛", "长江",
        "益家", "康居", "诚信", "嘉禾", "万安", "福源", "兴业", "美佳", "君安",
        "宜居", "同心", "鑫盛", "润泽", "清风", "丰泰",
    ]
    static let companyForms = ["物业服务有限公司", "物业管理有限公司", "物业服务有限责任公司"]

    /// Chinese numerals for grid names (第一网格…).
    static func chineseNumber(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        return String(n)
    }
}
