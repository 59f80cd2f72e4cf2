using Microsoft.Data.Sqlite;

namespace NetworkAnalysis.Storage.Copy;

/// <summary>Writes a copy into a new case file: first as <c>TARGET.copying</c> beside it, renamed to the target only after
/// its content hash matched, so an interrupted copy never leaves a file that looks like a complete case.</summary>
internal sealed class SqliteCaseTarget : ICaseTableTarget
{
    private const int RowsPerTransaction = 100_000;
    private readonly string _target;
    private readonly string _partial;
    private SqliteConnection? _connection;
    private bool _committed;

    public SqliteCaseTarget(string target, bool force)
    {
        _target = Path.GetFullPath(target);
        _partial = _target + ".copying";
        if (Directory.Exists(_target))
        {
            throw new CaseStoreException($"{target} is a folder, not a case file");
        }

        if (File.Exists(_target) && new FileInfo(_target).Length > 0)
        {
            if (!force)
            {
                throw new CaseStoreException($"{target} already exists: pass --force to replace it with the copy");
            }

            // Replace only a case: --force is not a licence to overwrite any file.
            using (CaseStore.OpenReadOnly(target))
            {
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_target)!);
        DeletePartial();
    }

    public void Create(ICaseTableSource source)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        _connection.Open();
        // The file is renamed into place only once verified: nothing to protect until then, so no journal.
        // Tables are filled in name order, not in reference order: the source's references hold, so none are checked.
        CaseStore.Execute(_connection, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;");
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var obj in source.SqliteSchema.Where(o => o.Type == "table"))
        {
            CaseStore.Execute(_connection, obj.Sql + ";");
            created.Add(obj.Name);
        }

        if (source.Tables.FirstOrDefault(t => !created.Contains(t.Name)) is { } missing)
        {
            throw new CaseStoreException($"the source has table {missing.Name} but no SQLite definition of it; it cannot be copied into a case file");
        }
    }

    public long Insert(CopyTable table, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = _connection ?? throw new InvalidOperationException("Create first");
        var names = table.Columns.Select(c => table.HasRowId && c.Name == CopyTable.RowId ? "rowid" : CopyRules.Quote(c.Name)).ToList();
        long count = 0;
        var tx = connection.BeginTransaction();
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"INSERT INTO {CopyRules.Quote(table.Name)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))});";
            var parameters = names.Select((_, i) => cmd.Parameters.Add("$p" + i, SqliteType.Text)).ToArray();
            cmd.Transaction = tx;
            cmd.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].SqliteType = row[i] switch
                    {
                        long => SqliteType.Integer,
                        double => SqliteType.Real,
                        byte[] => SqliteType.Blob,
                        _ => SqliteType.Text,
                    };
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }

                cmd.ExecuteNonQuery();
                if (++count % RowsPerTransaction == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    tx.Commit();
                    tx.Dispose();
                    tx = connection.BeginTransaction();
                    cmd.Transaction = tx;
                }
            }

            tx.Commit();
        }
        finally
        {
            tx.Dispose();
        }

        return count;
    }

    public void Finish(ICaseTableSource source)
    {
        var connection = _connection ?? throw new InvalidOperationException("Create first");
        foreach (var obj in source.SqliteSchema.Where(o => o.Type != "table"))
        {
            CaseStore.Execute(connection, obj.Sql + ";");
        }

        // A case file is in WAL mode (readers beside a writer); closing checkpoints and removes the WAL.
        CaseStore.Execute(connection, "PRAGMA journal_mode = WAL;");
        connection.Dispose();
        _connection = null;
    }

    public string Hash(CancellationToken ct)
    {
        using var written = SqliteTableSource.Open(_partial);
        return CaseContentHash.Compute(written, ct);
    }

    public void Commit()
    {
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(_target + suffix);
        }

        File.Move(_partial, _target, overwrite: true);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(_partial + suffix))
            {
                File.Move(_partial + suffix, _target + suffix, overwrite: true);
            }
        }

        _committed = true;
    }

    public void Dispose()
    {
        _connection?.Dispose();
        if (!_committed)
        {
            DeletePartial();
        }
    }

    private void DeletePartial()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(_partial + suffix);
        }
    }
}
