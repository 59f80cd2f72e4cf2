using NetworkAnalysis.Reporting.Model;

namespace NetworkAnalysis.Reporting.Exports;

/// <summary>Writes a <see cref="CaseGraph"/> in one interchange format.</summary>
public interface IGraphExporter
{
    /// <summary>The format's name on the command line (<c>graphml</c>, <c>gexf</c>, …).</summary>
    string Format { get; }

    /// <summary>Writes the graph into <paramref name="directory"/> (created if needed) and returns the paths written, in order.</summary>
    IReadOnlyList<string> Export(CaseGraph graph, string directory, CancellationToken cancellationToken = default);
}
