using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NetworkAnalysis.Storage.Postgres;

namespace NetworkAnalysis.Storage.Copy;

/// <summary>A case's content hash: SHA-256 over every table's name, columns and rows in primary-key order, the same for
/// a case file and its copy on a PostgreSQL server when (and only when) they hold the same values.</summary>
/// <remarks>
/// Canonical form, table by table in name order (ordinal): <c>T</c>, the name; per column <c>C</c>, its name and its type
/// in SQLite's words (INTEGER, REAL, TEXT, BLOB; a table without a declared primary key has <c>rowid</c> first); then per
/// row <c>R</c> and each value tagged: 0 null, 1 a 64-bit integer (big-endian), 2 a double (its IEEE 754 bits,
/// big-endian), 3 UTF-8 text and 4 bytes, both length-prefixed. Names are length-prefixed UTF-8. Left out: SQLite's
/// internal tables, the FTS5 search index and the meta row recording its progress (derived, rebuilt by the workbench).
/// </remarks>
public static class CaseContentHash
{
    /// <summary>The content hash (64 lower-case hex digits) of the case at <paramref name="location"/>: a case file or a
    /// <c>postgresql://</c> locator.</summary>
    /// <exception cref="CaseStoreException">The case cannot be opened or read.</exception>
    public static string Compute(string location, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        using ICaseTableSource source = PostgresCaseLocator.IsLocator(location)
            ? PostgresTableSource.Open(PostgresCaseLocator.Parse(location))
            : SqliteTableSource.Open(location);
        return Compute(source, ct);
    }

    internal static string Compute(ICaseTableSource source, CancellationToken ct)
    {
        using var hasher = new Hasher();
        foreach (var table in source.Tables)
        {
            hasher.Table(table);
            foreach (var row in source.ReadRows(table, ct))
            {
                hasher.Row(row);
            }
        }

        return hasher.Finish();
    }

    /// <summary>Builds the hash table by table and row by row, so a copy can hash the rows it reads as it writes them.</summary>
    internal sealed class Hasher : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Buffer _buffer;

        public Hasher() => _buffer = new Buffer(_hash);

        public void Table(CopyTable table)
        {
            _buffer.Tag('T');
            _buffer.Text(table.Name);
            foreach (var column in table.Columns)
            {
                _buffer.Tag('C');
                _buffer.Text(column.Name);
                _buffer.Text(column.Type.ToString().ToUpperInvariant());
            }
        }

        public void Row(object?[] row)
        {
            _buffer.Tag('R');
            foreach (var value in row)
            {
                _buffer.Value(value);
            }
        }

        public string Finish()
        {
            _buffer.Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public void Dispose() => _hash.Dispose();
    }

    /// <summary>Batches the canonical bytes into the hash (values are small; one call per value would dominate).</summary>
    private sealed class Buffer(IncrementalHash hash)
    {
        private readonly byte[] _bytes = new byte[1 << 16];
        private int _used;

        public void Tag(char tag) => Byte((byte)tag);

        public void Text(string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            Int64(length);
            if (length > _bytes.Length - _used)
            {
                Flush();
                if (length > _bytes.Length)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(text));
                    return;
                }
            }

            _used += Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_used));
        }

        public void Value(object? value)
        {
            switch (value)
            {
                case null:
                    Byte(0);
                    break;
                case long l:
                    Byte(1);
                    Int64(l);
                    break;
                case double d:
                    Byte(2);
                    Int64(BitConverter.DoubleToInt64Bits(d));
                    break;
                case string s:
                    Byte(3);
                    Text(s);
                    break;
                case byte[] b:
                    Byte(4);
                    Int64(b.Length);
                    Flush();
                    hash.AppendData(b);
                    break;
                default:
                    throw new InvalidOperationException($"unexpected value type {value.GetType().Name}");
            }
        }

        public void Flush()
        {
            hash.AppendData(_bytes, 0, _used);
            _used = 0;
        }

        private void Byte(byte b)
        {
            if (_used == _bytes.Length)
            {
                Flush();
            }

            _bytes[_used++] = b;
        }

        private void Int64(long v)
        {
            if (_bytes.Length - _used < 8)
            {
                Flush();
            }

            BinaryPrimitives.WriteInt64BigEndian(_bytes.AsSpan(_used), v);
            _used += 8;
        }
    }
}
