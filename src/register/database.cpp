// SQLite for the register: errors in words, statements, schema migrations.
#include "database.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <iterator>

namespace plancon::register_detail {

namespace {

// Marks an SQLite file as a plancon register (PRAGMA application_id): a
// foreign database is refused before anything is read from it. "PLNC".
constexpr std::int64_t application_id = 0x504C4E43;

// migrations[v] takes a register from schema version v to v + 1. Never edit
// one that has shipped: add the next.
const char* const migrations[] = {
    // 0 -> 1: the first schema.
    R"sql(
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (0);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    as_of TEXT NOT NULL,
    options TEXT NOT NULL,
    plancon_version TEXT NOT NULL);
CREATE TABLE run_inputs (
    run INTEGER NOT NULL REFERENCES runs(id),
    file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (run, file));
CREATE TABLE actions (
    code TEXT PRIMARY KEY,
    first_run INTEGER NOT NULL REFERENCES runs(id));
CREATE TABLE action_states (
    run INTEGER NOT NULL REFERENCES runs(id),
    code TEXT NOT NULL REFERENCES actions(code),
    text TEXT NOT NULL,
    ref TEXT NOT NULL,
    services TEXT NOT NULL,
    leads TEXT NOT NULL,
    due TEXT NOT NULL,
    due_as_written TEXT NOT NULL,
    status TEXT NOT NULL,
    percent REAL,
    progress TEXT NOT NULL,
    priority_code TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (run, code));
CREATE TABLE action_sources (
    run INTEGER NOT NULL REFERENCES runs(id),
    code TEXT NOT NULL REFERENCES actions(code),
    file TEXT NOT NULL,
    sheet TEXT NOT NULL,
    row INTEGER NOT NULL,
    ref TEXT NOT NULL,
    text TEXT NOT NULL);
CREATE INDEX action_sources_by_code ON action_sources (code);
CREATE TABLE lineage (
    run INTEGER NOT NULL REFERENCES runs(id),
    change TEXT NOT NULL CHECK (change IN ('merged', 'split')),
    code TEXT NOT NULL REFERENCES actions(code),
    other_code TEXT NOT NULL REFERENCES actions(code));
CREATE TABLE decisions (
    run INTEGER NOT NULL REFERENCES runs(id),
    kind TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    origin TEXT NOT NULL);
)sql",
    // 1 -> 2: due dates and leads an officer filled in on a reviewed workbook (--corrections).
    R"sql(
CREATE TABLE corrections (
    run INTEGER NOT NULL REFERENCES runs(id),
    code TEXT NOT NULL REFERENCES actions(code),
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    origin TEXT NOT NULL);
)sql",
};
static_assert(std::size(migrations) == register_schema_version, "one migration per schema version");

std::int64_t pragma_integer(Database& db, const char* pragma) {
    Statement s(db, pragma);
    return s.step() ? s.integer(0) : 0;
}

bool has_table(Database& db, const char* name) {
    Statement s(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    s.bind(1, std::string(name));
    return s.step();
}

// The schema version of a plancon register; 0 for an empty database.
// Refuses anything else.
std::int64_t schema_version(Database& db) {
    const std::int64_t id = pragma_integer(db, "PRAGMA application_id");
    const bool empty = pragma_integer(db, "SELECT count(*) FROM sqlite_schema") == 0;
    if (empty && id == 0) return 0;
    if (id != application_id || !has_table(db, "schema_version"))
        throw RegisterError(db.path(), "not a plancon register (an SQLite database of something else)");
    Statement s(db, "SELECT version FROM schema_version");
    if (!s.step()) throw RegisterError(db.path(), "damaged register: no schema version");
    const std::int64_t version = s.integer(0);
    if (version > register_schema_version)
        throw RegisterError(db.path(), "register of schema version " + std::to_string(version) +
                                           ", newer than this plancon's (" + std::to_string(register_schema_version) +
                                           "); use a newer plancon");
    if (version < 0) throw RegisterError(db.path(), "damaged register: schema version " + std::to_string(version));
    return version;
}

void check_integrity(Database& db) {
    Statement s(db, "PRAGMA quick_check(1)");
    if (s.step() && s.text(0) != "ok") throw RegisterError(db.path(), "damaged register (SQLite: " + s.text(0) + ")");
}

}  // namespace

Database::Database(std::string path, int flags) : path_(std::move(path)) {
    const int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        // A connection that failed to open is still a connection to close
        // (the destructor does not run for a constructor that throws).
        try {
            fail(rc, "cannot open the register");
        } catch (...) {
            sqlite3_close_v2(db_);
            db_ = nullptr;
            throw;
        }
    }
    sqlite3_extended_result_codes(db_, 0);
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::exec(const char* sql) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, "");
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

void Database::fail(int code, const std::string& doing) const {
    const std::string prefix = doing.empty() ? "" : doing + ": ";
    const char* reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
    switch (code & 0xff) {
        case SQLITE_NOTADB: throw RegisterError(path_, "not a plancon register (not an SQLite database)");
        case SQLITE_CORRUPT: throw RegisterError(path_, "damaged register (SQLite: " + std::string(reason) + ")");
        case SQLITE_BUSY:
        case SQLITE_LOCKED: throw RegisterError(path_, "another run is using the register; try again when it ends");
        case SQLITE_READONLY: throw RegisterError(path_, "cannot write the register (read-only)");
        case SQLITE_FULL: throw RegisterError(path_, "cannot write the register: the disk is full");
        case SQLITE_CANTOPEN: {
            const int err = db_ ? sqlite3_system_errno(db_) : 0;
            throw RegisterError(path_, "cannot open the register" + (err ? ": " + std::string(std::strerror(err)) : ""));
        }
        default: throw RegisterError(path_, prefix + "SQLite: " + reason);
    }
}

Statement::Statement(Database& db, const char* sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql, -1, &statement_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "");
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, const std::string& value) {
    sqlite3_bind_text(statement_, index, value.data(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(statement_, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::optional<double> value) {
    if (value)
        sqlite3_bind_double(statement_, index, *value);
    else
        sqlite3_bind_null(statement_, index);
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_.fail(rc, "");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string Statement::text(int column) const {
    const unsigned char* t = sqlite3_column_text(statement_, column);
    return t ? std::string(reinterpret_cast<const char*>(t), std::size_t(sqlite3_column_bytes(statement_, column)))
             : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::optional<double> Statement::real(int column) const {
    if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
    return sqlite3_column_double(statement_, column);
}

void migrate(Database& db) {
    std::int64_t version = schema_version(db);
    if (version > 0) check_integrity(db);
    if (version == 0) db.exec(("PRAGMA application_id = " + std::to_string(application_id)).c_str());
    for (; version < register_schema_version; ++version) {
        db.exec(migrations[version]);
        Statement update(db, "UPDATE schema_version SET version = ?1");
        update.bind(1, version + 1).run();
    }
}

void check_schema(Database& db) {
    const std::int64_t version = schema_version(db);
    if (version == 0) throw RegisterError(db.path(), "empty register: no run recorded yet");
    if (version != register_schema_version)
        throw RegisterError(db.path(), "register of schema version " + std::to_string(version) +
                                           "; run `plancon consolidate --register` with it once to migrate it");
    check_integrity(db);
}

}  // namespace plancon::register_detail
