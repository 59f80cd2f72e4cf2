namespace NetworkAnalysis.Core.Clustering.Leiden;

/// <summary>The quality function Leiden optimises.</summary>
public enum LeidenQuality
{
    /// <summary>Newman–Girvan modularity with a resolution parameter γ (1 = classic modularity).</summary>
    Modularity,

    /// <summary>Constant Potts model: internal weight minus γ times node-size pairs; γ is a density threshold.</summary>
    Cpm,
}
