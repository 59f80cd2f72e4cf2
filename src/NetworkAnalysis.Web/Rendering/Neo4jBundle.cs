using System.IO.Compression;
using System.Text;
using NetworkAnalysis.Storage;

namespace NetworkAnalysis.Web.Rendering;

/// <summary>A cluster as a Neo4j import bundle: node and relationship CSV files plus a Cypher script that loads them.</summary>
/// <remarks>TODO(#8): switch to the Reporting project's Neo4j bulk exporter once it is merged.</remarks>
internal static class Neo4jBundle
{
    public static byte[] Write(string clusterId, GraphFragment fragment)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "ads.csv", "id,key,city,posted_at,cluster", fragment.Ads.Select(a => Row("a" + a.Id, a.Key, a.City, a.PostedAt, a.ClusterId)));
            Entry(zip, "entities.csv", "id,type,value,ads", fragment.Entities.Select(e => Row("e" + e.Id, e.Type, e.Value, e.Ads.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            Entry(zip, "mentions.csv", "ad,entity", fragment.Links.Select(l => Row("a" + l.Ad, "e" + l.Entity)));
            Entry(zip, "import.cypher", "// Cluster " + clusterId.Replace('\n', ' ') + ": copy the CSV files into Neo4j's import folder, then run this script.", [
                "CREATE CONSTRAINT ad_id IF NOT EXISTS FOR (a:Ad) REQUIRE a.id IS UNIQUE;",
                "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;",
                "LOAD CSV WITH HEADERS FROM 'file:///ads.csv' AS row MERGE (a:Ad {id: row.id}) SET a.key = row.key, a.city = row.city, a.posted_at = row.posted_at, a.cluster = row.cluster;",
                "LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row MERGE (e:Entity {id: row.id}) SET e.type = row.type, e.value = row.value, e.ads = toInteger(row.ads);",
                "LOAD CSV WITH HEADERS FROM 'file:///mentions.csv' AS row MATCH (a:Ad {id: row.ad}), (e:Entity {id: row.entity}) MERGE (a)-[:MENTIONS]->(e);",
            ]);
        }

        return buffer.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string header, IEnumerable<string> lines)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(header + "\n");
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
    }

    /// <summary>One CSV row, RFC 4180 quoted; cells that a spreadsheet would run as a formula get a leading apostrophe.</summary>
    internal static string Row(params string?[] cells) => string.Join(',', cells.Select(Cell));

    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }

        return v.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
