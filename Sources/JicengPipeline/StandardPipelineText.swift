// Generated from Pipelines/standard.yaml by Pipelines/embed-standard.sh: edit the YAML, then rerun.

/// The text of `Pipelines/standard.yaml`, built into the binary so that `jiceng` runs the
/// standard pipeline from any folder without the repository next to it.
///
/// Kept byte-identical to the file by a test; regenerate with `sh Pipelines/embed-standard.sh`.
public enum StandardPipelineText {
    public static let yaml = #"""
# =============================================================================
# 基层治理季度指标 · 标准流水线（数据约定 v1）
# Jiceng standard quarterly pipeline (data contract v1)
# =============================================================================
#
# 本文件说明：数据包里有哪些表、每列叫什么（含中文表头别名）、取值的同义写法、
# 如何计数（measures）以及报告哪些指标（indicators）。改这个文件就能增加指标，
# 不需要改程序。文件写错时（拼错的键、引用不存在的列或指标），程序会报出行号和键名。
#
# This file declares the datasets of a data drop (columns, Chinese header
# aliases, value synonyms), the measures counted over their rows, and the
# indicators reported. Edit it to add an indicator; no Swift change is needed.
# Every mistake (a misspelt key, a reference to a missing column or measure)
# is reported with the line and the key path. Full guide: Pipelines/README.md.
#
# 文件结构 / Shape of the file:
#
#   name: …                       流水线名称 / pipeline name
#   version: 1                    版本 / version
#   parameters: {name: number}    条件里用 $name 引用的参数 / numbers used as $name
#   targets_file: targets.csv     年度目标文件（相对本文件）/ yearly targets, relative to this file
#   levels: {level: [同义词]}     层级的其他写法 / other spellings of the five levels
#   datasets:                     数据表 / datasets
#     <dataset>:
#       title: {zh: …, en: …}
#       role: hierarchy | facts   组织架构表只有一个 / exactly one hierarchy (units)
#       required: true|false      缺少必需表是错误 / a missing required dataset is an error
#       unit_reference: [列, …]   行所属单位的列，按优先顺序 / unit columns, in precedence order
#       period_column: <date 列>  决定是否在统计期内 / the date that decides the period
#       columns:
#         <column>: {type: …, required: …, unique: …, default: …, aliases: […], title: …}
#           type: text | integer | boolean | date | enum | level | unit_reference
#           default: 该列缺失或为空时的取值，任何类型 / the value where a row has none,
#             any type (default: online; 0; true; 2022-04-01); 有默认值的列可以不在表头中
#           enum 列另有 values: {<value>: {title: …, synonyms: […]}}
#           unit_reference 列另有 role: grid | unit | community | street
#       derived: {<name>: {formula: days_between, from: <date>, to: <date>}}
#       rules: [{rule: required_when, column: …, when: <条件>},
#               {rule: not_before, column: …, reference: …}]
#   measures:                     计数或求和（逐单位，向上汇总）/ counts and sums per unit
#     <measure>: {dataset: …, aggregate: count | sum | distinct_count, column: …, where: <条件>}
#   indicators:                   报告的指标 / reported indicators
#     <indicator>: {title: {zh, en}, value: <measure>, display: count}
#     <indicator>: {title: {zh, en}, numerator: <m>, denominator: <m>, factor: 1, display: percent}
#   report: {headline: […], rankings: […], bar_charts: […], breakdowns: {…}}
#
# 条件写法 / Conditions (where:, when:):
#   status = resolved          status != open          days_to_close <= $ontime_limit_days
#   satisfaction in (satisfied, basically_satisfied)   satisfaction is set
#   has_instructor             （单独写是/否列名 = 为“是” / a yes-no column alone means true）
#   not (…)、括号；and 优先于 or / parentheses; 'and' binds tighter than 'or'.
#   含逗号的条件放在 {…} 里时要加引号 / quote a condition that contains a comma inside {…}.
#
# 表头和取值匹配时忽略首尾空格、全角/半角和大小写；值的英文名本身也可以直接使用。
# Headers and values match after trimming, full-width → half-width folding and
# ignoring case.

name: standard
version: 1

# -----------------------------------------------------------------------------
# 参数 / Parameters: 条件中以 $名称 使用 / used in conditions as $name.
# -----------------------------------------------------------------------------
parameters:
  ontime_limit_days: 15         # 按时办结时限（天）/ on-time limit in calendar days

# 年度目标文件，路径相对于本文件所在文件夹 / yearly targets, relative to this file's folder.
targets_file: targets.csv

# -----------------------------------------------------------------------------
# 层级 / Levels: units.level 列可用的其他写法（英文名本身总是可用）。
# Other spellings accepted in units.level (the English names always work).
# -----------------------------------------------------------------------------
levels:
  city:      [市]
  district:  [区, 县, 县级市]
  street:    [街道, 乡镇, 镇, 乡]
  community: [社区, 村]
  grid:      [网格, 小区]

# =============================================================================
# 数据表 / Datasets (contract §3). 列名后注明的是导出文件常用的中文表头。
# Columns list the Chinese headers real exports use as aliases.
# =============================================================================
datasets:

  # ---------------------------------------------------------------------------
  # 组织架构：每行一个单位（市、区县、街道乡镇、社区村、网格）。数据包必须有此表。
  # units: one organisational unit per row; the hierarchy. Required in every drop.
  # ---------------------------------------------------------------------------
  units:
    title: {zh: 组织架构, en: Units}
    role: hierarchy
    required: true
    columns:
      unit_id:   {type: text,  required: true, unique: true, aliases: [单位编码, 编码, 代码], title: 单位编码}
      name:      {type: text,  required: true, aliases: [名称, 单位名称], title: 单位名称}
      level:     {type: level, required: true, aliases: [层级, 级别], title: 层级}
      # 根单位的上级编码为空 / empty only for the root
      parent_id: {type: text,  required: true, value_required: false, aliases: [上级编码, 上级单位编码], title: 上级单位编码}
      # 多个别名用 ; 或 ； 分隔 / several names separated by ; or ；
      aliases:   {type: text,  aliases: [别名], title: 别名}
      type:      {type: text,  aliases: [类型], title: 类型}

  # ---------------------------------------------------------------------------
  # 网格基本情况：期末快照，每个网格一行。
  # grids: one grid per row, a snapshot at the end of the period.
  # ---------------------------------------------------------------------------
  grids:
    title: {zh: 网格基本情况, en: Grids}
    # grid_id 既是主键，也是所属网格 / grid_id is both the key and the unit reference
    unit_reference: [grid_id]
    columns:
      grid_id:                 {type: unit_reference, role: grid, required: true, unique: true, aliases: [网格编码, 网格编号], title: 网格编码}
      households:              {type: integer, required: true, aliases: [户数, 住户数], title: 户数}
      residents:               {type: integer, required: true, aliases: [常住人口, 人口数, 居民数], title: 常住人口}
      party_members:           {type: integer, required: true, aliases: [党员数, 党员人数], title: 党员数}
      has_party_branch:        {type: boolean, required: true, aliases: [网格党支部, 是否建立网格党支部], title: 是否建立网格党支部}
      building_party_groups:   {type: integer, aliases: [楼栋党小组数], title: 楼栋党小组数}
      party_member_households: {type: integer, aliases: [党员中心户数], title: 党员中心户数}
      grid_workers:            {type: integer, required: true, aliases: [网格员数, 网格员人数], title: 网格员数}

  # ---------------------------------------------------------------------------
  # 物业企业党组织：期末快照，每家物业企业一行。
  # property_companies: one company per row, a snapshot at the end of the period.
  # ---------------------------------------------------------------------------
  property_companies:
    title: {zh: 物业企业党组织, en: Property-management companies}
    # 每行用第一个非空的列确定所属单位；street 用于区分同名社区，其他列都为空时
    # 单独把该行计入街道（数据约定 v2 §9）。
    # In each row the first non-empty column names the unit; street tells apart
    # communities of the same name, and places the row at the street when no
    # other column is given (contract v2 §9).
    unit_reference: [unit_id, community, street]
    columns:
      company_id:      {type: text, required: true, unique: true, aliases: [企业编码, 统一社会信用代码], title: 企业编码}
      company_name:    {type: text, required: true, aliases: [企业名称, 物业企业名称], title: 物业企业名称}
      unit_id:         {type: unit_reference, role: unit, aliases: [单位编码], title: 单位编码}
      community:       {type: unit_reference, role: community, aliases: [社区, 所属社区, 社区名称], title: 所属社区}
      street:          {type: unit_reference, role: street, aliases: [街道, 所属街道, 街道名称, 乡镇], title: 所属街道}
      estates_managed: {type: integer, required: true, aliases: [在管小区数, 服务小区数], title: 在管小区数}
      party_org_type:
        type: enum
        required: true
        aliases: [党组织组建方式, 组建形式]
        title: 党组织组建方式
        values:
          standalone: {title: 单独组建,   synonyms: [单独组建, 单独建立]}
          joint:      {title: 联合组建,   synonyms: [联合组建, 联合建立]}
          affiliated: {title: 挂靠组建,   synonyms: [挂靠, 挂靠网格党支部]}
          temporary:  {title: 临时党组织, synonyms: [临时党组织, 临时党支部, 临时党小组]}
          none:       {title: 未建立,     synonyms: [未建立, 未组建, 无]}
      has_instructor:  {type: boolean, required: true, aliases: [党建指导员, 是否选派党建指导员], title: 是否选派党建指导员}
      party_members:   {type: integer, aliases: [党员数], title: 党员数}

  # ---------------------------------------------------------------------------
  # 服务记录：每次服务活动一行；按 date 计入统计期。
  # services: one service activity per row; counted in the period of its date.
  # ---------------------------------------------------------------------------
  services:
    title: {zh: 服务记录, en: Services}
    unit_reference: [grid_id, unit_id, community, street]
    period_column: date
    columns:
      service_id:    {type: text, required: true, unique: true, aliases: [服务编号, 记录编号], title: 服务编号}
      date:          {type: date, required: true, aliases: [服务日期, 日期], title: 服务日期}
      grid_id:       {type: unit_reference, role: grid, aliases: [网格编码, 网格编号], title: 网格编码}
      unit_id:       {type: unit_reference, role: unit, aliases: [单位编码], title: 单位编码}
      community:     {type: unit_reference, role: community, aliases: [社区, 所属社区, 社区名称], title: 所属社区}
      street:        {type: unit_reference, role: street, aliases: [街道, 所属街道, 街道名称, 乡镇], title: 所属街道}
      provider_type:
        type: enum
        required: true
        aliases: [服务主体类型]
        title: 服务主体类型
        values:
          party_member:     {title: 下沉党员,     synonyms: [下沉党员, 在职党员, 党员]}
          co_building_unit: {title: 共驻共建单位, synonyms: [共驻共建单位, 共建单位]}
          volunteer:        {title: 志愿者,       synonyms: [志愿者]}
          social_org:       {title: 社会组织,     synonyms: [社会组织]}
          grid_worker:      {title: 网格员,       synonyms: [网格员]}
          other:            {title: 其他,         synonyms: [其他]}
      # “七色工作法”的七个专业，另加环境整治和其他 / the "seven colours" of seed 004, plus two
      category:
        type: enum
        required: true
        aliases: [服务类别]
        title: 服务类别
        values:
          elderly:        {title: 关爱老人,   synonyms: [关爱老人]}
          culture_sports: {title: 文化体育,   synonyms: [文化体育]}
          livelihood:     {title: 民生事务,   synonyms: [民生事务]}
          youth:          {title: 关心下一代, synonyms: [关心下一代]}
          security:       {title: 治安维稳,   synonyms: [治安维稳]}
          policy_law:     {title: 政策法规,   synonyms: [政策法规]}
          women:          {title: 妇女维权,   synonyms: [妇女维权]}
          environment:    {title: 环境整治,   synonyms: [环境整治]}
          other:          {title: 其他,       synonyms: [其他]}
      # 空值按 0 计 / an empty cell counts as 0
      volunteers:    {type: integer, default: 0, aliases: [参与人次, 志愿者人次], title: 参与人次}
      beneficiaries: {type: integer, default: 0, aliases: [受益人次, 服务人次], title: 受益人次}

  # ---------------------------------------------------------------------------
  # 群众诉求：每件诉求（工单）一行；按 received_at 计入统计期。
  # requests: one citizen request per row; counted in the period of received_at.
  # ---------------------------------------------------------------------------
  requests:
    title: {zh: 群众诉求, en: Citizen requests}
    unit_reference: [grid_id, unit_id, community, street]
    period_column: received_at
    columns:
      request_id:  {type: text, required: true, unique: true, aliases: [诉求编号, 工单编号, 工单号], title: 诉求编号}
      received_at: {type: date, required: true, aliases: [受理时间, 受理日期, 登记时间], title: 受理时间}
      channel:
        type: enum
        required: true
        aliases: [渠道, 受理渠道, 来源]
        title: 受理渠道
        values:
          hotline: {title: 热线,     synonyms: [热线, 市民热线, "12345", 12345热线]}
          online:  {title: 网络,     synonyms: [网络, 网上, 网站, 微信, 民呼我应]}
          media:   {title: 媒体,     synonyms: [媒体]}
          visit:   {title: 走访,     synonyms: [走访, 上门, 敲门行动]}
          letter:  {title: 来信来访, synonyms: [来信, 来信来访]}
          other:   {title: 其他,     synonyms: [其他]}
      grid_id:     {type: unit_reference, role: grid, aliases: [网格编码, 网格编号], title: 网格编码}
      unit_id:     {type: unit_reference, role: unit, aliases: [单位编码], title: 单位编码}
      community:   {type: unit_reference, role: community, aliases: [社区, 所属社区, 社区名称], title: 所属社区}
      street:      {type: unit_reference, role: street, aliases: [街道, 所属街道, 街道名称, 乡镇], title: 所属街道}
      category:    {type: text, aliases: [诉求类别, 类别], title: 诉求类别}
      status:
        type: enum
        required: true
        aliases: [办理状态, 状态]
        title: 办理状态
        values:
          resolved:    {title: 已解决, synonyms: [已解决, 已办结, 办结, 已回应解决]}
          in_progress: {title: 办理中, synonyms: [办理中, 正在办理, 跟踪办理, 正在跟踪办理]}
          explained:   {title: 已解释, synonyms: [已解释, 已答复, 暂无法办理, 已做好解释]}
          open:        {title: 未办理, synonyms: [未办理, 待办, 未受理]}
      closed_at:   {type: date, aliases: [办结时间, 办结日期], title: 办结时间}
      # 可以为空（未回访）/ may be empty (no follow-up call)
      satisfaction:
        type: enum
        aliases: [满意度, 回访满意度]
        title: 回访满意度
        values:
          satisfied:           {title: 满意,     synonyms: [满意]}
          basically_satisfied: {title: 基本满意, synonyms: [基本满意]}
          dissatisfied:        {title: 不满意,   synonyms: [不满意]}
    # 由其他列计算的列 / columns computed from others
    derived:
      # 从受理到办结的自然日天数 / calendar days from received_at to closed_at
      days_to_close: {formula: days_between, from: received_at, to: closed_at}
    # 行内检查 / checks within a row
    rules:
      # 已解决或已解释的诉求必须有办结时间（否则 missing-value）
      # a resolved or explained request needs closed_at (else missing-value)
      - rule: required_when
        column: closed_at
        when: status in (resolved, explained)
      # 办结时间不能早于受理时间（否则 rule-error）
      # closed_at must not be before received_at (else rule-error)
      - rule: not_before
        column: closed_at
        reference: received_at

# =============================================================================
# 度量 / Measures: 每个单位的计数或求和，再沿组织架构向上汇总。
# Counts and sums per unit, rolled up the hierarchy. Indicators divide them.
#   aggregate: count（行数 / rows）| sum（列求和 / sum of a column）| distinct_count
#   where: 条件，只统计满足条件的行 / only rows meeting the condition count
# =============================================================================
measures:

  # 群众诉求 / requests
  requests_received:         {dataset: requests, aggregate: count}
  requests_resolved:         {dataset: requests, aggregate: count, where: status = resolved}
  requests_in_progress:      {dataset: requests, aggregate: count, where: status = in_progress}
  requests_explained:        {dataset: requests, aggregate: count, where: status = explained}
  requests_open:             {dataset: requests, aggregate: count, where: status = open}
  requests_responded:        {dataset: requests, aggregate: count, where: "status in (resolved, in_progress, explained)"}
  requests_resolved_on_time: {dataset: requests, aggregate: count, where: status = resolved and days_to_close <= $ontime_limit_days}
  days_to_close_resolved:    {dataset: requests, aggregate: sum, column: days_to_close, where: status = resolved}
  requests_satisfied:        {dataset: requests, aggregate: count, where: "satisfaction in (satisfied, basically_satisfied)"}
  requests_rated:            {dataset: requests, aggregate: count, where: satisfaction is set}

  # 网格 / grids
  grids:                     {dataset: grids, aggregate: count}
  grid_party_branches:       {dataset: grids, aggregate: count, where: has_party_branch}
  building_party_groups:     {dataset: grids, aggregate: sum, column: building_party_groups}
  party_member_households:   {dataset: grids, aggregate: sum, column: party_member_households}
  party_members:             {dataset: grids, aggregate: sum, column: party_members}
  households:                {dataset: grids, aggregate: sum, column: households}
  residents:                 {dataset: grids, aggregate: sum, column: residents}
  grid_workers:              {dataset: grids, aggregate: sum, column: grid_workers}

  # 物业企业 / property companies
  property_companies:        {dataset: property_companies, aggregate: count}
  property_party_orgs:       {dataset: property_companies, aggregate: count, where: party_org_type != none}
  property_instructors:      {dataset: property_companies, aggregate: count, where: has_instructor}
  property_party_work:       {dataset: property_companies, aggregate: count, where: party_org_type != none or has_instructor}
  estates_managed:           {dataset: property_companies, aggregate: sum, column: estates_managed}

  # 服务 / services
  services_delivered:        {dataset: services, aggregate: count}
  service_volunteers:        {dataset: services, aggregate: sum, column: volunteers}
  service_beneficiaries:     {dataset: services, aggregate: sum, column: beneficiaries}

# =============================================================================
# 指标 / Indicators (contract §5): 名称不要改，输出和目标文件都用这些名称。
# Keep the names: indicators.csv and the targets file use them.
#   value: <度量>                      直接取度量值 / a measure's value
#   numerator / denominator [× factor] 比率：分子之和 / 分母之和（不是下级比率的平均）
#                                      ratio of sums over the subtree, never an average
#   display: count（整数）| percent（百分比）| decimal（两位小数）
# 新增指标只需几行，例如 / adding one takes a few lines, e.g.:
#   requests_by_hotline_share:
#     title: {zh: 热线诉求占比, en: Hotline share}
#     numerator: requests_hotline        # 先在 measures 里加这个度量 / add this measure first
#     denominator: requests_received
#     display: percent
# =============================================================================
indicators:

  # ---- 群众诉求 / Citizen requests ----
  requests_received:
    title: {zh: 受理诉求数, en: Requests received}
    value: requests_received
    display: count
  requests_resolved:
    title: {zh: 已解决诉求数, en: Requests resolved}
    value: requests_resolved
    display: count
  requests_in_progress:
    title: {zh: 办理中诉求数, en: Requests in progress}
    value: requests_in_progress
    display: count
  requests_explained:
    title: {zh: 已解释诉求数, en: Requests answered with an explanation}
    value: requests_explained
    display: count
  requests_open:
    title: {zh: 未办理诉求数, en: Requests not yet handled}
    value: requests_open
    display: count
  resolution_rate:
    title: {zh: 诉求解决率, en: Resolution rate}
    numerator: requests_resolved
    denominator: requests_received
    display: percent
  response_rate:
    title: {zh: 诉求响应率, en: Response rate}
    numerator: requests_responded
    denominator: requests_received
    display: percent
  ontime_rate:
    title: {zh: 按时办结率, en: On-time resolution rate}
    numerator: requests_resolved_on_time
    denominator: requests_resolved
    display: percent
  mean_days_to_close:
    title: {zh: 平均办结天数, en: Mean days to close}
    numerator: days_to_close_resolved
    denominator: requests_resolved
    display: decimal
  satisfaction_rate:
    title: {zh: 群众满意率, en: Satisfaction rate}
    numerator: requests_satisfied
    denominator: requests_rated
    display: percent

  # ---- 网格 / Grids ----
  grids:
    title: {zh: 网格数, en: Grids}
    value: grids
    display: count
  grid_party_branches:
    title: {zh: 网格党支部数, en: Grid Party branches}
    value: grid_party_branches
    display: count
  grid_party_branch_coverage:
    title: {zh: 网格党支部覆盖率, en: Grid Party branch coverage}
    numerator: grid_party_branches
    denominator: grids
    display: percent
  building_party_groups:
    title: {zh: 楼栋党小组数, en: Building Party groups}
    value: building_party_groups
    display: count
  party_member_households:
    title: {zh: 党员中心户数, en: Party-member households}
    value: party_member_households
    display: count
  party_members:
    title: {zh: 网格党员数, en: Party members in grids}
    value: party_members
    display: count
  households:
    title: {zh: 户数, en: Households}
    value: households
    display: count
  residents:
    title: {zh: 常住人口, en: Residents}
    value: residents
    display: count
  grid_workers:
    title: {zh: 网格员数, en: Grid workers}
    value: grid_workers
    display: count
  residents_per_grid_worker:
    title: {zh: 网格员人均服务人口, en: Residents per grid worker}
    numerator: residents
    denominator: grid_workers
    display: decimal

  # ---- 物业企业 / Property-management companies ----
  property_companies:
    title: {zh: 物业企业数, en: Property-management companies}
    value: property_companies
    display: count
  property_party_orgs:
    title: {zh: 建立党组织的物业企业数, en: Companies with a Party organisation}
    value: property_party_orgs
    display: count
  property_party_org_coverage:
    title: {zh: 物业企业党组织覆盖率, en: Party organisation coverage of property companies}
    numerator: property_party_orgs
    denominator: property_companies
    display: percent
  property_instructors:
    title: {zh: 选派党建指导员的物业企业数, en: Companies with a Party-building instructor}
    value: property_instructors
    display: count
  # 有党组织或有党建指导员即算“党的工作覆盖” / a Party organisation or an instructor counts
  property_party_work_coverage:
    title: {zh: 物业企业党的工作覆盖率, en: Party work coverage of property companies}
    numerator: property_party_work
    denominator: property_companies
    display: percent
  estates_managed:
    title: {zh: 在管小区数, en: Estates managed}
    value: estates_managed
    display: count

  # ---- 服务 / Services ----
  services_delivered:
    title: {zh: 服务活动次数, en: Services delivered}
    value: services_delivered
    display: count
  service_volunteers:
    title: {zh: 服务参与人次, en: Service volunteers (person-times)}
    value: service_volunteers
    display: count
  service_beneficiaries:
    title: {zh: 服务受益人次, en: Service beneficiaries (person-times)}
    value: service_beneficiaries
    display: count
  # 常住人口来自网格表 / residents come from the grids dataset
  services_per_1000_residents:
    title: {zh: 每千名常住人口服务次数, en: "Services per 1,000 residents"}
    numerator: services_delivered
    denominator: residents
    factor: 1000
    display: decimal

# =============================================================================
# 报告 / Report: 领导报告中先看什么 / what the leadership report shows first.
# =============================================================================
report:
  # 报告开头的关键指标 / headline figures at the top
  headline:
    - resolution_rate
    - response_rate
    - ontime_rate
    - satisfaction_rate
    - grid_party_branch_coverage
    - property_party_org_coverage
    - property_party_work_coverage
    - services_per_1000_residents
  # 按单位排名的比率 / rates units are ranked on
  rankings:
    - resolution_rate
    - response_rate
    - grid_party_branch_coverage
    - property_party_org_coverage
  # 按单位画柱状图（含目标线）/ bar charts by unit, with the target as a line
  bar_charts:
    - resolution_rate
    - grid_party_branch_coverage
    - property_party_org_coverage
  # 按枚举列分类计数的图 / counts by the values of an enum column
  breakdowns:
    requests_by_status:   {dataset: requests, column: status,   title: {zh: 诉求办理状态, en: Requests by status}}
    requests_by_channel:  {dataset: requests, column: channel,  title: {zh: 诉求受理渠道, en: Requests by channel}}
    services_by_category: {dataset: services, column: category, title: {zh: 服务类别, en: Services by category}}

"""#
}
