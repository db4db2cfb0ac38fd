#pragma once

#include <string>
#include <string_view>

// What the hub's two SQL dialects (SQLite, PostgreSQL) spell differently. The hub's statements
// are written once, in a neutral form that render() turns into one dialect:
//   ?            a parameter: `?` in SQLite, `$1`, `$2`... in PostgreSQL
//   {in ?}       membership in a list parameter (a vector of texts): SQLite reads it as a JSON
//                array (json_each), PostgreSQL as a text array (= ANY)
//   {key}        a text key compared byte for byte
//   {serial}     an ever-growing 64-bit primary key (change cursors)
//   {data.NAME}  the text field NAME of an event's `data`, read from its stored JSON
//                (`content`); the schema's partial indexes are built over exactly this
//                expression, so a query spelling it the same way is an index search
//   {+EXPR}      EXPR without SQLite's column affinity (unary +), which would stop SQLite from
//                searching an expression index with it; EXPR itself in PostgreSQL
//   {without rowid}  after a CREATE TABLE whose primary key is all its columns: SQLite keeps
//                the rows in the key's own b-tree (no second copy in an index); nothing in
//                PostgreSQL
// A `?` never appears inside a string literal of a hub statement.
namespace pekon::hub {

struct SqlDialect {
    const char* key;
    const char* serial;
    const char* data_field_prefix;
    const char* data_field_suffix;
    bool numbered_params;  // $1, $2... (PostgreSQL) rather than ?
};
inline constexpr SqlDialect kSqliteDialect{"TEXT", "INTEGER PRIMARY KEY AUTOINCREMENT",
                                           "json_extract(content, '$.data.", "')", false};
inline constexpr SqlDialect kPostgresDialect{
    "TEXT COLLATE \"C\"", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    "(((content::json -> 'data') ->> '", "') COLLATE \"C\")", true};

// The neutral text `sql` in `dialect`.
std::string render(std::string_view sql, const SqlDialect& dialect);

}  // namespace pekon::hub
