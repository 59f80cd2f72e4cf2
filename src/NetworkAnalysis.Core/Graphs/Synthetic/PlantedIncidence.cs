namespace NetworkAnalysis.Core.Graphs.Synthetic;

/// <summary>A synthetic incidence with its ground truth.</summary>
/// <param name="Incidence">Ads, entities and links.</param>
/// <param name="Ring">Planted ring (true poster network) of each ad.</param>
/// <param name="WeakLinks">Near-duplicate pairs: true ones inside rings, false ones across rings.</param>
/// <param name="PlantedHubs">Entity indexes of the planted hub identifiers.</param>
public sealed record PlantedIncidence(AdEntityIncidence Incidence, int[] Ring, IReadOnlyList<WeakLink> WeakLinks, IReadOnlyList<int> PlantedHubs)
{
    /// <summary>Ground truth as ad key → ring label, the shape <c>ClusteringEvaluator.Score</c> takes.</summary>
    public Dictionary<string, string> TruthByKey()
    {
        var truth = new Dictionary<string, string>(Ring.Length, StringComparer.Ordinal);
        for (var a = 0; a < Ring.Length; a++)
        {
            truth[Incidence.AdKeys[a]] = "R" + Ring[a].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return truth;
    }
}
