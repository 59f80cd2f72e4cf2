using FsCheck;
using FsCheck.Fluent;
using NetworkAnalysis.Core.Extraction;
using NetworkAnalysis.Core.Graphs;

namespace NetworkAnalysis.Core.Tests.Graphs;

public sealed class BipartiteGraphTests
{
    [Fact]
    public void Build_AnyIncidence_BothDirectionsHoldExactlyTheLinks()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
        {
            // Given a random incidence
            var rng = new Random(seed);
            int ads = rng.Next(1, 40), entities = rng.Next(1, 30);
            var links = Enumerable.Range(0, rng.Next(0, 120)).Select(_ => (rng.Next(ads), rng.Next(entities))).Distinct().ToArray();
            var incidence = new AdEntityIncidence(
                Enumerable.Range(0, ads).Select(a => $"s/{a:D3}").ToArray(),
                Enumerable.Repeat(EntityType.Phone, entities).ToArray(),
                Enumerable.Range(0, entities).Select(e => $"v{e}").ToArray(),
                links.Select(l => l.Item1).ToArray(),
                links.Select(l => l.Item2).ToArray());

            // When
            var graph = BipartiteGraph.Build(incidence);

            // Then
            var fromAds = Enumerable.Range(0, ads).SelectMany(a => graph.EntitiesOf(a).ToArray().Select(e => (a, e))).ToHashSet();
            var fromEntities = Enumerable.Range(0, entities).SelectMany(e => graph.AdsOf(e).ToArray().Select(a => (a, e))).ToHashSet();
            var sorted = Enumerable.Range(0, ads).All(a => graph.EntitiesOf(a).ToArray().SequenceEqual(graph.EntitiesOf(a).ToArray().Order()))
                && Enumerable.Range(0, entities).All(e => graph.AdsOf(e).ToArray().SequenceEqual(graph.AdsOf(e).ToArray().Order()));
            return fromAds.SetEquals(links) && fromEntities.SetEquals(links) && sorted;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_LinkOutsideIncidence_Throws()
    {
        // Given a link to entity 5 of 1
        var incidence = new AdEntityIncidence(["a"], [EntityType.Phone], ["x"], [0], [5]);

        // When / Then
        Should.Throw<ArgumentException>(() => BipartiteGraph.Build(incidence));
    }
}
