using System.Text;
using NetworkAnalysis.Reporting.Model;
using NetworkAnalysis.Reporting.Text;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>
/// Node and relationship CSVs with <c>neo4j-admin database import</c> headers, the exact import command, and a
/// Cypher script that loads the same files with <c>LOAD CSV</c> after creating constraints and indexes.
/// </summary>
/// <remarks>
/// ID spaces: <c>Ad</c> (ad key), <c>Entity</c> (entity ID), <c>Cluster</c> (cluster ID). Relationships:
/// <c>(:Ad)-[:MENTIONS]-&gt;(:Entity)</c>, <c>(:Ad)-[:SIMILAR_IMAGE|SIMILAR_TEXT {similarity}]-&gt;(:Ad)</c>,
/// <c>(:Ad)-[:IN_CLUSTER]-&gt;(:Cluster)</c>. Ad text may span lines, hence <c>--multiline-fields=true</c>.
/// </remarks>
public sealed partial class Neo4jBulkExporter : IGraphExporter
{
    /// <summary>File names, in the order they are written.</summary>
    public static class Files
    {
        /// <summary>Ad nodes.</summary>
        public const string Ads = "ads.csv";

        /// <summary>Entity nodes.</summary>
        public const string Entities = "entities.csv";

        /// <summary>Cluster nodes.</summary>
        public const string Clusters = "clusters.csv";

        /// <summary>Ad → entity relationships.</summary>
        public const string Mentions = "mentions.csv";

        /// <summary>Ad → ad weak links.</summary>
        public const string Similar = "similar.csv";

        /// <summary>Ad → cluster relationships.</summary>
        public const string InCluster = "in_cluster.csv";

        /// <summary>The shell command for neo4j-admin.</summary>
        public const string Command = "import-command.sh";

        /// <summary>The LOAD CSV script.</summary>
        public const string Cypher = "load-csv.cypher";
    }

    /// <inheritdoc/>
    public string Format => "neo4j";

    /// <summary>The database name used in the generated command.</summary>
    public string Database { get; init; } = "neo4j";

    /// <summary>The <c>neo4j-admin</c> command that imports the files from <c>$NEO4J_HOME/import</c> (Neo4j 5.19 and later).</summary>
    public string ImportCommand() =>
        "bin/neo4j-admin database import full " + Database +
        " --overwrite-destination --multiline-fields=true --id-type=string" +
        $" --nodes=import/{Files.Ads} --nodes=import/{Files.Entities} --nodes=import/{Files.Clusters}" +
        $" --relationships=import/{Files.Mentions} --relationships=import/{Files.Similar} --relationships=import/{Files.InCluster}";

    /// <inheritdoc/>
    public IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!IsSafeDatabaseName(Database))
        {
            throw new ArgumentException($"Database name must be letters, digits, dots or dashes: '{Database}'.", nameof(directory));
        }

        var adKeys = graph.Ads.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var entityIds = graph.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var written = new List<string>
        {
            ExportFiles.Text(directory, Files.Ads, w =>
            {
                Row(w, "key:ID(Ad)", "postedAt:datetime", "city", "cluster", "text", "decisions", ":LABEL");
                foreach (var ad in graph.Ads)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Row(w, ad.Key, ad.PostedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), ad.City, ad.ClusterId, ad.Text, ad.Decisions.Count == 0 ? null : string.Join("\n", ad.Decisions), "Ad");
                }
            }),
            ExportFiles.Text(directory, Files.Entities, w =>
            {
                Row(w, "entityId:ID(Entity)", "type", "value", "hub:boolean", "decisions", "phoneRegion", "phoneLocation", "phoneType", ":LABEL");
                foreach (var e in graph.Entities)
                {
                    Row(w, e.Id, e.Type, e.Value, e.IsHub ? "true" : "false", e.Decision, e.Phone?.Region, e.Phone?.Location, e.Phone?.Type, "Entity;" + TypeLabel(e.Type));
                }
            }),
            ExportFiles.Text(directory, Files.Clusters, w =>
            {
                Row(w, "clusterId:ID(Cluster)", "size:int", ":LABEL");
                foreach (var g in graph.Ads.Where(a => a.ClusterId is not null).GroupBy(a => a.ClusterId!, StringComparer.Ordinal))
                {
                    Row(w, g.Key, Num.I(g.Count()), "Cluster");
                }
            }),
            ExportFiles.Text(directory, Files.Mentions, w =>
            {
                Row(w, ":START_ID(Ad)", ":END_ID(Entity)", ":TYPE");
                foreach (var l in graph.Links.Where(l => l.Kind == ReportLinkKind.Mentions && adKeys.Contains(l.Source) && entityIds.Contains(l.Target)))
                {
                    Row(w, l.Source, l.Target, "MENTIONS");
                }
            }),
            ExportFiles.Text(directory, Files.Similar, w =>
            {
                Row(w, ":START_ID(Ad)", ":END_ID(Ad)", ":TYPE", "similarity:double");
                foreach (var l in graph.Links.Where(l => l.Kind != ReportLinkKind.Mentions && adKeys.Contains(l.Source) && adKeys.Contains(l.Target)))
                {
                    Row(w, l.Source, l.Target, l.Kind == ReportLinkKind.SimilarImage ? "SIMILAR_IMAGE" : "SIMILAR_TEXT", Num.R(l.Weight));
                }
            }),
            ExportFiles.Text(directory, Files.InCluster, w =>
            {
                Row(w, ":START_ID(Ad)", ":END_ID(Cluster)", ":TYPE");
                foreach (var ad in graph.Ads.Where(a => a.ClusterId is not null))
                {
                    Row(w, ad.Key, ad.ClusterId, "IN_CLUSTER");
                }
            }),
            ExportFiles.Text(directory, Files.Command, w =>
            {
                w.Write("#!/bin/sh\n# Copy the CSV files into $NEO4J_HOME/import, stop the database, then run from $NEO4J_HOME:\n");
                w.Write(ImportCommand());
                w.Write('\n');
            }),
            ExportFiles.Text(directory, Files.Cypher, w => w.Write(LoadCsvScript)),
        };
        return written;
    }

    /// <summary>A Neo4j label for an entity type: ASCII letters and digits only, first letter upper case; <c>Other</c> when nothing is left.</summary>
    public static string TypeLabel(string type)
    {
        var sb = new StringBuilder(type.Length);
        foreach (var c in type)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(sb.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return sb.Length == 0 || !char.IsAsciiLetter(sb[0]) ? "Other" + sb : sb.ToString();
    }

    private static bool IsSafeDatabaseName(string name) =>
        name.Length is > 0 and < 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    private static void Row(TextWriter w, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                w.Write(',');
            }

            // Null is an empty unquoted field (no property); every other cell is quoted so empty strings,
            // leading quotes and newlines survive.
            if (cells[i] is null)
            {
                continue;
            }

            w.Write('"');
            w.Write(Utf16.Scrub(cells[i]).Replace("\"", "\"\"", StringComparison.Ordinal));
            w.Write('"');
        }

        w.Write('\n');
    }
}
