namespace NetworkAnalysis.Reporting.Layout;

/// <summary>ForceAtlas2 force-directed layout with Barnes-Hut repulsion: seeded, deterministic, O(n log n) per iteration.</summary>
/// <remarks>
/// Jacomy, Venturini, Heymann &amp; Bastian, "ForceAtlas2, a continuous graph layout algorithm for handy network
/// visualization designed for the Gephi software", PLoS ONE 9(6) 2014. Node mass is degree + 1; repulsion is
/// kr·m₁·m₂/d, attraction is linear in distance times edge weight, gravity is kg·m; speed adapts globally from
/// the swinging and traction of all nodes and locally per node. Iteration follows node index order, so the same
/// graph and options give identical positions.
/// </remarks>
public static class ForceAtlas2Layout
{
    /// <summary>Computes positions for every node of <paramref name="graph"/>.</summary>
    public static LayoutResult Compute(LayoutGraph graph, ForceAtlas2Options options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(options);
        var n = graph.NodeCount;
        var x = new double[n];
        var y = new double[n];
        var mass = new double[n];
        var rng = new Random(options.Seed);
        var spread = Math.Sqrt(Math.Max(n, 1)) * 10;
        for (var i = 0; i < n; i++)
        {
            x[i] = (rng.NextDouble() - 0.5) * spread;
            y[i] = (rng.NextDouble() - 0.5) * spread;
            mass[i] = graph.Degrees[i] + 1;
        }

        if (n <= 1)
        {
            return new LayoutResult(x, y);
        }

        var fx = new double[n];
        var fy = new double[n];
        var oldFx = new double[n];
        var oldFy = new double[n];
        var tree = new BarnesHutTree();
        var speed = 1.0;
        var speedEfficiency = 1.0;
        var kr = options.ScalingRatio ?? (n <= 100 ? 2.0 : 10.0);
        var iterations = options.Iterations ?? (n <= 1000 ? 300 : 200);
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (oldFx, fx) = (fx, oldFx);
            (oldFy, fy) = (fy, oldFy);
            Array.Clear(fx);
            Array.Clear(fy);
            Repulse(x, y, mass, fx, fy, tree, kr, options.Theta);
            Attract(graph, x, y, fx, fy);
            Gravitate(x, y, mass, fx, fy, options.Gravity);
            (speed, speedEfficiency) = AdjustSpeed(mass, fx, fy, oldFx, oldFy, speed, speedEfficiency, options.JitterTolerance, iteration == 0);
            Move(x, y, mass, fx, fy, oldFx, oldFy, speed);
        }

        return new LayoutResult(x, y);
    }

    private static void Repulse(double[] x, double[] y, double[] mass, double[] fx, double[] fy, BarnesHutTree tree, double kr, double theta)
    {
        var n = x.Length;
        if (theta <= 0)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var dx = x[i] - x[j];
                    var dy = y[i] - y[j];
                    var d2 = (dx * dx) + (dy * dy);
                    if (d2 < 1e-12)
                    {
                        continue;
                    }

                    var f = kr * mass[i] * mass[j] / d2;
                    fx[i] += dx * f;
                    fy[i] += dy * f;
                    fx[j] -= dx * f;
                    fy[j] -= dy * f;
                }
            }

            return;
        }

        tree.Build(x, y, mass);
        for (var i = 0; i < n; i++)
        {
            tree.AddRepulsion(i, x[i], y[i], mass[i], kr, theta, ref fx[i], ref fy[i]);
        }
    }

    private static void Attract(LayoutGraph graph, double[] x, double[] y, double[] fx, double[] fy)
    {
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var s = graph.Sources[e];
            var t = graph.Targets[e];
            var w = graph.Weights[e];
            var dx = x[t] - x[s];
            var dy = y[t] - y[s];
            fx[s] += dx * w;
            fy[s] += dy * w;
            fx[t] -= dx * w;
            fy[t] -= dy * w;
        }
    }

    private static void Gravitate(double[] x, double[] y, double[] mass, double[] fx, double[] fy, double gravity)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var d = Math.Sqrt((x[i] * x[i]) + (y[i] * y[i]));
            if (d > 1e-9)
            {
                var f = gravity * mass[i] / d;
                fx[i] -= x[i] * f;
                fy[i] -= y[i] * f;
            }
        }
    }

    private static (double Speed, double Efficiency) AdjustSpeed(
        double[] mass, double[] fx, double[] fy, double[] oldFx, double[] oldFy, double speed, double efficiency, double tolerance, bool first)
    {
        if (first)
        {
            return (speed, efficiency);
        }

        double swinging = 0, traction = 0;
        var n = mass.Length;
        for (var i = 0; i < n; i++)
        {
            var sx = fx[i] - oldFx[i];
            var sy = fy[i] - oldFy[i];
            var tx = fx[i] + oldFx[i];
            var ty = fy[i] + oldFy[i];
            swinging += mass[i] * Math.Sqrt((sx * sx) + (sy * sy));
            traction += mass[i] * Math.Sqrt((tx * tx) + (ty * ty)) / 2;
        }

        if (swinging <= 0 || traction <= 0)
        {
            return (speed, efficiency);
        }

        // Jitter tolerance grows with the graph: big graphs swing more before they look settled.
        var estimated = 0.05 * Math.Sqrt(n);
        var jt = tolerance * Math.Max(Math.Sqrt(estimated), Math.Min(10, estimated * traction / ((double)n * n)));
        if (swinging / traction > 2)
        {
            if (efficiency > 0.05)
            {
                efficiency *= 0.5;
            }

            jt = Math.Max(jt, tolerance);
        }

        var target = jt * efficiency * traction / swinging;
        if (swinging > jt * traction)
        {
            if (efficiency > 0.05)
            {
                efficiency *= 0.7;
            }
        }
        else if (speed < 1000)
        {
            efficiency *= 1.3;
        }

        speed += Math.Min(target - speed, 0.5 * speed);
        return (speed, efficiency);
    }

    private static void Move(double[] x, double[] y, double[] mass, double[] fx, double[] fy, double[] oldFx, double[] oldFy, double speed)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var sx = fx[i] - oldFx[i];
            var sy = fy[i] - oldFy[i];
            var swing = mass[i] * Math.Sqrt((sx * sx) + (sy * sy));
            var factor = speed / (1 + Math.Sqrt(speed * swing));

            // Cap a single step so a huge force early on cannot throw a node far away.
            var fl = Math.Sqrt((fx[i] * fx[i]) + (fy[i] * fy[i]));
            if (fl * factor > 10 * Math.Sqrt(x.Length) + 10)
            {
                factor = (10 * Math.Sqrt(x.Length) + 10) / fl;
            }

            x[i] += fx[i] * factor;
            y[i] += fy[i] * factor;
        }
    }
}
