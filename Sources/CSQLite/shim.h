#include <sqlite3.h>

// Variadic and macro-based parts of the SQLite API, wrapped for Swift (STYLE.md, practice 4).
static inline int csqlite_config_log(void (*callback)(void *, int, const char *)) {
    return sqlite3_config(SQLITE_CONFIG_LOG, callback, (void *)0);
}

static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// Extended result codes are macro expressions, which Swift does not import.
static const int CSQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT_PRIMARYKEY;
static const int CSQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT_UNIQUE;
