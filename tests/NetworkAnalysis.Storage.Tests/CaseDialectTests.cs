namespace NetworkAnalysis.Storage.Tests;

/// <summary>How SQL written once, in SQLite's words, reads on PostgreSQL (<see cref="CaseDialect"/>).</summary>
public sealed class CaseDialectTests
{
    [Theory]
    [InlineData("SELECT value FROM meta WHERE key = $k;", "SELECT value FROM meta WHERE key = @k;")]
    [InlineData("SELECT '$[0]', $a FROM t WHERE x = 'it''s $b';", "SELECT '$[0]', @a FROM t WHERE x = 'it''s $b';")]
    [InlineData("WHERE instr(lower(a.text), $w) > 0", "WHERE strpos(lower(a.text), @w) > 0")]
    [InlineData("SELECT CAST(x AS REAL) FROM t", "SELECT CAST(x AS double precision) FROM t")]
    [InlineData("SELECT old_id FROM cluster_lineage ORDER BY rowid;", "SELECT old_id FROM cluster_lineage ORDER BY netan_rowid NULLS FIRST;")]
    [InlineData("SELECT a FROM t ORDER BY a.ad_key, mn.start, e.id;", "SELECT a FROM t ORDER BY a.ad_key NULLS FIRST, mn.start NULLS FIRST, e.id NULLS FIRST;")]
    [InlineData("SELECT a FROM t ORDER BY s.score IS NULL, s.score DESC, c.size DESC LIMIT $n;", "SELECT a FROM t ORDER BY s.score IS NULL NULLS FIRST, s.score DESC NULLS LAST, c.size DESC NULLS LAST LIMIT @n;")]
    [InlineData("SELECT (SELECT x FROM t ORDER BY max(a, b) DESC LIMIT 1), y FROM u ORDER BY risk DESC NULLS LAST;", "SELECT (SELECT x FROM t ORDER BY max(a, b) DESC NULLS LAST LIMIT 1), y FROM u ORDER BY risk DESC NULLS LAST;")]
    [InlineData("SELECT 'ORDER BY x' FROM t", "SELECT 'ORDER BY x' FROM t")]
    [InlineData("INSERT OR REPLACE INTO memberships(ad, cluster_id) VALUES ($ad, $c);", "INSERT INTO memberships(ad, cluster_id) VALUES (@ad, @c) ON CONFLICT ON CONSTRAINT memberships_pkey DO UPDATE SET ad = excluded.ad, cluster_id = excluded.cluster_id;")]
    [InlineData("INSERT OR REPLACE\n INTO clusters(id, size)\nVALUES ($id, ';');", "INSERT INTO clusters(id, size) VALUES (@id, ';') ON CONFLICT ON CONSTRAINT clusters_pkey DO UPDATE SET id = excluded.id, size = excluded.size;")]
    public void Translate_Postgres(string sqlite, string postgres)
    {
        CaseDialect.Postgres.Translate(sqlite).ShouldBe(postgres);
        CaseDialect.Sqlite.Translate(sqlite).ShouldBe(sqlite);
    }

    [Fact]
    public void ParameterName_NpgsqlTakesItWithoutThePrefix()
    {
        CaseDialect.Postgres.ParameterName("$k").ShouldBe("k");
        CaseDialect.Sqlite.ParameterName("$k").ShouldBe("$k");
    }

    [Fact]
    public void NoLimit_MinusOneOnSqlite_NullOnPostgres()
    {
        CaseDialect.Sqlite.NoLimit.ShouldBe(-1L);
        CaseDialect.Postgres.NoLimit.ShouldBe(DBNull.Value);
    }
}
