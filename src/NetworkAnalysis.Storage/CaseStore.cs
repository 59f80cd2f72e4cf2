using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage;

/// <summary>One investigation's case: a SQLite file in WAL mode (the default) or a schema on a PostgreSQL server
/// (<c>postgresql://...</c>), the single source of truth either way.</summary>
/// <remarks>
/// Not thread-safe: one instance per thread. Several processes may read while one writes (WAL). The SQL is written once
/// and runs on either store through <see cref="Db"/>, <see cref="Command"/> and <see cref="CaseDialect"/>; what still
/// needs SQLite itself goes through <see cref="Connection"/>, which refuses a PostgreSQL case with one line.
/// </remarks>
public sealed partial class CaseStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly IDisposable _fileHandle;

    private CaseStore(string path, DbConnection connection, IDisposable fileHandle, TimeProvider time, bool readOnly)
    {
        IsReadOnly = readOnly;
        Path = path;
        _connection = connection;
        _fileHandle = fileHandle;
        Time = time;
        Dialect = CaseDialect.Of(connection);
    }

    /// <summary>The case file's path; for a PostgreSQL case, its locator with any password masked.</summary>
    public string Path { get; }

    /// <summary>How reports name the case: the case file's name, or a PostgreSQL case's locator (any password masked).</summary>
    public string Name => IsPostgres ? Path : System.IO.Path.GetFileName(Path);

    /// <summary>How reports name the case at <paramref name="location"/> (a path or a locator) without opening it: see <see cref="Name"/>.</summary>
    public static string NameOf(string location) => Postgres.PostgresCaseLocator.IsLocator(location)
        ? Postgres.PostgresCaseLocator.Parse(location).ToString()
        : System.IO.Path.GetFileName(location);

    /// <summary>The clock used for timestamps.</summary>
    public TimeProvider Time { get; }

    /// <summary>Whether the case lives on a PostgreSQL server rather than in a case file.</summary>
    public bool IsPostgres => Dialect.IsPostgres;

    internal CaseDialect Dialect { get; }

    /// <summary>The connection of either store: what the SQL shared by both runs on.</summary>
    internal DbConnection Db => _connection;

    /// <summary>The SQLite connection, for what runs on a case file only; a PostgreSQL case is refused with one line.</summary>
    internal SqliteConnection Connection => _connection as SqliteConnection
        ?? throw CaseDialect.NotOnPostgres("this command");

    /// <summary>Opens a case file, creating it when <paramref name="create"/> is true and it does not exist.</summary>
    /// <remarks>
    /// A case that cannot be written (a read-only medium, a file without write permission) is opened read-only, as
    /// <see cref="OpenReadOnly"/> does: every read works and every write fails.
    /// </remarks>
    /// <exception cref="CaseStoreException">The file is missing, not a case file, corrupt, or of a newer version.</exception>
    public static CaseStore Open(string path, bool create = false, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Postgres.PostgresCaseLocator.IsLocator(path))
        {
            return OpenPostgres(Postgres.PostgresCaseLocator.Parse(path), create, time);
        }

        var full = System.IO.Path.GetFullPath(path);
        // A zero-byte file is a truncated case (or a fresh placeholder when creating); any other damage is named.
        var exists = File.Exists(full) && (new FileInfo(full).Length > 0 || !create);
        if (!exists && !create)
        {
            throw new CaseStoreException($"case file not found: {path} (run `netan ingest` or `netan demo` first, or pass --case)");
        }

        if (!exists)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }

        // Held until after the connection closes: see CaseFileHandles for the WAL files this protects.
        var fileHandle = CaseFileHandles.Acquire(full, create, exists ? () => CaseFileHeader.ThrowIfDamaged(full, path) : null);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            AdRawRow.Register(connection);
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            if (exists)
            {
                Verify(connection, full, path);
            }

            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
            var store = new CaseStore(full, connection, fileHandle, time ?? TimeProvider.System, readOnly: false);
            store.EnsureSchema(exists);
            // A graph snapshot's temporary file left by a killed analyze (its process gone) is swept here.
            GraphSnapshotFile.SweepStale(GraphSnapshotPath(full));
            return store;
        }
        catch (SqliteException ex) when (exists && ex.SqliteErrorCode is 8 or 14)
        {
            // SQLITE_READONLY or SQLITE_CANTOPEN (the -shm beside it cannot be created): a case on a read-only medium.
            connection.Dispose();
            fileHandle.Dispose();
            return OpenReadOnly(path, time);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            fileHandle.Dispose();
            throw new CaseStoreException($"cannot open case file {path}: {ex.Message} (run `netan doctor {path}`)", ex);
        }
        catch
        {
            connection.Dispose();
            fileHandle.Dispose();
            throw;
        }
    }

    /// <summary>Opens a case file so that its bytes never change: no schema upgrade, no index, no audit entry, no checkpoint.</summary>
    /// <remarks>
    /// Read-only SQLite still needs the <c>-shm</c> file beside a WAL case; where that cannot be created (a read-only
    /// medium: an evidence drive, a read-only mount) the file is opened as immutable, which is exact because nothing
    /// can write it there. Writes through the store fail with a <see cref="SqliteException"/>.
    /// </remarks>
    /// <exception cref="CaseStoreException">The file is missing, not a case file, corrupt, or of a newer version.</exception>
    public static CaseStore OpenReadOnly(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Postgres.PostgresCaseLocator.IsLocator(path))
        {
            return OpenPostgres(Postgres.PostgresCaseLocator.Parse(path), create: false, time, readOnly: true);
        }

        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new CaseStoreException($"case file not found: {path} (run `netan ingest` or `netan demo` first, or pass --case)");
        }

        var fileHandle = CaseFileHandles.Acquire(full, create: false, () => CaseFileHeader.ThrowIfDamaged(full, path));
        SqliteConnection? connection = null;
        try
        {
            try
            {
                connection = OpenReadOnlyConnection(full, immutable: false);
                Verify(connection, full, path);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 8 or 14)
            {
                connection?.Dispose();
                connection = OpenReadOnlyConnection(full, immutable: true);
                Verify(connection, full, path);
            }

            // Opened with SQLITE_OPEN_READONLY: the case file cannot be written; temp tables (memory) still can.
            Execute(connection, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
            var store = new CaseStore(full, connection, fileHandle, time ?? TimeProvider.System, readOnly: true);
            store.CheckCaseFile();
            return store;
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            fileHandle.Dispose();
            throw new CaseStoreException($"cannot open case file {path} read-only: {ex.Message} (run `netan doctor {path}`)", ex);
        }
        catch
        {
            connection?.Dispose();
            fileHandle.Dispose();
            throw;
        }
    }

    /// <summary>Whether the store was opened read-only (see <see cref="OpenReadOnly"/>): nothing can be written through it.</summary>
    public bool IsReadOnly { get; }

    internal static SqliteConnection OpenReadOnlyConnection(string full, bool immutable)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? "file:" + Uri.EscapeDataString(full).Replace("%2F", "/", StringComparison.Ordinal) + "?immutable=1" : full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        AdRawRow.Register(connection);
        Execute(connection, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Case files up to this size get SQLite's whole-file <c>PRAGMA quick_check</c> on every open (about 0.3 s at
    /// this size); larger ones get the bounded check of <see cref="Verify"/> (#21: the whole-file check took 3.6 s at
    /// 1,000,000 ads on every command, and grows with the case).</summary>
    internal const long WholeFileCheckBytes = 128L * 1024 * 1024;

    /// <summary>Tests only: another bound for the opens of this async flow (so a small case can be checked as a large one).</summary>
    internal static readonly AsyncLocal<long?> WholeFileCheckBytesForTests = new();

    /// <summary>The tables a bounded open check reads in full: small, and read by nearly every command.</summary>
    private static readonly string[] OpenCheckedTables = ["meta", "sources", "runs", "audit"];

    /// <summary>Refuses a file SQLite cannot read as a database, or whose pages fail SQLite's own checks.</summary>
    /// <remarks>
    /// A case file up to <see cref="WholeFileCheckBytes"/> is checked whole (every page, every index entry's order: SQLite's
    /// <c>quick_check</c>). A larger one is checked in time that does not grow with it: the file header (already, by
    /// <see cref="CaseFileHeader"/>), the schema, and the small tables every command reads (<see cref="OpenCheckedTables"/>,
    /// with their indexes). Damage elsewhere is reported by SQLite when a command reads the damaged page
    /// (<c>SQLITE_CORRUPT</c>, which the CLI prints as one line naming <c>netan doctor</c>), and found by
    /// <c>netan doctor</c>'s whole-file <c>integrity_check</c>, which is where a whole-case check belongs on a large case.
    /// </remarks>
    private static void Verify(SqliteConnection connection, string full, string path)
    {
        var bounded = new FileInfo(full).Length > (WholeFileCheckBytesForTests.Value ?? WholeFileCheckBytes);
        var problems = new List<string>();
        try
        {
            using var cmd = connection.CreateCommand();
            if (!bounded)
            {
                cmd.CommandText = "PRAGMA quick_check;";
                problems.Add(Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "");
            }
            else
            {
                // Reading the schema parses every table's definition: a damaged first page or schema fails here.
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
                var tables = new HashSet<string>(StringComparer.Ordinal);
                using (var reader = cmd.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        tables.Add(reader.GetString(0));
                    }
                }

                foreach (var table in OpenCheckedTables.Where(tables.Contains))
                {
                    cmd.CommandText = $"PRAGMA quick_check(\"{table}\");";
                    problems.Add(Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "");
                }
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 26 or 11)
        {
            throw new CaseStoreException($"{path} is not a NetworkAnalysis case file, or it is corrupt: {ex.Message}", ex);
        }

        if (problems.FirstOrDefault(p => !string.Equals(p, "ok", StringComparison.Ordinal)) is { } result)
        {
            throw new CaseStoreException($"case file {path} failed its integrity check: {result} (run `netan doctor {path}`)");
        }
    }

    private void EnsureSchema(bool existed)
    {
        if (existed)
        {
            CheckCaseFile();
        }

        using var tx = Connection.BeginTransaction();
        Execute(Connection, CaseSchema.Create, tx);
        CaseSchema.EnsureKeys(Connection, tx);
        Execute(Connection, AuditSchema, tx);
        using (var cmd = Connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', $v), ('created_at', $t);";
            cmd.Parameters.AddWithValue("$v", CaseSchema.Version.ToString(CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$t", Now());
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
        EnsurePhoneDetails(existed);
    }

    /// <summary>Refuses a SQLite file that is not a case, or a case of a newer schema.</summary>
    private void CheckCaseFile()
    {
        using var probe = Connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta';";
        var hasMeta = Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table';";
        var tables = Convert.ToInt64(probe.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!hasMeta && tables > 0)
        {
            throw new CaseStoreException($"{Path} is a SQLite database but not a NetworkAnalysis case file");
        }

        if (hasMeta && GetMeta("schema_version") is { } v && int.Parse(v, CultureInfo.InvariantCulture) > CaseSchema.Version)
        {
            throw new CaseStoreException($"{Path} was written by a newer NetworkAnalysis (schema {v}); upgrade netan");
        }
    }

    /// <summary>Reads a value from the case's meta table.</summary>
    public string? GetMeta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k;");
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    }

    internal string Now() => Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    internal static void Execute(DbConnection connection, string sql, DbTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = Unwrap(tx);
        cmd.CommandText = CaseDialect.Of(connection).Translate(sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A command of either store, its SQL (written for SQLite) translated by <see cref="Dialect"/>.</summary>
    internal DbCommand Command(string sql, DbTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = Dialect.Translate(sql);
        cmd.Transaction = Unwrap(tx);
        return cmd;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (IsReadOnly || IsPostgres)
        {
            _connection.Dispose();
            _fileHandle.Dispose();
            return;
        }

        try
        {
            // Fold the WAL back so a copied case file is complete on its own.
            Execute(Connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // Another process holds the WAL; it will checkpoint.
        }

        _connection.Dispose();
        _fileHandle.Dispose();
    }
}
