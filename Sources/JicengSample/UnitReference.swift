/// How one row names its unit: the texts for the `grid_id`, `unit_id`, `community` and `street`
/// columns of that row (empty when the column is absent or left blank).
///
/// It exists because contract §2 lets a row name its unit in several ways, and a messy drop uses
/// all of them: grid id, unit id, community name, alias, or name plus street.
struct UnitReference {
    var gridId = ByteSlice.empty
    var unitId = ByteSlice.empty
    var community = ByteSlice.empty
    var street = ByteSlice.empty
}

/// Chooses a `UnitReference` for a row, given which reference columns its file has.
///
/// The rule it keeps (contract §2): the first non-empty of grid_id, unit_id, community decides, so
/// a row that names a community by name leaves grid_id and unit_id blank, and a community name
/// shared by two streets is only used where the file has a street column.
final class UnitReferencePicker {
    let hasGridId: Bool
    let hasUnitId: Bool
    let hasCommunity: Bool
    let hasStreet: Bool
    let messy: Bool
    /// Whether a community named by name gets its street only when another community has the
    /// same name (a clean export's street column, left empty where the name alone is enough).
    let streetOnlyWhenNeeded: Bool

    private let unitIds: [ByteSlice]
    private let communityNames: [ByteSlice]
    private let communityAliases: [[ByteSlice]]
    private let streetNames: [ByteSlice]
    private let streetAliases: [[ByteSlice]]
    private let hierarchy: SampleHierarchy

    init(
        hierarchy: SampleHierarchy, pool: BytePool, messy: Bool,
        gridId: Bool, unitId: Bool, community: Bool, street: Bool, streetOnlyWhenNeeded: Bool = false
    ) {
        precondition(unitId || (community && street), "a file must be able to name every community")
        self.hierarchy = hierarchy
        self.messy = messy
        self.streetOnlyWhenNeeded = streetOnlyWhenNeeded
        hasGridId = gridId
        hasUnitId = unitId
        hasCommunity = community
        hasStreet = street
        unitIds = hierarchy.units.map { pool.field($0.id) }
        communityNames = hierarchy.communities.map { pool.field(hierarchy.units[$0].name) }
        communityAliases = hierarchy.communities.map { hierarchy.units[$0].aliases.map { pool.field($0) } }
        streetNames = hierarchy.streets.map { pool.field(hierarchy.units[$0].name) }
        streetAliases = hierarchy.streets.map { hierarchy.units[$0].aliases.map { pool.field($0) } }
    }

    /// The street column text for a community (name, or in messy files sometimes an alias).
    @inline(__always)
    private func streetText(community c: Int, rng: inout SampleRandom) -> ByteSlice {
        let s = hierarchy.streetOfCommunity[c]
        let aliases = streetAliases[s]
        if messy && !aliases.isEmpty && rng.chance(30) { return aliases[rng.below(aliases.count)] }
        return streetNames[s]
    }

    /// A reference to grid number `g` (position in `hierarchy.grids`).
    @inline(__always)
    func grid(_ g: Int, rng: inout SampleRandom) -> UnitReference {
        precondition(hasGridId || hasUnitId, "a file without grid_id or unit_id cannot name a grid")
        var r = UnitReference()
        let c = hierarchy.communityOfGrid[g]
        let id = unitIds[hierarchy.grids[g]]
        if hasGridId && (!hasUnitId || !messy || rng.chance(70)) {
            r.gridId = id
        } else {
            r.unitId = id
        }
        if messy {
            // Consistent but unused context, as exports carry it.
            if hasCommunity && rng.chance(50) { r.community = communityNames[c] }
            if hasStreet { r.street = streetText(community: c, rng: &rng) }
        }
        return r
    }

    /// A reference to community number `c` (position in `hierarchy.communities`).
    @inline(__always)
    func community(_ c: Int, rng: inout SampleRandom) -> UnitReference {
        var r = UnitReference()
        let byId = unitIds[hierarchy.communities[c]]
        let nameUsable = hasCommunity && (hasStreet || !hierarchy.ambiguousCommunityName[c])
        guard messy, nameUsable else {
            if hasUnitId {
                r.unitId = byId
            } else {
                r.community = communityNames[c]
                if hasStreet && (!streetOnlyWhenNeeded || hierarchy.ambiguousCommunityName[c]) {
                    r.street = streetText(community: c, rng: &rng)
                }
            }
            return r
        }
        let roll = rng.below(100)
        if hasUnitId && roll < 30 {
            r.unitId = byId
        } else if roll < 65 || communityAliases[c].isEmpty {
            r.community = communityNames[c]
        } else {
            let aliases = communityAliases[c]
            r.community = aliases[rng.below(aliases.count)]
        }
        if hasStreet { r.street = streetText(community: c, rng: &rng) }
        return r
    }
}
