namespace NetworkAnalysis.Reporting.Layout;

/// <summary>A quadtree of point masses for Barnes-Hut repulsion, rebuilt every iteration into reused arrays.</summary>
/// <remarks>Barnes &amp; Hut, "A hierarchical O(N log N) force-calculation algorithm", Nature 324 (1986).</remarks>
internal sealed class BarnesHutTree
{
    private const int Empty = -1;
    private const int Internal = -2;
    private const int Bucket = -3; // several bodies at (nearly) one point: never subdivided further
    private const int MaxDepth = 24;

    private double[] _mass = new double[64];
    private double[] _sumX = new double[64];
    private double[] _sumY = new double[64];
    private double[] _x0 = new double[64];
    private double[] _y0 = new double[64];
    private double[] _size = new double[64];
    private int[] _body = new int[64];
    private int[] _child = new int[256];
    private int _count;
    private readonly Stack<int> _stack = new();

    public void Build(double[] x, double[] y, double[] mass)
    {
        _count = 0;
        var n = x.Length;
        if (n == 0)
        {
            return;
        }

        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < n; i++)
        {
            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        var size = Math.Max(Math.Max(maxX - minX, maxY - minY), 1e-6) * 1.0001;
        var root = NewCell(minX, minY, size);
        for (var i = 0; i < n; i++)
        {
            Insert(root, i, x, y, mass, 0);
        }
    }

    /// <summary>Adds the repulsion on body <paramref name="i"/> to (<paramref name="fx"/>, <paramref name="fy"/>).</summary>
    /// <remarks>ForceAtlas2 repulsion: kr · m_i · m_j / d along the unit vector, i.e. kr · m_i · m_j / d² times the offset.</remarks>
    public void AddRepulsion(int i, double xi, double yi, double mi, double kr, double theta, ref double fx, ref double fy)
    {
        if (_count == 0)
        {
            return;
        }

        _stack.Clear();
        _stack.Push(0);
        while (_stack.Count > 0)
        {
            var c = _stack.Pop();
            if (_mass[c] <= 0)
            {
                continue;
            }

            var body = _body[c];
            if (body == i)
            {
                continue;
            }

            var cx = _sumX[c] / _mass[c];
            var cy = _sumY[c] / _mass[c];
            var dx = xi - cx;
            var dy = yi - cy;
            var d2 = (dx * dx) + (dy * dy);
            if (body >= 0 || body == Bucket || (body == Internal && _size[c] * _size[c] < theta * theta * d2))
            {
                if (d2 < 1e-12)
                {
                    continue;
                }

                var factor = kr * mi * _mass[c] / d2;
                fx += dx * factor;
                fy += dy * factor;
                continue;
            }

            for (var q = 0; q < 4; q++)
            {
                var ch = _child[(c * 4) + q];
                if (ch >= 0)
                {
                    _stack.Push(ch);
                }
            }
        }
    }

    private void Insert(int cell, int i, double[] x, double[] y, double[] mass, int depth)
    {
        while (true)
        {
            var body = _body[cell];
            _mass[cell] += mass[i];
            _sumX[cell] += mass[i] * x[i];
            _sumY[cell] += mass[i] * y[i];
            if (body == Empty)
            {
                _body[cell] = i;
                return;
            }

            if (body == Bucket)
            {
                return;
            }

            if (body >= 0)
            {
                if (depth >= MaxDepth)
                {
                    _body[cell] = Bucket;
                    return;
                }

                // Turn the leaf into an internal cell and push its body one level down.
                _body[cell] = Internal;
                var moved = ChildFor(cell, x[body], y[body]);
                _mass[moved] += mass[body];
                _sumX[moved] += mass[body] * x[body];
                _sumY[moved] += mass[body] * y[body];
                _body[moved] = body;
            }

            cell = ChildFor(cell, x[i], y[i]);
            depth++;
        }
    }

    private int ChildFor(int cell, double px, double py)
    {
        var half = _size[cell] / 2;
        var right = px >= _x0[cell] + half ? 1 : 0;
        var down = py >= _y0[cell] + half ? 1 : 0;
        var q = right + (2 * down);
        var slot = (cell * 4) + q;
        if (_child[slot] < 0)
        {
            var x0 = _x0[cell] + (right * half);
            var y0 = _y0[cell] + (down * half);
            var created = NewCell(x0, y0, half);
            _child[slot] = created;
        }

        return _child[slot];
    }

    private int NewCell(double x0, double y0, double size)
    {
        if (_count == _mass.Length)
        {
            var len = _mass.Length * 2;
            Array.Resize(ref _mass, len);
            Array.Resize(ref _sumX, len);
            Array.Resize(ref _sumY, len);
            Array.Resize(ref _x0, len);
            Array.Resize(ref _y0, len);
            Array.Resize(ref _size, len);
            Array.Resize(ref _body, len);
            Array.Resize(ref _child, len * 4);
        }

        var c = _count++;
        _mass[c] = 0;
        _sumX[c] = 0;
        _sumY[c] = 0;
        _x0[c] = x0;
        _y0[c] = y0;
        _size[c] = size;
        _body[c] = Empty;
        _child[c * 4] = _child[(c * 4) + 1] = _child[(c * 4) + 2] = _child[(c * 4) + 3] = -1;
        return c;
    }
}
