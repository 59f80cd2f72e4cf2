using System.Globalization;
using NetworkAnalysis.Core.Clustering.Leiden;

namespace NetworkAnalysis.Core.Tests.Clustering.Leiden;

/// <summary>A minimal GML reader for the shared community graphs: node ids, the "gt" ground-truth label, edges.</summary>
internal sealed record GmlGraph(int NodeCount, int[] Sources, int[] Targets, string[] Truth)
{
    public WeightedGraph ToWeightedGraph()
    {
        // Drop duplicate and self edges, as igraph's simplify() does in the reference script.
        var seen = new HashSet<(int, int)>();
        var src = new List<int>();
        var dst = new List<int>();
        for (var i = 0; i < Sources.Length; i++)
        {
            var (a, b) = (Math.Min(Sources[i], Targets[i]), Math.Max(Sources[i], Targets[i]));
            if (a != b && seen.Add((a, b)))
            {
                src.Add(a);
                dst.Add(b);
            }
        }

        return WeightedGraph.FromEdges(NodeCount, src.ToArray(), dst.ToArray());
    }

    public static GmlGraph Read(string path)
    {
        var tokens = Tokenise(File.ReadAllText(path));
        var ids = new Dictionary<long, int>();
        var truth = new List<string>();
        var edges = new List<(long, long)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is "node" or "edge")
            {
                var kind = tokens[i];
                var fields = new Dictionary<string, string>();
                var depth = 0;
                var j = i + 1;
                for (; j < tokens.Count; j++)
                {
                    if (tokens[j] == "[")
                    {
                        depth++;
                    }
                    else if (tokens[j] == "]")
                    {
                        if (--depth == 0)
                        {
                            break;
                        }
                    }
                    else if (depth == 1 && j + 1 < tokens.Count && tokens[j + 1] is not "[" and not "]")
                    {
                        fields[tokens[j]] = tokens[j + 1];
                        j++;
                    }
                }

                if (kind == "node")
                {
                    ids[long.Parse(fields["id"], CultureInfo.InvariantCulture)] = ids.Count;
                    truth.Add(fields.GetValueOrDefault("gt", "?"));
                }
                else
                {
                    edges.Add((long.Parse(fields["source"], CultureInfo.InvariantCulture), long.Parse(fields["target"], CultureInfo.InvariantCulture)));
                }

                i = j;
            }
        }

        return new GmlGraph(ids.Count, edges.Select(e => ids[e.Item1]).ToArray(), edges.Select(e => ids[e.Item2]).ToArray(), truth.ToArray());
    }

    private static List<string> Tokenise(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                tokens.Add(text[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}
