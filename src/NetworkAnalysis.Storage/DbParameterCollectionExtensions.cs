using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace NetworkAnalysis.Storage;

/// <summary><c>Parameters.AddWithValue("$name", value)</c> for a command of either store, so the SQL and its parameters are
/// written once (see <see cref="CaseDialect"/>).</summary>
internal static class DbParameterCollectionExtensions
{
    /// <summary>Adds a parameter named in SQLite's words (<c>$name</c>); on PostgreSQL a boolean is bound as the integer the
    /// case stores (SQLite has no boolean) and a null as NULL.</summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value) => parameters switch
    {
        SqliteParameterCollection sqlite => sqlite.AddWithValue(name, value),
        NpgsqlParameterCollection npgsql => npgsql.AddWithValue(CaseDialect.Postgres.ParameterName(name), value switch
        {
            null => DBNull.Value,
            bool b => b ? 1L : 0L,
            _ => value,
        }),
        _ => throw new NotSupportedException($"no case store uses {parameters.GetType().Name}"),
    };
}
