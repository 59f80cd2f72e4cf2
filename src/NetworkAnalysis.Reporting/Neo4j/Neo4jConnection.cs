namespace NetworkAnalysis.Reporting.Neo4j;

/// <summary>Where and as whom to reach a Neo4j server's HTTP Query API.</summary>
/// <param name="BaseUri">Server root, e.g. <c>http://localhost:7474</c>.</param>
/// <param name="Database">Database name.</param>
/// <param name="User">User name.</param>
/// <param name="Password">Password (from the environment, never from the command line).</param>
public sealed record Neo4jConnection(Uri BaseUri, string Database, string User, string Password)
{
    /// <summary>The Query API endpoint: <c>{base}/db/{database}/query/v2</c>.</summary>
    public Uri QueryUri => new(BaseUri, "db/" + Uri.EscapeDataString(Database) + "/query/v2");

    /// <summary>Hides the password when the record is printed or logged.</summary>
    public override string ToString() => $"Neo4jConnection {{ BaseUri = {BaseUri}, Database = {Database}, User = {User} }}";
}
