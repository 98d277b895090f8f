// A thin wrapper over SQLite for the register: one connection, prepared
// statements, and every SQLite failure turned into one RegisterError line
// that names the register and says what went wrong in a user's words.
#pragma once

#include "plancon/register.hpp"

#include <cstdint>
#include <optional>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace plancon::register_detail {

class Database {
public:
    // flags: SQLite's open flags. Throws RegisterError.
    Database(std::string path, int flags);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    // Throws RegisterError naming the register, `doing` and SQLite's reason
    // for the last failure (`code`, an SQLite result code).
    [[noreturn]] void fail(int code, const std::string& doing) const;
    sqlite3* handle() const { return db_; }
    const std::string& path() const { return path_; }
    std::int64_t last_insert_id() const;

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

class Statement {
public:
    Statement(Database& db, const char* sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are numbered from 1, as in SQL's "?1".
    Statement& bind(int index, const std::string& value);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::optional<double> value);  // NULL when unset
    // Steps once: true when a row is there to read.
    bool step();
    // Runs to the end (an INSERT, an UPDATE) and resets for the next bindings.
    void run();
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    std::optional<double> real(int column) const;  // unset for NULL

private:
    Database& db_;
    sqlite3_stmt* statement_ = nullptr;
};

// Brings the register's schema up to register_schema_version, each
// migration in turn (from 0, an empty file, on); refuses a file that is not
// a plancon register, and one written by a newer plancon. Inside the
// caller's transaction.
void migrate(Database& db);
// Refuses (RegisterError) a file that is not a plancon register or has a
// schema other than this plancon's, without changing anything.
void check_schema(Database& db);

}  // namespace plancon::register_detail

namespace plancon {

// A register's connection and the state of its run's transaction.
struct PlanRegister::Impl {
    Impl(const std::string& path, int flags) : db(path, flags) {}
    register_detail::Database db;
    RegisterOptions options;
    bool in_transaction = false;
    bool created = false;  // the file did not exist before this run
    bool committed = false;
};

}  // namespace plancon
