import GRDB

/// The rows of the store's small tables as GRDB records (the bulk tables, `measure_total` and
/// `indicator_row`, are written with prepared statements and read with cursors instead).
///
/// Column names are the properties' names in snake case (see `HistorySchema`).
struct StoredRun: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var pipeline: String
    var period: String
    var year: Int
    var quarter: Int?
    var recordedAt: String
    var toolVersion: String
    var unitCount: Int
    var rowCount: Int

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of `run_input`.
struct StoredInput: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_input"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var runId: Int64
    var ord: Int
    var dataset: String
    var file: String
    var sha256: String
    var bytes: Int64
    var rowsRead: Int64
    var rowsAccepted: Int64
}

/// A row of `run_measure`.
struct StoredMeasure: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_measure"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var runId: Int64
    var ord: Int
    var name: String
    var dataset: String
    var accumulation: String
    var aggregation: String
}

/// A row of `run_indicator`.
struct StoredIndicator: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_indicator"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var runId: Int64
    var ord: Int
    var name: String
}

/// A row of `run_unit`.
struct StoredUnit: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_unit"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var runId: Int64
    var ord: Int
    var unitId: String
    var name: String
    var level: String
    var parentOrd: Int?
}
