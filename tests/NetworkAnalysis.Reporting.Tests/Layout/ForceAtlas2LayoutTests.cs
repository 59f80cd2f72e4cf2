using NetworkAnalysis.Reporting.Charts;
using NetworkAnalysis.Reporting.Layout;
using NetworkAnalysis.Reporting.Tests.Support;

namespace NetworkAnalysis.Reporting.Tests.Layout;

public sealed class ForceAtlas2LayoutTests
{
    private static LayoutGraph TwoCliques(int size)
    {
        // Two cliques joined by one bridge edge.
        var edges = new List<(int, int, double)>();
        for (var c = 0; c < 2; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = i + 1; j < size; j++)
                {
                    edges.Add(((c * size) + i, (c * size) + j, 1.0));
                }
            }
        }

        edges.Add((0, size, 1.0));
        return new LayoutGraph(2 * size, edges);
    }

    [Fact]
    public void Compute_SameSeed_GivesIdenticalPositions()
    {
        // Given
        var g = TwoCliques(12);

        // When
        var a = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 5 });
        var b = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 5 });

        // Then
        a.X.ShouldBe(b.X);
        a.Y.ShouldBe(b.Y);
    }

    [Fact]
    public void Compute_DifferentSeed_GivesDifferentPositions()
    {
        var g = TwoCliques(12);
        var a = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 5 });
        var b = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 6 });
        a.X.SequenceEqual(b.X).ShouldBeFalse();
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(0.0)]
    public void Compute_TwoCliques_SeparatesCommunities(double theta)
    {
        // Given two dense groups joined by a single edge
        const int size = 15;
        var g = TwoCliques(size);

        // When
        var r = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 1, Theta = theta });

        // Then the mean distance within a group is well below the mean distance across groups
        double within = 0, across = 0;
        int nw = 0, na = 0;
        for (var i = 0; i < 2 * size; i++)
        {
            for (var j = i + 1; j < 2 * size; j++)
            {
                var d = Math.Sqrt(Math.Pow(r.X[i] - r.X[j], 2) + Math.Pow(r.Y[i] - r.Y[j], 2));
                if (i / size == j / size)
                {
                    within += d;
                    nw++;
                }
                else
                {
                    across += d;
                    na++;
                }
            }
        }

        (within / nw).ShouldBeLessThan(0.6 * (across / na));
    }

    [Fact]
    public void Compute_TwoThousandNodes_GivesFiniteDistinctPositions()
    {
        // Given a 2,000-node graph
        var (g, _, _) = NetworkChart.BuildLayoutGraph(SampleGraphs.Large(2000));

        // When
        var r = ForceAtlas2Layout.Compute(g, new ForceAtlas2Options { Seed = 2, Iterations = 100 });

        // Then
        r.X.Length.ShouldBe(2000);
        r.X.Concat(r.Y).All(double.IsFinite).ShouldBeTrue();
        r.X.Zip(r.Y).Distinct().Count().ShouldBeGreaterThan(1990);
    }

    [Fact]
    public void Constructor_EdgeOutOfRange_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new LayoutGraph(2, [(0, 2, 1.0)]));
    }

    [Fact]
    public void Compute_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => ForceAtlas2Layout.Compute(TwoCliques(4), new ForceAtlas2Options(), cts.Token));
    }
}
